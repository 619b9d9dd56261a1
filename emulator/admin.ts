/**
 * In-process control of the emulator (seed state, out-of-band changes, faults, denials, latency),
 * and the same as JSON over HTTPS under /_admin/* for child processes.
 */
import type { RegistrationState } from './arm/providers.js'
import type { Quotas } from './arm/quotas.js'
import type { EmuRequest, EmuResponse, Service } from './http.js'
import type { FaultBook, FaultRule } from './faults.js'
import type { RequestLog, RequestLogEntry } from './request-log.js'
import type { ResourceStore, StoredResource, Wire } from './arm/store.js'
import type { DenyRule } from './arm/service.js'
import { mergePatch } from './arm/service.js'
import { parseArmPath } from './arm/router.js'
import type { ResourceType, TypeContext } from './arm/types/resource-type.js'
import { asWire } from './arm/types/resource-type.js'
import type { JwtClaims } from './jwt.js'

export const ADMIN_PREFIX = '/_admin/'

export interface EmulatorAdmin {
  /** Creates (or replaces) a resource group; returns its wire JSON. */
  seedResourceGroup(subscriptionId: string, name: string, location: string, tags?: Record<string, string>): Wire
  /** Stores a pre-existing resource as ARM would show it (read-only fields filled, provisioningState Succeeded). */
  seed(id: string, wireBody: Wire): Wire
  /** The resource as a GET would answer, or undefined. */
  getResource(id: string): Wire | undefined
  /** Stored resources exactly as held, and stores one as given: the bench clones a team applied for real. */
  storedUnder(idPrefix: string): StoredResource[]
  putStored(resource: StoredResource): void
  /** Ids of stored resources, optionally only of one type (e.g. `Microsoft.App/jobs`). */
  listResourceIds(type?: string): string[]
  /** An out-of-band change (JSON merge patch on the wire body), for drift tests. */
  patchResource(id: string, wirePatch: Wire): Wire
  /** Removes a resource and everything under it; false when it did not exist. */
  deleteResource(id: string): boolean
  fault(rule: FaultRule): void
  clearFaults(): void
  /** Answer 403 AuthorizationFailed for actions matching `actionRegex` at or under `scopePrefix`. */
  denyAction(actionRegex: string | RegExp, scopePrefix: string): void
  clearDenials(): void
  setLatency(ms: number): void
  setLroPolls(polls: number): void
  /** Role assignments only take effect this long after creation (Azure propagation; default 0). */
  setRoleAssignmentDelay(ms: number): void
  /** Lowers or raises the Container Apps quotas (environments per region, Consumption cores per environment). */
  setQuotas(quotas: Partial<Quotas>): void
  /** A resource provider's registration state in a subscription (every namespace is Registered until set). */
  setProviderRegistration(subscriptionId: string, namespace: string, state: RegistrationState): void
  /** A bearer token ARM accepts, for in-process tests with a simple TokenCredential. */
  issueToken(): string
  /** An Actions ID token (default audience api://AzureADTokenExchange) with claims overridden, e.g. `{ exp: 0 }`. */
  mintIdToken(overrides?: JwtClaims, audience?: string): string
  /** Highest number of concurrent requests since the last clearRequests(). */
  peakConcurrency(): number
}

export interface AdminDeps {
  store: ResourceStore
  types: Map<string, ResourceType>
  ctx: TypeContext
  view: (id: string) => Wire | undefined
  faults: FaultBook
  denies: DenyRule[]
  log: RequestLog
  setLatency: (ms: number) => void
  setLroPolls: (polls: number) => void
  setRoleAssignmentDelay: (ms: number) => void
  issueToken: () => string
  mintIdToken: (overrides?: JwtClaims, audience?: string) => string
}

export function createAdmin(deps: AdminDeps): EmulatorAdmin {
  const admin: EmulatorAdmin = {
    seedResourceGroup: (subscriptionId, name, location, tags = {}) =>
      admin.seed(`/subscriptions/${subscriptionId}/resourceGroups/${name}`, { location, tags }),
    seed(id, wireBody) {
      const target = parseArmPath(id)
      if (target === undefined || target.kind !== 'resource') throw new Error(`seed: '${id}' is not an ARM resource id`)
      const type = deps.types.get(target.type.toLowerCase())
      const existing = deps.store.get(target.id)
      const input = { target, body: structuredClone(wireBody), existing }
      const body =
        type === undefined
          ? { ...input.body, id: target.id, name: target.name, type: target.type }
          : type.build(deps.ctx, input)
      if (type?.busyState !== undefined && asWire(body.properties).provisioningState === undefined) {
        body.properties = { ...asWire(body.properties), provisioningState: 'Succeeded' }
      }
      if (type?.etag) body.etag = `W/"${crypto.randomUUID()}"`
      const stored = { id: target.id, type: type?.type ?? target.type, body }
      deps.store.put(stored)
      type?.afterPut?.(deps.ctx, stored, input)
      return deps.view(target.id)!
    },
    getResource: id => deps.view(id),
    storedUnder: prefix =>
      deps.store
        .all()
        .filter(r => r.id.toLowerCase().startsWith(prefix.toLowerCase()))
        .map(r => structuredClone(r)),
    putStored: resource => deps.store.put(resource),
    listResourceIds: type =>
      deps.store
        .all()
        .filter(r => type === undefined || r.type.toLowerCase() === type.toLowerCase())
        .map(r => r.id),
    patchResource(id, wirePatch) {
      const stored = deps.store.get(id)
      if (stored === undefined) throw new Error(`patchResource: no resource '${id}'`)
      deps.store.put({ ...stored, body: mergePatch(stored.body, wirePatch) })
      return deps.view(id)!
    },
    deleteResource: id => deps.store.delete(id),
    fault: rule => deps.faults.add(rule),
    clearFaults: () => deps.faults.clear(),
    denyAction: (actionRegex, scopePrefix) => {
      const source = actionRegex instanceof RegExp ? actionRegex.source : actionRegex
      deps.denies.push({ action: new RegExp(source, 'i'), scopePrefix })
    },
    clearDenials: () => {
      deps.denies.length = 0
    },
    setLatency: ms => deps.setLatency(ms),
    setLroPolls: polls => deps.setLroPolls(polls),
    setRoleAssignmentDelay: ms => deps.setRoleAssignmentDelay(ms),
    setQuotas: quotas => Object.assign(deps.ctx.quotas, quotas),
    setProviderRegistration: (subscriptionId, namespace, state) =>
      deps.ctx.providers.set(subscriptionId, namespace, state),
    issueToken: () => deps.issueToken(),
    mintIdToken: (overrides, audience) => deps.mintIdToken(overrides, audience),
    peakConcurrency: () => deps.log.peakConcurrency()
  }
  return admin
}

/** The admin API over HTTPS: small JSON endpoints named after the methods above. */
export function createAdminService(admin: EmulatorAdmin, log: RequestLog): Service {
  const ok = (body?: unknown): EmuResponse => ({ status: 200, body: body ?? { ok: true } })
  const bad = (message: string, status = 400): EmuResponse => ({
    status,
    body: { error: { code: 'AdminError', message } }
  })
  const field = (req: EmuRequest, name: string): unknown => asWire(req.body)[name]
  const text = (req: EmuRequest, name: string): string => String(field(req, name) ?? '')

  const routes: Record<string, (req: EmuRequest) => EmuResponse> = {
    'GET requests': () => ok(log.all() satisfies RequestLogEntry[]),
    'DELETE requests': () => {
      log.clear()
      return ok()
    },
    'GET peak-concurrency': () => ok({ peak: log.peakConcurrency() }),
    'POST faults': req => {
      admin.fault(asWire(req.body) as unknown as FaultRule)
      return ok()
    },
    'DELETE faults': () => {
      admin.clearFaults()
      return ok()
    },
    'POST denials': req => {
      admin.denyAction(text(req, 'action'), text(req, 'scopePrefix'))
      return ok()
    },
    'DELETE denials': () => {
      admin.clearDenials()
      return ok()
    },
    'POST latency': req => {
      admin.setLatency(Number(field(req, 'ms') ?? 0))
      return ok()
    },
    'POST lro-polls': req => {
      admin.setLroPolls(Number(field(req, 'polls') ?? 1))
      return ok()
    },
    'POST role-assignment-delay': req => {
      admin.setRoleAssignmentDelay(Number(field(req, 'ms') ?? 0))
      return ok()
    },
    'POST quotas': req => {
      admin.setQuotas(asWire(req.body) as Partial<Quotas>)
      return ok()
    },
    'POST providers': req => {
      const state = text(req, 'registrationState') as RegistrationState
      admin.setProviderRegistration(text(req, 'subscriptionId'), text(req, 'namespace'), state)
      return ok()
    },
    'POST token': () => ok({ token: admin.issueToken() }),
    'POST resource-groups': req =>
      ok(admin.seedResourceGroup(text(req, 'subscriptionId'), text(req, 'name'), text(req, 'location'))),
    'GET resources': req => {
      const id = req.url.searchParams.get('id')
      if (id === null) return ok(admin.listResourceIds(req.url.searchParams.get('type') ?? undefined))
      const found = admin.getResource(id)
      return found === undefined ? bad(`no resource '${id}'`, 404) : ok(found)
    },
    'PUT resources': req => ok(admin.seed(req.url.searchParams.get('id') ?? '', asWire(req.body))),
    'PATCH resources': req => ok(admin.patchResource(req.url.searchParams.get('id') ?? '', asWire(req.body))),
    'DELETE resources': req => ok({ deleted: admin.deleteResource(req.url.searchParams.get('id') ?? '') })
  }

  return {
    name: 'admin',
    handle(req) {
      if (!req.url.pathname.startsWith(ADMIN_PREFIX)) return undefined
      const route = routes[`${req.method} ${req.url.pathname.slice(ADMIN_PREFIX.length)}`]
      if (route === undefined) return undefined // other services mount their own admin routes (e.g. /_admin/github)
      try {
        return route(req)
      } catch (error) {
        return bad(error instanceof Error ? error.message : String(error))
      }
    }
  }
}
