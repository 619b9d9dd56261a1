/**
 * Finds what an earlier config made and this one no longer names (dropped peerings, jobs of dropped repositories or of
 * the other scope). The jobs listing runs alongside the GETs; the peerings come with our VNet's GET. Only the far side
 * of a dropped peering costs one more GET, and only when there is one.
 */
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import { orphanResources, type Listed } from '../core/orphans.js'
import { idOf } from '../core/ownership.js'
import { findActual } from '../core/actual.js'
import { TEAM_TAG } from '../core/resources/common.js'
import type { ActualResource, ActualState, DesiredResource } from '../core/types.js'
import { parseArmId, requireResourceGroup } from './arm-id.js'
import type { Clients } from './clients.js'
import { AzureError, describeAzureError, isNotFound, statusOf } from './errors.js'
import { rowToActual } from './graph-shape.js'
import type { GraphReader } from './resource-graph.js'
import { toActual } from './resources/lro.js'

/** Every job in the team's resource group (none while the group does not exist yet). */
export async function listJobs(
  clients: Clients,
  resourceGroupId: string,
  endpoint?: string
): Promise<ActualResource[]> {
  const parsed = parseArmId(resourceGroupId)
  const found: ActualResource[] = []
  try {
    for await (const job of clients
      .apps(parsed.subscriptionId)
      .jobs.listByResourceGroup(requireResourceGroup(parsed, resourceGroupId))) {
      if (job.id) found.push(toActual(job.id, job))
    }
  } catch (error) {
    if (isNotFound(error)) return []
    throw new AzureError(describeAzureError(error, `list the jobs in ${resourceGroupId}`, endpoint))
  }
  return found
}

/**
 * Every resource in the team's resource group carrying the team tag: those that are not provably ours (our tags, not
 * our name) are named in a warning. ARM filters by tag server-side (and then leaves the tags out of the answer).
 */
export async function listTagged(
  clients: Clients,
  resourceGroupId: string,
  team: string,
  endpoint?: string
): Promise<{ id: string; type: string }[]> {
  const parsed = parseArmId(resourceGroupId)
  const found: { id: string; type: string }[] = []
  try {
    const filter = `tagName eq '${TEAM_TAG}' and tagValue eq '${team}'`
    for await (const r of clients
      .resources(parsed.subscriptionId)
      .resources.listByResourceGroup(requireResourceGroup(parsed, resourceGroupId), { filter })) {
      if (r.id && r.type) found.push({ id: r.id, type: r.type })
    }
  } catch (error) {
    if (isNotFound(error)) return []
    throw new AzureError(describeAzureError(error, `list the resources in ${resourceGroupId}`, endpoint))
  }
  return found
}

/** The peerings a VNet's GET lists, in the same SDK shape as a peering's own GET. */
function peeringsOf(vnet: ActualResource | undefined): ActualResource[] {
  const peerings = vnet?.body.virtualNetworkPeerings
  if (!Array.isArray(peerings)) return []
  return peerings.flatMap((p: { id?: unknown }) => (typeof p.id === 'string' ? [toActual(p.id, p)] : []))
}

/**
 * The desired list with the orphans added (as `absent` resources), and the observed state with theirs added: taken
 * from the listings, and read with `readMore` for what the listings do not hold. `actual` itself is left as it was.
 */
export async function withOrphans(
  config: TeamConfig,
  wanted: DesiredResource[],
  actual: ActualState,
  listings: { jobs: ActualResource[]; tagged: { id: string; type: string }[]; links?: ActualResource[] },
  readMore: (resources: DesiredResource[]) => Promise<ActualState>
): Promise<{
  desired: DesiredResource[]
  actual: ActualState
  warnings: string[]
  foreignChildren: Map<string, string[]>
}> {
  const { jobs, tagged } = listings
  const links = listings.links ?? []
  const peerings = peeringsOf(findActual(actual, teamLayout(config).virtualNetworkId))
  const listed: Listed = {
    peerings: peerings.map(p => ({
      id: p.id,
      name: p.id.slice(p.id.lastIndexOf('/') + 1),
      remoteVnetId: idOf(p.body.remoteVirtualNetwork)
    })),
    jobs: jobs.map(j => ({
      id: j.id,
      tags: j.body.tags as Record<string, string> | undefined,
      environmentId: typeof j.body.environmentId === 'string' ? j.body.environmentId : undefined
    })),
    tagged,
    links: links.map(l => ({
      id: l.id,
      name: l.id.slice(l.id.lastIndexOf('/') + 1),
      virtualNetworkId: idOf(l.body.virtualNetwork)
    }))
  }
  const { resources: orphans, warnings, foreignChildren } = orphanResources(config, wanted, listed)
  const byId = new Map([...peerings, ...jobs, ...links].map(r => [r.id.toLowerCase(), r]))
  const unread = orphans.filter(o => !byId.has(o.id.toLowerCase()))
  const listedState = orphans.flatMap(o =>
    byId.has(o.id.toLowerCase()) ? [[o.id, byId.get(o.id.toLowerCase())] as const] : []
  )
  const read = unread.length > 0 ? [...(await readMore(unread))] : []
  const observed: ActualState = new Map([...actual, ...listedState, ...read])
  return { desired: [...wanted, ...orphans], actual: observed, warnings, foreignChildren }
}

/** Resource Graph's answer for the links pointing at one VNet, in every subscription the identity may read. */
export function linksToQuery(virtualNetworkId: string): string {
  return `resources | where type =~ 'microsoft.network/privatednszones/virtualnetworklinks' and properties.virtualNetwork.id =~ '${virtualNetworkId.replace(/'/g, "\\'")}' | project id, name, type, location, tags, properties | order by id asc`
}

/**
 * Our links in zones the config no longer names: only a search finds them. Each is read again by GET (Graph lags);
 * one we may not read (the zone's role was removed) is named in a warning and left alone, never a failure.
 */
export async function findDroppedLinks(
  config: TeamConfig,
  wanted: DesiredResource[],
  graph: GraphReader,
  read: (id: string) => Promise<ActualResource | undefined>,
  endpoint?: string
): Promise<{ links: ActualResource[]; warnings: string[] }> {
  const layout = teamLayout(config)
  const known = new Set(wanted.map(r => r.id.toLowerCase()))
  let rows
  try {
    rows = await graph.query(linksToQuery(layout.virtualNetworkId))
  } catch (error) {
    return { links: [], warnings: [`${(error as Error).message}: links of dropped private DNS zones not searched`] }
  }
  const candidates = rows
    .map(rowToActual)
    .filter(l => !known.has(l.id.toLowerCase()) && l.id.split('/').at(-1) === layout.names.privateDnsZoneLink)
  const links: ActualResource[] = []
  const warnings: string[] = []
  await Promise.all(
    candidates.map(async l => {
      try {
        const found = await read(l.id)
        if (found) links.push(found)
      } catch (error) {
        if (statusOf(error) !== 403)
          throw new AzureError(describeAzureError(error, `read private DNS zone link ${l.id}`, endpoint))
        warnings.push(`${describeAzureError(error, `read private DNS zone link ${l.id}`, endpoint)}; not pruned`)
      }
    })
  )
  return { links, warnings }
}
