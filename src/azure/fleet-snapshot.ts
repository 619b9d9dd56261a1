/**
 * What Azure Resource Graph holds of a whole fleet, read in a handful of paged queries instead of 13–18 GETs per
 * team. Four queries, each over every subscription the configs name (one ARM read bucket each, untouched: Graph has
 * its own quota):
 * - the teams' resource types (a VNet row carries its subnets and peerings);
 * - the resource groups;
 * - the role assignments (at most about 4,000 per subscription, Azure's limit);
 * - our private DNS zone links, by name, in every subscription the identity may read: a zone dropped from a config is
 *   named nowhere else.
 * Diagnostic settings are not in Resource Graph; the engine reads them with a GET.
 */
import type { TeamConfig } from '../config/types.js'
import { desiredResources } from '../core/desired.js'
import { LINK_NAME_PREFIX } from '../core/names.js'
import type { ActualResource, ResourceKind } from '../core/types.js'
import { rowToActual } from './graph-shape.js'
import type { GraphReader, GraphRow } from './resource-graph.js'

const TEAM_TYPES = [
  'microsoft.network/networksecuritygroups',
  'microsoft.network/publicipaddresses',
  'microsoft.network/natgateways',
  'microsoft.network/virtualnetworks',
  'microsoft.managedidentity/userassignedidentities',
  'microsoft.app/managedenvironments',
  'microsoft.app/jobs'
]
const LINK_TYPE = 'microsoft.network/privatednszones/virtualnetworklinks'

export const FLEET_QUERIES = {
  resources: `resources | where type in~ (${TEAM_TYPES.map(t => `'${t}'`).join(', ')}) | project id, name, type, location, tags, properties, identity, sku | order by id asc`,
  groups: `resourcecontainers | where type =~ 'microsoft.resources/subscriptions/resourcegroups' | project id, name, type, location, tags, properties | order by id asc`,
  roleAssignments: `authorizationresources | where type =~ 'microsoft.authorization/roleassignments' | project id, name, type, properties | order by id asc`,
  links: `resources | where type =~ '${LINK_TYPE}' and name startswith '${LINK_NAME_PREFIX}' | project id, name, type, location, tags, properties | order by id asc`
}

/** The kinds a Graph row answers for; the rest (diagnostic settings) need their GET. */
const GRAPH_KINDS = new Set<ResourceKind>([
  'resourceGroup',
  'networkSecurityGroup',
  'publicIpAddress',
  'natGateway',
  'virtualNetwork',
  'subnet',
  'peering',
  'remotePeering',
  'privateDnsZoneLink',
  'identity',
  'roleAssignment',
  'managedEnvironment',
  'job'
])

export interface FleetSnapshot {
  /** True when the snapshot answers for this resource (its kind is in Graph and its subscription was queried). */
  holds(resource: { kind: ResourceKind; id: string }): boolean
  get(id: string): ActualResource | undefined
  /** Top-level resources of a resource group. */
  inGroup(resourceGroupId: string): ActualResource[]
  /** Private DNS zone links (any subscription) that point at this VNet. */
  linksTo(virtualNetworkId: string): ActualResource[]
  /** Graph queries sent (pages count one each). */
  queries: number
}

export function subscriptionOf(id: string): string {
  return (/^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '').toLowerCase()
}

/** Every subscription the fleet's desired resources live in. */
export function fleetSubscriptions(configs: TeamConfig[]): string[] {
  const all = new Set<string>()
  for (const config of configs) for (const r of desiredResources(config)) all.add(subscriptionOf(r.id))
  all.delete('')
  return [...all].sort()
}

export async function loadFleetSnapshot(configs: TeamConfig[], graph: GraphReader): Promise<FleetSnapshot> {
  const subscriptions = fleetSubscriptions(configs)
  const before = graph.queries
  // One query at a time: the quota is per user, and a page is large.
  const resources = await graph.query(FLEET_QUERIES.resources, subscriptions)
  const groups = await graph.query(FLEET_QUERIES.groups, subscriptions)
  const roleAssignments = await graph.query(FLEET_QUERIES.roleAssignments, subscriptions)
  const links = await graph.query(FLEET_QUERIES.links)
  return snapshotOf(
    new Set(subscriptions),
    [...resources, ...groups, ...roleAssignments, ...links],
    graph.queries - before
  )
}

export function snapshotOf(subscriptions: Set<string>, rows: GraphRow[], queries: number): FleetSnapshot {
  const byId = new Map<string, ActualResource>()
  const byGroup = new Map<string, ActualResource[]>()
  const linksByVnet = new Map<string, ActualResource[]>()
  for (const row of rows) {
    if (typeof row.id !== 'string') continue
    const resource = rowToActual(row)
    const id = resource.id.toLowerCase()
    byId.set(id, resource)
    const type = String(row.type ?? '').toLowerCase()
    if (type === LINK_TYPE) {
      const vnet = String((resource.body.virtualNetwork as { id?: unknown } | undefined)?.id ?? '').toLowerCase()
      linksByVnet.set(vnet, [...(linksByVnet.get(vnet) ?? []), resource])
    }
    if (type === 'microsoft.network/virtualnetworks')
      for (const child of childrenOf(resource)) byId.set(child.id.toLowerCase(), child)
    const group = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+)\/providers\/[^/]+\/[^/]+\/[^/]+$/i.exec(id)?.[1]
    if (group) byGroup.set(group, [...(byGroup.get(group) ?? []), resource])
  }
  return {
    holds: r => GRAPH_KINDS.has(r.kind) && subscriptions.has(subscriptionOf(r.id)),
    get: id => byId.get(id.toLowerCase()),
    inGroup: id => byGroup.get(id.toLowerCase()) ?? [],
    linksTo: id => linksByVnet.get(id.toLowerCase()) ?? [],
    queries
  }
}

/** A VNet row's subnets and peerings, each as its own GET would answer it. */
function childrenOf(vnet: ActualResource): ActualResource[] {
  const lists = [vnet.body.subnets, vnet.body.virtualNetworkPeerings]
  return lists.flatMap(list =>
    Array.isArray(list)
      ? list.flatMap((child: Record<string, unknown>) =>
          typeof child.id === 'string' ? [{ id: child.id, body: child }] : []
        )
      : []
  )
}
