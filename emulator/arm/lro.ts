/**
 * Long-running operations as the SDK pollers expect them (ARM's async operation contract, Azure/azure-resource-manager-rpc
 * async-api-reference.md, and @azure/core-lro's poller):
 * - `async`: `Azure-AsyncOperation` points at a status resource `{ id, name, status, startTime, endTime?, error? }`.
 * - `location`: `Location` answers 202 while running, then the result (200 + body, or 204).
 * An operation completes once `lroDurationMs` has passed, read or not, as ARM's do (an accepted operation runs on
 * Azure's schedule, not the client's). A test may count polls instead (`lroPolls`, with a duration of 0; a GET of the
 * resource counts as a poll too). While it runs, its VNets are busy (vnet-conflicts.ts).
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
  /** The VNets it works on (lowercased ids): no other write may touch them meanwhile. */
  vnets: string[]
  /** NRP's name for it, e.g. `PutSubnetOperation`. */
  operation: string
  fault: LroFault | undefined
  /** Applied once when the operation succeeds. */
  onSucceeded: () => void
  /** Applied once when the operation fails (e.g. mark the resource Failed). */
  onFailed: () => void
  /** Applied once when the operation is canceled. */
  onCanceled: () => void
  /** The `location` style's final answer. */
  result: () => EmuResponse
}

interface Operation extends OperationSpec {
  id: string
  pollsLeft: number
  state: 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled'
  startTime: string
  startedAt: number
  endTime?: string
}

export interface LroSettings {
  origin: () => string
  lroPolls: () => number
  retryAfterSeconds: () => number
  /** When above 0, operations complete by elapsed time, not by polls. */
  lroDurationMs: () => number
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
      startTime: new Date().toISOString(),
      startedAt: Date.now()
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

  /** The status URL of an operation (what AnotherOperationInProgress points the caller at). */
  statusUrl(op: { id: string; subscriptionId: string; namespace: string; location: string }): string {
    return `${this.settings.origin()}/subscriptions/${op.subscriptionId}/providers/${op.namespace}/locations/${op.location}/operationStatuses/${op.id}?api-version=2026-01-01`
  }

  /**
   * The running operation on one of `vnets`, if any. A hung operation (an injected lost poll) never blocks: it models
   * a client that stopped hearing back, not a VNet Azure keeps locked.
   */
  busyOn(vnets: string[]): { vnet: string; operation: string; statusUrl: string } | undefined {
    this.tick()
    for (const op of this.operations.values()) {
      if (op.state !== 'InProgress' || op.fault?.kind === 'lro-hang') continue
      const vnet = op.vnets.find(v => vnets.includes(v))
      if (vnet) return { vnet, operation: op.operation, statusUrl: this.statusUrl(op) }
    }
    return undefined
  }

  /** With time-based completion, finishes every operation whose time is up. */
  private tick(): void {
    if (this.settings.lroDurationMs() <= 0) return
    for (const op of [...this.operations.values()]) this.advance(op)
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
    this.tick()
    for (const op of [...this.operations.values()]) if (lower(op.resourceId) === lower(resourceId)) this.advance(op)
  }

  /** True while an operation on the resource has not finished. */
  busy(resourceId: string): boolean {
    this.tick()
    return [...this.operations.values()].some(
      op => lower(op.resourceId) === lower(resourceId) && op.state === 'InProgress'
    )
  }

  private advance(op: Operation): void {
    if (op.state !== 'InProgress' || op.fault?.kind === 'lro-hang') return
    const duration = this.settings.lroDurationMs()
    if (duration > 0) {
      if (Date.now() - op.startedAt < duration) return
    } else {
      op.pollsLeft -= 1
      if (op.pollsLeft > 0) return
    }
    op.endTime = new Date().toISOString()
    if (op.fault?.kind === 'lro-fail') {
      op.state = 'Failed'
      op.onFailed()
    } else if (op.fault?.kind === 'lro-cancel') {
      // ARM's terminal `Canceled` (async-api-reference.md: Succeeded, Failed, Canceled): the resource says so too.
      op.state = 'Canceled'
      op.onCanceled()
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
    if (op.state === 'Canceled') body.error = { code: 'Canceled', message: 'The operation was canceled.' }
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
    if (op.state === 'Canceled') {
      return { status: 400, body: { error: { code: 'Canceled', message: 'The operation was canceled.' } } }
    }
    return op.result()
  }
}
