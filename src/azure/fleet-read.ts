/**
 * One team's state taken from a fleet snapshot (Resource Graph) instead of a GET per resource: GETs only for what
 * Graph does not hold (diagnostic settings, and resources in subscriptions the snapshot did not query), and for every
 * resource whose drift Graph shows, before that drift is reported (Graph's index lags writes).
 */
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import { TEAM_TAG } from '../core/resources/common.js'
import type { ActualResource, ActualState, DesiredResource } from '../core/types.js'
import { AzureError, describeAzureError, statusOf } from './errors.js'
import type { FleetSnapshot } from './fleet-snapshot.js'
import { KIND_LABEL } from './progress.js'
import { readEach, type ReadOptions } from './read.js'

type Options = Omit<ReadOptions, 'resourceGroupId'>

export interface GraphRead {
  actual: ActualState
  listings: { jobs: ActualResource[]; tagged: { id: string; type: string }[]; links: ActualResource[] }
}

/** The team's resources from the snapshot, the rest by GET; the listings apply and destroy get by listing. */
export async function readFromSnapshot(
  config: TeamConfig,
  wanted: DesiredResource[],
  snapshot: FleetSnapshot,
  options: Options
): Promise<GraphRead> {
  const { resourceGroupId, virtualNetworkId } = teamLayout(config)
  const createsGroup = wanted.some(r => r.kind === 'resourceGroup')
  const groupKnown = createsGroup || snapshot.get(resourceGroupId) !== undefined
  // A group Graph does not show may be new (the index lags): its GET decides.
  const groupCheck = groupKnown
    ? Promise.resolve()
    : readEach([{ kind: 'resourceGroup', id: resourceGroupId, name: resourceGroupId }], options).then(found => {
        if (found.get(resourceGroupId) === undefined)
          throw new AzureError(
            `Resource group ${resourceGroupId} does not exist: the platform team creates each team's resource group and grants the team's identity Contributor on it; ask them to, or set azure.createResourceGroup: true if this identity may create it.`
          )
      })
  const [, actual] = await Promise.all([groupCheck, readThrough(snapshot, wanted, options)])
  const inGroup = snapshot.inGroup(resourceGroupId)
  return {
    actual,
    listings: {
      jobs: inGroup.filter(r => /\/providers\/microsoft\.app\/jobs\//i.test(r.id)),
      tagged: inGroup
        .filter(r => (r.body.tags as Record<string, unknown> | undefined)?.[TEAM_TAG] === config.team)
        .map(r => ({ id: r.id, type: String(r.body.type ?? '') })),
      links: snapshot.linksTo(virtualNetworkId)
    }
  }
}

/** From the snapshot what it holds, by GET the rest. */
export async function readThrough(
  snapshot: FleetSnapshot,
  resources: Pick<DesiredResource, 'kind' | 'id' | 'name'>[],
  options: Options
): Promise<ActualState> {
  const direct = resources.filter(r => !snapshot.holds(r))
  const read = direct.length > 0 ? await readEach(direct, options) : new Map()
  return new Map(resources.map(r => [r.id, snapshot.holds(r) ? snapshot.get(r.id) : read.get(r.id)]))
}

/**
 * GETs of the resources whose drift Graph showed, to replace Graph's view of them. A 403 (a zone whose role was
 * removed, say) keeps Graph's view and is reported as a warning; any other failure fails the team.
 */
export async function confirmByGet(
  resources: Pick<DesiredResource, 'kind' | 'id' | 'name'>[],
  options: Options
): Promise<{ actual: ActualState; warnings: string[] }> {
  const warnings: string[] = []
  const actual: ActualState = new Map()
  await Promise.all(
    resources.map(async r => {
      try {
        actual.set(r.id, await options.adapters[r.kind].get(r.id))
      } catch (error) {
        if (statusOf(error) !== 403)
          throw new AzureError(describeAzureError(error, `read ${KIND_LABEL[r.kind]} ${r.name}`, options.endpoint))
        warnings.push(
          `${describeAzureError(error, `confirm the drift of ${KIND_LABEL[r.kind]} ${r.name}`, options.endpoint)} (reported as Resource Graph shows it)`
        )
      }
    })
  )
  return { actual, warnings }
}
