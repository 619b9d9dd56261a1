import { dirname } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import type { TeamReport } from '../../src/usage/team-report.js'
import { LIST_PRICE } from '../../src/core/prices.js'
import { renderReportSummary } from '../../src/render/usage-text.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'
import { checkMermaidXyChart } from './mermaid-grammar.js'

const INSTALLATION = 7891011

describe('report after a lifecycle run', () => {
  let life: Lifecycle
  let folder: string
  let env: Record<string, string>
  beforeAll(async () => {
    const files = writeTeamConfigs([
      { team: 'rho', index: 11, repos: ['rho-app', 'rho-api'], labels: ['rho'] },
      { team: 'tau', index: 12, repos: ['tau-app'], labels: ['tau'] }
    ])
    folder = dirname(files[0]!)
    life = await startLifecycle(files, LIFECYCLE_OPTIONS)
    const token = life.world.github.admin.github.issueToken(INSTALLATION, { actions: 'read', metadata: 'read' }).token
    env = { GITHUB_TOKEN: token }
  }, 180_000)
  afterAll(async () => life?.close())

  const report = async (extra: string[] = []) => {
    const before = life.world.github.admin.requests().length
    const run = await life.world.cli(
      ['report', '--config', folder, '--json', '--github-api-url', `${life.world.emulator.url}/github/api`, ...extra],
      { env }
    )
    const spent = life.world.github.admin
      .requests()
      .slice(before)
      .filter(r => r.query.includes('created=') || /\/runs\/\d+\/jobs$/.test(r.path))
    return { run, spent: spent.length }
  }

  it('matches what the emulator recorded: waits, executions, resource seconds, cost and requests; a team without jobs shows zeros', async () => {
    const [rho] = life.teams
    const jobs = [
      ...life.queue(rho!, 'rho-app', { runSeconds: 40 }),
      ...life.queue(rho!, 'rho-api', { runSeconds: 60 }),
      ...life.queue(rho!, 'rho-app', { runSeconds: 20 })
    ]
    await life.until(() => jobs.every(j => j.status === 'completed'), 'the jobs to complete', 120_000)
    await life.until(() => life.runtime.running().length === 0, 'executions back to zero', 60_000)

    const { run, spent } = await report()
    expect(run.stderr).not.toContain('error')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as { teams: { team: string; report: TeamReport }[] }
    expect(result.teams.map(t => t.team)).toEqual(['rho', 'tau'])
    const [r, tau] = result.teams.map(t => t.report) as [TeamReport, TeamReport]

    // GitHub's times have whole seconds.
    const secs = (ms: number) => Math.floor(ms / 1000)
    const waits = jobs.map(j => secs(j.times.started!) - secs(j.times.created)).sort((a, b) => a - b)
    expect(r.jobs).toMatchObject({ total: 3, started: 3, p50Seconds: waits[1], p95Seconds: waits[2] })
    expect(r.jobs.conclusions).toEqual({ success: 3 })

    const executions = life.runtime.executions.filter(e => e.name.startsWith('caj-rho'))
    expect(r.executions).toMatchObject({
      total: executions.length,
      withJob: 3,
      endedWithoutJob: executions.length - 3,
      failed: 0,
      running: 0,
      perJob: Math.round((executions.length / 3) * 100) / 100
    })
    const seconds = executions.reduce((n, e) => n + (Date.parse(e.endTime!) - Date.parse(e.startTime)) / 1000, 0)
    expect(r.executions.vcpuSeconds).toBeCloseTo(seconds * 2, 0) // cpu 2
    expect(r.executions.gibSeconds).toBeCloseTo(seconds * 4, 0) // 4Gi
    expect(r.cost.amount).toBeCloseTo(
      r.executions.vcpuSeconds * LIST_PRICE.vcpuSecond + r.executions.gibSeconds * LIST_PRICE.gibSecond,
      3
    )
    expect(r.cost.source).toBe(LIST_PRICE.source)

    // Every request the two reports made is counted: date-filtered runs per repository, then jobs per run.
    expect(r.github.requests + tau.github.requests).toBe(spent)
    expect(r.github.requests).toBe(2 + 3) // 2 repositories, 3 runs

    expect(tau.jobs).toMatchObject({ total: 0, started: 0, p50Seconds: 0, p95Seconds: 0, overThreshold: 0 })
    expect(tau.executions).toMatchObject({ total: 0, perJob: 0, vcpuSeconds: 0, gibSeconds: 0 })
    expect(tau.cost.amount).toBe(0)

    // One row per team in the job summary, and the charts are valid Mermaid.
    const summary = renderReportSummary({
      command: 'report',
      exitCode: 0,
      teams: result.teams.map(t => ({
        ...t,
        file: '',
        outputs: { environmentId: '', jobNames: [], labels: [], runsOn: '' }
      }))
    })
    expect(summary.split('\n').filter(l => /^\| (rho|tau) \|/.test(l))).toHaveLength(2)
    const charts = [...summary.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]!)
    expect(charts).toHaveLength(4)
    for (const chart of charts) expect(checkMermaidXyChart(chart)).toEqual([])
  }, 240_000)

  it('prices come from the input over the list price', async () => {
    const { run } = await report(['--price-vcpu-second', '0.0001', '--price-gib-second', '0'])
    const [r] = (JSON.parse(run.stdout) as { teams: { report: TeamReport }[] }).teams.map(t => t.report)
    expect(r!.cost).toMatchObject({ vcpuSecond: 0.0001, gibSecond: 0, source: 'price input' })
    expect(r!.cost.amount).toBeCloseTo(r!.executions.vcpuSeconds * 0.0001, 3)
  }, 60_000)

  it('text output: one row per team, then each team', async () => {
    const run = await life.world.cli(
      ['report', '--config', folder, '--github-api-url', `${life.world.emulator.url}/github/api`],
      { env }
    )
    expect(run.code).toBe(0)
    const [header, ...rows] = run.stdout.split('\n')
    expect(header).toMatch(/^team\s+jobs\s+wait p50/)
    expect(rows[0]).toMatch(/^rho\s+3\s/)
    expect(rows[1]).toMatch(/^tau\s+0\s+0\.0 s\s+0\.0 s\s+0\.00\s+0\s+0\.00 USD/)
    expect(run.stdout).toContain('Report for team rho, 7 days')
  }, 60_000)
})
