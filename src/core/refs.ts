/** Values only Azure knows once a resource exists (the identity's clientId/principalId), carried as `Ref`s until then. */
import type { Ref } from './types.js'

/** An SDK model type in which any string may still be a `Ref`: lets bodies with refs be typed against the SDK. */
export type WithRefs<T> = T extends string
  ? T | Ref
  : T extends readonly (infer U)[]
    ? WithRefs<U>[]
    : T extends object
      ? { [K in keyof T]: WithRefs<T[K]> }
      : T

export function ref(id: string, property: Ref['property']): Ref {
  return { $ref: id, property }
}

export function isRef(value: unknown): value is Ref {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Partial<Ref>
  return (
    typeof candidate.$ref === 'string' && (candidate.property === 'clientId' || candidate.property === 'principalId')
  )
}

/** `(known after apply: id-studio-runners.clientId)`: what a ref looks like before the resource exists. */
export function renderRef(value: Ref): string {
  const name = value.$ref.slice(value.$ref.lastIndexOf('/') + 1)
  return `(known after apply: ${name}.${value.property})`
}

/** Replaces every ref inside `value`, leaving the input untouched. */
function mapRefs(value: unknown, replace: (r: Ref) => unknown): unknown {
  if (isRef(value)) return replace(value)
  if (Array.isArray(value)) return value.map(item => mapRefs(item, replace))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapRefs(item, replace)]))
  }
  return value
}

export type RefLookup = (id: string, property: Ref['property']) => string | undefined

export interface ResolvedBody {
  body: Record<string, unknown>
  /** True when at least one ref could not be resolved and is still in `body`. */
  unresolved: boolean
}

export function resolveRefs(body: Record<string, unknown>, lookup: RefLookup): ResolvedBody {
  let unresolved = false
  const resolved = mapRefs(body, r => {
    const value = lookup(r.$ref, r.property)
    if (value === undefined) unresolved = true
    return value ?? r
  })
  return { body: resolved as Record<string, unknown>, unresolved }
}

export function renderRefs(body: Record<string, unknown>): Record<string, unknown> {
  return mapRefs(body, renderRef) as Record<string, unknown>
}

export function hasRefs(value: unknown): boolean {
  let found = false
  mapRefs(value, r => {
    found = true
    return r
  })
  return found
}
