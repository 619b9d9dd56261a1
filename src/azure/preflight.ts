/**
 * Reads what preflight judges (core/preflight.ts): the registration of every resource provider namespace apply writes
 * (one read per namespace and subscription), the Key Vault's permission model, the gateways of remote VNets the
 * config routes through, and the Container Apps quotas. All reads, in parallel with each other; a read that fails
 * (no permission to look) skips its check rather than stopping the run: the write would then report the problem.
 */
import type { TeamConfig } from '../config/types.js'
import { desiredResources } from '../core/desired.js'
import { teamLayout } from '../core/layout.js'
import type { PoolFacts, RegistryFact } from '../core/pool-preflight.js'
import { dedicatedProfiles } from '../core/pools.js'
import type { PreflightFacts, Usage } from '../core/preflight.js'
import { writtenNamespaces } from '../core/providers.js'
import type { ActualResource } from '../core/types.js'
import { parseArmId, requireResourceGroup } from './arm-id.js'
import type { Clients } from './clients.js'

/** Microsoft.KeyVault's stable api-version (read only: `properties.enableRbacAuthorization`). */
const KEY_VAULT_API = '2023-07-01'

async function orUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read()
  } catch {
    return undefined
  }
}

async function vaultRbac(clients: Clients, vaultId: string): Promise<boolean | undefined> {
  const vault = await orUndefined(() =>
    clients.resources(parseArmId(vaultId).subscriptionId).resources.getById(vaultId, KEY_VAULT_API)
  )
  const value = (vault?.properties as { enableRbacAuthorization?: unknown } | undefined)?.enableRbacAuthorization
  // Azure's default for a vault that never set it is access policies.
  return vault === undefined ? undefined : value === true
}

/** A VNet gateway always sits in the subnet named GatewaySubnet (learn.microsoft.com/azure/vpn-gateway, settings). */
async function hasGateway(clients: Clients, vnetId: string): Promise<boolean | undefined> {
  const parsed = parseArmId(vnetId)
  const vnet = await orUndefined(() =>
    clients
      .network(parsed.subscriptionId)
      .virtualNetworks.get(requireResourceGroup(parsed, vnetId), parsed.names[0] ?? '')
  )
  if (vnet === undefined) return undefined
  const gatewaySubnet = vnet.subnets?.find(s => s.name?.toLowerCase() === 'gatewaysubnet')
  return (gatewaySubnet?.ipConfigurations?.length ?? 0) > 0
}

async function usage(
  list: () => AsyncIterable<{ name?: { value?: string }; currentValue?: number; limit?: number }>,
  name: string
): Promise<Usage | undefined> {
  return orUndefined(async () => {
    for await (const item of list()) {
      if (item.name?.value?.toLowerCase() === name.toLowerCase() && item.limit !== undefined)
        return { current: item.currentValue ?? 0, limit: item.limit }
    }
    return undefined
  })
}

/** Runs beside the other reads (one round trip deep); the environment's usages are simply absent before it exists. */
export async function readPreflightFacts(
  config: TeamConfig,
  clients: Clients
): Promise<Omit<PreflightFacts, 'environmentExists'>> {
  const layout = teamLayout(config)
  const apps = clients.apps(config.azure.subscriptionId)
  const namespaces = writtenNamespaces(desiredResources(config))
  const envUsage = (name: string) =>
    usage(() => apps.managedEnvironmentUsages.list(config.azure.resourceGroup, layout.names.managedEnvironment), name)
  const needsDedicated = dedicatedProfiles(config).length > 0
  const [providers, rbac, gateways, environments, cores, generalPurposeCores, memoryOptimizedCores] = await Promise.all(
    [
      Promise.all(
        namespaces.map(async n => ({
          ...n,
          state: (await orUndefined(() => clients.resources(n.subscriptionId).providers.get(n.namespace)))
            ?.registrationState
        }))
      ),
      vaultRbac(clients, config.github.app.keyVaultId),
      Promise.all(
        config.network.peerings.map(p => (p.useRemoteGateways ? hasGateway(clients, p.remoteVnetId) : undefined))
      ),
      usage(() => apps.usages.list(config.azure.location), 'ManagedEnvironmentCount'),
      usage(
        () => apps.managedEnvironmentUsages.list(config.azure.resourceGroup, layout.names.managedEnvironment),
        'ManagedEnvironmentConsumptionCores'
      ),
      needsDedicated ? envUsage('ManagedEnvironmentGeneralPurposeCores') : undefined,
      needsDedicated ? envUsage('ManagedEnvironmentMemoryOptimizedCores') : undefined
    ]
  )
  const dedicated = {
    ...(generalPurposeCores ? { generalPurposeCores } : {}),
    ...(memoryOptimizedCores ? { memoryOptimizedCores } : {})
  }
  return { providers, vaultRbac: rbac, remoteGateways: gateways, environments, cores, pools: poolFacts(dedicated) }
}

/** What pools' preflight needs: the Dedicated quotas read here, the registries and the live environment's profiles. */
export function poolFacts(
  read: Partial<PoolFacts> | undefined,
  registries: RegistryFact[] = [],
  environment?: ActualResource
): PoolFacts {
  const profiles = (environment?.body.workloadProfiles ?? []) as { workloadProfileType?: string }[]
  return {
    ...read,
    registries,
    liveProfileTypes: profiles.flatMap(p => (p.workloadProfileType ? [p.workloadProfileType] : []))
  }
}
