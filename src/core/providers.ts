/**
 * Resource provider namespaces apply writes, per subscription. A subscription must register a namespace before anyone
 * can create its resources, and an identity scoped to a resource group cannot register it: the write fails with
 * MissingSubscriptionRegistration (learn.microsoft.com/azure/azure-resource-manager/troubleshooting/
 * error-register-resource-provider). Preflight reads each namespace once per subscription and refuses with the one
 * command that fixes it.
 */
import type { TeamConfig } from '../config/types.js'
import type { DesiredResource } from './types.js'

/**
 * Registered in every subscription from the start ("registered by default", learn.microsoft.com/azure/
 * azure-resource-manager/management/resource-providers-and-types): resource groups and role assignments.
 */
const REGISTERED_BY_DEFAULT = new Set(['microsoft.resources', 'microsoft.authorization'])

export interface WrittenNamespace {
  subscriptionId: string
  namespace: string
  /** Names of the resources apply writes in it, for the message. */
  names: string[]
}

const SUBSCRIPTION = /^\/subscriptions\/([^/]+)/i

/** An id's namespace is the one after its last `/providers/` (an extension resource's own, not its scope's). */
export function namespaceOf(id: string): string {
  const parts = id.split('/')
  const at = parts.map(p => p.toLowerCase()).lastIndexOf('providers')
  return at >= 0 ? (parts[at + 1] ?? '') : 'Microsoft.Resources'
}

/** Each (subscription, namespace) the resources write to, in first-seen order, without the ones registered by default. */
export function writtenNamespaces(resources: Pick<DesiredResource, 'id' | 'name'>[]): WrittenNamespace[] {
  const found = new Map<string, WrittenNamespace>()
  for (const resource of resources) {
    const subscriptionId = SUBSCRIPTION.exec(resource.id)?.[1]
    const namespace = namespaceOf(resource.id)
    if (subscriptionId === undefined || REGISTERED_BY_DEFAULT.has(namespace.toLowerCase())) continue
    const key = `${subscriptionId.toLowerCase()}|${namespace.toLowerCase()}`
    const entry = found.get(key) ?? { subscriptionId, namespace, names: [] }
    if (!entry.names.includes(resource.name)) entry.names.push(resource.name)
    found.set(key, entry)
  }
  return [...found.values()]
}

/** The config field that puts a write in `subscriptionId`: the team's own, or the id of a resource in another one. */
export function configPathOf(config: TeamConfig, subscriptionId: string): string {
  const inIt = (id: string | undefined): boolean =>
    id !== undefined && SUBSCRIPTION.exec(id)?.[1]?.toLowerCase() === subscriptionId.toLowerCase()
  if (config.azure.subscriptionId.toLowerCase() === subscriptionId.toLowerCase()) return 'azure.subscriptionId'
  const peering = config.network.peerings.findIndex(p => inIt(p.remoteVnetId))
  if (peering >= 0) return `network.peerings[${peering}].remoteVnetId`
  const zone = config.network.privateDnsZones.findIndex(inIt)
  if (zone >= 0) return `network.privateDnsZones[${zone}]`
  if (inIt(config.logs.workspaceId)) return 'logs.workspaceId'
  if (inIt(config.github.app.keyVaultId)) return 'github.app.keyVaultId'
  return 'azure.subscriptionId'
}
