/** Helpers shared by the adapters: 404 as absence, LRO waits with progress and abort, the SDK result as ActualResource. */
import type { ActualResource } from '../../core/types.js'
import type { Clients } from '../clients.js'
import { isNotFound } from '../errors.js'
import { parseArmId, rgAndNames } from '../arm-id.js'
import type { OperationContext, ResourceAdapter } from './types.js'

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

/**
 * The SDK operation group of one ARM kind whose get, createOrUpdate (a poller) and delete (a poller) all take the
 * resource group and then the names below it. Method shorthand, so each SDK's own parameter types fit.
 */
export interface LroOperations {
  get(...args: unknown[]): Promise<unknown>
  createOrUpdate(...args: unknown[]): PollerLikeish<unknown>
  delete(...args: unknown[]): PollerLikeish<unknown>
}

/**
 * The adapter of every ARM kind that shares that shape: `depth` names below the resource group (1 for a VNet,
 * 2 for its subnet), `operations` the SDK group for a subscription, `putOptions` extra options for a write.
 */
export function lroAdapter(
  clients: Clients,
  operations: (subscriptionId: string) => LroOperations,
  depth: number,
  putOptions: (ctx: OperationContext) => object = () => ({})
): ResourceAdapter {
  const api = (id: string) => operations(parseArmId(id).subscriptionId)
  return {
    get: id => getOrUndefined(id, () => api(id).get(...rgAndNames(id, depth))),
    put: async (id, body, ctx) => {
      const options = { ...callOptions(clients, ctx), ...putOptions(ctx) }
      return toActual(id, await waitFor(api(id).createOrUpdate(...rgAndNames(id, depth), body, options), ctx))
    },
    delete: (id, ctx) =>
      deleteIgnoringNotFound(() => waitFor(api(id).delete(...rgAndNames(id, depth), callOptions(clients, ctx)), ctx))
  }
}
