import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { orgJobName, repoJobName } from '../../src/core/names.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

const DELTA_JOB = orgJobName('delta')
const OMEGA_JOB = repoJobName('omega', 'altinn', 'omega-app')

describe('two teams side by side', () => {
  let life: Lifecycle
  beforeAll(async () => {
    life = await startLifecycle(
      writeTeamConfigs([
        { team: 'delta', index: 4, repos: ['delta-app'], labels: ['delta'] },
        { team: 'omega', index: 5, scope: 'repo', repos: ['omega-app'], labels: ['omega'] }
      ]),
      LIFECYCLE_OPTIONS
    )
  }, 120_000)
  afterAll(async () => life?.close())

  const pollsOf = (job: string): number => life.runtime.polls.filter(p => p.jobId.endsWith(`/${job}`)).length

  it("a job for another team's labels or for bare self-hosted starts nothing", async () => {
    const [delta, omega] = life.teams
    const others = [
      ...life.queue(delta!, 'delta-app', { labels: ['omega'] }),
      ...life.queue(delta!, 'delta-app', { labels: ['self-hosted'] }),
      ...life.queue(omega!, 'omega-app', { labels: ['self-hosted', 'linux', 'x64'] })
    ]
    const [d, o] = [pollsOf(DELTA_JOB), pollsOf(OMEGA_JOB)]
    await life.until(() => pollsOf(DELTA_JOB) >= d + 3 && pollsOf(OMEGA_JOB) >= o + 3, 'three polls of each team')
    expect(life.runtime.executions).toHaveLength(0)
    expect(life.runtime.polls.every(p => p.queueLength === 0 && !p.error)).toBe(true)
    for (const job of others) life.world.github.admin.workflows.cancelJob(job.id)
  }, 120_000)

  it("each team's job runs on that team's runner", async () => {
    const [delta, omega] = life.teams
    const [dj] = life.queue(delta!, 'delta-app', { runSeconds: 20 })
    const [oj] = life.queue(omega!, 'omega-app', { runSeconds: 20 })
    await life.until(() => dj!.status === 'completed' && oj!.status === 'completed', 'both jobs')
    await life.until(() => life.runtime.running().length === 0, 'executions back to zero')
    expect(life.runtime.executions.map(e => e.name.replace(/-[0-9a-f]{7}$/, '')).sort()).toEqual(
      [DELTA_JOB, OMEGA_JOB].sort()
    )
    expect(dj!.runnerName).toMatch(new RegExp(`^${DELTA_JOB}-[0-9a-f]{7}$`))
    expect(oj!.runnerName).toMatch(new RegExp(`^${OMEGA_JOB}-[0-9a-f]{7}$`))
  }, 120_000)

  it('a job cancelled before a runner takes it: the idle runner is stopped after the idle timeout and deregistered', async () => {
    const [delta] = life.teams
    const before = life.runtime.executions.length
    const [job] = life.queue(delta!, 'delta-app')
    await life.until(() => life.runtime.executions.length === before + 1, 'an execution')
    life.world.github.admin.workflows.cancelJob(job!.id)
    const execution = life.runtime.executions.at(-1)!
    await life.until(() => execution.status !== 'Running', 'the idle runner to stop', 45_000)
    expect(execution.status).toBe('Succeeded')
    expect(execution.output).toContain('idle timeout')
    expect(job!.conclusion).toBe('cancelled')
    expect(life.world.github.admin.github.runners.size).toBe(0)
    expect(life.runtime.executions).toHaveLength(before + 1)
  }, 120_000)
})
