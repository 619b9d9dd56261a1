/** Which existing resources are provably this team's: apply refuses to take over others, destroy leaves them alone. */
import { ownershipProblem } from '../core/ownership.js'
import { findActual, lookupIn } from '../core/plan.js'
import { resolveRefs } from '../core/refs.js'
import type { ActualState, DesiredResource, Plan } from '../core/types.js'

export interface ForeignResource {
  id: string
  reason: string
}

/**
 * Problems with existing resources that carry our names. A `child` (subnet, local peering, diagnostic
 * setting) is ours only when its parent is; a child of a foreign parent is reported through the parent.
 */
export function foreignResources(desired: DesiredResource[], actual: ActualState, team: string): ForeignResource[] {
  const problems: ForeignResource[] = []
  const lookup = lookupIn(actual)
  for (const r of desired) {
    const existing = findActual(actual, r.id)
    if (!existing) continue
    // Refs resolved from what exists, so a role assignment's principal can be compared with our identity's.
    const reason = ownershipProblem({ ...r, body: resolveRefs(r.body, lookup).body }, existing, team)
    if (reason) problems.push({ id: r.id, reason })
  }
  return problems
}

/** The ids destroy may delete: existing, and ours or under a parent that is ours. */
export function provenOwned(desired: DesiredResource[], actual: ActualState, team: string): Set<string> {
  const foreign = new Set(foreignResources(desired, actual, team).map(f => f.id.toLowerCase()))
  const owned = new Set<string>()
  for (const r of desired) {
    if (!findActual(actual, r.id) || foreign.has(r.id.toLowerCase())) continue
    if (r.ownership === 'child') {
      const parent = parentOf(r, desired)
      if (!parent || !findActual(actual, parent.id) || foreign.has(parent.id.toLowerCase())) continue
    }
    owned.add(r.id.toLowerCase())
  }
  return owned
}

/**
 * The plan without the deletes of what is not provably ours (apply never removes those), and why each was left out.
 * A no-longer-wanted resource with one of our names that someone else owns is not ours to delete, nor drift.
 */
export function ownedDeletesOnly(
  plan: Plan,
  desired: DesiredResource[],
  actual: ActualState,
  team: string
): { plan: Plan; leftAlone: ForeignResource[] } {
  const owned = provenOwned(desired, actual, team)
  const reasons = new Map(foreignResources(desired, actual, team).map(f => [f.id.toLowerCase(), f.reason]))
  const leftAlone: ForeignResource[] = []
  const entries = plan.entries.filter(e => {
    if (e.action !== 'delete' || owned.has(e.id.toLowerCase())) return true
    leftAlone.push({
      id: e.id,
      reason: reasons.get(e.id.toLowerCase()) ?? `its parent is not provably team ${team}'s: not deleting it`
    })
    return false
  })
  return { plan: { ...plan, entries }, leftAlone }
}

/** The nearest desired resource whose id contains this one's. */
function parentOf(child: DesiredResource, desired: DesiredResource[]): DesiredResource | undefined {
  const id = child.id.toLowerCase()
  return desired
    .filter(r => r !== child && id.startsWith(`${r.id.toLowerCase()}/`))
    .sort((a, b) => b.id.length - a.id.length)[0]
}
