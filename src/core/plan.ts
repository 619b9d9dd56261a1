/** From desired resources (and what Azure holds) to an ordered plan: create, update, no-op or delete, with levels. */
import { diffResource } from './diff.js'
import { renderRefs, resolveRefs, type RefLookup } from './refs.js'
import { TEAM_TAG } from './resources/common.js'
import type { ActualResource, ActualState, DesiredResource, Plan, PlanAction, PlanEntry } from './types.js'

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

/** ARM ids are case-insensitive; the engine keys actual state by desired id, but be lenient. */
export function findActual(actual: ActualState, id: string): ActualResource | undefined {
  if (actual.has(id)) return actual.get(id)
  const lower = id.toLowerCase()
  for (const [key, value] of actual) if (key.toLowerCase() === lower) return value
  return undefined
}

/** Refs point at the identity; its clientId/principalId are top-level fields of its SDK model. */
export function lookupIn(actual: ActualState): RefLookup {
  return (id, property) => {
    const value = findActual(actual, id)?.body[property]
    return typeof value === 'string' ? value : undefined
  }
}

function teamOf(desired: DesiredResource[]): string {
  for (const resource of desired) {
    const tags = resource.body.tags as Record<string, string> | undefined
    if (tags?.[TEAM_TAG]) return tags[TEAM_TAG]
  }
  throw new Error(`No desired resource carries the ${TEAM_TAG} tag`)
}

function entry(resource: DesiredResource, level: number, action: PlanEntry['action']): PlanEntry {
  return { action, kind: resource.kind, type: resource.type, id: resource.id, name: resource.name, level }
}

function byLevel(entries: PlanEntry[]): PlanEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.level - b.e.level || a.i - b.i)
    .map(({ e }) => e)
}

/**
 * Creates and updates carry the body to write: refs resolved from actual state where the identity exists, left as
 * refs otherwise (apply resolves them once the identity is written). What the config no longer wants and Azure still
 * has is deleted after every write, so a subnet lets go of its NAT gateway before the gateway goes; absent resources
 * Azure does not have are left out of the plan.
 */
export function planApply(desired: DesiredResource[], actual: ActualState): Plan {
  const wanted = desired.filter(resource => !resource.absent)
  const levelOf = levels(wanted)
  const lookup = lookupIn(actual)
  const entries = wanted.map((resource): PlanEntry => {
    const body = resolveRefs(resource.body, lookup).body
    const { action, changes } = diffResource({ ...resource, body }, findActual(actual, resource.id))
    const planned = entry(resource, levelOf.get(resource.id) ?? 0, action)
    if (action === 'create') return { ...planned, body }
    if (action === 'update') return { ...planned, body, changes }
    return planned
  })
  const firstDeleteLevel = Math.max(-1, ...entries.map(e => e.level)) + 1
  const unwanted = desired.filter(resource => resource.absent && findActual(actual, resource.id) !== undefined)
  const deletes = dependentsFirst(unwanted).map(({ resource, level, top }) =>
    entry(resource, firstDeleteLevel + top - level, 'delete')
  )
  return { team: teamOf(desired), entries: [...byLevel(entries), ...deletes] }
}

/** Without reading Azure: everything wanted is a create, and values Azure will assign are shown as such. */
export function planOffline(desired: DesiredResource[]): Plan {
  const wanted = desired.filter(resource => !resource.absent)
  const levelOf = levels(wanted)
  const entries = wanted.map(resource => ({
    ...entry(resource, levelOf.get(resource.id) ?? 0, 'create'),
    body: renderRefs(resource.body)
  }))
  return { team: teamOf(desired), entries: byLevel(entries) }
}

/**
 * Deletes of what exists, wanted or not, dependents first (highest level first). The resource group is never
 * deleted: it may hold more than runners. Ownership is the engine's check; this only orders.
 */
export function planDestroy(desired: DesiredResource[], actual: ActualState): Plan {
  const existing = desired.filter(resource => findActual(actual, resource.id) !== undefined)
  const levelOf = levels(existing)
  const entries = existing
    .filter(resource => resource.kind !== 'resourceGroup')
    .map(resource => entry(resource, levelOf.get(resource.id) ?? 0, 'delete'))
    .reverse()
  const order = entries.map((e, i) => ({ e, i })).sort((a, b) => b.e.level - a.e.level || a.i - b.i)
  return { team: teamOf(desired), entries: order.map(({ e }) => e) }
}

/** Resources to delete, highest dependency level first; `top` is the highest level among them. */
function dependentsFirst(resources: DesiredResource[]): { resource: DesiredResource; level: number; top: number }[] {
  const levelOf = levels(resources)
  const top = Math.max(0, ...levelOf.values())
  return resources
    .map((resource, i) => ({ resource, level: levelOf.get(resource.id) ?? 0, top, i }))
    .sort((a, b) => b.level - a.level || a.i - b.i)
    .map(({ resource, level }) => ({ resource, level, top }))
}

/** How many resources each action touches: the plan's one-line summary and the action's `changes` output. */
export function countActions(plan: Plan): Record<PlanAction, number> {
  const counts: Record<PlanAction, number> = { create: 0, update: 0, delete: 0, noop: 0 }
  for (const entry of plan.entries) counts[entry.action]++
  return counts
}
