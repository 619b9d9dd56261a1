/**
 * Desired + observed state → the plan: every entry carries its action, the reason, the body to send (with refs where
 * Azure has not assigned a value yet), what it depends on and which VNets it must not share with a parallel write.
 * Ownership, in-flight waits and preflight findings are decided here, once; the executor only carries a plan out.
 */
import { findActual, fingerprint, isSettled, lookupIn, provisioningState } from './actual.js'
import { diffResource } from './diff.js'
import { exclusiveKeys } from './exclusive.js'
import { withLive } from './merge.js'
import type { OwnershipVerdicts } from './ownership.js'
import { renderRefs, resolveRefs } from './refs.js'
import { TEAM_TAG } from './resources/common.js'
import type {
  ActualResource,
  ActualState,
  DesiredResource,
  Plan,
  PlanAction,
  PlanEntry,
  PreflightFinding
} from './types.js'

/** What one run observed: Azure's state, the ownership verdicts made on it, and the preflight findings. */
export interface Observed {
  actual: ActualState
  verdicts: OwnershipVerdicts
  preflight?: PreflightFinding[]
  warnings?: string[]
  /** Children someone else put under a resource of ours (by lowercased parent id): deleting the parent would take them. */
  foreignChildren?: Map<string, string[]>
}

/**
 * Level 0 has no dependencies; everything else sits one above its deepest dependency, so the writes of one level
 * can run in parallel. Dependencies outside the list (an existing resource group) are already there.
 */
export function levels(desired: DesiredResource[]): Map<string, number> {
  const byId = new Map(desired.map(resource => [resource.id, resource]))
  const result = new Map<string, number>()
  const inProgress: string[] = []
  const visit = (resource: DesiredResource): number => {
    const known = result.get(resource.id)
    if (known !== undefined) return known
    const start = inProgress.indexOf(resource.id)
    if (start >= 0) {
      const cycle = [...inProgress.slice(start), resource.id].map(id => byId.get(id)?.name ?? id)
      throw new Error(`Dependency cycle between desired resources: ${cycle.join(' → ')}`)
    }
    inProgress.push(resource.id)
    const deps = resource.dependsOn.flatMap(id => byId.get(id) ?? [])
    const level = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(visit))
    inProgress.pop()
    result.set(resource.id, level)
    return level
  }
  desired.forEach(visit)
  return result
}

function teamOf(desired: DesiredResource[]): string {
  for (const resource of desired) {
    const tags = resource.body.tags as Record<string, string> | undefined
    if (tags?.[TEAM_TAG]) return tags[TEAM_TAG]
  }
  throw new Error(`No desired resource carries the ${TEAM_TAG} tag`)
}

function entry(
  resource: DesiredResource,
  level: number,
  action: PlanAction,
  actual: ActualState | undefined,
  dependsOn: string[]
): PlanEntry {
  return {
    action,
    kind: resource.kind,
    type: resource.type,
    id: resource.id,
    name: resource.name,
    level,
    dependsOn,
    exclusive: exclusiveKeys(resource.id, resource.body),
    observed: actual ? fingerprint(findActual(actual, resource.id)) : 'unread'
  }
}

/** Level by level; within a level in desired order (Array.prototype.sort is stable). */
function byLevel(entries: PlanEntry[]): PlanEntry[] {
  return [...entries].sort((a, b) => a.level - b.level)
}

/** The dependencies that are themselves in the plan. */
function within(resource: DesiredResource, ids: Set<string>): string[] {
  return resource.dependsOn.filter(id => ids.has(id.toLowerCase()))
}

function ids(resources: DesiredResource[]): Set<string> {
  return new Set(resources.map(r => r.id.toLowerCase()))
}

/**
 * Wanted resources become create, update (read-modify-write: the live body with our fields applied), noop, wait (an
 * earlier operation still runs on it) or refuse (one of our names, not provably ours: apply stops before any write).
 * What the config no longer wants and Azure still has is deleted after every write, so a subnet lets go of its NAT
 * gateway before the gateway goes; one that is not provably ours is left alone (refused, not blocking).
 */
export function planApply(desired: DesiredResource[], observed: Observed): Plan {
  const { actual, verdicts } = observed
  const wanted = desired.filter(resource => !resource.absent)
  const levelOf = levels(wanted)
  const wantedIds = ids(wanted)
  const lookup = lookupIn(actual)
  const entries = wanted.map((resource): PlanEntry => {
    const live = findActual(actual, resource.id)
    const planned = (action: PlanAction) =>
      entry(resource, levelOf.get(resource.id) ?? 0, action, actual, within(resource, wantedIds))
    const body = resolveRefs(resource.body, lookup).body
    const refused = verdicts.get(resource.id.toLowerCase())
    if (refused) {
      // Never written; its differences are still shown (drift reports them), since it does not match the config.
      const { changes } = diffResource({ ...resource, body }, live)
      return { ...planned('refuse'), reason: refused, blocking: true, changes }
    }
    const state = provisioningState(live?.body)
    if (live && !isSettled(state)) {
      const reason = `${state}: an earlier operation is still running; apply waits until it settles, then writes it if it still differs`
      return { ...planned('wait'), body, reason }
    }
    const { action, changes } = diffResource({ ...resource, body }, live)
    if (action === 'create') return { ...planned('create'), body, reason: 'not in Azure' }
    if (action === 'update' && live) {
      const reason = changes.length === 1 ? '1 field differs' : `${changes.length} fields differ`
      return { ...planned('update'), body: withLive(resource.kind, live.body, body), changes, reason }
    }
    return planned('noop')
  })
  const firstDeleteLevel = Math.max(-1, ...entries.map(e => e.level)) + 1
  const unwanted = desired.filter(resource => resource.absent && findActual(actual, resource.id) !== undefined)
  const deletes = dependentsFirst(unwanted).map(({ resource, level, top }) => {
    const planned = entry(resource, firstDeleteLevel + top - level, 'delete', actual, dependents(resource, unwanted))
    const refused = verdicts.get(resource.id.toLowerCase())
    if (refused) return { ...planned, action: 'refuse' as const, reason: refused }
    return { ...planned, reason: 'no longer in the config' }
  })
  return {
    team: teamOf(desired),
    purpose: 'apply',
    entries: [...byLevel(entries), ...deletes],
    preflight: observed.preflight ?? [],
    warnings: observed.warnings ?? []
  }
}

/** Without reading Azure: everything wanted is a create, and values Azure will assign are shown as such. */
export function planOffline(desired: DesiredResource[]): Plan {
  const wanted = desired.filter(resource => !resource.absent)
  const levelOf = levels(wanted)
  const wantedIds = ids(wanted)
  const entries = wanted.map(resource => ({
    ...entry(resource, levelOf.get(resource.id) ?? 0, 'create', undefined, within(resource, wantedIds)),
    body: renderRefs(resource.body)
  }))
  return { team: teamOf(desired), purpose: 'apply', entries: byLevel(entries), preflight: [], warnings: [] }
}

/**
 * Deletes of what exists, wanted or not, dependents first (highest level first); what is not provably ours is refused
 * and left alone (and so is everything under it). The resource group is never deleted: it may hold more than runners.
 */
export function planDestroy(desired: DesiredResource[], observed: Observed): Plan {
  const { actual, verdicts } = observed
  const existing = desired.filter(resource => findActual(actual, resource.id) !== undefined)
  const levelOf = levels(existing)
  const entries = existing
    .filter(resource => resource.kind !== 'resourceGroup')
    .map(resource => {
      const planned = entry(resource, levelOf.get(resource.id) ?? 0, 'delete', actual, dependents(resource, existing))
      const children = observed.foreignChildren?.get(resource.id.toLowerCase())
      const refused =
        verdicts.get(resource.id.toLowerCase()) ??
        (children?.length
          ? `it holds ${children.join(', ')}, which runner-setup did not make: deleting it would delete them too; remove them first`
          : undefined)
      if (!refused) {
        const state = provisioningState(findActual(actual, resource.id)?.body)
        if (isSettled(state)) return planned
        const reason = `${state}: an earlier operation is still running; destroy waits until it settles, then deletes what is left`
        return { ...planned, action: 'wait' as const, reason }
      }
      // Something the config no longer names and we cannot prove is ours was never ours: left alone, not a failure.
      const left: PlanEntry = { ...planned, action: 'refuse', reason: refused }
      return resource.absent ? left : { ...left, blocking: true as const }
    })
    .reverse()
    .sort((a, b) => b.level - a.level)
  return {
    team: teamOf(desired),
    purpose: 'destroy',
    entries,
    preflight: [],
    warnings: observed.warnings ?? []
  }
}

/** For a delete: the resources that depend on this one, which go first. */
function dependents(resource: DesiredResource, among: DesiredResource[]): string[] {
  const id = resource.id.toLowerCase()
  return among.filter(r => r.dependsOn.some(dep => dep.toLowerCase() === id)).map(r => r.id)
}

/** Resources to delete, highest dependency level first; `top` is the highest level among them. */
function dependentsFirst(resources: DesiredResource[]): { resource: DesiredResource; level: number; top: number }[] {
  const levelOf = levels(resources)
  const top = Math.max(0, ...levelOf.values())
  return resources
    .map(resource => ({ resource, level: levelOf.get(resource.id) ?? 0, top }))
    .sort((a, b) => b.level - a.level)
}

/** How many resources each action touches: the plan's one-line summary and the action's `changes` output. */
export function countActions(plan: Plan): Record<PlanAction, number> {
  const counts: Record<PlanAction, number> = { create: 0, update: 0, delete: 0, noop: 0, refuse: 0, wait: 0 }
  for (const entry of plan.entries) counts[entry.action]++
  return counts
}

/** Why apply must not start: a refused resource it needs, or a failed preflight check (one line each). */
export function blockers(plan: Plan): string[] {
  return [
    ...plan.entries
      .filter(e => e.action === 'refuse' && e.blocking)
      .map(e => e.reason ?? `${e.type} ${e.name}: refused`),
    ...plan.preflight.filter(f => f.status === 'fail').map(f => f.message)
  ]
}

/**
 * A `wait` entry once the earlier operation on its resource has settled: the write it still needs against what Azure
 * now holds (`settled`, undefined when gone), or undefined when Azure already matches. `ours` is the entry's body
 * with its references resolved.
 */
export function afterWait(
  entry: PlanEntry,
  ours: Record<string, unknown>,
  settled: ActualResource | undefined
): { action: 'create' | 'update'; body: Record<string, unknown> } | undefined {
  if (diffResource({ kind: entry.kind, body: ours }, settled).action === 'noop') return undefined
  return settled
    ? { action: 'update', body: withLive(entry.kind, settled.body, ours) }
    : { action: 'create', body: ours }
}
