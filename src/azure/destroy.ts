/** Deletes what apply made (and what the config no longer wants), in reverse dependency order, and only what is provably this team's. */
import type { Logger } from '../core/logger.js'
import type { ActualState, DesiredResource, Plan } from '../core/types.js'
import { AzureError } from './errors.js'
import { deleteResource, type DeleteRecord } from './operation.js'
import { foreignResources, provenOwned, type ForeignResource } from './ownership.js'
import { KIND_LABEL } from './progress.js'
import type { Adapters } from './resources/index.js'
import type { Timing } from './timing.js'

export type { DeleteRecord } from './operation.js'

export interface DestroyOutcome {
  deleted: DeleteRecord[]
  /** Existing resources with our names that are not provably ours: left untouched. */
  refused: ForeignResource[]
}

export interface DestroyDeps {
  adapters: Adapters
  logger: Logger
  timing: Timing
  team: string
  endpoint?: string
}

/** `plan` comes from planDestroy: delete entries, highest level first. Entries of one level run in parallel. */
export async function destroyPlan(
  plan: Plan,
  desired: DesiredResource[],
  actual: ActualState,
  deps: DestroyDeps
): Promise<DestroyOutcome> {
  const owned = provenOwned(desired, actual, deps.team)
  const foreign = foreignResources(desired, actual, deps.team)
  for (const f of foreign) deps.logger.warning(`Leaving ${f.id} alone: ${f.reason}`)
  // Something the config no longer names and we cannot prove is ours was never ours: left alone, not a refusal.
  const unwanted = new Set(desired.filter(r => r.absent).map(r => r.id.toLowerCase()))
  const refused = foreign.filter(f => !unwanted.has(f.id.toLowerCase()))

  // Never the resource group, and nothing we cannot prove is ours (a child of a foreign parent included).
  const deletes = plan.entries.filter(
    e => e.action === 'delete' && e.kind !== 'resourceGroup' && owned.has(e.id.toLowerCase())
  )
  const levels = [...new Set(deletes.map(e => e.level))].sort((a, b) => b - a)
  const deleted: DeleteRecord[] = []
  for (const level of levels) {
    const entries = deletes.filter(e => e.level === level)
    await deps.logger.group(
      `Delete level ${level}: ${entries.map(e => `${KIND_LABEL[e.kind]} ${e.name}`).join(', ')}`,
      async () => {
        const results = await Promise.allSettled(entries.map(entry => deleteResource(entry, deps)))
        const failures = results.flatMap(r =>
          r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []
        )
        for (const r of results) if (r.status === 'fulfilled') deleted.push(r.value)
        if (failures.length > 0) {
          for (const extra of failures.slice(1)) deps.logger.warning(extra)
          throw new AzureError(failures[0])
        }
      }
    )
  }
  return { deleted, refused }
}
