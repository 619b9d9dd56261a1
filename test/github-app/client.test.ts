/**
 * The shared GitHub App client over real HTTPS against the GitHub double: pagination by `Link`, a JIT POST whose
 * answer is lost, deletes of busy and gone runners, what is retried and what is not, the installation's reach.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createPrivateKey, sign } from 'node:crypto'
import { createAppJwt } from '../../src/github/app-jwt.js'
import { mintInstallationToken } from '../../src/github/installation.js'
import { coreRateLimit, getInstallation, listInstallationRepositories } from '../../src/github/reach.js'
import { call, nextLink, type GitHub, type Target } from '../../src/github/rest.js'
import { deleteRunner, findRunnerByName, generateJitConfig, listRunners } from '../../src/github/runners.js'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { createGitHubServices, type GitHubAdmin } from '../../emulator/github/index.js'
import { verifyAppJwt } from '../../emulator/github/app-jwt.js'
import { testGitHub } from '../../emulator/worlds/ca-fetch.js'

const ORG = 'acme'
const BASE = '/api/v3'
const org: Target = { scope: 'org', owner: ORG }

let emulator: Emulator
let admin: GitHubAdmin
let gh: GitHub
let appId: number
let pem: string
let installationId: number
let token: string

beforeAll(async () => {
  emulator = await startEmulator({ retryAfterSeconds: 0 })
  const services = createGitHubServices({ basePaths: [BASE] })
  admin = services.admin
  for (const service of services.services) emulator.addService(service)
  for (const name of ['web', 'api', 'docs']) admin.github.addRepo(ORG, name)
  const created = admin.createApp()
  appId = created.app.id
  pem = created.privateKeyPem
  installationId = admin.github.addInstallation({
    appId,
    account: ORG,
    permissions: { organization_self_hosted_runners: 'write', metadata: 'read' },
    repositories: ['web', 'api']
  }).id
  gh = testGitHub(`${emulator.url}${BASE}`, emulator.caPem)
})
afterAll(() => emulator.close())
beforeEach(async () => {
  for (const id of [...admin.github.runners.keys()]) admin.github.runners.delete(id)
  admin.clearFaults()
  token = (await mintInstallationToken(gh, jwt(), String(installationId), org)).token
  admin.clearRequests()
})

const jwt = (): string => createAppJwt(String(appId), pem, Math.floor(Date.now() / 1000))
const jitPath = `${BASE}/orgs/${ORG}/actions/runners/generate-jitconfig`
const named = (name: string) => [...admin.github.runners.values()].filter(r => r.name === name)
const log = () => admin.requests().map(r => `${r.method} ${r.path.replace(BASE, '')}${r.query} ${r.status}`)

describe('lists', () => {
  it('follow Link headers past 20 pages to the last item', async () => {
    for (let i = 0; i < 2345; i++)
      admin.github.addRunner({ name: `r-${i}`, labels: ['x'], runnerGroupId: 1, scope: { org: ORG } })
    const runners = await listRunners(gh, token, org)
    expect(runners).toHaveLength(2345)
    expect(runners.at(-1)?.name).toBe('r-2344')
    const pages = admin.requests().filter(r => r.path.endsWith('/actions/runners'))
    expect(pages).toHaveLength(24)
    expect(pages.at(-1)?.query).toBe('?per_page=100&page=24')
  })

  it('filter runners by exact name on the server', async () => {
    for (const name of ['alpha', 'alpha-2', 'beta'])
      admin.github.addRunner({ name, labels: ['x'], runnerGroupId: 1, scope: { org: ORG } })
    expect((await findRunnerByName(gh, token, org, 'alpha'))?.name).toBe('alpha')
    expect(await findRunnerByName(gh, token, org, 'gamma')).toBeUndefined()
    expect(admin.requests().at(-1)?.query).toBe('?name=gamma&per_page=100')
  })

  it('read the rel="next" link of a Link header, and none on the last page', () => {
    const link =
      '<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next", <https://api.github.com/x?page=9>; rel="last"'
    expect(nextLink(link)).toBe('https://api.github.com/x?page=3')
    expect(nextLink('<https://api.github.com/x?page=1>; rel="first"')).toBeUndefined()
    expect(nextLink(null)).toBeUndefined()
  })

  it('never send the token to another origin a Link header names', async () => {
    await expect(call(gh, 'GET', 'https://evil.example/orgs/acme/actions/runners', token)).rejects.toThrow(
      'GitHub pointed a list at https://evil.example'
    )
  })
})

describe('JIT registration', () => {
  const request = { name: 'caj-web-x1', runnerGroupId: 1, labels: ['web'] }

  it('a POST whose answer is lost: the runner it made is deleted by name and registered again, none left over', async () => {
    admin.fault({ method: 'POST', path: jitPath, kind: 'lost-answer', status: 502, times: 1 })
    const runner = await generateJitConfig(gh, token, org, request)
    expect(named('caj-web-x1').map(r => r.id)).toEqual([runner.runnerId])
    expect(log().filter(l => !l.startsWith('POST /app/'))).toEqual([
      `POST /orgs/${ORG}/actions/runners/generate-jitconfig 502`,
      `POST /orgs/${ORG}/actions/runners/generate-jitconfig 409`,
      `GET /orgs/${ORG}/actions/runners?name=caj-web-x1&per_page=100 200`,
      expect.stringMatching(new RegExp(`^DELETE /orgs/${ORG}/actions/runners/\\d+ 204$`)),
      `POST /orgs/${ORG}/actions/runners/generate-jitconfig 201`
    ])
  })

  it('every answer lost: it gives up with the error and leaves no registered runner behind', async () => {
    admin.fault({ method: 'POST', path: jitPath, kind: 'lost-answer', status: 502 })
    await expect(generateJitConfig(gh, token, org, request)).rejects.toThrow(
      'JIT runner registration failed (HTTP 502: Bad Gateway): GitHub may be down'
    )
    expect(named('caj-web-x1')).toEqual([])
  })

  it('a 5xx that registered nothing is retried without a lookup', async () => {
    admin.fault({ method: 'POST', path: jitPath, status: 503, times: 1 })
    await generateJitConfig(gh, token, org, request)
    expect(named('caj-web-x1')).toHaveLength(1)
    expect(
      log()
        .filter(l => l.includes('/actions/runners'))
        .map(l => l.split(' ').at(-1))
    ).toEqual(['503', '201'])
  })

  it('a 409 on the first attempt is a real name clash: reported, the existing runner left alone', async () => {
    const existing = admin.github.addRunner({ ...request, runnerGroupId: 1, scope: { org: ORG } })
    await expect(generateJitConfig(gh, token, org, request)).rejects.toThrow(
      'a runner named caj-web-x1 already exists: remove it (verify --fix)'
    )
    expect(named('caj-web-x1').map(r => r.id)).toEqual([existing.id])
  })
})

describe('transport', () => {
  it('retries an idempotent GET on 5xx, never a POST that may have acted', async () => {
    admin.fault({ method: 'GET', path: '/actions/runners', status: 500, times: 2 })
    expect(await listRunners(gh, token, org)).toEqual([])
    admin.fault({ method: 'POST', path: '/anything', status: 503, times: 1 })
    expect((await call(gh, 'POST', '/anything', token, {})).status).toBe(503)
    expect(log().map(l => l.split(' ').at(-1))).toEqual(['500', '500', '200', '503'])
  })
})

describe('runners', () => {
  it('delete answers deleted, busy (422: running a job, kept) or gone (404)', async () => {
    const runner = admin.github.addRunner({ name: 'r', labels: ['x'], runnerGroupId: 1, scope: { org: ORG } })
    runner.busy = true
    expect(await deleteRunner(gh, token, org, runner.id)).toBe('busy')
    expect(admin.github.runners.has(runner.id)).toBe(true)
    runner.busy = false
    expect(await deleteRunner(gh, token, org, runner.id)).toBe('deleted')
    expect(await deleteRunner(gh, token, org, runner.id)).toBe('gone')
  })
})

describe('installation', () => {
  it('describes itself to the App and lists the repositories a token of it reaches', async () => {
    expect(await getInstallation(gh, jwt(), String(installationId))).toEqual({
      account: ORG,
      repositorySelection: 'selected',
      permissions: { organization_self_hosted_runners: 'write', metadata: 'read' }
    })
    const reader = await mintInstallationToken(gh, jwt(), String(installationId), org, {
      permissions: { metadata: 'read' }
    })
    expect(await listInstallationRepositories(gh, reader.token)).toEqual([`${ORG}/web`, `${ORG}/api`])
  })

  it("reports the installation's own core limit in /rate_limit, with resources.search, without spending it", async () => {
    admin.limits.setLimit(`installation:${installationId}`, 'core', 12_500)
    try {
      expect(await coreRateLimit(gh, token)).toMatchObject({ limit: 12_500 })
      type Overview = { resources: Record<string, { limit: number; used: number }> }
      const first = (await call(gh, 'GET', '/rate_limit', token)).body as Overview
      const again = await call(gh, 'GET', '/rate_limit', token)
      expect(first.resources.search).toMatchObject({ limit: 30 })
      expect((again.body as Overview).resources.core).toMatchObject({ limit: 12_500, used: first.resources.core!.used })
      expect(again.headers.get('x-ratelimit-remaining')).toBeNull()
    } finally {
      admin.limits.setLimit(`installation:${installationId}`, 'core', 5000)
    }
  })
})

describe("the double's App JWT rules (GitHub's docs)", () => {
  const claims = (iat: number, exp: number): string => {
    const now = Math.floor(Date.now() / 1000)
    const valid = createAppJwt(String(appId), pem, now)
    // Signed like createAppJwt's token; only iat and exp differ.
    const [header] = valid.split('.')
    const payload = Buffer.from(JSON.stringify({ iat: now + iat, exp: now + exp, iss: String(appId) })).toString(
      'base64url'
    )
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), createPrivateKey(pem)).toString('base64url')
    return `${header}.${payload}.${signature}`
  }

  it('accepts exp up to 10 minutes ahead whatever iat is, refuses exp beyond it and iat in the future', () => {
    expect(verifyAppJwt(admin.github, claims(-300, 590))).toHaveProperty('app')
    expect(verifyAppJwt(admin.github, claims(-60, 660))).toEqual({
      error: "'Expiration time' claim ('exp') is too far in the future."
    })
    expect(verifyAppJwt(admin.github, claims(120, 500))).toEqual({
      error: expect.stringContaining("'Issued at' claim ('iat') must be")
    })
  })
})
