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
   * `secondary-rate-limit`: GitHub's secondary limit answer, `status` 403 (default) or 429, with `retry-after`
   * (60 s unless `retryAfterSeconds` says otherwise, or none when it is `null`).
   * `primary-rate-limit`: the hourly limit spent: `status` 403 (default) or 429 with `x-ratelimit-remaining: 0` and
   * `x-ratelimit-reset` `resetInSeconds` (default 3,600) from now.
   * `lost-answer`: the request is carried out, then its answer is replaced by `status` (default 502), as when a
   * proxy times out after GitHub acted. Otherwise a plain answer with `status` instead of carrying the request out.
   * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
   */
  kind?: 'secondary-rate-limit' | 'primary-rate-limit' | 'lost-answer' | 'status'
  status?: number
  retryAfterSeconds?: number | null
  resetInSeconds?: number
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

  constructor(private readonly now: () => number = Date.now) {}

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
    // GitHub's documented answers when a limit is exceeded: 403 or 429, and for the secondary limit a message
    // naming it (clients tell the two apart by it) and usually retry-after.
    if (rule.kind === 'secondary-rate-limit') {
      const retryAfter = rule.retryAfterSeconds === undefined ? 60 : rule.retryAfterSeconds
      return {
        status: rule.status ?? 403,
        headers: retryAfter === null ? {} : { 'retry-after': String(retryAfter) },
        body: {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
        }
      }
    }
    if (rule.kind === 'primary-rate-limit') {
      const reset = Math.floor(this.now() / 1000) + (rule.resetInSeconds ?? 3600)
      return {
        status: rule.status ?? 403,
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(reset),
          'x-ratelimit-resource': 'core'
        },
        body: {
          message: 'API rate limit exceeded for installation.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit'
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
