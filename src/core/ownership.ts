/** Proof that an existing resource with one of our names is this team's, before apply writes or destroy deletes it. */
import { isRef } from './refs.js'
import { MANAGED_BY, MANAGED_BY_TAG, TEAM_TAG } from './resources/common.js'
import type { ActualResource, DesiredResource } from './types.js'

/** The `id` of an ARM sub-resource reference (`{ id }`), when there is one. */
export function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | undefined)?.id
  return typeof id === 'string' ? id : undefined
}

function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()
}

function taggedProblem(desired: DesiredResource, actual: ActualResource, team: string): string | undefined {
  const tags = (actual.body.tags ?? {}) as Record<string, unknown>
  if (tags[MANAGED_BY_TAG] === MANAGED_BY && tags[TEAM_TAG] === team) return undefined
  const owner =
    typeof tags[TEAM_TAG] === 'string' && tags[MANAGED_BY_TAG] === MANAGED_BY ? ` (it is team ${tags[TEAM_TAG]}'s)` : ''
  const next =
    desired.kind === 'resourceGroup'
      ? 'set azure.createResourceGroup: false to use the existing group'
      : `remove or rename it, or tag it ${MANAGED_BY_TAG}=${MANAGED_BY} and ${TEAM_TAG}=${team} if it really is this team's`
  return `${desired.type} ${desired.name} exists but is not tagged as team ${team}'s${owner}: refusing to take it over; ${next}`
}

function remotePeeringProblem(desired: DesiredResource, actual: ActualResource): string | undefined {
  const ours = idOf(desired.body.remoteVirtualNetwork)
  const theirs = idOf(actual.body.remoteVirtualNetwork)
  if (sameId(ours, theirs)) return undefined
  const vnet = desired.id.slice(0, desired.id.toLowerCase().lastIndexOf('/virtualnetworkpeerings/'))
  return (
    `Peering ${desired.name} on ${vnet} exists but points at ${theirs ?? 'no VNet'}, not at ${ours}: ` +
    'refusing to take it over; remove or rename that peering'
  )
}

/**
 * The assignment's name is derived from our identity's id, scope and role; its principal proves the rest. Before the
 * principal is known (ref unresolved) the name is all the proof there is.
 */
function roleAssignmentProblem(desired: DesiredResource, actual: ActualResource): string | undefined {
  const wanted = desired.body.principalId
  const found = actual.body.principalId
  if (isRef(wanted) || wanted === found) return undefined
  return (
    `Role assignment ${desired.name} exists but is granted to principal ${String(found)}, not to ${String(wanted)}: ` +
    'refusing to take it over; remove that role assignment (it may be left over from a deleted identity)'
  )
}

/**
 * Why `actual` must not be treated as this team's `desired` resource, or undefined when it may (or nothing exists).
 * Pass `desired` with refs resolved from actual state (`resolveRefs` + `lookupIn`) to check a role assignment's principal.
 */
export function ownershipProblem(
  desired: DesiredResource,
  actual: ActualResource | undefined,
  team: string
): string | undefined {
  if (actual === undefined) return undefined
  const problem = takeOverProblem(desired, actual, team)
  // Something no longer wanted that is not provably ours was never ours to delete.
  if (problem && desired.absent)
    return `${desired.type} ${desired.name} is no longer in the config but is not provably team ${team}'s: not deleting it`
  return problem
}

function takeOverProblem(desired: DesiredResource, actual: ActualResource, team: string): string | undefined {
  if (desired.ownership === 'tagged') return taggedProblem(desired, actual, team)
  if (desired.kind === 'remotePeering') return remotePeeringProblem(desired, actual)
  if (desired.kind === 'roleAssignment') return roleAssignmentProblem(desired, actual)
  return undefined
}
