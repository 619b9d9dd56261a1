/**
 * ARM's request throttling, as learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling
 * describes it since the 2024 regional migration: a token bucket per principal, subscription, region and operation
 * type, reads 250 with 25 refilled per second, writes and deletes 200 with 10 per second. Every answer carries the
 * `x-ms-ratelimit-remaining-subscription-{reads,writes,deletes}` header of its type; over the limit ARM answers 429
 * with `Retry-After` (seconds until a token is back). The emulator is one region, so a bucket is per principal,
 * subscription and type.
 *
 * Beneath it, resource providers keep their own windows: Microsoft.Network allows 10,000 reads per 5 minutes per
 * subscription and region (the same page, "Network throttling"), and Private DNS 500 reads per 5 minutes
 * (learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits, Azure DNS limits).
 */
import type { EmuResponse } from '../http.js'

export interface BucketLimit {
  size: number
  refillPerSecond: number
}

export interface WindowLimit {
  count: number
  windowMs: number
}

export interface ThrottleLimits {
  reads: BucketLimit
  writes: BucketLimit
  deletes: BucketLimit
  /** Resource-provider read windows, by provider path prefix (lowercased, e.g. `microsoft.network/privatednszones`). */
  providerReads: Record<string, WindowLimit>
}

export const ARM_LIMITS: ThrottleLimits = {
  reads: { size: 250, refillPerSecond: 25 },
  writes: { size: 200, refillPerSecond: 10 },
  deletes: { size: 200, refillPerSecond: 10 },
  providerReads: {
    // Checked in order: the narrower Private DNS window first.
    'microsoft.network/privatednszones': { count: 500, windowMs: 5 * 60_000 },
    'microsoft.network': { count: 10_000, windowMs: 5 * 60_000 }
  }
}

export type OperationKind = 'reads' | 'writes' | 'deletes'

export function operationKind(method: string): OperationKind {
  if (method === 'GET' || method === 'HEAD') return 'reads'
  return method === 'DELETE' ? 'deletes' : 'writes'
}

/** What the throttle saw: every answer it let through or refused, by kind, and the lowest bucket level reached. */
export interface ThrottleStats {
  allowed: Record<OperationKind, number>
  throttled: Record<OperationKind | 'provider', number>
  /** Per subscription: the most reads answered 429 within one second (how far past the bucket a client went). */
  overrun: Map<string, number>
}

interface Bucket {
  tokens: number
  at: number
}

export class ArmThrottle {
  private readonly buckets = new Map<string, Bucket>()
  private readonly windows = new Map<string, number[]>()
  readonly stats: ThrottleStats = {
    allowed: { reads: 0, writes: 0, deletes: 0 },
    throttled: { reads: 0, writes: 0, deletes: 0, provider: 0 },
    overrun: new Map()
  }
  private readonly refusedAt = new Map<string, number[]>()

  constructor(
    private readonly limits: ThrottleLimits = ARM_LIMITS,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * Takes a token for the request, or answers the 429. `headers` are what a let-through answer carries; the caller
   * adds them to whatever the service answers.
   */
  take(
    principal: string,
    subscriptionId: string,
    method: string,
    pathname: string
  ): { headers: Record<string, string>; refused?: EmuResponse } {
    const kind = operationKind(method)
    const key = `${principal}|${subscriptionId.toLowerCase()}|${kind}`
    const limit = this.limits[kind]
    const bucket = this.refill(key, limit)
    if (bucket.tokens < 1) {
      this.stats.throttled[kind]++
      if (kind === 'reads') this.countOverrun(subscriptionId)
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.refillPerSecond))
      const headers = { [`x-ms-ratelimit-remaining-subscription-${kind}`]: '0', 'retry-after': String(retryAfter) }
      return { headers, refused: subscriptionThrottled(kind, subscriptionId, principal, retryAfter, headers) }
    }
    const provider = kind === 'reads' ? this.providerWindow(subscriptionId, pathname) : undefined
    if (provider?.refused) {
      this.stats.throttled.provider++
      return { headers: provider.headers, refused: provider.refused }
    }
    bucket.tokens -= 1
    this.stats.allowed[kind]++
    return { headers: { [`x-ms-ratelimit-remaining-subscription-${kind}`]: String(Math.floor(bucket.tokens)) } }
  }

  private countOverrun(subscriptionId: string): void {
    const now = this.now()
    const recent = [...(this.refusedAt.get(subscriptionId) ?? []).filter(t => t > now - 1000), now]
    this.refusedAt.set(subscriptionId, recent)
    this.stats.overrun.set(subscriptionId, Math.max(this.stats.overrun.get(subscriptionId) ?? 0, recent.length))
  }

  private refill(key: string, limit: BucketLimit): Bucket {
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: limit.size, at: now }
    bucket.tokens = Math.min(limit.size, bucket.tokens + ((now - bucket.at) / 1000) * limit.refillPerSecond)
    bucket.at = now
    this.buckets.set(key, bucket)
    return bucket
  }

  /** The provider's sliding window for reads under its namespace, when one applies. */
  private providerWindow(
    subscriptionId: string,
    pathname: string
  ): { headers: Record<string, string>; refused?: EmuResponse } | undefined {
    const path = pathname.toLowerCase()
    const prefix = Object.keys(this.limits.providerReads).find(p => path.includes(`/providers/${p}`))
    if (prefix === undefined) return undefined
    const { count, windowMs } = this.limits.providerReads[prefix]!
    const key = `${subscriptionId.toLowerCase()}|${prefix}`
    const now = this.now()
    const times = (this.windows.get(key) ?? []).filter(t => t > now - windowMs)
    this.windows.set(key, times)
    if (times.length >= count) {
      const retryAfter = Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000))
      const headers = { 'retry-after': String(retryAfter) }
      const message = `The request for ${prefix} in subscription '${subscriptionId}' was throttled: ${count} reads per ${windowMs / 60_000} minutes. Please retry after ${retryAfter} seconds.`
      return { headers, refused: { status: 429, headers, body: { error: { code: 'TooManyRequests', message } } } }
    }
    times.push(now)
    return { headers: {} }
  }
}

/** ARM's answer when a principal's bucket for the subscription is empty. */
function subscriptionThrottled(
  kind: OperationKind,
  subscriptionId: string,
  principal: string,
  retryAfter: number,
  headers: Record<string, string>
): EmuResponse {
  const operation = kind === 'reads' ? 'read' : kind === 'writes' ? 'write' : 'delete'
  const message = `Number of '${operation}' requests for subscription '${subscriptionId}' actor '${principal}' exceeded. Please try again after '${retryAfter}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`
  return { status: 429, headers, body: { error: { code: 'SubscriptionRequestsThrottled', message } } }
}
