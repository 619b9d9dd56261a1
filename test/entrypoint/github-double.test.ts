/** The GitHub / managed identity / Key Vault doubles on their own: the GitHub rules the entrypoint relies on. */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { createAppJwt } from '../../src/github/app-jwt.js'
import type { EmuResponse, Service } from '../../emulator/http.js'
import { createGitHubServices, type GitHubAdmin } from '../../emulator/github/index.js'

let services: Service[]
let admin: GitHubAdmin
let appJwt: string
let installationId: number

async function call(
  method: string,
  path: string,
  options: { auth?: string; body?: unknown; headers?: Record<string, string> } = {}
): Promise<EmuResponse> {
  const url = new URL(`https://127.0.0.1:1${path}`)
  const headers = { ...(options.auth ? { authorization: `Bearer ${options.auth}` } : {}), ...options.headers }
  const req = {
    method,
    url,
    headers,
    body: options.body,
    rawBody: options.body === undefined ? '' : JSON.stringify(options.body)
  }
  for (const service of services) {
    const answer = await service.handle(req)
    if (answer) return answer
  }
  throw new Error(`nobody answers ${method} ${path}`)
}

const api = '/github/api/v3'
async function token(body: unknown = {}): Promise<string> {
  const response = await call('POST', `${api}/app/installations/${installationId}/access_tokens`, {
    auth: appJwt,
    body
  })
  expect(response.status).toBe(201)
  return (response.body as { token: string }).token
}

beforeEach(() => {
  ;({ services, admin } = createGitHubServices())
  admin.github.addOrg('org')
  admin.github.addRepo('org', 'a')
  admin.github.addRepo('org', 'b')
  admin.github.addRepo('elsewhere', 'c')
  const { app, privateKeyPem } = admin.createApp()
  installationId = admin.github.addInstallation({
    appId: app.id,
    account: 'org',
    permissions: { organization_self_hosted_runners: 'write', administration: 'write' },
    repositories: ['a']
  }).id
  appJwt = createAppJwt(String(app.id), privateKeyPem, Math.floor(Date.now() / 1000))
})

describe('installation tokens', () => {
  it('are narrowed as asked and expire in an hour', async () => {
    const response = await call('POST', `${api}/app/installations/${installationId}/access_tokens`, {
      auth: appJwt,
      body: { permissions: { administration: 'write' }, repositories: ['a'] }
    })
    expect(response.status).toBe(201)
    const body = response.body as {
      token: string
      expires_at: string
      permissions: object
      repository_selection: string
      repositories: { full_name: string }[]
    }
    expect(body.token).toMatch(/^ghs_/)
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(3590_000)
    expect(body).toMatchObject({
      permissions: { administration: 'write' },
      repository_selection: 'selected',
      repositories: [{ full_name: 'org/a' }]
    })
  })

  it("refuse more than the installation has, other repositories, other Apps' installations and bad JWTs", async () => {
    const post = (body: unknown, auth = appJwt, id = installationId) =>
      call('POST', `${api}/app/installations/${id}/access_tokens`, { auth, body })
    expect((await post({ permissions: { actions: 'read' } })).status).toBe(422)
    expect((await post({ repositories: ['b'] })).body).toMatchObject({
      message: expect.stringContaining('not accessible to the parent installation')
    })
    expect((await post({}, appJwt, 424242)).status).toBe(404)
    expect(await post({}, 'not.a.jwt')).toMatchObject({
      status: 401,
      body: { message: 'A JSON web token could not be decoded' }
    })
  })
})

describe('runner groups and JIT runners', () => {
  it("lists groups with paging and a group's selected repositories", async () => {
    const t = await token({ permissions: { organization_self_hosted_runners: 'write' } })
    const group = admin.github.addRunnerGroup('org', { name: 'team', repositories: ['a'] })
    const page2 = await call('GET', `${api}/orgs/org/actions/runner-groups?per_page=1&page=2`, { auth: t })
    expect(page2.body).toMatchObject({
      total_count: 2,
      runner_groups: [
        { id: group.id, name: 'team', visibility: 'selected', allows_public_repositories: false, default: false }
      ]
    })
    const repos = await call('GET', `${api}/orgs/org/actions/runner-groups/${group.id}/repositories`, { auth: t })
    expect(repos.body).toMatchObject({ total_count: 1, repositories: [{ full_name: 'org/a' }] })
  })

  it('generate-jitconfig: 201, then 409 for the same name, 422 without a group id, 404 for another group at repo scope', async () => {
    const t = await token({ permissions: { administration: 'write' }, repositories: ['a'] })
    const path = `${api}/repos/org/a/actions/runners/generate-jitconfig`
    const created = await call('POST', path, { auth: t, body: { name: 'r1', runner_group_id: 1, labels: ['x'] } })
    expect(created).toMatchObject({
      status: 201,
      body: {
        runner: { name: 'r1', status: 'offline', busy: false, labels: [{ name: 'x' }] },
        encoded_jit_config: expect.any(String)
      }
    })
    expect(created.headers).toMatchObject({
      'x-ratelimit-resource': 'actions_runner_registration',
      'x-ratelimit-limit': '10000',
      'x-ratelimit-remaining': '9999'
    })
    expect(
      (await call('POST', path, { auth: t, body: { name: 'r1', runner_group_id: 1, labels: ['x'] } })).status
    ).toBe(409)
    expect((await call('POST', path, { auth: t, body: { name: 'r2', labels: ['x'] } })).status).toBe(422)
    expect((await call('POST', path, { auth: t, body: { name: 'r2', runner_group_id: 1, labels: [] } })).status).toBe(
      422
    )
    expect(
      (await call('POST', path, { auth: t, body: { name: 'r2', runner_group_id: 7, labels: ['x'] } })).status
    ).toBe(404)
  })

  it("runners: list with per_page, get, no delete while busy, then delete; scoped to the token's repositories and permissions", async () => {
    const t = await token({ permissions: { administration: 'write' }, repositories: ['a'] })
    for (const name of ['r1', 'r2', 'r3'])
      admin.github.addRunner({ name, labels: ['x'], runnerGroupId: 1, scope: { owner: 'org', repo: 'a' } })
    const list = await call('GET', `${api}/repos/org/a/actions/runners?per_page=2`, { auth: t })
    expect(list.body).toMatchObject({ total_count: 3, runners: [{ name: 'r1' }, { name: 'r2' }] })
    const [r1] = admin.github.runnersIn({ owner: 'org', repo: 'a' })
    r1!.busy = true
    expect((await call('DELETE', `${api}/repos/org/a/actions/runners/${r1!.id}`, { auth: t })).status).toBe(422)
    r1!.busy = false
    expect((await call('DELETE', `${api}/repos/org/a/actions/runners/${r1!.id}`, { auth: t })).status).toBe(204)
    expect((await call('GET', `${api}/repos/org/a/actions/runners/${r1!.id}`, { auth: t })).status).toBe(404)
    expect((await call('GET', `${api}/repos/org/b/actions/runners`, { auth: t })).status).toBe(404)
    expect((await call('GET', `${api}/orgs/org/actions/runners`, { auth: t })).status).toBe(403)
    expect((await call('GET', `${api}/orgs/org/actions/runners`, { auth: 'ghs_unknown' })).status).toBe(401)
  })

  it('rate limits: counts down per installation and refuses when exhausted', async () => {
    const t = await token({ permissions: { organization_self_hosted_runners: 'write' } })
    const first = await call('GET', `${api}/orgs/org/actions/runners`, { auth: t })
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-resource': 'core'
    })
    for (let i = 0; i < 4999; i++) await call('GET', `${api}/orgs/org/actions/runners`, { auth: t })
    const refused = await call('GET', `${api}/orgs/org/actions/runners`, { auth: t })
    expect(refused).toMatchObject({ status: 403, headers: { 'x-ratelimit-remaining': '0' } })
  })
})

describe('managed identity and Key Vault', () => {
  it('tokens need X-IDENTITY-HEADER and an assigned identity; secrets need a vault token and a grant', async () => {
    const { clientId, principalId } = admin.identities.assign()
    const version = admin.keyVaults.setSecret('kv', 'key', 'pem')
    const msi = (resource: string, headers: Record<string, string>) =>
      call('GET', `/msi/token?resource=${encodeURIComponent(resource)}&api-version=2019-08-01&client_id=${clientId}`, {
        headers
      })
    expect((await msi('https://vault.azure.net', {})).status).toBe(401)
    const other = await call('GET', `/msi/token?resource=x&api-version=2019-08-01&client_id=nobody`, {
      headers: { 'x-identity-header': admin.identities.header }
    })
    expect(other.status).toBe(400)
    const vaultToken = (
      (await msi('https://vault.azure.net', { 'x-identity-header': admin.identities.header })).body as {
        access_token: string
      }
    ).access_token
    const armToken = (
      (await msi('https://management.azure.com/', { 'x-identity-header': admin.identities.header })).body as {
        access_token: string
      }
    ).access_token

    const read = (auth?: string) => call('GET', `/keyvault/kv/secrets/key/${version}?api-version=7.4`, { auth })
    expect((await read()).headers).toMatchObject({
      'www-authenticate': expect.stringContaining('resource="https://vault.azure.net"')
    })
    expect((await read(armToken)).status).toBe(401)
    expect(await read(vaultToken)).toMatchObject({
      status: 403,
      body: { error: { code: 'Forbidden', innererror: { code: 'ForbiddenByRbac' } } }
    })
    admin.keyVaults.grant(principalId, 'kv', 'key')
    expect(await read(vaultToken)).toMatchObject({
      status: 200,
      body: { value: 'pem', id: expect.stringContaining(`/keyvault/kv/secrets/key/${version}`) }
    })
  })
})

describe('admin HTTP API', () => {
  it('injects faults by regex and shows the request log without credentials', async () => {
    expect(
      (
        await call('POST', '/_admin/github/faults', {
          body: { path: { regex: 'runner-groups$' }, status: 502, times: 1 }
        })
      ).status
    ).toBe(204)
    const t = await token({ permissions: { organization_self_hosted_runners: 'write' } })
    expect((await call('GET', `${api}/orgs/org/actions/runner-groups`, { auth: t })).status).toBe(502)
    expect((await call('GET', `${api}/orgs/org/actions/runner-groups`, { auth: t })).status).toBe(200)
    const log = (await call('GET', '/_admin/github/requests')).body as object[]
    expect(log.map(r => JSON.stringify(r))).toEqual([
      expect.stringContaining('"status":201'),
      expect.stringContaining('"status":502'),
      expect.stringContaining('"status":200')
    ])
    expect(JSON.stringify(log)).not.toContain(t)
  })
})
