/**
 * GitHub's primary rate limits, per credential and resource (`core`, `search`, `actions_runner_registration`).
 * An installation's core limit is 5,000/h at least and grows with the organisation (up to 12,500; 15,000 on
 * Enterprise Cloud): tests set it per credential with `setLimit`.
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#primary-rate-limit-for-github-app-installations
 */
export const LIMITS: Record<string, number> = { core: 5000, search: 30, actions_runner_registration: 10000 }

interface Bucket {
  used: number
  resetSeconds: number
}

export class RateLimits {
  private buckets = new Map<string, Bucket>()
  private overrides = new Map<string, number>()

  constructor(private readonly now: () => number) {}

  /** Counts one request and returns the headers to send; `exceeded` when the bucket was already empty. */
  take(credential: string, resource: string): { headers: Record<string, string>; exceeded: boolean } {
    const limit = this.limitOf(credential, resource)
    const nowSeconds = Math.floor(this.now() / 1000)
    const id = `${credential} ${resource}`
    let bucket = this.buckets.get(id)
    if (!bucket || bucket.resetSeconds <= nowSeconds) {
      bucket = { used: 0, resetSeconds: nowSeconds + 3600 }
      this.buckets.set(id, bucket)
    }
    const exceeded = bucket.used >= limit
    if (!exceeded) bucket.used++
    return {
      exceeded,
      headers: {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(limit - bucket.used),
        'x-ratelimit-reset': String(bucket.resetSeconds),
        'x-ratelimit-used': String(bucket.used),
        'x-ratelimit-resource': resource
      }
    }
  }

  /** Gives back the request just counted (a 304 is free) and returns the headers as they now stand. */
  refund(credential: string, resource: string): Record<string, string> {
    const bucket = this.buckets.get(`${credential} ${resource}`)
    if (bucket && bucket.used > 0) bucket.used--
    const limit = this.limitOf(credential, resource)
    const used = bucket?.used ?? 0
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(limit - used),
      'x-ratelimit-reset': String(bucket?.resetSeconds ?? Math.floor(this.now() / 1000) + 3600),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': resource
    }
  }

  /** Requests counted so far in the current window. */
  used(credential: string, resource = 'core'): number {
    return this.buckets.get(`${credential} ${resource}`)?.used ?? 0
  }

  /** Test hook: the window ends now, as at X-RateLimit-Reset (the next request opens a fresh one). */
  reset(credential: string, resource: string): void {
    this.buckets.delete(`${credential} ${resource}`)
  }

  /** Test hook: spend a bucket down to `remaining`. */
  set(credential: string, resource: string, remaining: number): void {
    this.take(credential, resource)
    this.buckets.get(`${credential} ${resource}`)!.used = this.limitOf(credential, resource) - remaining
  }

  /** Test hook: this credential's hourly limit for a resource (an installation in a large organisation). */
  setLimit(credential: string, resource: string, limit: number): void {
    this.overrides.set(`${credential} ${resource}`, limit)
  }

  limitOf(credential: string, resource: string): number {
    return this.overrides.get(`${credential} ${resource}`) ?? LIMITS[resource] ?? 5000
  }

  /**
   * GET /rate_limit's body: every resource with limit, used, remaining and reset; `core` and `search` are required
   * by the REST description's `rate-limit-overview`, and `rate` repeats core.
   * https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user
   */
  overview(credential: string): object {
    const nowSeconds = Math.floor(this.now() / 1000)
    const resources = Object.fromEntries(
      Object.keys(LIMITS).map(resource => {
        const limit = this.limitOf(credential, resource)
        const bucket = this.buckets.get(`${credential} ${resource}`)
        const live = bucket && bucket.resetSeconds > nowSeconds ? bucket : undefined
        const used = live?.used ?? 0
        return [resource, { limit, used, remaining: limit - used, reset: live?.resetSeconds ?? nowSeconds + 3600 }]
      })
    )
    return { resources, rate: resources.core }
  }
}
