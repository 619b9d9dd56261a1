/**
 * What tests steer and observe across the GitHub, managed identity and Key Vault doubles: injected faults
 * (5xx, GitHub secondary rate limits, any status) and a request log without credentials.
 */
import type { EmuRequest, EmuResponse } from '../http.js'

export interface FaultRule {
  method?: string
  /** Matched against the path (without query). */
  path: RegExp | string
  /** How many matching requests fail; unlimited when absent. */
  times?: number
  /** `secondary-rate-limit`: GitHub's 403 with retry-after. Otherwise a plain answer with `status`. */
  kind?: 'secondary-rate-limit' | 'status'
  status?: number
  retryAfterSeconds?: number
  body?: unknown
}

export interface LoggedRequest {
  service: string
  method: string
  path: string
  query: string
  status: number
}

export class Traffic {
  private faults: FaultRule[] = []
  readonly log: LoggedRequest[] = []

  addFault(rule: FaultRule): void {
    this.faults.push({ ...rule })
  }

  clearFaults(): void {
    this.faults = []
  }

  /** The injected answer for this request, if a rule matches (and consumes one of its `times`). */
  fault(req: EmuRequest): EmuResponse | undefined {
    const path = req.url.pathname
    const rule = this.faults.find(
      r =>
        (!r.method || r.method.toUpperCase() === req.method) &&
        (typeof r.path === 'string' ? path.includes(r.path) : r.path.test(path)) &&
        (r.times === undefined || r.times > 0)
    )
    if (!rule) return undefined
    if (rule.times !== undefined) rule.times--
    if (rule.kind === 'secondary-rate-limit') {
      return {
        status: 403,
        headers: { 'retry-after': String(rule.retryAfterSeconds ?? 60) },
        body: {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
        }
      }
    }
    const status = rule.status ?? 503
    const headers: Record<string, string> =
      rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) }
    return { status, headers, body: rule.body ?? { message: status >= 500 ? 'Server Error' : 'Injected fault' } }
  }

  record(service: string, req: EmuRequest, status: number): void {
    this.log.push({ service, method: req.method, path: req.url.pathname, query: req.url.search, status })
  }
}

/** Wraps a service handler with fault injection and logging; requests the handler does not own pass untouched. */
export function observed(
  service: string,
  traffic: Traffic,
  owns: (req: EmuRequest) => boolean,
  handle: (req: EmuRequest) => EmuResponse
): (req: EmuRequest) => EmuResponse | undefined {
  return req => {
    if (!owns(req)) return undefined
    const response = traffic.fault(req) ?? handle(req)
    traffic.record(service, req, response.status)
    return response
  }
}
