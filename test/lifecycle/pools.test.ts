/** Two pools of one team in one environment: a job starts an execution in the pool whose labels it asks for, only there. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { poolJobName } from '../../src/core/names.js'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

describe('runner pools', () => {
  let life: Lifecycle
  beforeAll(async () => {
    life = await startLifecycle(
      writeTeamConfigs([
        {
          team: 'pi',
          index: 21,
          repos: ['pi-app'],
          labels: [],
          max: 3,
          runners:
            '  pools:\n' +
            '    - { name: small, labels: [pi], cpu: 0.5 }\n' +
            '    - { name: large, labels: [pi-large], cpu: 1, max: 2 }\n'
        }
      ]),
      LIFECYCLE_OPTIONS
    )
  }, 120_000)
  afterAll(async () => life?.close())

  it('runs each job in its own pool, and starts nothing in the other', async () => {
    const [team] = life.teams
    const small = life.queue(team!, 'pi-app', { labels: ['pi'], runSeconds: 30, count: 2 })
    const large = life.queue(team!, 'pi-app', { labels: ['pi-large'], runSeconds: 30, count: 2 })
    await life.until(
      () => [...small, ...large].every(j => j.status === 'completed'),
      'both pools to run their jobs',
      90_000
    )
    const smallJob = poolJobName('pi', 'small')
    const largeJob = poolJobName('pi', 'large')
    for (const job of small) expect(job.runnerName?.startsWith(`${smallJob}-`)).toBe(true)
    for (const job of large) expect(job.runnerName?.startsWith(`${largeJob}-`)).toBe(true)
    // Each pool's first scaling decision starts one execution per job of its own labels: had a rule counted the
    // other pool's jobs too, it would have started up to its max (3 and 2). Later polls may start more (KEDA counts
    // an in_progress job whose execution already ended), never in the wrong pool, as the runner names show.
    const firstDecision = (job: string) => {
      const mine = life.runtime.executions.filter(e => e.jobId.endsWith(`/${job}`))
      const first = Math.min(...mine.map(e => e.decidedSimAt))
      return mine.filter(e => e.decidedSimAt === first).length
    }
    expect([firstDecision(smallJob), firstDecision(largeJob)]).toEqual([2, 2])
  }, 120_000)
})
