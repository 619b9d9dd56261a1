/** verify in-process against the emulator: real ARM SDK, the GitHub runners double, Key Vault and the issues double. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { TokenCredential } from '@azure/core-auth'
import { createClients } from '../../src/azure/clients.js'
import type { Engine } from '../../src/azure/engine.js'
import { teamLayout } from '../../src/core/layout.js'
import { createVerify, type VerifyDeps } from '../../src/verify/verify.js'
import { testGitHubFor, testHttp } from '../../emulator/worlds/ca-fetch.js'
import { engineFor } from '../../emulator/worlds/azure-harness.js'
import { ORG, startWorld, type World } from '../../emulator/worlds/github-world.js'

let world: World
let engine: Engine
const NOW = Date.now()
const minutesAgo = (m: number): string => new Date(NOW - m * 60_000).toISOString()

const fixed = (token: () => string): TokenCredential => ({
  getToken: async () => ({ token: token(), expiresOnTimestamp: Date.now() + 3600_000 })
})

function verifyWith(overrides: Partial<VerifyDeps> = {}) {
  const arm = fixed(() => world.emulator.admin.issueToken())
  const deps: VerifyDeps = {
    clients: createClients({
      credential: arm,
      endpoint: world.emulator.url,
      tlsOptions: { ca: world.emulator.caPem },
      retryOptions: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 2 }
    }),
    credential: fixed(() => world.grantedKeyVaultToken()),
    http: testHttp(world.emulator.caPem),
    github: testGitHubFor(world.emulator.caPem),
    githubToken: world.token,
    fix: false,
    keyVaultEndpoint: world.keyVaultEndpoint,
    now: () => NOW,
    ...overrides
  }
  return createVerify(deps)
}

const jobId = () => teamLayout(world.config).jobs[0].id
const byName = <T extends { name: string }>(checks: T[], name: string): T | undefined =>
  checks.find(c => c.name === name)

beforeAll(async () => {
  world = await startWorld()
  engine = engineFor(world.emulator, [])
  await engine.apply(world.config)
})
afterAll(() => world.emulator.close())
beforeEach(() => {
  for (const r of [...world.gh.github.runners.values()]) world.gh.github.runners.delete(r.id)
})

describe('verify', () => {
  it('passes every check for a healthy team and reports its runners and executions', async () => {
    world.emulator.admin.seed(`${jobId()}/executions/caj-studio-aaaa1`, {
      properties: { status: 'Succeeded', startTime: minutesAgo(50) }
    })
    world.emulator.admin.seed(`${jobId()}/executions/caj-studio-bbbb2`, {
      properties: { status: 'Running', startTime: minutesAgo(2) }
    })
    world.gh.github.addRunner({
      name: 'caj-studio-bbbb2',
      labels: ['studio'],
      runnerGroupId: world.groupId,
      scope: { org: ORG },
      status: 'online',
      busy: true
    })
    world.gh.github.addRunner({
      name: 'someone-else',
      labels: ['other'],
      runnerGroupId: 1,
      scope: { org: ORG },
      status: 'offline'
    })

    const report = await verifyWith()(world.config, engine)

    expect(byName(report.checks, 'jit config')?.detail).toMatch(
      /^App \d+ minted a JIT config for organization altinn, group "studio" \(runner runner-setup-verify-[0-9a-f]{8}, deleted again\)$/
    )
    expect(report.checks.map(c => [c.name, c.status])).toEqual([
      ['azure resources', 'pass'],
      ['executions', 'pass'],
      ['keda version', 'pass'],
      ['runner group', 'pass'],
      ['runners', 'pass'],
      ['api budget', 'pass'],
      ['blast radius', 'warn'],
      ['jit config', 'pass']
    ])
    // An org-scope App installed on every repository reaches beyond the team, and says so.
    expect(byName(report.checks, 'blast radius')?.detail).toBe(
      `App ${world.config.github.app.id} installation ${world.installationId} reaches 2 repositories (all of altinn, present and future): it holds organization_self_hosted_runners write, so it can register runners in any runner group of altinn. A compromised runner of this team, or anyone who can run its setup workflow, reaches that far: for containment install a team-own App on the team's repositories only, with repository-scope runners`
    )
    expect(report.runners).toEqual([{ name: 'caj-studio-bbbb2', status: 'online', busy: true }])
    expect(report.executions.map(({ name, status }) => ({ name, status }))).toEqual([
      { name: 'caj-studio-bbbb2', status: 'Running' },
      { name: 'caj-studio-aaaa1', status: 'Succeeded' }
    ])
    expect(byName(report.checks, 'api budget')?.detail).toMatch(
      new RegExp(
        `^4 calls per poll \\(2 × 2 repos \\+ 0 active runs\\) every 20 s = 720/h, 14 % of 5000/h \\(installation ${world.installationId}'s limit\\), shared with every team on this App installation \\(\\d+ used this hour\\)$`
      )
    )
    // The throwaway JIT runner was deleted again.
    expect([...world.gh.github.runners.values()].some(r => r.name.startsWith('runner-setup-verify-'))).toBe(false)
    expect(
      world.gh.requests().some(r => r.method === 'DELETE' && /\/orgs\/altinn\/actions\/runners\/\d+$/.test(r.path))
    ).toBe(true)
  })

  it('flags an offline runner and one idle past its timeout, and --fix deregisters both but not a starting one', async () => {
    world.emulator.admin.seed(`${jobId()}/executions/caj-studio-idle1`, {
      properties: { status: 'Running', startTime: minutesAgo(25) }
    })
    world.emulator.admin.seed(`${jobId()}/executions/caj-studio-new01`, {
      properties: { status: 'Running', startTime: minutesAgo(1) }
    })
    const offline = world.gh.github.addRunner({
      name: 'caj-studio-gone1',
      labels: ['studio'],
      runnerGroupId: world.groupId,
      scope: { org: ORG },
      status: 'offline'
    })
    const idle = world.gh.github.addRunner({
      name: 'caj-studio-idle1',
      labels: ['studio'],
      runnerGroupId: world.groupId,
      scope: { org: ORG },
      status: 'online'
    })
    const starting = world.gh.github.addRunner({
      name: 'caj-studio-new01',
      labels: ['studio'],
      runnerGroupId: world.groupId,
      scope: { org: ORG },
      status: 'offline'
    })

    const warned = await verifyWith()(world.config, engine)
    const runners = byName(warned.checks, 'runners')!
    expect(runners.status).toBe('warn')
    expect(runners.detail).toContain('caj-studio-gone1: offline')
    expect(runners.detail).toContain('caj-studio-idle1: idle for 25 min (idle timeout 10 min)')
    expect(runners.detail).toContain('run verify with --fix')
    expect(world.gh.github.runners.has(offline.id)).toBe(true)

    const fixed = await verifyWith({ fix: true })(world.config, engine)
    expect(byName(fixed.checks, 'runners')?.status).toBe('pass')
    expect(
      fixed.runners
        .filter(r => r.removed)
        .map(r => r.name)
        .sort()
    ).toEqual(['caj-studio-gone1', 'caj-studio-idle1'])
    expect(world.gh.github.runners.has(offline.id)).toBe(false)
    expect(world.gh.github.runners.has(idle.id)).toBe(false)
    expect(world.gh.github.runners.has(starting.id)).toBe(true)
  })

  it('--fix keeps a stale runner that took a job meanwhile (GitHub answers the delete with 422)', async () => {
    const runner = world.gh.github.addRunner({
      name: 'caj-studio-late1',
      labels: ['studio'],
      runnerGroupId: world.groupId,
      scope: { org: ORG },
      status: 'offline'
    })
    world.gh.fault({ method: 'DELETE', path: `/actions/runners/${runner.id}`, status: 422, times: 1 })
    try {
      const report = await verifyWith({ fix: true })(world.config, engine)
      expect(report.runners).toEqual([{ name: 'caj-studio-late1', status: 'offline', busy: true }])
      expect(byName(report.checks, 'runners')).toEqual({
        name: 'runners',
        status: 'pass',
        detail:
          '1 registered with labels studio (1 busy), none stale; kept caj-studio-late1: took a job since it was listed'
      })
      expect(world.gh.github.runners.has(runner.id)).toBe(true)
    } finally {
      world.gh.clearFaults()
    }
  })

  it('suggests the runner group id when the config lacks it, and fails when it names another group', async () => {
    const healthy = await verifyWith()(world.config, engine)
    expect(byName(healthy.checks, 'runner group')?.detail).toBe(
      `"studio" is restricted to altinn-studio, app-frontend-react (tip: github.runnerGroupId: ${world.groupId} saves every runner one GitHub call)`
    )
    const wrong = { ...world.config, github: { ...world.config.github, runnerGroupId: world.groupId + 1000 } }
    const report = await verifyWith()(wrong, engine)
    expect(byName(report.checks, 'runner group')).toEqual({
      name: 'runner group',
      status: 'fail',
      detail: `"studio" in altinn: its id is ${world.groupId}, but the config says github.runnerGroupId: ${world.groupId + 1000}: fix the config and re-run apply`
    })
  })

  it('fails the runner group check when it takes other repositories or public ones', async () => {
    const group = world.gh.github.groupsOf(ORG).find(g => g.id === world.groupId)!
    const saved = { ...group, selectedRepositoryIds: [...group.selectedRepositoryIds] }
    group.allowsPublicRepositories = true
    group.selectedRepositoryIds = [group.selectedRepositoryIds[0], world.gh.github.addRepo(ORG, 'stranger').id]
    try {
      const report = await verifyWith()(world.config, engine)
      expect(byName(report.checks, 'runner group')).toEqual({
        name: 'runner group',
        status: 'fail',
        detail:
          '"studio" in altinn: add app-frontend-react to its repositories; remove stranger from its repositories (not the team\'s); it allows public repositories: turn that off, or set github.allowPublicRepos: true in the config'
      })
    } finally {
      Object.assign(group, saved)
    }
  })

  it('fails the Azure check with the drifted field, and says "not checked" with the grant when Key Vault refuses the App key', async () => {
    const nsg = teamLayout(world.config).networkSecurityGroupId
    const before = world.emulator.admin.getResource(nsg)!
    world.emulator.admin.patchResource(nsg, { tags: { 'managed-by': 'someone' } })
    try {
      const report = await verifyWith({ credential: fixed(() => 'not-a-key-vault-token') })(world.config, engine)
      const azure = byName(report.checks, 'azure resources')!
      expect(azure.status).toBe('fail')
      expect(azure.detail).toBe(
        '1 resource differs from the config: networkSecurityGroup nsg-studio-runners (tags["managed-by"]): run apply (drift shows every field)'
      )
      expect(byName(report.checks, 'jit config')).toEqual({
        name: 'jit config',
        status: 'unchecked',
        detail: `not checked: Key Vault refused to give it the App key (HTTP 401); grant the signed-in identity "Key Vault Secrets User" on ${teamLayout(world.config).keySecretScope}`
      })
    } finally {
      world.emulator.admin.patchResource(nsg, { tags: before.tags as Record<string, string> })
    }
  })

  it('without a github-token, acts as the App: a token narrowed to reading runners, masked, revoked at the end', async () => {
    world.gh.github.addRunner({
      name: 'caj-studio-busy1',
      labels: ['studio'],
      runnerGroupId: world.groupId,
      scope: { org: ORG },
      status: 'online',
      busy: true
    })
    const masked: string[] = []
    const github = world.gh.github
    const issue = github.issueToken.bind(github)
    const issued: { token: string; permissions: unknown; repositories?: string[] }[] = []
    github.issueToken = (id, permissions, repositories) => {
      const token = issue(id, permissions, repositories)
      issued.push({ token: token.token, permissions, ...(repositories ? { repositories } : {}) })
      return token
    }
    const before = world.emulator.requests().length
    let report
    try {
      report = await verifyWith({ githubToken: undefined, mask: t => masked.push(t) })(world.config, engine)
    } finally {
      github.issueToken = issue
    }
    expect(
      report.checks.filter(c => c.name === 'runner group' || c.name === 'runners').map(c => [c.name, c.status])
    ).toEqual([
      ['runner group', 'pass'],
      ['runners', 'pass']
    ])
    expect(report.runners).toEqual([{ name: 'caj-studio-busy1', status: 'online', busy: true }])
    // The token for the runner checks: narrowed to reading runners, masked, then revoked (GitHub no longer knows it).
    const forRunners = issued.filter(
      i => JSON.stringify(i.permissions) === '{"organization_self_hosted_runners":"read"}'
    )
    expect(forRunners).toHaveLength(1)
    expect(masked).toEqual([forRunners[0]!.token])
    expect(github.tokens.has(forRunners[0]!.token)).toBe(false)
    const revokes = world.emulator
      .requests()
      .slice(before)
      .filter(r => r.method === 'DELETE' && r.path.endsWith('/installation/token'))
    expect(revokes.map(r => r.status)).toEqual([204])
  })

  it('a token that cannot read runners: the runner checks are not checked, naming the permission, and never pass', async () => {
    const weak = world.gh.github.issueToken(world.installationId, { metadata: 'read' }).token
    const report = await verifyWith({ githubToken: weak })(world.config, engine)
    for (const name of ['runner group', 'runners']) {
      const check = byName(report.checks, name)!
      expect(check.status).toBe('unchecked')
      expect(check.detail).toMatch(/^not checked: .*organization self-hosted runners read/)
    }
  })

  it('neither a github-token nor the App key: the runner checks are not checked, with both ways to fix it', async () => {
    const report = await verifyWith({ githubToken: undefined, credential: fixed(() => 'not-a-key-vault-token') })(
      world.config,
      engine
    )
    const runners = byName(report.checks, 'runners')!
    expect(runners.status).toBe('unchecked')
    expect(runners.detail).toContain('Key Vault refused to give it the App key')
    expect(runners.detail).toContain("a workflow's GITHUB_TOKEN sees no self-hosted runners")
    expect(report.runners).toEqual([])
  })

  it("counts active runs into the budget against the installation's own limit, and warns above half of it", async () => {
    world.issues.activeRuns.set(`${ORG}/altinn-studio`.toLowerCase(), { in_progress: 6, queued: 4 })
    const credential = `installation:${world.installationId}`
    world.gh.limits.setLimit(credential, 'core', 15000)
    // Other teams' KEDA polling on the installation has spent 12,000 this hour.
    world.gh.limits.set(credential, 'core', 3000)
    try {
      const report = await verifyWith({ fix: false })(world.config, { ...engine })
      expect(byName(report.checks, 'api budget')?.detail).toMatch(
        new RegExp(
          `^14 calls per poll \\(2 × 2 repos \\+ 10 active runs\\) every 20 s = 2520/h, 17 % of 15000/h \\(installation ${world.installationId}'s limit\\), shared with every team on this App installation \\(120\\d\\d used this hour\\)$`
        )
      )
      const slow = { ...world.config, runners: { ...world.config.runners, pollingIntervalSeconds: 5 } }
      world.gh.limits.setLimit(credential, 'core', 5000)
      world.gh.limits.reset(credential, 'core')
      const budget = byName((await verifyWith()(slow, engine)).checks, 'api budget')!
      expect(budget.status).toBe('warn')
      expect(budget.detail).toMatch(
        `every 5 s = 10080/h, 202 % of 5000/h (installation ${world.installationId}'s limit), shared with every team on this App installation (`
      )
      expect(budget.detail).toMatch(
        / used this hour\): raise runners.pollingIntervalSeconds or split the team's repositories across Apps$/
      )
    } finally {
      world.issues.activeRuns.clear()
      world.gh.limits.setLimit(credential, 'core', 5000)
      world.gh.limits.reset(credential, 'core')
    }
  })

  it("falls back to GitHub's documented installation minimum when verify cannot act as the App", async () => {
    const report = await verifyWith({ credential: fixed(() => 'not-a-key-vault-token') })(world.config, engine)
    expect(byName(report.checks, 'api budget')?.detail).toBe(
      "4 calls per poll (2 × 2 repos + 0 active runs) every 20 s = 720/h, 14 % of 5000/h (GitHub's minimum for an App installation; verify could not read the installation's own), shared with every team on this App installation"
    )
  })

  describe('blast radius', () => {
    /** A team-own App for repository-scope runners, installed on `repos` only, its key readable by verify. */
    function teamOwnApp(repos: string[] | undefined) {
      const { app, privateKeyPem } = world.gh.createApp()
      const installation = world.gh.github.addInstallation({
        appId: app.id,
        account: ORG,
        permissions: { administration: 'write', actions: 'read', metadata: 'read' },
        ...(repos ? { repositories: repos } : {})
      })
      const secret = `app-key-${app.id}`
      world.gh.keyVaults.setSecret('kv-studio', secret, privateKeyPem)
      const config = {
        ...world.config,
        github: {
          ...world.config.github,
          scope: 'repo' as const,
          app: {
            ...world.config.github.app,
            id: app.id,
            installationId: installation.id,
            privateKeySecretUri: `https://kv-studio.vault.azure.net/secrets/${secret}`
          }
        }
      }
      const credential = fixed(() => {
        const token = world.grantedKeyVaultToken()
        const principal = world.gh.identities.tokens.get(token)!.principalId
        world.gh.keyVaults.grant(principal, 'kv-studio', secret)
        return token
      })
      return { config, credential, installation }
    }

    it("passes for a team-own App installed on the team's repositories only, with repository-scope runners", async () => {
      const { config, credential, installation } = teamOwnApp(world.config.github.repos)
      const report = await verifyWith({ credential })(config, engine)
      expect(byName(report.checks, 'blast radius')).toEqual({
        name: 'blast radius',
        status: 'pass',
        detail: `App ${config.github.app.id} installation ${installation.id} reaches 2 repositories, all the team's; no organisation-wide runner permission`
      })
      expect(byName(report.checks, 'jit config')?.status).toBe('pass')
    })

    it("warns with the repositories beyond the team's when the installation reaches others", async () => {
      for (const name of ['payments', 'hr-portal']) world.gh.github.addRepo(ORG, name)
      const { config, credential, installation } = teamOwnApp([...world.config.github.repos, 'payments', 'hr-portal'])
      const check = byName((await verifyWith({ credential })(config, engine)).checks, 'blast radius')!
      expect(check.status).toBe('warn')
      expect(check.detail).toMatch(
        new RegExp(
          `^App ${config.github.app.id} installation ${installation.id} reaches 4 repositories: 2 beyond the team's \\(altinn/payments, altinn/hr-portal\\)\\. A compromised runner`
        )
      )
    })
  })
})
