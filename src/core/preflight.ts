/**
 * Checks made before the first write, so a precondition Azure would refuse half-way through an apply stops it at the
 * start instead: one finding per check, a failure names the config line and what to do.
 */
import { nearestPosition } from '../config/positions.js'
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from './layout.js'
import { configPathOf, type WrittenNamespace } from './providers.js'
import { dedicatedNodes, poolFindings, poolReplicas, type PoolFacts } from './pool-preflight.js'
import type { PreflightFinding } from './types.js'

/** Container Apps quotas (learn.microsoft.com/azure/container-apps/quotas): defaults when the usage API says nothing. */
export const DEFAULT_ENVIRONMENTS_PER_REGION = 15
export const DEFAULT_CONSUMPTION_CORES = 100
/**
 * Subnet sizing for a workload-profiles environment (learn.microsoft.com/azure/container-apps/custom-virtual-networks):
 * Azure keeps 5 addresses of every subnet, the environment's infrastructure 12 more, and the Consumption profile uses
 * about one address per 10 replicas. So a /27 holds about 150 runners at once. An estimate: Azure publishes no API.
 */
const AZURE_RESERVED = 5
const INFRASTRUCTURE_RESERVED = 12
const REPLICAS_PER_ADDRESS = 10

export interface Usage {
  current: number
  limit: number
}

/** What preflight read from Azure; `undefined` where it could not tell (the check is then skipped). */
export interface PreflightFacts {
  /** The vault's `enableRbacAuthorization`. */
  vaultRbac: boolean | undefined
  /** Per peering (same order as the config): does the remote VNet have a gateway? Only asked with useRemoteGateways. */
  remoteGateways: (boolean | undefined)[]
  environmentExists: boolean
  /** ManagedEnvironmentCount in the subscription and region. */
  environments: Usage | undefined
  /** ManagedEnvironmentConsumptionCores of the team's environment, when it exists. */
  cores: Usage | undefined
  /** Each namespace apply writes, per subscription, with its registrationState (undefined: could not read it). */
  providers: (WrittenNamespace & { state: string | undefined })[]
  /** Registries, live profiles and Dedicated quotas, for the pools that need them. */
  pools?: PoolFacts
}

function at(config: TeamConfig, path: string): string {
  const { positions, file } = config.source
  const { line, col } = nearestPosition(p => (Object.hasOwn(positions, p) ? positions[p] : undefined), path)
  return `${file}:${line}:${col}`
}

export function subnetReplicaCapacity(cidr: string): number {
  const bits = Number(cidr.split('/')[1])
  const addresses = 2 ** (32 - bits) - AZURE_RESERVED - INFRASTRUCTURE_RESERVED
  return Math.max(0, addresses) * REPLICAS_PER_ADDRESS
}

export function preflightFindings(config: TeamConfig, facts: PreflightFacts): PreflightFinding[] {
  const findings: PreflightFinding[] = providerFindings(config, facts.providers)
  const layout = teamLayout(config)
  const vaultName = config.github.app.keyVaultId.slice(config.github.app.keyVaultId.lastIndexOf('/') + 1)
  if (facts.vaultRbac === false) {
    findings.push({
      check: 'keyVault',
      status: 'fail',
      message:
        `${at(config, 'github.app.keyVaultId')}: github.app: Key Vault ${vaultName} uses access policies, so the Key Vault Secrets User role runner-setup grants the runners' identity has no effect and no runner could read the GitHub App key. ` +
        `Switch the vault to Azure RBAC (az keyvault update --name ${vaultName} --enable-rbac-authorization true; first give RBAC roles to whoever relies on its access policies), then rerun.`
    })
  } else if (facts.vaultRbac === true) {
    findings.push({ check: 'keyVault', status: 'ok', message: `Key Vault ${vaultName} uses Azure RBAC` })
  } else {
    findings.push({
      check: 'keyVault',
      status: 'unchecked',
      message: `could not read Key Vault ${vaultName} (Microsoft.KeyVault/vaults/read): its permission model must be Azure RBAC`
    })
  }
  config.network.peerings.forEach((peering, i) => {
    if (!peering.useRemoteGateways || facts.remoteGateways[i] === true) return
    if (facts.remoteGateways[i] === undefined) {
      findings.push({
        check: 'remoteGateway',
        status: 'unchecked',
        message: `could not read ${peering.remoteVnetId}: it must have a gateway for useRemoteGateways`
      })
      return
    }
    findings.push({
      check: 'remoteGateway',
      status: 'fail',
      message:
        `${at(config, `network.peerings[${i}].useRemoteGateways`)}: network.peerings[${i}].useRemoteGateways is true but ${peering.remoteVnetId} has no gateway (Azure refuses the peering with RemoteVnetHasNoGateways). ` +
        'Set useRemoteGateways: false, or have the owners of that VNet deploy its VPN or ExpressRoute gateway first.'
    })
  })
  if (!facts.environmentExists && facts.environments) {
    const { current, limit } = facts.environments
    findings.push(
      current + 1 > limit
        ? {
            check: 'environmentQuota',
            status: 'fail',
            message:
              `${at(config, 'azure.location')}: azure.location: subscription ${config.azure.subscriptionId} already has ${current} of its ${limit} Container Apps environments in ${config.azure.location} (quota ManagedEnvironmentCount), and this team needs one more. ` +
              'Request a quota increase for Microsoft.App in that region (Azure portal, Quotas), or use another subscription or region.'
          }
        : {
            check: 'environmentQuota',
            status: 'ok',
            message: `${current + 1} of ${limit} environments in ${config.azure.location}`
          }
    )
  }
  const jobs = layout.jobs.length
  const consumption = poolReplicas(config).filter(p => !p.dedicated)
  const coresWanted = consumption.reduce((sum, p) => sum + p.cores, 0)
  const coreLimit = facts.cores?.limit ?? DEFAULT_CONSUMPTION_CORES
  const pooled = config.runners.pools !== undefined
  const coreSum = pooled
    ? `runners.pools: ${consumption.map(p => `${p.pool} ${p.cores}`).join(' + ')} = ${coresWanted} Consumption cores`
    : `runners: ${jobs} job${jobs === 1 ? '' : 's'} × runners.max ${config.runners.max} × cpu ${config.runners.cpu} = ${coresWanted} cores`
  findings.push(
    coresWanted > coreLimit
      ? {
          check: 'coreQuota',
          status: 'fail',
          message:
            `${at(config, pooled ? 'runners.pools' : 'runners.max')}: ${coreSum}, over the environment's Consumption core quota of ${coreLimit} (ManagedEnvironmentConsumptionCores); runners past it would never start. ` +
            `Lower ${pooled ? "the pools' max or cpu" : 'runners.max or runners.cpu'}, or request a quota increase for the environment.`
        }
      : { check: 'coreQuota', status: 'ok', message: `${coresWanted} of ${coreLimit} cores` }
  )
  // Consumption replicas share addresses (about 10 each); a Dedicated node takes one address of its own.
  const replicas = consumption.reduce((sum, p) => sum + p.replicas, 0)
  const nodes = dedicatedNodes(config)
  const capacity = Math.max(0, subnetReplicaCapacity(config.network.subnet) - nodes * REPLICAS_PER_ADDRESS)
  const nodeNote = nodes > 0 ? ` once the Dedicated profiles' ${nodes} nodes (one address each) are counted` : ''
  findings.push(
    replicas > capacity
      ? {
          check: 'subnetCapacity',
          status: 'fail',
          message:
            `${at(config, 'network.subnet')}: network.subnet ${config.network.subnet} holds about ${capacity} Consumption replicas${nodeNote} (Azure keeps 17 of its addresses, and each address serves about 10 replicas), but the team's ${jobs} job${jobs === 1 ? '' : 's'} may run ${replicas} runners at once. ` +
            'Use a larger subnet (one prefix length shorter doubles it) or lower runners.max.'
        }
      : {
          check: 'subnetCapacity',
          status: 'ok',
          message: `${replicas} of about ${capacity} runners fit in ${config.network.subnet}${nodes > 0 ? ` beside ${nodes} Dedicated nodes` : ''}`
        }
  )
  if (facts.pools) findings.push(...poolFindings(config, facts.pools, facts.environmentExists))
  return findings
}

/** One failure per namespace a subscription has not registered, with the command that registers it. */
function providerFindings(config: TeamConfig, providers: PreflightFacts['providers']): PreflightFinding[] {
  const findings: PreflightFinding[] = []
  for (const { subscriptionId, namespace, names, state } of providers) {
    if (state === 'Registered') continue
    if (state === undefined) {
      findings.push({
        check: 'provider',
        status: 'unchecked',
        message: `could not read the registration of ${namespace} in subscription ${subscriptionId}: it must be Registered`
      })
      continue
    }
    findings.push({
      check: 'provider',
      status: 'fail',
      message:
        `${at(config, configPathOf(config, subscriptionId))}: subscription ${subscriptionId} has not registered the resource provider ${namespace} (${state}), and apply writes ${names.join(', ')} there; Azure would refuse them with MissingSubscriptionRegistration, and an identity scoped to a resource group cannot register it. ` +
        `Have someone allowed to register providers in that subscription run once: az provider register --namespace ${namespace} --subscription ${subscriptionId}`
    })
  }
  const registered = providers.filter(p => p.state === 'Registered')
  if (registered.length > 0)
    findings.push({
      check: 'provider',
      status: 'ok',
      message: `registered: ${registered.map(p => `${p.namespace} in ${p.subscriptionId}`).join(', ')}`
    })
  return findings
}
