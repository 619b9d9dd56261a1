/**
 * Whether a managed identity may read a Key Vault secret, as Container Apps checks when a job
 * references `keyVaultUrl`: an RBAC role that grants secret reads, at the secret, the vault or above.
 * A vault the emulator does not hold is not checked (it may live elsewhere).
 */
import { isUnder, lower } from '../router.js'
import type { ResourceStore } from '../store.js'
import { props, type AccessSettings } from './resource-type.js'

/** Built-in roles that can read secret values: Key Vault Secrets User, Secrets Officer, Administrator. */
const SECRET_READERS = new Set([
  '4633458b-17de-408a-b874-0445c86b69e6',
  'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
  '00482a5a-887f-4fb3-b363-3b7fe8e74483'
])

export function canReadSecret(
  store: ResourceStore,
  settings: AccessSettings,
  keyVaultUrl: string,
  identityId: string
): boolean {
  let url: URL
  try {
    url = new URL(keyVaultUrl)
  } catch {
    return false
  }
  const vaultName = lower(url.hostname.split('.')[0] ?? '')
  const vault = store
    .all()
    .find(r => lower(r.type) === 'microsoft.keyvault/vaults' && lower(String(r.body.name)) === vaultName)
  if (vault === undefined) return true
  // A vault on access policies ignores Azure RBAC role assignments for its data plane ("Azure RBAC vs. access
  // policies", learn.microsoft.com/azure/key-vault/general/rbac-access-policy): the job then cannot read the secret.
  if (props(vault.body).enableRbacAuthorization !== true) return false
  const identity = store.get(identityId)
  if (identity === undefined) return false
  const principalId = lower(String(props(identity.body).principalId))
  const secretName = url.pathname.split('/')[2] ?? ''
  const secretScope = `${vault.id}/secrets/${secretName}`
  const now = Date.now()
  return store.all().some(r => {
    if (lower(r.type) !== 'microsoft.authorization/roleassignments') return false
    const p = props(r.body)
    const role = lower(String(p.roleDefinitionId).split('/').at(-1) ?? '')
    const effective = Date.parse(String(p.createdOn)) + settings.propagationMs <= now
    return (
      lower(String(p.principalId)) === principalId &&
      SECRET_READERS.has(role) &&
      isUnder(secretScope, String(p.scope)) &&
      effective
    )
  })
}
