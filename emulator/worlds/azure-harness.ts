/** Starts the emulator, seeds what a team's platform provides, and builds an engine with the real SDK and OIDC sign-in. */
import { request } from 'node:https'
import { startEmulator, type Emulator, type EmulatorOptions } from '../index.js'
import { createCredential } from '../../src/azure/credential.js'
import { createEngine, type Engine, type EngineOptions } from '../../src/azure/engine.js'
import type { Logger } from '../../src/core/logger.js'
import { DNS_ZONE_ID, HUB_SUB, HUB_VNET_ID, RG, SUB, VAULT_ID, WORKSPACE_ID } from './azure-fixture.js'

export interface Harness {
  emulator: Emulator
  engine: Engine
  log: string[]
  /** Writes (PUT/PATCH/DELETE/POST) that reached ARM since `mark()`. */
  writesSince(mark: number): { method: string; path: string; status: number }[]
  mark(): number
}

/** A logger that keeps every line, so tests can assert progress and warnings. */
export function recordingLogger(lines: string[]): Logger {
  return {
    info: m => lines.push(m),
    warning: m => lines.push(`warning: ${m}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`)
      return fn()
    }
  }
}

/** Tiny polls and sleeps; generous bounds, so a loaded CI machine never trips them (tests that need a timeout set their own). */
export const fastTiming = {
  sleep: (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)),
  progressIntervalMs: 5,
  operationTimeoutMs: 20_000,
  keyVaultWaitMs: 10_000,
  keyVaultRetryIntervalMs: 5,
  settlePollMs: 5,
  executionPollMs: 5,
  executionStopTimeoutMs: 10_000,
  conflictRetries: 8,
  conflictBackoffMs: 5,
  conflictMaxBackoffMs: 50
}

export async function seedPlatform(emulator: Emulator): Promise<void> {
  const { admin } = emulator
  await admin.seedResourceGroup(SUB, RG, 'norwayeast')
  await admin.seedResourceGroup(HUB_SUB, 'rg-hub', 'norwayeast')
  await admin.seed(HUB_VNET_ID, {
    location: 'norwayeast',
    properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
  })
  await admin.seed(DNS_ZONE_ID, { location: 'global', properties: {} })
  await admin.seed(WORKSPACE_ID, {
    location: 'norwayeast',
    properties: { customerId: '5b6c1a2e-0000-4000-8000-00000000abcd' }
  })
  await admin.seed(VAULT_ID, {
    location: 'norwayeast',
    properties: { tenantId: emulator.tenantId, enableRbacAuthorization: true, sku: { family: 'A', name: 'standard' } }
  })
}

/** In-process OIDC: the real ClientAssertionCredential gets its GitHub token from the emulated Actions endpoint. */
export function engineFor(
  emulator: Emulator,
  log: string[],
  timing: Partial<typeof fastTiming & EngineOptions['timing']> = {},
  extra: Pick<EngineOptions, 'limits'> = {}
): Engine {
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = emulator.oidc.requestUrl
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = emulator.oidc.requestToken
  const tlsOptions = { ca: emulator.caPem }
  const credential = createCredential(
    { signIn: 'oidc', tenantId: emulator.tenantId, clientId: emulator.clientId, authorityHost: emulator.url },
    { tlsOptions, getIdToken: audience => fetchIdToken(emulator, audience) }
  )
  return createEngine({
    credential,
    endpoint: emulator.url,
    logger: recordingLogger(log),
    timing: { ...fastTiming, ...timing },
    retryOptions: { maxRetries: 3, retryDelayInMs: 1, maxRetryDelayInMs: 5 },
    tlsOptions,
    updateIntervalInMs: 1,
    ...extra
  })
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ retryAfterSeconds: 0, ...options })
  await seedPlatform(emulator)
  const log: string[] = []
  const engine = engineFor(emulator, log)
  return {
    emulator,
    engine,
    log,
    mark: () => emulator.requests().length,
    writesSince: mark =>
      emulator
        .requests()
        .slice(mark)
        .filter(
          r => r.method !== 'GET' && !r.path.includes('/oauth2/') && !r.path.startsWith('/_') && !isGraphQuery(r.path)
        )
        .map(({ method, path, status }) => ({ method, path, status }))
  }
}

/** A Resource Graph query is a POST that only reads. */
export const isGraphQuery = (path: string): boolean => path === '/providers/Microsoft.ResourceGraph/resources'

/** What `core.getIDToken` does, but trusting the emulator's CA in-process: GET <requestUrl>&audience=… with the bearer. */
function fetchIdToken(emulator: Emulator, audience: string): Promise<string> {
  const url = new URL(emulator.oidc.requestUrl)
  url.searchParams.set('audience', audience)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { ca: emulator.caPem, headers: { authorization: `Bearer ${emulator.oidc.requestToken}` } },
      res => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () =>
          res.statusCode === 200
            ? resolve((JSON.parse(text) as { value: string }).value)
            : reject(new Error(`ID token: HTTP ${res.statusCode} ${text}`))
        )
      }
    )
    req.on('error', reject)
    req.end()
  })
}
