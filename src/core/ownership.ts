/** Proof that an existing resource with one of our names is this team's, before apply writes or destroy deletes it. */
import { findActual, lookupIn } from './actual.js'
import { isRef, resolveRefs } from './refs.js'
import { MANAGED_BY, MANAGED_BY_TAG, TEAM_TAG } from './resources/common.js'
import type { ActualResource, ActualState, DesiredResource } from './types.js'

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

/** Why each existing resource with one of our names is not provably ours, keyed by lowercased id. */
export type OwnershipVerdicts = Map<string, string>

/**
 * Every ownership verdict of a run, made once: the problems of existing resources that carry our names. A `child`
 * (subnet, local peering, diagnostic setting) is ours only when its parent is: a child of a foreign parent gets the
 * parent's verdict.
 */
export function judgeOwnership(desired: DesiredResource[], actual: ActualState, team: string): OwnershipVerdicts {
  const verdicts: OwnershipVerdicts = new Map()
  const lookup = lookupIn(actual)
  for (const r of desired) {
    // Refs resolved from what exists, so a role assignment's principal can be compared with our identity's.
    const problem = ownershipProblem({ ...r, body: resolveRefs(r.body, lookup).body }, findActual(actual, r.id), team)
    if (problem) verdicts.set(r.id.toLowerCase(), problem)
  }
  for (const r of desired) {
    if (r.ownership !== 'child' || !findActual(actual, r.id) || verdicts.has(r.id.toLowerCase())) continue
    const parent = parentOf(r, desired)
    if (parent && verdicts.has(parent.id.toLowerCase()))
      verdicts.set(r.id.toLowerCase(), `its parent ${parent.name} is not provably team ${team}'s: not touching it`)
  }
  return verdicts
}

/** The nearest desired resource whose id contains this one's. */
function parentOf(child: DesiredResource, desired: DesiredResource[]): DesiredResource | undefined {
  const id = child.id.toLowerCase()
  return desired
    .filter(r => r !== child && id.startsWith(`${r.id.toLowerCase()}/`))
    .sort((a, b) => b.id.length - a.id.length)[0]
}
