/**
 * Microsoft.ContainerRegistry/registries, as far as runner-setup reads them: a GET with `loginServer` and
 * `roleAssignmentMode` (learn.microsoft.com/rest/api/containerregistry/registries/get). Tests seed them; the pull
 * check (`canPull`) is what the registry's data plane decides when a job's identity pulls an image.
 */
import { isUnder, lower } from '../router.js'
import type { ResourceStore } from '../store.js'
import type { AccessSettings } from './key-vault-access.js'
import type { ResourceType } from './resource-type.js'
import { envelope, props } from './resource-type.js'

const REGISTRY = 'Microsoft.ContainerRegistry/registries'
/** AcrPull, AcrPush, Owner and Contributor pull from a registry in RBAC mode (ACR built-in roles overview). */
const RBAC_PULLERS = new Set([
  '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  '8311e382-0749-4cb8-b61a-304f252e45ec',
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  'b24988ac-6180-42a0-ab88-20f7382dd24c'
])
/**
 * In AbacRepositoryPermissions mode the registry ignores AcrPull/AcrPush for data actions and honours the Container
 * Registry Repository roles (learn.microsoft.com/azure/container-registry/container-registry-rbac-abac-repository-permissions).
 */
const ABAC_PULLERS = new Set([
  'b93aa761-3e63-49ed-ac28-beffa264f7ac', // Container Registry Repository Reader
  '2a1e307c-b015-4ebd-883e-5b7698a07328', // Container Registry Repository Writer
  '2efddaa5-3f1f-4df3-97df-af3f13818f4c' // Container Registry Repository Contributor
])

export const containerRegistries: ResourceType = {
  type: REGISTRY,
  put: 'sync',
  delete: 'sync',
  busyState: 'Succeeded',
  requiresLocation: true,
  build: (_ctx, input) => {
    const given = props(input.body)
    return envelope(input, REGISTRY, {
      loginServer: `${input.target.name.toLowerCase()}.azurecr.io`,
      adminUserEnabled: given.adminUserEnabled ?? false,
      anonymousPullEnabled: given.anonymousPullEnabled ?? false,
      roleAssignmentMode: given.roleAssignmentMode ?? 'LegacyRegistryPermissions'
    })
  }
}

/** The registry the emulator holds for a login server, if any. */
export function registryFor(store: ResourceStore, server: string) {
  return store
    .all()
    .find(r => lower(r.type) === lower(REGISTRY) && lower(String(props(r.body).loginServer)) === lower(server))
}

/** Whether the identity may pull from the registry at `server`; a registry the emulator does not hold is not checked. */
export function canPull(store: ResourceStore, settings: AccessSettings, server: string, identityId: string): boolean {
  const registry = registryFor(store, server)
  if (registry === undefined) return true
  const abac = props(registry.body).roleAssignmentMode === 'AbacRepositoryPermissions'
  const roles = abac ? ABAC_PULLERS : RBAC_PULLERS
  const identity = store.get(identityId)
  if (identity === undefined) return false
  const principalId = lower(String(props(identity.body).principalId))
  const now = Date.now()
  return store.all().some(r => {
    if (lower(r.type) !== 'microsoft.authorization/roleassignments') return false
    const p = props(r.body)
    const role = lower(String(p.roleDefinitionId).split('/').at(-1) ?? '')
    const effective = Date.parse(String(p.createdOn)) + settings.propagationMs <= now
    return (
      lower(String(p.principalId)) === principalId &&
      roles.has(role) &&
      isUnder(registry.id, String(p.scope)) &&
      effective
    )
  })
}
