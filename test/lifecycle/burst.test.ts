import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

describe('a burst larger than max', () => {
  let life: Lifecycle
  beforeAll(async () => {
    life = await startLifecycle(
      writeTeamConfigs([{ team: 'gamma', index: 3, repos: ['gamma-app', 'gamma-api'], labels: ['gamma'], max: 2 }]),
      LIFECYCLE_OPTIONS
    )
  }, 120_000)
  afterAll(async () => life?.close())

  it('queued jobs wait, none is lost, all run, exactly one execution per job, never more than max at once', async () => {
    const [team] = life.teams
    const jobs = [0, 1, 2, 3, 4].flatMap(i => life.queue(team!, i % 2 ? 'gamma-api' : 'gamma-app', { runSeconds: 40 }))
    await life.until(() => jobs.every(j => j.status === 'completed'), 'every job to complete', 90_000)
    await life.until(() => life.runtime.running().length === 0, 'executions back to zero')
    expect(jobs.map(j => j.conclusion)).toEqual(['success', 'success', 'success', 'success', 'success'])
    expect(life.runtime.executions).toHaveLength(5)
    expect(life.runtime.executions.every(e => e.status === 'Succeeded')).toBe(true)
    expect(new Set(jobs.map(j => j.runnerName)).size).toBe(5)
    expect(Math.max(...life.runtime.polls.map(p => p.running + p.started))).toBe(2)
    expect(life.world.github.admin.github.runners.size).toBe(0)
  }, 120_000)
})
