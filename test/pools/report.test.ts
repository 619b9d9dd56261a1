import { describe, expect, it } from '@jest/globals'
import { parseTeamConfig } from '../../src/config/load.js'
import { poolJobName } from '../../src/core/names.js'
import { LIST_PRICE } from '../../src/core/prices.js'
import { poolReportRows } from '../../src/usage/pool-report.js'
import type { ReportInput } from '../../src/usage/team-report.js'
import { POOLS_TEXT } from './example.js'

const config = parseTeamConfig(POOLS_TEXT, 'team.yaml')
const NOW = Date.UTC(2026, 11, 8, 12)
const at = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString()

/** One job and its execution in a pool: queued 10 min ago, started after `wait` s, ran 5 min at the pool's size. */
function ran(pool: string, n: number, wait: number, cpu: number, memoryGi: number) {
  const execution = `${poolJobName('minimal', pool)}-${pool.slice(0, 3)}${n}`
  return {
    job: {
      id: n,
      repo: 'minimal-app',
      name: `build-${n}`,
      status: 'completed',
      conclusion: 'success',
      createdAt: at(10),
      startedAt: new Date(Date.parse(at(10)) + wait * 1000).toISOString(),
      completedAt: at(5),
      runnerName: execution
    },
    execution: { name: execution, status: 'Succeeded', startTime: at(10), endTime: at(5), cpu, memoryGi }
  }
}

describe('report rows per pool', () => {
  it("counts each pool's jobs, waits, executions and cost from its own executions", () => {
    const runs = [ran('small', 1, 20, 1, 2), ran('small', 2, 40, 1, 2), ran('large', 3, 60, 4, 8)]
    const input: ReportInput = {
      days: 1,
      now: NOW,
      jobs: runs.map(r => r.job),
      executions: runs.map(r => r.execution),
      size: { cpu: 2, memoryGi: 4 },
      prices: LIST_PRICE,
      thresholdSeconds: 120,
      warmPool: false,
      github: { requests: 0, budgetShare: 0, hourlyLimit: 5000 }
    }
    const rows = poolReportRows(config, input)
    expect(rows.map(r => [r.pool, r.jobs, r.executions])).toEqual([
      ['small', 2, 2],
      ['large', 1, 1],
      ['tools', 0, 0],
      ['xl', 0, 0]
    ])
    // 300 s at 4 vCPU and 8 GiB: 1200 vCPU-s and 2400 GiB-s at the list price.
    expect(rows[1]!.cost).toBeCloseTo(1200 * 0.000024 + 2400 * 0.000003, 4)
    expect(rows[1]!.p50Seconds).toBe(60)
  })
})
