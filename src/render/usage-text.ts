/** `report` as text (terminal), and as a job summary (a row per team, charts per day and a table per team). */
import { describePoolRow } from '../usage/pool-report.js'
import type { CommandResult, TeamResult } from '../result.js'
import { cell } from './drift-table.js'
import { xyChart } from './mermaid.js'
import { formatMoney } from '../core/prices.js'
import type { TeamReport } from '../usage/team-report.js'

const HEADER = [
  'team',
  'jobs',
  'wait p50',
  'wait p95',
  'executions/job',
  'failed executions',
  'est. cost',
  'API budget'
]

export function renderReportText(result: CommandResult): string {
  const blocks = result.teams.map(teamText)
  if (result.teams.length > 1) blocks.unshift(textTable([HEADER, ...result.teams.map(row)]))
  return blocks.join('\n\n')
}

export function renderReportSummary(result: CommandResult): string {
  const lines = [
    '## runner-setup report',
    '',
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`
  ]
  for (const t of result.teams) lines.push(`| ${row(t).map(cell).join(' | ')} |`)
  for (const t of result.teams) lines.push('', ...teamSummary(t))
  return lines.join('\n') + '\n'
}

/** One row per team; a team that failed shows its error, a team with no jobs shows zeros. */
function row(t: TeamResult): string[] {
  if (t.error || !t.report) return [t.team, `error: ${t.error ?? 'no report'}`, '', '', '', '', '', '']
  const r = t.report
  return [
    t.team,
    String(r.jobs.total),
    seconds(r.jobs.p50Seconds),
    seconds(r.jobs.p95Seconds),
    r.executions.perJob.toFixed(2),
    String(r.executions.failed),
    formatMoney(r.cost.amount, r.cost.currency),
    `${Math.round(r.github.budgetShare * 100)} %`
  ]
}

function teamText(t: TeamResult): string {
  if (t.error || !t.report) return `✗ team ${t.team} (${t.file}): ${t.error ?? 'no report'}`
  const r = t.report
  const e = r.executions
  const conclusions = Object.entries(r.jobs.conclusions)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')
  return [
    `Report for team ${t.team}, ${r.days} day${r.days === 1 ? '' : 's'} (${r.since.slice(0, 16)}Z to ${r.until.slice(0, 16)}Z):`,
    `  jobs on the team's runners: ${r.jobs.total}${conclusions ? ` (${conclusions})` : ''}`,
    `  queue wait (created → started): p50 ${seconds(r.jobs.p50Seconds)}, p95 ${seconds(r.jobs.p95Seconds)} over ${r.jobs.started} started jobs; ${r.jobs.overThreshold} waited longer than ${r.jobs.thresholdSeconds} s`,
    ...(r.jobs.onEndedRunner > 0
      ? [
          `  ${r.jobs.onEndedRunner} job${r.jobs.onEndedRunner === 1 ? '' : 's'} in progress on a runner whose execution has ended (stopped as GitHub handed it the job): GitHub fails ${r.jobs.onEndedRunner === 1 ? 'it' : 'them'} once it gives the runner up; re-run ${r.jobs.onEndedRunner === 1 ? 'it' : 'them'}`
        ]
      : []),
    `  executions: ${e.total} (${e.perJob.toFixed(2)} per job): ${e.withJob} ran a job, ${e.endedWithoutJob} ended without one, ${e.failedBeforeJob} failed before a job, ${e.running} running; ${e.failed} failed in all; ${e.pooled} for the warm pool, ${e.queueDriven} for queued jobs`,
    `  resources: ${e.vcpuSeconds} vCPU-s, ${e.gibSeconds} GiB-s → estimated ${formatMoney(r.cost.amount, r.cost.currency)} at ${r.cost.vcpuSecond}/vCPU-s and ${r.cost.gibSecond}/GiB-s (${r.cost.source})`,
    ...(r.pools ?? []).map(describePoolRow),
    `  GitHub: this report spent ${r.github.requests} requests; the KEDA rule uses ${Math.round(r.github.budgetShare * 100)} % of the App installation's ${r.github.hourlyLimit}/h`,
    ...r.perDay.map(
      d =>
        `    ${d.day}: ${d.jobs} jobs, wait p50 ${seconds(d.p50Seconds)} p95 ${seconds(d.p95Seconds)}, ${d.executions} executions`
    )
  ].join('\n')
}

function teamSummary(t: TeamResult): string[] {
  const out = [`### ${t.team}`, '']
  if (t.error || !t.report) return [...out, '```', t.error ?? 'no report', '```']
  const r = t.report
  const days = r.perDay.map(d => d.day.slice(5))
  out.push(
    xyChart({
      title: 'Queue wait per day (s): bars p95, line p50',
      categories: days,
      yTitle: 'seconds',
      series: [
        { kind: 'bar', values: r.perDay.map(d => d.p95Seconds) },
        { kind: 'line', values: r.perDay.map(d => d.p50Seconds) }
      ]
    }),
    '',
    xyChart({
      title: 'Executions and jobs per day: bars executions, line jobs',
      categories: days,
      yTitle: 'count',
      series: [
        { kind: 'bar', values: r.perDay.map(d => d.executions) },
        { kind: 'line', values: r.perDay.map(d => d.jobs) }
      ]
    }),
    '',
    '| figure | value |',
    '| --- | --- |',
    ...figures(r).map(([k, v]) => `| ${k} | ${cell(v)} |`)
  )
  return out
}

function figures(r: TeamReport): [string, string][] {
  const e = r.executions
  return [
    ['period', `${r.days} days, ${r.since.slice(0, 10)} to ${r.until.slice(0, 10)}`],
    ['jobs', String(r.jobs.total)],
    ['queue wait p50 / p95', `${seconds(r.jobs.p50Seconds)} / ${seconds(r.jobs.p95Seconds)}`],
    [`jobs waiting over ${r.jobs.thresholdSeconds} s`, String(r.jobs.overThreshold)],
    ['jobs in progress on an ended runner', String(r.jobs.onEndedRunner)],
    ['executions (per job)', `${e.total} (${e.perJob.toFixed(2)})`],
    ['ended without a job', String(e.endedWithoutJob)],
    ['warm pool / queue-driven executions', `${e.pooled} / ${e.queueDriven}`],
    ['failed before a job / failed', `${e.failedBeforeJob} / ${e.failed}`],
    ['vCPU-seconds / GiB-seconds', `${e.vcpuSeconds} / ${e.gibSeconds}`],
    ['estimated cost', `${formatMoney(r.cost.amount, r.cost.currency)} (${r.cost.source})`],
    ['GitHub requests spent', String(r.github.requests)],
    ["KEDA rule's share of the API budget", `${Math.round(r.github.budgetShare * 100)} % of ${r.github.hourlyLimit}/h`]
  ]
}

function seconds(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} s`
}

function textTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map(r => r[i]!.length)))
  return rows
    .map(r =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}
