/**
 * A registry behind network rules refuses ACR Tasks' own pushes and pulls unless the registry allows tasks to bypass
 * them (`networkRuleBypassAllowedForTasks`, false unless set since June 2025:
 * learn.microsoft.com/azure/container-registry/manage-network-bypass-policy-for-tasks). The run would fail late
 * with a 403 in its log; checked first, the step says how to fix it before anything is uploaded.
 */
import { InputError } from '../commands/input-error.js'
import type { Registry } from './acr-api.js'

export function checkNetworkRules(registry: Registry, agentPool: string | undefined): void {
  const restricted = registry.publicNetworkAccess === 'Disabled' || registry.defaultAction === 'Deny'
  if (!restricted || registry.networkRuleBypassAllowedForTasks === true || agentPool) return
  throw new InputError(
    `Registry ${registry.name} has network rules (${registry.publicNetworkAccess === 'Disabled' ? 'public network access disabled' : 'default action Deny'}) and does not let ACR Tasks bypass them, so the build could not push. Allow it (az resource update --ids ${registry.id} --set properties.networkRuleBypassAllowedForTasks=true), or build on an agent pool in the registry's VNet ('agent-pool').`
  )
}
