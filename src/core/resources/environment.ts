/** The Container Apps environment inside the runner subnet, and where its logs go. */
import type { ManagedEnvironment } from '@azure/arm-appcontainers'
import type { DiagnosticSettingsResource } from '@azure/arm-monitor'
import type { TeamConfig } from '../../config/types.js'
import type { TeamLayout } from '../layout.js'
import { dedicatedProfiles } from '../pools.js'
import type { DesiredResource } from '../types.js'
import { absent, API_VERSION, desired, teamTags, type Clearable } from './common.js'

type LogsConfiguration = Clearable<NonNullable<ManagedEnvironment['appLogsConfiguration']>, 'destination'>

/**
 * Logs go through a diagnostic setting (`azure-monitor`), not `log-analytics`: that destination needs the workspace's
 * shared key in the body, and no secret goes into a resource body. Without a workspace the destination is cleared.
 */
export function managedEnvironment(config: TeamConfig, layout: TeamLayout): DesiredResource {
  const appLogsConfiguration: LogsConfiguration = { destination: config.logs.workspaceId ? 'azure-monitor' : null }
  const body: Omit<ManagedEnvironment, 'appLogsConfiguration'> & { appLogsConfiguration: LogsConfiguration } = {
    location: config.azure.location,
    tags: teamTags(config),
    vnetConfiguration: { infrastructureSubnetId: layout.subnetId, internal: true },
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }, ...dedicatedProfiles(config)],
    appLogsConfiguration
  }
  return desired({
    kind: 'managedEnvironment',
    id: layout.managedEnvironmentId,
    type: 'Microsoft.App/managedEnvironments',
    apiVersion: API_VERSION.app,
    dependsOn: [layout.subnetId],
    ownership: 'tagged',
    body
  })
}

/** Without a workspace: the same setting, to be deleted. */
export function diagnosticSetting(workspaceId: string | undefined, layout: TeamLayout): DesiredResource {
  // Resource-specific tables (ContainerAppConsoleLogs, ContainerAppSystemLogs), not AzureDiagnostics, which is what
  // the API assumes when the type is left out: learn.microsoft.com/azure/azure-monitor/reference/supported-logs/
  // microsoft-app-managedenvironments-logs lists a table per category.
  const body: DiagnosticSettingsResource = {
    workspaceId,
    logAnalyticsDestinationType: 'Dedicated',
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
  }
  const setting = desired({
    kind: 'diagnosticSetting',
    id: layout.diagnosticSettingId,
    type: 'Microsoft.Insights/diagnosticSettings',
    apiVersion: API_VERSION.monitor,
    dependsOn: [layout.managedEnvironmentId],
    ownership: 'child',
    body
  })
  return workspaceId ? setting : absent(setting)
}
