/**
 * A plan saved with `plan --json` is applied as it is only while it fits: made for apply of this team, from what Azure
 * held (not offline), and nothing it touches has moved since (each entry's fingerprint still matches).
 */
import { findActual, fingerprint } from './actual.js'
import type { ActualState, Plan, PlanEntry } from './types.js'

/** Why the saved plan cannot be applied to this team at all, or undefined. */
export function savedPlanMismatch(saved: Plan, team: string): string | undefined {
  if (saved.team !== team || saved.purpose !== 'apply')
    return `The saved plan is for ${saved.purpose} of team ${saved.team}, not for apply of team ${team}: make it with plan --json for this config.`
  if (saved.entries.some(e => e.observed === 'unread'))
    return 'The saved plan was made offline (plan --offline), so it cannot be applied: make it with plan --json.'
  return undefined
}

/** Why the saved plan is stale against what Azure holds now, or undefined. */
export function movedSince(saved: Plan, live: ActualState): string | undefined {
  const moved = saved.entries.filter((e: PlanEntry) => fingerprint(findActual(live, e.id)) !== e.observed)
  if (moved.length === 0) return undefined
  return `The saved plan is stale: ${moved.map(e => `${e.type} ${e.name}`).join(', ')} changed in Azure since it was made. Run plan again, review it, and apply the new plan.`
}
