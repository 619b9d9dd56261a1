/**
 * The local Azure emulator: one HTTPS server (CA made at start) serving ARM, Entra, the Actions
 * ID-token endpoint, the admin API and any extra services (GitHub, managed identity, Key Vault).
 * Test tooling only; production code never imports it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Service } from './http.js'
import { makeCertificates } from './certs.js'
import { makeRsaKeys, type JwtClaims } from './jwt.js'
import { FaultBook } from './faults.js'
import { RequestLog, type RequestLogEntry } from './request-log.js'
import { startServer } from './server.js'
import { TokenBook } from './tokens.js'
import { createEntra, FEDERATED_AUDIENCE } from './entra.js'
import { createActionsOidc } from './actions-oidc.js'
import { ResourceStore } from './arm/store.js'
import { Operations } from './arm/lro.js'
import { createArmService, type DenyRule } from './arm/service.js'
import { rbacDenial } from './arm/rbac.js'
import { asWire } from './arm/types/resource-type.js'
import { resourceTypes } from './arm/types/index.js'
import { DEFAULT_QUOTAS } from './arm/quotas.js'
import { ProviderRegistrations } from './arm/providers.js'
import { createArmLimits, limitedArmService, type ArmLimits } from './arm/limits.js'
import { createResourceGraph } from './arm/resource-graph.js'
import { ADMIN_PREFIX, createAdmin, createAdminService, type EmulatorAdmin } from './admin.js'
import { createBuildBlobService, registryBuilds, type RegistryBuilds } from './arm/types/container-registry.js'

export type { EmulatorAdmin } from './admin.js'
export type { FaultRule } from './faults.js'
export type { RequestLogEntry } from './request-log.js'
export type { Service, EmuRequest, EmuResponse } from './http.js'
export { FEDERATED_AUDIENCE } from './entra.js'
export { DEFAULT_SUBJECT } from './actions-oidc.js'
export { KEDA_VERSION } from './arm/types/container-apps.js'

/** Fixed ids so printed env vars stay valid across restarts. */
export const EMULATOR_TENANT_ID = '5b1a6c2e-8f0d-4c57-9a3e-2d41e7f0c9b1'
export const EMULATOR_CLIENT_ID = 'c6e2f1a4-3b9d-4e08-8a71-0f5d2c9b7e13'
export const EMULATOR_PRINCIPAL_OBJECT_ID = '9e4d7a21-6c3b-4f85-b0d2-7a1e5c8f3d46'

export interface Emulator {
  /** https://127.0.0.1:PORT, the ARM endpoint and the Entra authority host. */
  url: string
  caPem: string
  /** caPem written to a temp file, for NODE_EXTRA_CA_CERTS. */
  caPath: string
  tenantId: string
  clientId: string
  /** Object id of the app's service principal (named in 403 messages). */
  principalObjectId: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN values; `issuer` signs the ID tokens. */
  oidc: { requestUrl: string; requestToken: string; issuer: string; requestTokenFor(claims: JwtClaims): string }
  admin: EmulatorAdmin
  /** ARM's throttling and Resource Graph (its index lag, quota and counts); `limits.limited` turns them on. */
  limits: ArmLimits
  requests(): RequestLogEntry[]
  clearRequests(): void
  /** Who an Entra access token issued here for `resource` belongs to (the Key Vault double's sign-in check). */
  signedIn(token: string, resource: string): { clientId: string; objectId: string } | undefined
  /** Extra services (GitHub etc.), consulted before ARM. */
  addService(service: Service): void
  /** ACR quick builds: uploaded sources, runs, the requests scheduleRun received. */
  registryBuilds: RegistryBuilds
  close(): Promise<void>
}

export interface EmulatorOptions {
  /** Added to every request (default 0). */
  latencyMs?: number
  /** A test setting: LROs complete after this many status polls instead of by elapsed time (unpolled, never). */
  lroPolls?: number
  /** Retry-After on LRO answers (default 0, so SDK pollers don't wait). */
  retryAfterSeconds?: number
  /**
   * LROs complete once this much time has passed, read or not, as ARM's do (default 20 ms, or poll counting when only
   * `lroPolls` is given).
   */
  lroDurationMs?: number
  /** How long one second of an ACR build takes (default 1000). */
  buildSecondMs?: number
  /** ARM's request limits and Resource Graph's quota (default off, so quick tests keep their speed). */
  armLimits?: boolean
  /** How long a write takes to reach Resource Graph's index (default 0). */
  graphLagMs?: number
  port?: number
}

/** Short enough for tests, long enough that an operation is still running when the next request arrives. */
const DEFAULT_LRO_DURATION_MS = 20

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const settings = {
    latencyMs: options.latencyMs ?? 0,
    lroPolls: options.lroPolls ?? 1,
    retryAfterSeconds: options.retryAfterSeconds ?? 0,
    lroDurationMs: options.lroDurationMs ?? (options.lroPolls === undefined ? DEFAULT_LRO_DURATION_MS : 0)
  }
  const certs = await makeCertificates()
  const faults = new FaultBook()
  const log = new RequestLog()
  const extraServices: Service[] = []
  const services: Service[] = []
  const running = await startServer(
    {
      certs,
      services: () => services,
      faults,
      log,
      latencyMs: () => settings.latencyMs,
      unfaultedPrefix: ADMIN_PREFIX
    },
    options.port ?? 0
  )
  const url = `https://127.0.0.1:${running.port}`

  const githubKeys = makeRsaKeys('emulator-actions')
  const oidc = createActionsOidc(url, githubKeys)
  const tokens = new TokenBook()
  const store = new ResourceStore()
  const caller = { clientId: EMULATOR_CLIENT_ID, objectId: EMULATOR_PRINCIPAL_OBJECT_ID }
  const entra = createEntra({
    origin: url,
    tenantId: EMULATOR_TENANT_ID,
    clientId: EMULATOR_CLIENT_ID,
    objectId: EMULATOR_PRINCIPAL_OBJECT_ID,
    assertionIssuer: oidc.issuer,
    assertionKey: githubKeys.publicKey,
    tokens,
    managedIdentity: clientId => {
      const identity = store
        .all()
        .find(
          r =>
            r.type === 'Microsoft.ManagedIdentity/userAssignedIdentities' &&
            asWire(r.body.properties).clientId === clientId
        )
      if (identity === undefined) return undefined
      const credentials = store
        .list('Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials', identity.id)
        .map(c => asWire(c.body.properties) as { issuer: string; subject: string; audiences: string[] })
      return { principalId: String(asWire(identity.body.properties).principalId), credentials }
    }
  })

  const types = resourceTypes()
  const ctx = {
    store,
    tenantId: EMULATOR_TENANT_ID,
    access: { propagationMs: 0 },
    quotas: { ...DEFAULT_QUOTAS },
    providers: new ProviderRegistrations()
  }
  const denies: DenyRule[] = []
  const operations = new Operations({
    origin: () => url,
    lroPolls: () => settings.lroPolls,
    retryAfterSeconds: () => settings.retryAfterSeconds,
    lroDurationMs: () => settings.lroDurationMs
  })
  const arm = createArmService({
    store,
    operations,
    faults,
    types,
    ctx,
    authenticate: h => tokens.check(h),
    denies: () => denies,
    // The emulator's own app is the platform's Owner; a team's federated managed identity has only what it was granted.
    authorize: (who, action, scope, facts) =>
      who.clientId === EMULATOR_CLIENT_ID ? undefined : rbacDenial(store, who, action, scope, facts)
  })

  const builds = registryBuilds(store)
  builds.secondMs = options.buildSecondMs ?? builds.secondMs
  const buildBlobs = createBuildBlobService(store)
  const graph = createResourceGraph(
    store,
    { lagMs: options.graphLagMs ?? 0, quota: { queries: 15, windowMs: 5000 }, limited: false },
    stored => arm.view(stored)
  )
  const limits = createArmLimits(graph)
  limits.limited = options.armLimits ?? false
  const front = limitedArmService(arm, limits, h => tokens.check(h))

  const admin = createAdmin({
    store,
    types,
    ctx,
    view: id => {
      const stored = store.get(id)
      return stored === undefined ? undefined : arm.view(stored)
    },
    faults,
    denies,
    log,
    setLatency: ms => {
      settings.latencyMs = ms
    },
    setLroPolls: polls => {
      settings.lroPolls = polls
      settings.lroDurationMs = 0
    },
    setRoleAssignmentDelay: ms => {
      ctx.access.propagationMs = ms
    },
    issueToken: () => tokens.issue(caller, 24 * 3600),
    mintIdToken: (overrides, audience) => oidc.mint(audience ?? FEDERATED_AUDIENCE, overrides)
  })
  // Order matters: admin first (never faulted), then identity endpoints, then extras, then ARM.
  const rebuild = (): void => {
    services.splice(
      0,
      services.length,
      createAdminService(admin, log),
      entra,
      oidc.service,
      buildBlobs,
      ...extraServices,
      front
    )
  }
  rebuild()

  const caDir = mkdtempSync(join(tmpdir(), 'runner-setup-emulator-'))
  const caPath = join(caDir, 'ca.pem')
  writeFileSync(caPath, certs.caPem)

  return {
    url,
    caPem: certs.caPem,
    caPath,
    tenantId: EMULATOR_TENANT_ID,
    clientId: EMULATOR_CLIENT_ID,
    principalObjectId: EMULATOR_PRINCIPAL_OBJECT_ID,
    oidc: {
      requestUrl: oidc.requestUrl,
      requestToken: oidc.requestToken,
      issuer: oidc.issuer,
      requestTokenFor: oidc.requestTokenFor
    },
    admin,
    limits,
    signedIn: (token, resource) => tokens.callerFor(token, resource),
    requests: () => log.all(),
    clearRequests: () => log.clear(),
    addService(service) {
      extraServices.push(service)
      rebuild()
    },
    registryBuilds: builds,
    async close() {
      await running.close()
      rmSync(caDir, { recursive: true, force: true })
    }
  }
}
