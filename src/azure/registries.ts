/**
 * Reads the container registries the pools pull from: whether each exists, and its roleAssignmentMode, which decides
 * the pull role (AcrPull, or Container Registry Repository Reader for AbacRepositoryPermissions). A registry may be in
 * any subscription. A read that fails for another reason than 404 leaves the registry unchecked.
 */
import type { TeamConfig } from '../config/types.js'
import type { RegistryFact } from '../core/pool-preflight.js'
import { ABAC_MODE, teamRegistries, type RegistryModes } from '../core/resources/registry.js'
import { parseArmId } from './arm-id.js'
import type { Clients } from './clients.js'

/** Microsoft.ContainerRegistry's api-version that returns `roleAssignmentMode`. */
export const CONTAINER_REGISTRY_API = '2025-04-01'

export async function readRegistries(config: TeamConfig, clients: Clients): Promise<RegistryFact[]> {
  return Promise.all(
    teamRegistries(config).map(async (id): Promise<RegistryFact> => {
      try {
        const registry = await clients
          .resources(parseArmId(id).subscriptionId)
          .resources.getById(id, CONTAINER_REGISTRY_API)
        const mode = (registry.properties as { roleAssignmentMode?: unknown } | undefined)?.roleAssignmentMode
        return {
          id,
          exists: true,
          mayGrant: undefined,
          ...(typeof mode === 'string' ? { roleAssignmentMode: mode } : {})
        }
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode
        return { id, exists: status === 404 ? false : undefined, mayGrant: undefined }
      }
    })
  )
}

export function registryModes(facts: RegistryFact[]): RegistryModes {
  return new Map(facts.map(f => [f.id.toLowerCase(), { abac: f.roleAssignmentMode === ABAC_MODE }]))
}
