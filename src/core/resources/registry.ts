/**
 * Pulling a pool's image from the team's Azure Container Registry with the runner identity: the job's `registries`
 * entry names the identity (never a password or the admin user), and a role assignment on the registry lets it pull.
 * A registry whose roleAssignmentMode is AbacRepositoryPermissions ignores AcrPull and honours Container Registry
 * Repository Reader instead (learn.microsoft.com/azure/container-registry/container-registry-rbac-abac-repository-permissions).
 */
import type { RoleAssignmentCreateParameters } from '@azure/arm-authorization'
import type { TeamConfig } from '../../config/types.js'
import type { TeamLayout } from '../layout.js'
import { roleAssignmentName } from '../names.js'
import { runnerPools } from '../pools.js'
import { ref, type WithRefs } from '../refs.js'
import type { DesiredResource } from '../types.js'
import { API_VERSION, desired } from './common.js'

/** Built-in role AcrPull: pull artifacts from a container registry. */
export const ACR_PULL = '7f951dda-4ed3-4680-a7ca-43fe172d538d'
/** Built-in role Container Registry Repository Reader: what an ABAC-mode registry honours for pulls. */
export const REPOSITORY_READER = 'b93aa761-3e63-49ed-ac28-beffa264f7ac'
export const ABAC_MODE = 'AbacRepositoryPermissions'

/** What preflight read of each registry, by lowercased id; a registry not in it is taken to honour AcrPull. */
export type RegistryModes = ReadonlyMap<string, { abac: boolean }>

/** `crstudio.azurecr.io` from the registry's ARM id: Azure's login server for a registry of that name. */
export function loginServer(registryId: string): string {
  return `${registryId.slice(registryId.lastIndexOf('/') + 1).toLowerCase()}.azurecr.io`
}

export function pullRole(registryId: string, modes: RegistryModes): string {
  const roleGuid = modes.get(registryId.toLowerCase())?.abac ? REPOSITORY_READER : ACR_PULL
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(registryId)?.[1] ?? ''
  return `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`
}

export function pullAssignmentId(registryId: string, layout: TeamLayout, modes: RegistryModes): string {
  const name = roleAssignmentName(registryId, layout.identityId, pullRole(registryId, modes))
  return `${registryId}/providers/Microsoft.Authorization/roleAssignments/${name}`
}

/** The registries the team's pools pull from, each once (ARM ids are case-insensitive). */
export function teamRegistries(config: TeamConfig): string[] {
  const byKey = new Map<string, string>()
  for (const pool of runnerPools(config)) {
    if (pool.registry && !byKey.has(pool.registry.toLowerCase())) byKey.set(pool.registry.toLowerCase(), pool.registry)
  }
  return [...byKey.values()]
}

/** One pull-role assignment per registry, owned like the Key Vault one (its name and principal prove it ours). */
export function registryPullAssignments(
  config: TeamConfig,
  layout: TeamLayout,
  modes: RegistryModes
): DesiredResource[] {
  return teamRegistries(config).map(registryId => {
    const body: WithRefs<RoleAssignmentCreateParameters> = {
      roleDefinitionId: pullRole(registryId, modes),
      principalId: ref(layout.identityId, 'principalId'),
      principalType: 'ServicePrincipal'
    }
    return desired({
      kind: 'roleAssignment',
      id: pullAssignmentId(registryId, layout, modes),
      type: 'Microsoft.Authorization/roleAssignments',
      apiVersion: API_VERSION.authorization,
      dependsOn: [layout.identityId],
      ownership: 'marked',
      body
    })
  })
}
