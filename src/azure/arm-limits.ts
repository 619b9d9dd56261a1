/**
 * Staying inside ARM's request limits (learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-
 * throttling): reads are a token bucket of 250 per principal, subscription and region, refilled 25 a second. Each
 * answer tells what is left (`x-ms-ratelimit-remaining-subscription-reads`); a read waits for a token before it is
 * sent, so a fleet-wide read never empties the bucket. A 429 is waited out as `Retry-After` says and sent again until
 * a deadline, not a fixed number of times: a busy subscription slows a run down, it does not fail a team.
 */
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline'

/** The documented read bucket; the remaining-reads header corrects the estimate on every answer. */
export const READ_BUCKET = { size: 250, refillPerSecond: 25 }

export interface ThrottleStats {
  /** Requests sent, by kind (a retried request counts each time). */
  reads: number
  writes: number
  /** 429 answers waited out, and the time spent waiting on them. */
  throttled: number
  throttledWaitMs: number
  /** Time reads spent waiting for a token before they were sent. */
  pacedWaitMs: number
}

export interface ArmLimitsOptions {
  /** How long one request keeps waiting out 429s before it fails. */
  maxThrottleWaitMs: number
  sleep: (ms: number) => Promise<void>
  now: () => number
}

export const DEFAULT_MAX_THROTTLE_WAIT_MS = 10 * 60_000

interface Bucket {
  tokens: number
  at: number
}

/**
 * One estimate per subscription (each has its own bucket), from ARM's first answer on: before ARM has said what is
 * left (or where it never says, as a local double without limits), reads are not held back.
 */
export class ReadBudget {
  private readonly buckets = new Map<string, Bucket>()
  constructor(private readonly now: () => number) {}

  private bucket(subscriptionId: string): Bucket {
    const key = subscriptionId.toLowerCase()
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: READ_BUCKET.size, at: now }
    bucket.tokens = Math.min(READ_BUCKET.size, bucket.tokens + ((now - bucket.at) / 1000) * READ_BUCKET.refillPerSecond)
    bucket.at = now
    this.buckets.set(key, bucket)
    return bucket
  }

  /** How long to wait before a read may be sent (0: now, and the token is taken). Unpaced until ARM has told. */
  take(subscriptionId: string): number {
    if (!this.buckets.has(subscriptionId.toLowerCase())) return 0
    const bucket = this.bucket(subscriptionId)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.ceil(((1 - bucket.tokens) / READ_BUCKET.refillPerSecond) * 1000)
  }

  /** ARM's count is the truth: other callers with the same principal drain the same bucket. */
  observe(subscriptionId: string, remaining: number): void {
    const bucket = this.bucket(subscriptionId)
    bucket.tokens = Math.min(bucket.tokens, remaining)
  }

  /** A 429: nothing is left. */
  empty(subscriptionId: string): void {
    this.bucket(subscriptionId).tokens = 0
  }
}

const SUBSCRIPTION = /\/subscriptions\/([^/?]+)/i

/** The wait a 429 asks for: `Retry-After` in seconds or as a date, or `x-ms-retry-after-ms`. */
export function retryAfterMs(response: PipelineResponse, now: number): number {
  const ms = Number(response.headers.get('x-ms-retry-after-ms'))
  if (Number.isFinite(ms) && ms > 0) return ms
  const value = response.headers.get('retry-after')
  if (value === undefined) return 1000
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now)
}

/** The pipeline policy every ARM client carries: paced reads, 429s waited out until the deadline, counts kept. */
export function armLimitsPolicy(options: ArmLimitsOptions, budget: ReadBudget, stats: ThrottleStats): PipelinePolicy {
  return {
    name: 'runnerSetupArmLimits',
    async sendRequest(request, next) {
      const subscriptionId = SUBSCRIPTION.exec(new URL(request.url).pathname)?.[1]
      const isRead = request.method === 'GET' || request.method === 'HEAD'
      const started = options.now()
      for (;;) {
        if (isRead && subscriptionId) await pace(subscriptionId)
        if (isRead) stats.reads++
        else stats.writes++
        const response = await next(request)
        const remaining = Number(response.headers.get('x-ms-ratelimit-remaining-subscription-reads'))
        if (subscriptionId && isRead && response.headers.has('x-ms-ratelimit-remaining-subscription-reads'))
          budget.observe(subscriptionId, remaining)
        if (response.status !== 429) return response
        const wait = retryAfterMs(response, options.now())
        // Past the deadline the 429 goes back to the caller, which fails the team with the subscription named. Without
        // its Retry-After the SDK's own retry policy passes it on instead of waiting again.
        if (options.now() + wait - started > options.maxThrottleWaitMs) {
          for (const header of ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms']) response.headers.delete(header)
          return response
        }
        if (subscriptionId && isRead) budget.empty(subscriptionId)
        stats.throttled++
        stats.throttledWaitMs += wait
        await options.sleep(wait)
      }
    }
  }

  async function pace(subscriptionId: string): Promise<void> {
    for (let wait = budget.take(subscriptionId); wait > 0; wait = budget.take(subscriptionId)) {
      stats.pacedWaitMs += wait
      await options.sleep(wait)
    }
  }
}

export function newThrottleStats(): ThrottleStats {
  return { reads: 0, writes: 0, throttled: 0, throttledWaitMs: 0, pacedWaitMs: 0 }
}
