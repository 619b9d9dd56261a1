/**
 * A Resource Graph row in the SDK model shape the engine compares. Graph answers ARM's wire JSON; the ARM SDKs
 * flatten each `properties` object into its resource (and into sub-resources such as a VNet's subnets and peerings).
 * The same flattening here makes a row comparable with a desired body. A row this gets wrong can only look drifted,
 * and every drift is confirmed with a GET before it is reported.
 */
import type { ActualResource } from '../core/types.js'

/** Graph's own columns, not part of the resource. */
const GRAPH_COLUMNS = new Set(['subscriptionId', 'resourceGroup', 'tenantId'])

export function sdkShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sdkShape)
  if (typeof value !== 'object' || value === null) return value
  const { properties, ...rest } = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(rest)) out[key] = sdkShape(item)
  if (typeof properties === 'object' && properties !== null && !Array.isArray(properties))
    for (const [key, item] of Object.entries(properties)) out[key] ??= sdkShape(item)
  else if (properties !== undefined) out.properties = properties
  return out
}

export function rowToActual(row: Record<string, unknown>): ActualResource {
  const resource = Object.fromEntries(Object.entries(row).filter(([key]) => !GRAPH_COLUMNS.has(key)))
  return { id: String(row.id), body: sdkShape(resource) as Record<string, unknown> }
}
