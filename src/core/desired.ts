/**
 * A validated team config → the exact resources apply writes, in dependency order, plus the
 * optional ones the config has turned off, marked `absent` so apply and destroy remove them.
 */
import type { ResourceGroup } from '@azure/arm-resources'
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from './layout.js'
import type { DesiredResource } from './types.js'
import { API_VERSION, desired, teamTags } from './resources/common.js'
import { diagnosticSetting, managedEnvironment } from './resources/environment.js'
import { identity, keySecretRoleAssignment } from './resources/identity.js'
import { runnerJob } from './resources/job.js'
import { registryPullAssignments, type RegistryModes } from './resources/registry.js'
import { findPool, poolView } from './pools.js'
import {
  natEgress,
  networkSecurityGroup,
  peerings,
  privateDnsZoneLinks,
  subnet,
  virtualNetwork
} from './resources/network.js'

/**
 * `now` (ms since the epoch) decides a scheduled warm pool's floor: its size inside the window, 0 outside. `registries`
 * (read by preflight) says which registries take the ABAC pull role.
 */
export function desiredResources(
  config: TeamConfig,
  now: number = Date.now(),
  registries: RegistryModes = new Map()
): DesiredResource[] {
  const layout = teamLayout(config)
  const resources: DesiredResource[] = []
  if (config.azure.createResourceGroup) resources.push(teamResourceGroup(config))
  // Without our own resource group there is nothing to wait for: the platform's group already exists.
  const groupDeps = config.azure.createResourceGroup ? [layout.resourceGroupId] : []
  resources.push(networkSecurityGroup(config, layout, groupDeps))
  resources.push(...natEgress(config, layout, groupDeps))
  resources.push(
    virtualNetwork(config, layout, groupDeps),
    subnet(config, layout),
    ...peerings(config, layout),
    ...privateDnsZoneLinks(config, layout),
    identity(config, layout, groupDeps),
    keySecretRoleAssignment(layout),
    ...registryPullAssignments(config, layout, registries),
    managedEnvironment(config, layout)
  )
  resources.push(diagnosticSetting(config.logs.workspaceId, layout))
  resources.push(
    ...layout.jobs.map(job => runnerJob(poolView(config, findPool(config, job.pool)), layout, job, now, registries))
  )
  return resources
}

/** The team's resource group, tagged as the team's: what apply creates when asked, and what onboarding prepares. */
export function teamResourceGroup(config: TeamConfig): DesiredResource {
  const body: ResourceGroup = { location: config.azure.location, tags: teamTags(config) }
  return desired({
    kind: 'resourceGroup',
    id: teamLayout(config).resourceGroupId,
    type: 'Microsoft.Resources/resourceGroups',
    apiVersion: API_VERSION.resources,
    dependsOn: [],
    ownership: 'tagged',
    body
  })
}
