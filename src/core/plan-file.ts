/**
 * A plan saved with `plan --json` is applied as it is only while it fits: made for apply of this team, from what Azure
 * held (not offline), and nothing it touches has moved since (each entry's fingerprint still matches).
 */
import { findActual, fingerprint, stableJson } from './actual.js'
import type { ActualState, Plan, PlanEntry, PlanSources } from './types.js'

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

/** Why the sources the plan was made from are not the ones apply runs with now, or undefined. */
export function sourcesChanged(
  saved: Plan,
  now: PlanSources,
  files: { config: string; policy?: string }
): string | undefined {
  const made = saved.sources
  if (!made)
    return 'The saved plan records no hashes of its config and policy (made by an older runner-setup): make it again with plan --json.'
  if (made.config !== now.config)
    return `The saved plan is stale: ${files.config} changed since it was made (${made.config} then, ${now.config} now). Review the plan of the current config.`
  if (made.policy !== now.policy)
    return `The saved plan is stale: the platform policy${files.policy ? ` ${files.policy}` : ''} changed since it was made (${made.policy ?? 'none'} then, ${now.policy ?? 'none'} now). Review the plan under the current policy.`
  return undefined
}

/** What one entry amounts to: its action on its resource and, for writes, the exact body. */
function entryShape(e: PlanEntry): string {
  return stableJson({ action: e.action, kind: e.kind, id: e.id.toLowerCase(), body: e.body ?? null })
}

/**
 * A saved plan is evidence of what was reviewed, never trusted alone: apply recomputes the plan and carries out the
 * saved one only when both hold the same entries, action and body alike. Why not, or undefined.
 */
export function planDifference(reviewed: Plan, recomputed: Plan): string | undefined {
  const before = new Map(reviewed.entries.map(e => [e.id.toLowerCase(), e]))
  const after = new Map(recomputed.entries.map(e => [e.id.toLowerCase(), e]))
  const differences: string[] = []
  for (const [id, e] of after) {
    const old = before.get(id)
    if (!old) differences.push(`${e.action} ${e.type} ${e.name} is not in the saved plan`)
    else if (entryShape(old) !== entryShape(e))
      differences.push(
        old.action !== e.action
          ? `${e.type} ${e.name}: ${old.action} in the saved plan, ${e.action} now`
          : `${e.type} ${e.name}: the body to send differs from the saved plan's`
      )
  }
  for (const [id, e] of before)
    if (!after.has(id)) differences.push(`${e.action} ${e.type} ${e.name} is no longer planned`)
  if (differences.length === 0) return undefined
  return `The saved plan is not what apply would do now, so it is refused: ${differences.join('; ')}. Run plan again, review it, and apply the new plan.`
}
