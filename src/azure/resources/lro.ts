/** Helpers shared by the adapters: 404 as absence, LRO waits with progress and abort, the SDK result as ActualResource. */
import type { ActualResource } from '../../core/types.js'
import type { Clients } from '../clients.js'
import { isNotFound } from '../errors.js'
import type { OperationContext } from './types.js'

interface PollerLikeish<T> {
  onProgress(callback: (state: { status: string }) => void): unknown
  pollUntilDone(options?: { abortSignal?: AbortSignal }): Promise<T>
  /** core-lro 3: resolves once the initial request is answered; the state's `config` (not in its public type) then holds the status URL. */
  submitted?(): Promise<void>
  readonly operationState?: unknown
}

/** Per-call options for SDK writes: the poll interval and the abort signal. */
export function callOptions(
  clients: Clients,
  ctx: OperationContext
): { updateIntervalInMs?: number; abortSignal?: AbortSignal } {
  return { ...clients.lroOptions, ...signalOf(ctx) }
}

/** Waits for an SDK poller, forwarding each poll's status; the abort signal bounds the wait. */
export async function waitFor<T>(poller: PollerLikeish<T>, ctx: OperationContext): Promise<T> {
  poller.onProgress(state => ctx.progress(state.status))
  if (ctx.accepted && poller.submitted) {
    await poller.submitted()
    const statusUrl = (poller.operationState as { config?: { operationLocation?: string } } | undefined)?.config
      ?.operationLocation
    if (statusUrl) ctx.accepted(statusUrl)
  }
  return await poller.pollUntilDone(signalOf(ctx))
}

export async function getOrUndefined(id: string, read: () => Promise<unknown>): Promise<ActualResource | undefined> {
  try {
    return toActual(id, await read())
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

/** Deleting something already gone is success: a rerun after an interrupted destroy must converge. */
export async function deleteIgnoringNotFound(remove: () => Promise<unknown>): Promise<void> {
  try {
    await remove()
  } catch (error) {
    if (!isNotFound(error)) throw error
  }
}

export function toActual(id: string, result: unknown): ActualResource {
  const body = (result ?? {}) as Record<string, unknown>
  return { id: typeof body.id === 'string' ? body.id : id, body }
}

/** For plain request/response writes: only the abort signal applies. */
export function signalOf(ctx: OperationContext): { abortSignal?: AbortSignal } {
  return ctx.abortSignal ? { abortSignal: ctx.abortSignal } : {}
}
