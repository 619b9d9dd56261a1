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
  /**
   * `secondary-rate-limit`: GitHub's 403 with retry-after. `lost-answer`: the request is carried out, then its
   * answer is replaced by `status` (default 502), as when a proxy times out after GitHub acted. Otherwise a plain
   * answer with `status` instead of carrying the request out.
   */
  kind?: 'secondary-rate-limit' | 'lost-answer' | 'status'
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

  /** The answer for this request: injected if a rule matches (and consumes one of its `times`), else `handle`'s. */
  answer(req: EmuRequest, handle: (req: EmuRequest) => EmuResponse): EmuResponse {
    const rule = this.match(req)
    if (!rule) return handle(req)
    if (rule.kind === 'lost-answer') {
      handle(req)
      return { status: rule.status ?? 502, body: rule.body ?? { message: 'Bad Gateway' } }
    }
    return this.injected(rule)
  }

  private match(req: EmuRequest): FaultRule | undefined {
    const path = req.url.pathname
    const rule = this.faults.find(
      r =>
        (!r.method || r.method.toUpperCase() === req.method) &&
        (typeof r.path === 'string' ? path.includes(r.path) : r.path.test(path)) &&
        (r.times === undefined || r.times > 0)
    )
    if (rule?.times !== undefined) rule.times--
    return rule
  }

  private injected(rule: FaultRule): EmuResponse {
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
    const response = traffic.answer(req, handle)
    traffic.record(service, req, response.status)
    return response
  }
}
