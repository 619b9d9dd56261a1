/**
 * Resources an earlier run left mid-operation (interrupted apply, or Azure still working after our timeout):
 * writing on top of them fails (e.g. 409 OperationInProgress), so apply first waits until they settle.
 */
import type { Logger } from '../core/logger.js'
import { findActual } from '../core/plan.js'
import type { ActualState, DesiredResource, PlanEntry } from '../core/types.js'
import { AzureError } from './errors.js'
import { formatElapsed, KIND_LABEL } from './progress.js'
import type { Adapters } from './resources/index.js'
import type { Timing } from './timing.js'

const TERMINAL = new Set(['succeeded', 'failed', 'canceled', 'cancelled'])

export function provisioningState(body: Record<string, unknown> | undefined): string | undefined {
  const state = body?.provisioningState
  return typeof state === 'string' ? state : undefined
}

export function isSettled(state: string | undefined): boolean {
  return state === undefined || TERMINAL.has(state.toLowerCase())
}

/** Ids of existing resources still mid-operation. */
export function inFlight(desired: DesiredResource[], actual: ActualState): Set<string> {
  const ids = new Set<string>()
  for (const r of desired) {
    const existing = findActual(actual, r.id)
    if (existing && !isSettled(provisioningState(existing.body))) ids.add(r.id.toLowerCase())
  }
  return ids
}

/** The in-flight resources a level's writes touch: the written resources and what they depend on. */
export function blockers(entries: PlanEntry[], desired: DesiredResource[], pending: Set<string>): DesiredResource[] {
  const byId = new Map(desired.map(r => [r.id.toLowerCase(), r]))
  const touched = new Set<string>()
  for (const e of entries) {
    touched.add(e.id.toLowerCase())
    for (const dep of byId.get(e.id.toLowerCase())?.dependsOn ?? []) touched.add(dep.toLowerCase())
  }
  return [...touched].filter(id => pending.has(id)).flatMap(id => byId.get(id) ?? [])
}

/** Polls until the resource reaches a terminal state (or disappears); bounded by the operation timeout. */
export async function waitUntilSettled(
  r: DesiredResource,
  deps: { adapters: Adapters; logger: Logger; timing: Timing }
): Promise<void> {
  const { timing } = deps
  const started = timing.clock.now()
  const label = `${KIND_LABEL[r.kind]} ${r.name}`
  for (;;) {
    const state = provisioningState((await deps.adapters[r.kind].get(r.id))?.body)
    if (isSettled(state)) return
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
