/**
 * Carries out a plan, and nothing else: apply and destroy alike. Level by level; inside a level, writes that touch one
 * VNet run one after another (Azure refuses overlapping operations on a VNet) and everything else in parallel.
 * Azure's transient refusals are retried with back-off, honouring Retry-After; a `wait` entry waits for the earlier
 * operation to settle first. A plan with a blocking refusal or a failed preflight check is not carried out at all.
 */
import { isSettled, provisioningState } from '../core/actual.js'
import type { Logger } from '../core/logger.js'
import { afterWait, blockers } from '../core/plan.js'
import { resolveRefs } from '../core/refs.js'
import type { ActualResource, Plan, PlanEntry } from '../core/types.js'
import { AzureError, describeAzureError, inFlightOperation, isKeyVaultAccessError, transientAnswer } from './errors.js'
import { withProgress } from './operation.js'
import { formatElapsed, KIND_LABEL } from './progress.js'
import type { OperationsLedger } from './operations-ledger.js'
import type { Adapters } from './resources/index.js'
import type { Timing } from './timing.js'

export interface WriteRecord {
  id: string
  kind: PlanEntry['kind']
  name: string
  action: 'create' | 'update' | 'delete'
  level: number
  durationMs: number
  /** More than 1 when Azure asked to retry (another operation on the VNet) or the job waited for Key Vault access. */
  attempts: number
}

export interface ExecuteDeps {
  adapters: Adapters
  logger: Logger
  timing: Timing
  endpoint?: string
  ledger?: OperationsLedger
}

const WORK = new Set<PlanEntry['action']>(['create', 'update', 'delete', 'wait'])

export async function executePlan(plan: Plan, deps: ExecuteDeps): Promise<WriteRecord[]> {
  if (plan.purpose === 'apply') {
    const stop = blockers(plan)
    if (stop.length > 0) throw new AzureError(stop.join('; '))
  }
  for (const entry of plan.entries.filter(e => e.action === 'refuse'))
    deps.logger.warning(`Leaving ${entry.id} alone: ${entry.reason ?? 'not provably the team’s'}`)
  const written = new Map<string, ActualResource>()
  const lookup = (id: string, property: string): string | undefined => {
    const value = written.get(id.toLowerCase())?.body[property]
    return typeof value === 'string' ? value : undefined
  }
  const work = plan.entries.filter(e => WORK.has(e.action))
  const levels = [...new Set(work.map(e => e.level))]
  const records: WriteRecord[] = []
  for (const level of levels) {
    const entries = work.filter(e => e.level === level)
    const title = `${plan.purpose === 'destroy' ? 'Delete level' : 'Level'} ${level}: ${entries.map(describe).join(', ')}`
    await deps.logger.group(title, async () => {
      const lanes = serialised(entries)
      const results = await Promise.allSettled(
        lanes.map(async lane => {
          for (const entry of lane) {
            const done = await carryOut(entry, plan.purpose, lookup, deps)
            if (!done) continue
            if (done.actual) written.set(entry.id.toLowerCase(), done.actual)
            records.push(done.record)
          }
        })
      )
      const failures = results.flatMap(r =>
        r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []
      )
      if (failures.length > 0) {
        for (const extra of failures.slice(1)) deps.logger.warning(extra)
        throw new AzureError(failures[0])
      }
    })
  }
  return records
}

function describe(entry: PlanEntry): string {
  return `${entry.action} ${KIND_LABEL[entry.kind]} ${entry.name}`
}

/** The level's entries as lanes: entries sharing a VNet (directly or through each other) in one lane, in plan order. */
export function serialised(entries: PlanEntry[]): PlanEntry[][] {
  const lanes: { vnets: Set<string>; entries: PlanEntry[] }[] = []
  for (const entry of entries) {
    const joined = lanes.filter(lane => entry.exclusive.some(vnet => lane.vnets.has(vnet)))
    const lane = { vnets: new Set(entry.exclusive), entries: [] as PlanEntry[] }
    for (const other of joined) {
      other.vnets.forEach(v => lane.vnets.add(v))
      lane.entries.push(...other.entries)
      lanes.splice(lanes.indexOf(other), 1)
    }
    lane.entries.push(entry)
    lane.entries.sort((a, b) => entries.indexOf(a) - entries.indexOf(b))
    lanes.push(lane)
  }
  return lanes.map(lane => lane.entries)
}

type Done = { actual?: ActualResource; record: WriteRecord } | undefined

async function carryOut(
  entry: PlanEntry,
  purpose: Plan['purpose'],
  lookup: (id: string, property: 'clientId' | 'principalId') => string | undefined,
  deps: ExecuteDeps
): Promise<Done> {
  if (entry.action === 'delete') return remove(entry, deps)
  // destroy: an earlier delete (or write) still runs on it; once it settles, delete what is left.
  if (entry.action === 'wait' && purpose === 'destroy')
    return (await waitUntilSettled(entry, deps)) ? remove(entry, deps) : undefined
  if (entry.action !== 'wait') {
    return put({ ...entry, action: entry.action === 'create' ? 'create' : 'update' }, entry.body ?? {}, lookup, deps)
  }
  const settled = await waitUntilSettled(entry, deps)
  const next = afterWait(entry, resolveRefs(entry.body ?? {}, lookup).body, settled)
  return next && put({ ...entry, action: next.action }, next.body, lookup, deps)
}

function record(entry: PlanEntry, action: WriteRecord['action'], durationMs: number, attempts: number): WriteRecord {
  return { id: entry.id, kind: entry.kind, name: entry.name, action, level: entry.level, durationMs, attempts }
}

async function put(
  entry: PlanEntry & { action: 'create' | 'update' },
  source: Record<string, unknown>,
  lookup: (id: string, property: 'clientId' | 'principalId') => string | undefined,
  deps: ExecuteDeps
): Promise<Done> {
  const label = `${KIND_LABEL[entry.kind]} ${entry.name}`
  const what = `${entry.action} ${label}`
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
      return { actual, record: record(entry, entry.action, clock.now() - started, attempts) }
    } catch (error) {
      const waited = clock.now() - started
      if (entry.kind === 'job' && isKeyVaultAccessError(error) && waited < deps.timing.keyVaultWaitMs) {
        deps.logger.info(
          `${label}: the identity cannot read the GitHub App key in Key Vault yet (a new role assignment takes minutes to apply); retrying for up to ${formatElapsed(deps.timing.keyVaultWaitMs - waited)}`
        )
        await deps.timing.sleep(deps.timing.keyVaultRetryIntervalMs)
        continue
      }
      if (await backOff(error, label, attempts, clock.now() - started, deps)) continue
      throw new AzureError(describeAzureError(error, what, deps.endpoint))
    }
  }
}

async function remove(entry: PlanEntry, deps: ExecuteDeps): Promise<Done> {
  const label = `${KIND_LABEL[entry.kind]} ${entry.name}`
  const started = deps.timing.clock.now()
  deps.logger.info(`delete ${label}...`)
  let attempts = 0
  for (;;) {
    attempts++
    try {
      await withProgress(entry, label, ctx => deps.adapters[entry.kind].delete(entry.id, ctx), deps)
      break
    } catch (error) {
      if (await backOff(error, label, attempts, deps.timing.clock.now() - started, deps)) continue
      throw new AzureError(describeAzureError(error, `delete ${label}`, deps.endpoint))
    }
  }
  const durationMs = deps.timing.clock.now() - started
  deps.logger.info(`deleted ${label} (${formatElapsed(durationMs)})`)
  return { record: record(entry, 'delete', durationMs, attempts) }
}

/**
 * True after waiting, when Azure's answer was transient and retries are left: Retry-After when Azure sent one,
 * exponential back-off otherwise. Each retry is logged. An answer that names an operation still running there (an
 * earlier run's, perhaps interrupted) is waited for until it ends, within the operation timeout, not counted as retries.
 */
async function backOff(
  error: unknown,
  label: string,
  attempt: number,
  waitedMs: number,
  deps: ExecuteDeps
): Promise<boolean> {
  const answer = transientAnswer(error)
  const { timing } = deps
  if (!answer) return false
  const backoff = Math.min(timing.conflictMaxBackoffMs, timing.conflictBackoffMs * 2 ** (attempt - 1))
  const waitMs = answer.retryAfterMs ?? backoff
  const running = inFlightOperation(error)
  if (running !== undefined && waitedMs < timing.operationTimeoutMs) {
    deps.logger.info(
      `${label}: Azure answered ${answer.code}: ${running} still runs there; waiting for it to end (${formatElapsed(waitedMs)} so far)`
    )
    await timing.sleep(Math.min(waitMs, timing.settlePollMs))
    return true
  }
  if (attempt > timing.conflictRetries) return false
  const why = answer.retryAfterMs === undefined ? 'back-off' : 'Retry-After'
  deps.logger.info(
    `${label}: Azure answered ${answer.code} (another operation is still running there); retry ${attempt} of ${timing.conflictRetries} in ${seconds(waitMs)} (${why})`
  )
  await timing.sleep(waitMs)
  return true
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2))}s`
}

/** Polls until an earlier operation on the resource settles (or it disappears); bounded by the operation timeout. */
async function waitUntilSettled(entry: PlanEntry, deps: ExecuteDeps): Promise<ActualResource | undefined> {
  const { timing } = deps
  const started = timing.clock.now()
  const label = `${KIND_LABEL[entry.kind]} ${entry.name}`
  for (;;) {
    const current = await deps.adapters[entry.kind].get(entry.id)
    const state = provisioningState(current?.body)
    if (isSettled(state)) return current
    const waited = timing.clock.now() - started
    if (waited >= timing.operationTimeoutMs) {
      throw new AzureError(
        `${label} is still ${state} after ${formatElapsed(waited)} from an earlier operation; Azure is still working on it: rerun later.`
      )
    }
    deps.logger.info(`${label}: ${state} (an earlier operation is still running), ${formatElapsed(waited)}`)
    await timing.sleep(timing.settlePollMs)
  }
}
