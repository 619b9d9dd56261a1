/**
 * Carries out a plan: level by level, the entries of one level in parallel, each waited for with progress. Deletes of
 * what the config no longer wants come last (the plan puts them on the highest levels).
 */
import type { Logger } from '../core/logger.js'
import { findActual } from '../core/plan.js'
import { resolveRefs } from '../core/refs.js'
import type { ActualResource, ActualState, DesiredResource, Plan, PlanEntry } from '../core/types.js'
import { AzureError, describeAzureError, isKeyVaultAccessError } from './errors.js'
import { foreignResources } from './ownership.js'
import { deleteResource, withProgress } from './operation.js'
import { formatElapsed, KIND_LABEL } from './progress.js'
import type { Adapters } from './resources/index.js'
import { blockers, inFlight, waitUntilSettled } from './settle.js'
import type { Timing } from './timing.js'

export interface WriteRecord {
  id: string
  kind: PlanEntry['kind']
  name: string
  action: 'create' | 'update' | 'delete'
  level: number
  durationMs: number
  /** More than 1 when the job write waited for a role assignment to propagate. */
  attempts: number
}

export interface ApplyDeps {
  adapters: Adapters
  logger: Logger
  timing: Timing
  team: string
  endpoint?: string
}

export async function applyPlan(
  plan: Plan,
  desired: DesiredResource[],
  actual: ActualState,
  deps: ApplyDeps
): Promise<WriteRecord[]> {
  // What is no longer wanted only blocks its own delete (the engine leaves those out of the plan), never the apply.
  const foreign = foreignResources(
    desired.filter(r => !r.absent),
    actual,
    deps.team
  )
  if (foreign.length > 0) throw new AzureError(foreign.map(f => f.reason).join('; '))

  const byId = new Map(desired.map(r => [r.id.toLowerCase(), r]))
  const written = new Map<string, ActualResource>()
  const lookup = (id: string, property: string): string | undefined => {
    const body = written.get(id.toLowerCase())?.body ?? findActual(actual, id)?.body
    const value = body?.[property]
    return typeof value === 'string' ? value : undefined
  }

  const pending = inFlight(desired, actual)
  const writes = plan.entries.filter(e => e.action !== 'noop')
  const levels = [...new Set(writes.map(e => e.level))].sort((a, b) => a - b)
  const records: WriteRecord[] = []
  for (const level of levels) {
    const entries = writes.filter(e => e.level === level)
    const title = `Level ${level}: ${entries.map(e => `${e.action} ${KIND_LABEL[e.kind]} ${e.name}`).join(', ')}`
    await deps.logger.group(title, async () => {
      const waits = blockers(entries, desired, pending)
      await Promise.all(waits.map(r => waitUntilSettled(r, deps)))
      for (const r of waits) pending.delete(r.id.toLowerCase())
      const results = await Promise.allSettled(
        entries.map(entry =>
          entry.action === 'delete'
            ? deleteEntry(entry, deps)
            : writeEntry(entry, byId.get(entry.id.toLowerCase()), lookup, deps)
        )
      )
      const failures: string[] = []
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') {
          if (result.value.actual) written.set(entries[i].id.toLowerCase(), result.value.actual)
          records.push(result.value.record)
        } else {
          failures.push(result.reason instanceof Error ? result.reason.message : String(result.reason))
        }
      })
      if (failures.length > 0) {
        for (const extra of failures.slice(1)) deps.logger.warning(extra)
        throw new AzureError(failures[0])
      }
    })
  }
  return records
}

async function deleteEntry(entry: PlanEntry, deps: ApplyDeps): Promise<{ actual: undefined; record: WriteRecord }> {
  const { durationMs } = await deleteResource(entry, deps)
  return {
    actual: undefined,
    record: {
      id: entry.id,
      kind: entry.kind,
      name: entry.name,
      action: 'delete',
      level: entry.level,
      durationMs,
      attempts: 1
    }
  }
}

async function writeEntry(
  entry: PlanEntry,
  resource: DesiredResource | undefined,
  lookup: (id: string, property: 'clientId' | 'principalId') => string | undefined,
  deps: ApplyDeps
): Promise<{ actual: ActualResource; record: WriteRecord }> {
  const label = `${KIND_LABEL[entry.kind]} ${entry.name}`
  const what = `${entry.action} ${label}`
  const source = resource?.body ?? entry.body ?? {}
  const { body, unresolved } = resolveRefs(source, lookup)
  if (unresolved)
    throw new AzureError(
      `Cannot ${what}: it needs a value (an identity's clientId or principalId) that Azure did not return; rerun apply.`
    )

  const { clock } = deps.timing
  const started = clock.now()
  deps.logger.info(`${what}...`)
  let attempts = 0
  for (;;) {
    attempts++
    try {
      const actual = await withProgress(entry, label, ctx => deps.adapters[entry.kind].put(entry.id, body, ctx), deps)
      deps.logger.info(
        `${entry.action === 'create' ? 'created' : 'updated'} ${label} (${formatElapsed(clock.now() - started)})`
      )
      const action = entry.action === 'create' ? 'create' : 'update'
      return {
        actual,
        record: {
          id: entry.id,
          kind: entry.kind,
          name: entry.name,
          action,
          level: entry.level,
          durationMs: clock.now() - started,
          attempts
        }
      }
    } catch (error) {
      const waited = clock.now() - started
      if (entry.kind === 'job' && isKeyVaultAccessError(error) && waited < deps.timing.keyVaultWaitMs) {
        deps.logger.info(
          `${label}: the identity cannot read the GitHub App key in Key Vault yet (a new role assignment takes minutes to apply); retrying for up to ${formatElapsed(deps.timing.keyVaultWaitMs - waited)}`
        )
        await deps.timing.sleep(deps.timing.keyVaultRetryIntervalMs)
        continue
      }
      throw new AzureError(describeAzureError(error, what, deps.endpoint))
    }
  }
}
