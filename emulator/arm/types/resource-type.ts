/** What each ARM resource type tells the generic ARM service: LRO styles, validation, read-only fields. */
import type { EmuRequest, EmuResponse } from '../../http.js'
import type { ArmError } from '../errors.js'
import type { ArmTarget } from '../router.js'
import type { ResourceStore, StoredResource, Wire } from '../store.js'
import type { Quotas } from '../quotas.js'
import type { ProviderRegistrations } from '../providers.js'

/** How Key Vault access checks behave (key-vault-access.ts). */
export interface AccessSettings {
  /** Role assignments take effect this long after creation (Azure's propagation delay). */
  propagationMs: number
}

/** `sync`: answered at once; `async`: Azure-AsyncOperation; `location`: Location polling. */
export type WriteStyle = 'sync' | 'async' | 'location'

export interface TypeContext {
  store: ResourceStore
  tenantId: string
  /** Mutable: tests can make role assignments take time to propagate. */
  access: AccessSettings
  /** Mutable: tests can lower the Container Apps quotas. */
  quotas: Quotas
  /** Resource provider registration per subscription (all Registered until a test says otherwise). */
  providers: ProviderRegistrations
}

export interface PutInput {
  target: ArmTarget
  /** The request body (for PATCH: the existing resource with the patch merged in). */
  body: Wire
  existing: StoredResource | undefined
}

export interface ActionResult {
  /** Answer right away... */
  response?: EmuResponse
  /** ...or run as a Location-style LRO whose final answer is this. */
  lroResult?: EmuResponse
  error?: ArmError
}

export interface ResourceType {
  /** Canonical type name, e.g. `Microsoft.Network/virtualNetworks/subnets`. */
  type: string
  put: WriteStyle
  patch?: WriteStyle
  delete: WriteStyle
  /** provisioningState while a write runs; absent for types without one. */
  busyState?: string
  etag?: boolean
  requiresLocation?: boolean
  /** Extension resources (role assignments, diagnostic settings) live under any scope. */
  extension?: boolean
  /** The answer to a write or delete while an operation on the resource still runs (default: the new write wins). */
  busyConflict?: (id: string) => ArmError
  /** Status of a sync create (default 201; some providers answer 200). */
  createdStatus?: number
  /** Permissions the write needs on other resources (ARM answers 403 LinkedAuthorizationFailed). */
  linkedActions?(input: PutInput): { action: string; scope: string }[]
  /** Final status of an LRO delete (default 204; the SDK accepts only 200 for some types). */
  deletedStatus?: number
  /** Answer to a successful sync DELETE (default 200 with no body). */
  deleteAnswer?: (stored: StoredResource) => EmuResponse
  validate?(ctx: TypeContext, input: PutInput): ArmError | undefined
  /** The stored wire body: writable fields from the request plus read-only fields. */
  build(ctx: TypeContext, input: PutInput): Wire
  /** After the resource is stored (e.g. a VNet PUT writes its subnets as children). */
  afterPut?(ctx: TypeContext, stored: StoredResource, input: PutInput): void
  /** The GET shape: derived fields added, write-only fields removed. */
  view?(ctx: TypeContext, stored: StoredResource): Wire
  validateDelete?(ctx: TypeContext, stored: StoredResource): ArmError | undefined
  /** POST `{id}/{name}`. */
  actions?: Record<string, (ctx: TypeContext, stored: StoredResource, req: EmuRequest) => ActionResult>
}

export const asWire = (value: unknown): Wire =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Wire) : {}

export const props = (body: Wire): Wire => asWire(body.properties)

/** id/name/type/location/tags plus the request's other top-level fields. */
export function envelope(input: PutInput, type: string, extra: Wire = {}): Wire {
  const { id, name, ...rest } = input.body
  void id
  void name
  const wire: Wire = { ...rest, id: input.target.id, name: input.target.name, type }
  if (wire.tags === undefined && input.existing === undefined && 'location' in wire) wire.tags = {}
  wire.properties = { ...props(input.body), ...extra }
  return wire
}

/** A fresh weak ETag in ARM's format. */
export const newEtag = (): string => `W/"${crypto.randomUUID()}"`

/** Number of addresses in a CIDR prefix like 10.0.0.0/27 (undefined when malformed). */
export function prefixLength(cidr: unknown): number | undefined {
  if (typeof cidr !== 'string') return undefined
  const match = /^\d{1,3}(?:\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidr)
  return match ? Number(match[1]) : undefined
}

/** A stable pseudo-random value derived from a string, for GUID-like and IP-like read-only fields. */
export function stableBytes(seed: string): Buffer {
  let h = 2166136261
  const out = Buffer.alloc(16)
  for (let i = 0; i < 16; i++) {
    for (const ch of seed + i) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
    out[i] = h & 0xff
  }
  return out
}

export function stableGuid(seed: string): string {
  const hex = stableBytes(seed).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export const idRef = (value: unknown): string | undefined => {
  const id = asWire(value).id
  return typeof id === 'string' ? id : undefined
}
