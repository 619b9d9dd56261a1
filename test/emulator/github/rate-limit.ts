/** GitHub's primary rate limit headers, per credential and resource (`core`, `actions_runner_registration`). */
export const LIMITS: Record<string, number> = { core: 5000, actions_runner_registration: 10000 }

interface Bucket {
  used: number
  resetSeconds: number
}

export class RateLimits {
  private buckets = new Map<string, Bucket>()

  constructor(private readonly now: () => number) {}

  /** Counts one request and returns the headers to send; `exceeded` when the bucket was already empty. */
  take(credential: string, resource: string): { headers: Record<string, string>; exceeded: boolean } {
    const limit = LIMITS[resource] ?? 5000
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
    const limit = LIMITS[resource] ?? 5000
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
    this.buckets.get(`${credential} ${resource}`)!.used = (LIMITS[resource] ?? 5000) - remaining
  }
}
