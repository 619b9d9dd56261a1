/** Helpers shared by the adapters: 404 as absence, LRO progress, and the SDK result as our ActualResource. */
import type { ActualResource } from '../../core/types.js'
import { isNotFound } from '../errors.js'
import type { Progress } from './types.js'

interface ProgressSource<T> extends PromiseLike<T> {
  onProgress(callback: (state: { status: string }) => void): unknown
}

/** Waits for an SDK poller, forwarding each poll's status. */
export async function waitFor<T>(poller: ProgressSource<T>, progress: Progress): Promise<T> {
  poller.onProgress((state) => progress(state.status))
  return await poller
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
