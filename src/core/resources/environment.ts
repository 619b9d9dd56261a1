/** The Container Apps environment inside the runner subnet, and where its logs go. */
import type { ManagedEnvironment } from '@azure/arm-appcontainers'
import type { DiagnosticSettingsResource } from '@azure/arm-monitor'
import type { TeamConfig } from '../../config/types.js'
import type { TeamLayout } from '../layout.js'
import type { DesiredResource } from '../types.js'
import { API_VERSION, desired, teamTags } from './common.js'

/**
 * Logs go through a diagnostic setting (`azure-monitor`), not `log-analytics`: that destination needs the workspace's
 * shared key in the body, and no secret goes into a resource body.
 */
export function managedEnvironment(config: TeamConfig, layout: TeamLayout): DesiredResource {
  const body: ManagedEnvironment = {
    location: config.azure.location,
    tags: teamTags(config),
    vnetConfiguration: { infrastructureSubnetId: layout.subnetId, internal: true },
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }],
    ...(config.logs.workspaceId ? { appLogsConfiguration: { destination: 'azure-monitor' } } : {})
  }
  return desired({
    kind: 'managedEnvironment', id: layout.managedEnvironmentId, type: 'Microsoft.App/managedEnvironments',
    apiVersion: API_VERSION.app, dependsOn: [layout.subnetId], ownership: 'tagged', body
  })
}

export function diagnosticSetting(workspaceId: string, layout: TeamLayout): DesiredResource {
  const body: DiagnosticSettingsResource = { workspaceId, logs: [{ categoryGroup: 'allLogs', enabled: true }] }
  return desired({
    kind: 'diagnosticSetting', id: layout.diagnosticSettingId, type: 'Microsoft.Insights/diagnosticSettings',
    apiVersion: API_VERSION.monitor, dependsOn: [layout.managedEnvironmentId], ownership: 'child', body
  })
}
