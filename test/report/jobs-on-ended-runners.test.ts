/**
 * A job GitHub handed to a runner just as the runner was stopped stays in progress on a runner that is gone until
 * GitHub gives the runner up: the report counts such jobs, from GitHub's jobs and Azure's executions.
 */
import { describe, expect, it } from '@jest/globals'
import { LIST_PRICE } from '../../src/core/prices.js'
import { teamReport, type JobRecord } from '../../src/usage/team-report.js'

const now = Date.parse('2026-12-07T12:00:00Z')
const job = (id: number, status: string, runnerName: string): JobRecord => ({
  id,
  repo: 'app',
  name: 'build',
  status,
  conclusion: status === 'completed' ? 'success' : null,
  createdAt: '2026-12-07T11:00:00Z',
  startedAt: '2026-12-07T11:00:30Z',
  runnerName
})
const execution = (name: string, status: string) => ({
  name,
  status,
  startTime: '2026-12-07T11:00:10Z',
  ...(status === 'Running' ? {} : { endTime: '2026-12-07T11:02:00Z' })
})

function report(jobs: JobRecord[], executions: ReturnType<typeof execution>[]) {
  return teamReport({
    days: 1,
    now,
    jobs,
    executions,
    size: { cpu: 1, memoryGi: 2 },
    prices: LIST_PRICE,
    thresholdSeconds: 120,
    warmPool: false,
    github: { requests: 0, budgetShare: 0, hourlyLimit: 5000 }
  })
}

describe('jobs in progress on a runner whose execution has ended', () => {
  it('counts a job in progress whose execution succeeded, not one whose execution still runs', () => {
    const r = report(
      [job(1, 'in_progress', 'caj-a'), job(2, 'in_progress', 'caj-b'), job(3, 'completed', 'caj-c')],
      [execution('caj-a', 'Succeeded'), execution('caj-b', 'Running'), execution('caj-c', 'Succeeded')]
    )
    expect(r.jobs.onEndedRunner).toBe(1)
  })

  it('counts none when every job in progress has its runner running', () => {
    const r = report([job(1, 'in_progress', 'caj-a')], [execution('caj-a', 'Running')])
    expect(r.jobs.onEndedRunner).toBe(0)
  })
})
