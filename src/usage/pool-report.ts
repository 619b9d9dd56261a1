/**
 * The report's rows per runner pool: each pool's jobs (those its runners ran: a runner is named after its execution,
 * and an execution after its job) and executions, through the same figures as the team's.
 */
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import { runnerPools } from '../core/pools.js'
import { formatMoney } from '../core/prices.js'
import { teamReport, type PoolReportRow, type ReportInput, type TeamReport } from './team-report.js'

/** Rows for a config with `runners.pools`; none without (the team's figures are its one pool's). */
export function poolReportRows(config: TeamConfig, input: ReportInput): PoolReportRow[] {
  if (!config.runners.pools) return []
  const jobs = teamLayout(config).jobs
  return runnerPools(config).map(pool => {
    const names = jobs.filter(j => j.pool === pool.name).map(j => `${j.name}-`)
    const mine = (name: string | undefined) => name !== undefined && names.some(prefix => name.startsWith(prefix))
    const report: TeamReport = teamReport({
      ...input,
      jobs: input.jobs.filter(j => mine(j.runnerName)),
      executions: input.executions.filter(e => mine(e.name)),
      size: { cpu: pool.cpu, memoryGi: parseFloat(pool.memory) },
      warmPool: pool.warmPool !== undefined
    })
    return {
      pool: pool.name!,
      jobs: report.jobs.total,
      p50Seconds: report.jobs.p50Seconds,
      p95Seconds: report.jobs.p95Seconds,
      executions: report.executions.total,
      failed: report.executions.failed,
      cost: report.cost.amount,
      currency: report.cost.currency
    }
  })
}

export function describePoolRow(row: PoolReportRow): string {
  return `  pool ${row.pool}: ${row.jobs} jobs, wait p50 ${row.p50Seconds} s p95 ${row.p95Seconds} s, ${row.executions} executions (${row.failed} failed), estimated ${formatMoney(row.cost, row.currency)}`
}
