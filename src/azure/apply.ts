/** Writes a plan: level by level, the entries of one level in parallel, each waited for with progress. */
import type { Logger } from '../core/logger.js'
import { findActual } from '../core/plan.js'
import { resolveRefs } from '../core/refs.js'
import type { ActualResource, ActualState, DesiredResource, Plan, PlanEntry } from '../core/types.js'
import { AzureError, describeAzureError, isKeyVaultAccessError } from './errors.js'
import { foreignResources } from './ownership.js'
import { formatElapsed, KIND_LABEL, startHeartbeat } from './progress.js'
import type { Adapters } from './resources/index.js'
import { blockers, inFlight, waitUntilSettled } from './settle.js'
import type { Timing } from './timing.js'

export interface WriteRecord {
  id: string
  kind: PlanEntry['kind']
  name: string
  action: 'create' | 'update'
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

export async function applyPlan(plan: Plan, desired: DesiredResource[], actual: ActualState, deps: ApplyDeps): Promise<WriteRecord[]> {
  const foreign = foreignResources(desired, actual, deps.team)
  if (foreign.length > 0) throw new AzureError(foreign.map((f) => f.reason).join('; '))

  const byId = new Map(desired.map((r) => [r.id.toLowerCase(), r]))
  const written = new Map<string, ActualResource>()
  const lookup = (id: string, property: string): string | undefined => {
    const body = written.get(id.toLowerCase())?.body ?? findActual(actual, id)?.body
    const value = body?.[property]
    return typeof value === 'string' ? value : undefined
  }

  const pending = inFlight(desired, actual)
  const writes = plan.entries.filter((e) => e.action === 'create' || e.action === 'update')
  const levels = [...new Set(writes.map((e) => e.level))].sort((a, b) => a - b)
  const records: WriteRecord[] = []
  for (const level of levels) {
    const entries = writes.filter((e) => e.level === level)
    const title = `Level ${level}: ${entries.map((e) => `${e.action} ${KIND_LABEL[e.kind]} ${e.name}`).join(', ')}`
    await deps.logger.group(title, async () => {
      const waits = blockers(entries, desired, pending)
      await Promise.all(waits.map((r) => waitUntilSettled(r, deps)))
      for (const r of waits) pending.delete(r.id.toLowerCase())
      const results = await Promise.allSettled(entries.map((entry) => writeEntry(entry, byId.get(entry.id.toLowerCase()), lookup, deps)))
      const failures: string[] = []
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') {
          written.set(entries[i].id.toLowerCase(), result.value.actual)
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
  if (unresolved) throw new AzureError(`Cannot ${what}: it needs a value (an identity's clientId or principalId) that Azure did not return; rerun apply.`)

  const { clock } = deps.timing
  const started = clock.now()
  deps.logger.info(`${what}...`)
  let attempts = 0
  for (;;) {
    attempts++
    try {
      const actual = await withProgress(entry, label, (ctx) => deps.adapters[entry.kind].put(entry.id, body, ctx), deps)
      deps.logger.info(`${entry.action === 'create' ? 'created' : 'updated'} ${label} (${formatElapsed(clock.now() - started)})`)
      const action = entry.action === 'create' ? 'create' : 'update'
      return { actual, record: { id: entry.id, kind: entry.kind, name: entry.name, action, level: entry.level, durationMs: clock.now() - started, attempts } }
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

/** Runs one put or delete with a bounded wait and a heartbeat that reports the resource's provisioningState. */
export async function withProgress<T>(
  entry: Pick<PlanEntry, 'kind' | 'id' | 'name' | 'action'>,
  label: string,
  run: (ctx: { progress: (s: string) => void; abortSignal: AbortSignal; action: PlanEntry['action'] }) => Promise<T>,
  deps: Pick<ApplyDeps, 'adapters' | 'logger' | 'timing'>
): Promise<T> {
  const { timing } = deps
  let lastStatus = 'waiting'
  const abort = new AbortController()
  const timeout = setTimeout(() => abort.abort(), timing.operationTimeoutMs)
  const heartbeat = startHeartbeat({
    label,
    intervalMs: timing.progressIntervalMs,
    clock: timing.clock,
    log: (line) => deps.logger.info(line),
    lastStatus: () => lastStatus,
    probe: async () => {
      if (entry.action === 'delete') return undefined
      const state = (await deps.adapters[entry.kind].get(entry.id))?.body.provisioningState
      return typeof state === 'string' ? state : undefined
    }
  })
  try {
    return await run({ progress: (s) => (lastStatus = s), abortSignal: abort.signal, action: entry.action })
  } catch (error) {
    if (abort.signal.aborted) {
      throw new AzureError(
        `Gave up on ${entry.action} ${label} after ${formatElapsed(timing.operationTimeoutMs)} (last state: ${lastStatus}); Azure may still finish it: rerun to converge.`
      )
    }
    throw error
  } finally {
    clearTimeout(timeout)
    await heartbeat.stop()
  }
}
