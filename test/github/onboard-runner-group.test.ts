/**
 * onboard's runner group step, acting as the team's App against the GitHub double: it creates the group restricted to
 * the team's repositories with public repositories off, writes nothing when the group already matches, restores a
 * group someone opened up, and is skipped (with what to do) while the App key cannot be read.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { TokenCredential } from '@azure/core-auth'
import { openAppAccess } from '../../src/verify/app-access.js'
import { ensureRunnerGroup } from '../../src/commands/onboard/runner-group.js'
import type { TeamConfig } from '../../src/config/types.js'
import { testGitHub, testHttp } from '../../emulator/worlds/ca-fetch.js'
import { ORG, REPOS, startWorld, type World } from '../../emulator/worlds/github-world.js'

let world: World
const fixed = (token: () => string): TokenCredential => ({
  getToken: async () => ({ token: token(), expiresOnTimestamp: Date.now() + 3600_000 })
})

beforeAll(async () => {
  world = await startWorld()
})
afterAll(async () => world.emulator.close())

const payments = (): TeamConfig => ({ ...world.config, github: { ...world.config.github, runnerGroup: 'payments' } })
const access = (credential = fixed(() => world.grantedKeyVaultToken())) =>
  openAppAccess(payments(), {
    gh: testGitHub(world.apiUrl, world.emulator.caPem),
    http: testHttp(world.emulator.caPem),
    credential,
    keyVaultEndpoint: world.keyVaultEndpoint,
    now: () => Date.now()
  })
const group = () => world.gh.github.groupsOf(ORG).find(g => g.name === 'payments')
const repoIds = () => REPOS.map(r => world.gh.github.repo(ORG, r)!.id)

describe('runner group through the App', () => {
  it('is skipped, saying what to do, while the App key cannot be read', async () => {
    const outcome = await ensureRunnerGroup(payments(), await access(fixed(() => 'not-a-key-vault-token')), false)
    expect(outcome.action).toBe('skipped')
    expect(outcome.detail).toContain('once the App key is stored, run onboard again')
    expect(group()).toBeUndefined()
  })

  it('creates it restricted to the team repositories, then leaves it alone', async () => {
    const created = await ensureRunnerGroup(payments(), await access(), false)
    expect(created).toEqual({ action: 'create', detail: `runner group "payments" in ${ORG} for ${REPOS.join(', ')}` })
    expect(group()).toMatchObject({ visibility: 'selected', allowsPublicRepositories: false })
    expect(group()!.selectedRepositoryIds).toEqual(repoIds())
    const again = await ensureRunnerGroup(payments(), await access(), false)
    expect(again.action).toBe('noop')
  })

  it('restores a group that was opened to every repository and to public ones', async () => {
    const opened = group()!
    opened.visibility = 'all'
    opened.allowsPublicRepositories = true
    opened.selectedRepositoryIds = []
    const dry = await ensureRunnerGroup(payments(), await access(), true)
    expect(dry.action).toBe('update')
    expect(group()!.visibility).toBe('all')
    const fixedUp = await ensureRunnerGroup(payments(), await access(), false)
    expect(fixedUp.action).toBe('update')
    expect(group()).toMatchObject({ visibility: 'selected', allowsPublicRepositories: false })
    expect(group()!.selectedRepositoryIds).toEqual(repoIds())
  })
})
