/** The small interface apply, read and destroy use to talk to one kind of ARM resource. */
import type { ActualResource, PlanAction } from '../../core/types.js'

/** Called while a long-running operation is under way, with the poller's status. */
export type Progress = (status: string) => void

export interface OperationContext {
  progress: Progress
  /** Ends the wait (and the request in flight) when an operation takes longer than apply allows. */
  abortSignal?: AbortSignal
  /** What the plan decided; some kinds write differently on update (peering address-space sync). */
  action?: PlanAction
  /** Called once Azure has accepted a long-running operation, with its status URL. */
  accepted?: (statusUrl: string) => void
}

export interface ResourceAdapter {
  /** One GET; a missing resource (404) is `undefined`. */
  get(id: string): Promise<ActualResource | undefined>
  /** Create or update and wait until ARM reports it done; returns the resource as stored. */
  put(id: string, body: Record<string, unknown>, ctx: OperationContext): Promise<ActualResource>
  /** Delete and wait; a resource already gone (404) counts as deleted. */
  delete(id: string, ctx: OperationContext): Promise<void>
}
