/**
 * ACR Tasks agent pools: what the action says and refuses before it schedules a run on one.
 * Source: learn.microsoft.com/azure/container-registry/tasks-agent-pools, "Preview limitations": a preview, Premium
 * registries only, Linux only, a run on a pool cannot be cancelled, and only in these regions (no Norway East).
 */
import { InputError } from '../commands/input-error.js'
import type { Registry } from './acr-api.js'

export const AGENT_POOL_REGIONS = [
  'westus2',
  'southcentralus',
  'eastus2',
  'eastus',
  'centralus',
  'westeurope',
  'northeurope',
  'canadacentral',
  'eastasia',
  'switzerlandnorth',
  'usgovarizona',
  'usgovtexas',
  'usgovvirginia'
]

export const AGENT_POOL_WARNING =
  'ACR Tasks agent pools are a preview, for Premium registries only, and a run on one may not be cancellable: a cancelled workflow may leave the build running until it ends or times out.'

/** Refuses a pool where Azure offers none; the warning is the caller's to print. */
export function checkAgentPool(registry: Registry, pool: string, platformOs: string): void {
  const region = registry.location.replace(/\s+/g, '').toLowerCase()
  if (!AGENT_POOL_REGIONS.includes(region))
    throw new InputError(
      `Input 'agent-pool' (${pool}): registry ${registry.name} is in ${registry.location}, where ACR Tasks has no agent pools (they exist in ${AGENT_POOL_REGIONS.join(', ')}). Leave 'agent-pool' empty to build on ACR's shared compute, or use a registry in one of those regions.`
    )
  if (registry.sku !== undefined && registry.sku !== 'Premium')
    throw new InputError(
      `Input 'agent-pool' (${pool}): registry ${registry.name} is ${registry.sku}; agent pools need a Premium registry.`
    )
  if (platformOs !== 'Linux')
    throw new InputError(
      `Input 'agent-pool' (${pool}): agent pools run Linux builds only; set 'platform' to linux/....`
    )
}
