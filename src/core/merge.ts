/**
 * Read-modify-write: an update sends the live resource with our fields applied, so what other owners added survives
 * (a route table or service endpoints the platform attached to the subnet, a tag Azure Policy appended). Our top-level
 * fields replace theirs whole; tags merge key by key. Read-only fields in the live body are harmless: the SDK
 * serializers send only writable properties.
 */
import type { ResourceKind } from './types.js'

/** Child collections written through their own endpoints: a PUT that omits them keeps them (api-version 2023-09-01+). */
const CHILD_LISTS: Partial<Record<ResourceKind, string[]>> = {
  virtualNetwork: ['subnets', 'virtualNetworkPeerings']
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function withLive(
  kind: ResourceKind,
  live: Record<string, unknown>,
  ours: Record<string, unknown>
): Record<string, unknown> {
  const skip = new Set(CHILD_LISTS[kind] ?? [])
  const base = Object.fromEntries(Object.entries(live).filter(([key]) => !skip.has(key)))
  const merged: Record<string, unknown> = { ...base, ...ours }
  if (isObject(live.tags) && isObject(ours.tags)) merged.tags = { ...live.tags, ...ours.tags }
  return merged
}
