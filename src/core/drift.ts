/** What plan-derived data the renderers read: drift per resource, timings, what destroy deleted or refused. */
import type { FieldChange, PlanAction, PlanEntry } from './types.js'

export interface Timings {
  readMs: number
  writeMs: number
  totalMs: number
}

export interface DriftItem {
  id: string
  kind: PlanEntry['kind']
  name: string
  /** `create`: missing in Azure; `update`: fields differ; `delete`: in Azure, no longer in the config. */
  action: 'create' | 'update' | 'delete'
  changes: FieldChange[]
}

/** Existing resources with our names that are not provably ours: left untouched. */
export interface ForeignResource {
  id: string
  reason: string
}

/** What destroy deleted. */
export interface DeleteRecord {
  id: string
  kind: PlanEntry['kind']
  name: string
  durationMs: number
}

/** Drift is what apply would change, and what it refuses to touch although the config needs it. */
const DRIFT = new Set<PlanAction>(['create', 'update', 'delete'])
/** What drift reports of an entry: its differences; a refused resource the config needs differs too. */
export function driftItem(e: PlanEntry): DriftItem | undefined {
  const action = DRIFT.has(e.action) ? (e.action as DriftItem['action']) : e.blocking ? 'update' : undefined
  return action && { id: e.id, kind: e.kind, name: e.name, action, changes: e.changes ?? [] }
}
