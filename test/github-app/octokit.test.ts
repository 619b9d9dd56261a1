/**
 * The Octokit policy over real HTTPS against the GitHub double: secondary and primary rate limits waited out as
 * GitHub asks (and given up when the reset is far), no blind retry of a POST that may have acted, a bound on
 * requests in flight, a debug line per attempt with its request id. Waits are scaled to a millisecond a second.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createAppJwt } from '../../src/github/app-jwt.js'
import { mintInstallationToken } from '../../src/github/installation.js'
import { call, type GitHub, type Target } from '../../src/github/rest.js'
import { deleteRunner, generateJitConfig, listRunners } from '../../src/github/runners.js'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { createGitHubServices, type GitHubAdmin } from '../../emulator/github/index.js'
import { caFetch, testGitHub } from '../../emulator/worlds/ca-fetch.js'

const ORG = 'acme'
const BASE = '/api/v3'
const org: Target = { scope: 'org', owner: ORG }

let emulator: Emulator
let admin: GitHubAdmin
let gh: GitHub
let lines: string[]
let token: string
let appId: number
let pem: string
let installationId: number

beforeAll(async () => {
  emulator = await startEmulator({ retryAfterSeconds: 0 })
  const services = createGitHubServices({ basePaths: [BASE] })
  admin = services.admin
  for (const service of services.services) emulator.addService(service)
  admin.github.addRepo(ORG, 'web')
  const created = admin.createApp()
  appId = created.app.id
  pem = created.privateKeyPem
  installationId = admin.github.addInstallation({
    appId,
    account: ORG,
    permissions: { organization_self_hosted_runners: 'write', metadata: 'read' },
    repositories: ['web']
  }).id
})
afterAll(() => emulator.close())
beforeEach(async () => {
  for (const id of [...admin.github.runners.keys()]) admin.github.runners.delete(id)
  admin.clearFaults()
  lines = []
  gh = testGitHub(`${emulator.url}${BASE}`, emulator.caPem, { lines })
  const jwt = createAppJwt(String(appId), pem, Math.floor(Date.now() / 1000))
  token = (await mintInstallationToken(gh, jwt, String(installationId), org)).token
  admin.clearRequests()
  lines.length = 0
})

const statuses = (): number[] => admin.requests().map(r => r.status)
const runnersPath = `${BASE}/orgs/${ORG}/actions/runners`

describe('secondary rate limit', () => {
  it('a 403 with retry-after is waited out as asked, then the request succeeds', async () => {
    admin.fault({ method: 'GET', path: runnersPath, kind: 'secondary-rate-limit', retryAfterSeconds: 7, times: 1 })
    expect(await listRunners(gh, token, org)).toEqual([])
    expect(statuses()).toEqual([403, 200])
    expect(lines).toContain(`GitHub GET ${runnersPath}: secondary rate limit, waiting 7 s as asked`)
  })

  it('a 429 without retry-after waits the minute GitHub asks for', async () => {
    admin.fault({
      method: 'GET',
      path: runnersPath,
      kind: 'secondary-rate-limit',
      status: 429,
      retryAfterSeconds: null,
      times: 2
    })
    expect(await listRunners(gh, token, org)).toEqual([])
    expect(statuses()).toEqual([429, 429, 200])
    expect(lines.filter(l => l.includes('secondary rate limit'))).toEqual([
      `GitHub GET ${runnersPath}: secondary rate limit, waiting 60 s as asked`,
      `GitHub GET ${runnersPath}: secondary rate limit, waiting 60 s as asked`
    ])
  })

  it('is retried on the JIT POST too (GitHub did not act), which is otherwise never retried blindly', async () => {
    const jit = `${runnersPath}/generate-jitconfig`
    admin.fault({ method: 'POST', path: jit, kind: 'secondary-rate-limit', retryAfterSeconds: 1, times: 1 })
    const runner = await generateJitConfig(gh, token, org, { name: 'r1', runnerGroupId: 1, labels: ['x'] })
    expect([...admin.github.runners.keys()]).toEqual([runner.runnerId])
    expect(statuses()).toEqual([403, 201])
  })

  it('gives up after three waits and answers the 403 to the caller', async () => {
    admin.fault({ method: 'GET', path: runnersPath, kind: 'secondary-rate-limit', retryAfterSeconds: 1 })
    await expect(listRunners(gh, token, org)).rejects.toThrow(
      'GET /orgs/acme/actions/runners answered HTTP 403: You have exceeded a secondary rate limit'
    )
    expect(statuses()).toEqual([403, 403, 403, 403])
    expect(lines.at(-1)).toMatch(/secondary rate limit, giving up$/)
  })
})

describe('primary rate limit', () => {
  it('a spent hour that resets within two minutes is waited out until the reset', async () => {
    admin.fault({
      method: 'GET',
      path: runnersPath,
      kind: 'primary-rate-limit',
      status: 429,
      resetInSeconds: 30,
      times: 1
    })
    expect(await listRunners(gh, token, org)).toEqual([])
    expect(statuses()).toEqual([429, 200])
    expect(lines.find(l => l.includes('hourly rate limit'))).toMatch(
      /hourly rate limit spent, waiting 3[01] s for its reset$/
    )
  })

  it('a spent hour that resets later is answered at once, not slept through', async () => {
    admin.fault({ method: 'GET', path: runnersPath, kind: 'primary-rate-limit', resetInSeconds: 1800 })
    await expect(listRunners(gh, token, org)).rejects.toThrow('answered HTTP 403: API rate limit exceeded')
    expect(statuses()).toEqual([403])
    expect(lines.find(l => l.includes('hourly rate limit'))).toMatch(/resets in 180[01] s; not waiting$/)
  })
})

describe('retries', () => {
  it('a GET is retried on 5xx, a POST that may have acted and the runner DELETE are not', async () => {
    admin.fault({ method: 'GET', path: runnersPath, status: 502, times: 2 })
    expect(await listRunners(gh, token, org)).toEqual([])
    const runner = admin.github.addRunner({ name: 'r', labels: ['x'], runnerGroupId: 1, scope: { org: ORG } })
    admin.fault({ method: 'DELETE', path: `${runnersPath}/${runner.id}`, status: 503, times: 1 })
    await expect(deleteRunner(gh, token, org, runner.id)).rejects.toThrow('deleting runner')
    admin.fault({ method: 'POST', path: '/anything', status: 503, times: 1 })
    expect((await call(gh, 'POST', '/anything', token, {})).status).toBe(503)
    expect(statuses()).toEqual([502, 502, 200, 503, 503])
  })

  it('a request GitHub never answers times out and is retried', async () => {
    const fetch = caFetch(emulator.caPem)
    let first = true
    const slow = testGitHub(`${emulator.url}${BASE}`, emulator.caPem, {
      lines,
      timeoutMs: 200,
      fetch: async (url, init) => {
        if (first) {
          first = false
          // Never answers; only the timeout's signal ends it.
          return new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason))
          )
        }
        return fetch(url, { method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers)) })
      }
    })
    expect(await listRunners(slow, token, org)).toEqual([])
    expect(lines[0]).toMatch(/^GitHub GET \/api\/v3\/orgs\/acme\/actions\/runners: no answer \(timed out\) in \d+ ms/)
    expect(lines[1]).toMatch(/\(retry 1\): 200 in \d+ ms/)
  })
})

describe('every attempt', () => {
  it('is one debug line with its status and x-github-request-id, retries numbered', async () => {
    admin.fault({ method: 'GET', path: runnersPath, status: 500, times: 1 })
    await listRunners(gh, token, org)
    expect(lines).toEqual([
      expect.stringMatching(
        /^GitHub GET \/api\/v3\/orgs\/acme\/actions\/runners: 500 in \d+ ms, x-github-request-id [0-9A-F]{4}:/
      ),
      expect.stringMatching(
        /^GitHub GET \/api\/v3\/orgs\/acme\/actions\/runners \(retry 1\): 200 in \d+ ms, x-github-request-id /
      )
    ])
  })

  it('waits its turn: at most 10 requests in flight from one process', async () => {
    const fetch = caFetch(emulator.caPem)
    let inFlight = 0
    let most = 0
    const counted = testGitHub(`${emulator.url}${BASE}`, emulator.caPem, {
      fetch: async (url, init) => {
        most = Math.max(most, ++inFlight)
        try {
          await new Promise(resolve => setTimeout(resolve, 150))
          return await fetch(url, {
            method: init.method ?? 'GET',
            headers: Object.fromEntries(new Headers(init.headers))
          })
        } finally {
          inFlight--
        }
      }
    })
    const all = await Promise.all(Array.from({ length: 60 }, () => listRunners(counted, token, org)))
    expect(all).toHaveLength(60)
    // Requests do overlap (Bottleneck starts queued ones a tick apart, so the bound itself is not always reached).
    expect(most).toBeLessThanOrEqual(10)
    expect(most).toBeGreaterThan(3)
  })
})
