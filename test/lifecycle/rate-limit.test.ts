import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

const INSTALLATION = 'installation:7891011' // the App installation every test team's config names

describe("the installation's rate-limit budget", () => {
  let life: Lifecycle
  beforeAll(async () => {
    life = await startLifecycle(
      writeTeamConfigs([{ team: 'lambda', index: 7, repos: ['lambda-app'], labels: ['lambda'] }]),
      LIFECYCLE_OPTIONS
    )
  }, 120_000)
  afterAll(async () => life?.close())

  it('used up: every poll fails with KEDA 2.18.1 error and nothing starts; after the reset the queued job is served', async () => {
    const [team] = life.teams
    await life.until(() => life.runtime.polls.length > 0, 'a first poll')
    const { limits } = life.world.github.admin
    limits.set(INSTALLATION, 'core', 0)
    const spent = Date.now()
    const [job] = life.queue(team!, 'lambda-app', { runSeconds: 10 })
    const pollsSince = (t: number) => life.runtime.polls.filter(p => p.at >= t)
    await life.until(() => pollsSince(spent).length >= 3, 'three polls')

    const refused = pollsSince(spent)
    expect(refused.map(p => p.error?.replace(/reset time .*/, 'reset time T'))).toEqual(
      Array(refused.length).fill('GitHub API rate limit exceeded, reset time T')
    )
    expect(refused.every(p => p.started === 0)).toBe(true)
    expect(life.runtime.executions).toHaveLength(0)
    expect(job!.status).toBe('queued')

    const reset = Date.now()
    limits.reset(INSTALLATION, 'core')
    await life.until(() => job!.status === 'completed', 'the job to be served after the reset')
    const resumed = pollsSince(reset).find(p => p.started > 0)!
    expect(resumed).toMatchObject({ queueLength: 1, started: 1 })
    expect(resumed.error).toBeUndefined()
    expect(job!.conclusion).toBe('success')
    expect(life.runtime.executions).toHaveLength(1)
  }, 120_000)
})
