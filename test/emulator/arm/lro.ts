/**
 * Long-running operations as the SDK pollers expect them (notes/azure.md §5):
 * - `async`: `Azure-AsyncOperation` points at a status resource `{ id, name, status, startTime, endTime?, error? }`.
 * - `location`: `Location` answers 202 while running, then the result (200 + body, or 204).
 * An operation completes after `lroPolls` polls; a GET of the resource counts as a poll too, so an
 * interrupted client still finds the work done on its next read, as it would in Azure.
 */
import type { EmuResponse } from '../http.js'
import type { LroFault } from '../faults.js'
import { lower } from './router.js'

export type LroStyle = 'async' | 'location'

export interface OperationSpec {
  style: LroStyle
  subscriptionId: string
  namespace: string
  location: string
  /** The resource the operation works on, so a GET of it can advance the operation. */
  resourceId: string
  fault: LroFault | undefined
  /** Applied once when the operation succeeds. */
  onSucceeded: () => void
  /** Applied once when the operation fails (e.g. mark the resource Failed). */
  onFailed: () => void
  /** The `location` style's final answer. */
  result: () => EmuResponse
}

interface Operation extends OperationSpec {
  id: string
  pollsLeft: number
  state: 'InProgress' | 'Succeeded' | 'Failed'
  startTime: string
  endTime?: string
}

export interface LroSettings {
  origin: () => string
  lroPolls: () => number
  retryAfterSeconds: () => number
}

/** How soon a "Retry-After: 0" poll comes back (see retryAfter). */
const FAST_POLL_MS = 5

/**
 * The Retry-After value for LRO answers. core-lro ignores a Retry-After of 0 (it is falsy) and then
 * waits its 2 s default, so "poll again now" is sent as an HTTP-date a few ms ahead, with milliseconds.
 */
export function retryAfter(seconds: number, now = Date.now()): string {
  if (seconds > 0) return String(seconds)
  const at = new Date(now + FAST_POLL_MS)
  return at.toUTCString().replace(' GMT', `.${String(at.getUTCMilliseconds()).padStart(3, '0')} GMT`)
}

const STATUS_PATH =
  /^\/subscriptions\/[^/]+\/providers\/[^/]+\/locations\/[^/]+\/(operationStatuses|operationResults)\/([^/]+)$/i

export class Operations {
  private readonly operations = new Map<string, Operation>()
  private readonly settings: LroSettings

  constructor(settings: LroSettings) {
    this.settings = settings
  }

  /** Starts an operation and returns the headers to send with the initial 201/202. */
  start(spec: OperationSpec): Record<string, string> {
    const id = crypto.randomUUID()
    // A new write supersedes whatever was still running on the same resource.
    for (const op of this.operations.values())
      if (lower(op.resourceId) === lower(spec.resourceId) && op.state === 'InProgress') this.operations.delete(op.id)
    this.operations.set(id, {
      ...spec,
      id,
      pollsLeft: Math.max(1, this.settings.lroPolls()),
      state: 'InProgress',
      startTime: new Date().toISOString()
    })
    const base = `${this.settings.origin()}/subscriptions/${spec.subscriptionId}/providers/${spec.namespace}/locations/${spec.location}`
    const wait = retryAfter(this.settings.retryAfterSeconds())
    if (spec.style === 'async') {
      return {
        'azure-asyncoperation': `${base}/operationStatuses/${id}?api-version=2026-01-01`,
        location: `${base}/operationResults/${id}?api-version=2026-01-01`,
        'retry-after': wait
      }
    }
    return { location: `${base}/operationResults/${id}?api-version=2026-01-01`, 'retry-after': wait }
  }

  /** Answers a poll when the path is one of ours; undefined otherwise. */
  poll(pathname: string): EmuResponse | undefined {
    const match = STATUS_PATH.exec(pathname)
    if (match === null) return undefined
    const op = this.operations.get(match[2]!)
    if (op === undefined)
      return { status: 404, body: { error: { code: 'NotFound', message: `Operation ${match[2]} was not found.` } } }
    this.advance(op)
    const asStatus = lower(match[1]!) === 'operationstatuses'
    return asStatus || op.style === 'async' ? this.statusBody(op, pathname) : this.locationAnswer(op, pathname)
  }

  /** A GET of a resource lets its pending operation make progress. */
  touch(resourceId: string): void {
    for (const op of [...this.operations.values()]) if (lower(op.resourceId) === lower(resourceId)) this.advance(op)
  }

  /** True while an operation on the resource has not finished. */
  busy(resourceId: string): boolean {
    return [...this.operations.values()].some(
      op => lower(op.resourceId) === lower(resourceId) && op.state === 'InProgress'
    )
  }

  private advance(op: Operation): void {
    if (op.state !== 'InProgress' || op.fault?.kind === 'lro-hang') return
    op.pollsLeft -= 1
    if (op.pollsLeft > 0) return
    op.endTime = new Date().toISOString()
    if (op.fault?.kind === 'lro-fail') {
      op.state = 'Failed'
      op.onFailed()
    } else {
      op.state = 'Succeeded'
      op.onSucceeded()
    }
  }

  private statusBody(op: Operation, pathname: string): EmuResponse {
    const body: Record<string, unknown> = { id: pathname, name: op.id, status: op.state, startTime: op.startTime }
    if (op.endTime !== undefined) body.endTime = op.endTime
    if (op.state === 'Failed' && op.fault?.kind === 'lro-fail')
      body.error = { code: op.fault.code, message: op.fault.message }
    const headers: Record<string, string> =
      op.state === 'InProgress' ? { 'retry-after': retryAfter(this.settings.retryAfterSeconds()) } : {}
    return { status: 200, headers, body }
  }

  private locationAnswer(op: Operation, pathname: string): EmuResponse {
    if (op.state === 'InProgress') {
      return {
        status: 202,
        headers: {
          location: `${this.settings.origin()}${pathname}?api-version=2026-01-01`,
          'retry-after': retryAfter(this.settings.retryAfterSeconds())
        }
      }
    }
    if (op.state === 'Failed' && op.fault?.kind === 'lro-fail') {
      return { status: 400, body: { error: { code: op.fault.code, message: op.fault.message } } }
    }
    return op.result()
  }
}
