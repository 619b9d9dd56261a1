/** Reading what Azure holds, the same way everywhere: by id (case-insensitive), its state, and its fingerprint. */
import { createHash } from 'node:crypto'
import type { RefLookup } from './refs.js'
import type { ActualResource, ActualState } from './types.js'

/** ARM ids are case-insensitive; the engine keys actual state by desired id, but be lenient. */
export function findActual(actual: ActualState, id: string): ActualResource | undefined {
  if (actual.has(id)) return actual.get(id)
  const lower = id.toLowerCase()
  for (const [key, value] of actual) if (key.toLowerCase() === lower) return value
  return undefined
}

/** Refs point at the identity; its clientId/principalId are top-level fields of its SDK model. */
export function lookupIn(actual: ActualState): RefLookup {
  return (id, property) => {
    const value = findActual(actual, id)?.body[property]
    return typeof value === 'string' ? value : undefined
  }
}

export function provisioningState(body: Record<string, unknown> | undefined): string | undefined {
  const state = body?.provisioningState
  return typeof state === 'string' ? state : undefined
}

const TERMINAL = new Set(['succeeded', 'failed', 'canceled', 'cancelled'])
/** A resource whose last write failed (or was canceled) holds whatever Azure got to: only writing it again settles it. */
const FAILED = new Set(['failed', 'canceled', 'cancelled'])

/** Settled: no operation runs on it (types without a provisioningState always are). */
export function isSettled(state: string | undefined): boolean {
  return state === undefined || TERMINAL.has(state.toLowerCase())
}

export function isFailed(state: string | undefined): boolean {
  return state !== undefined && FAILED.has(state.toLowerCase())
}

/**
 * What a plan saw of one resource: `absent`, or a short hash of its etag (which ARM changes on every write) or, for
 * types without one, of its body. A saved plan is applied only while every resource it touches still matches.
 */
export function fingerprint(resource: ActualResource | undefined): string {
  if (resource === undefined) return 'absent'
  const { etag, systemData, ...body } = resource.body
  // Without an etag, the body tells; `systemData` (who touched it when) is bookkeeping, not state.
  void systemData
  const basis = typeof etag === 'string' ? `etag:${etag}` : stableJson(body)
  return createHash('sha256').update(basis).digest('hex').slice(0, 16)
}

/** JSON with object keys sorted: equal values give equal text, whatever order their keys came in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
