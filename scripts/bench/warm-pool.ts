/**
 * Warm pool figures: queue → runner for jobs that found a pooled runner waiting against jobs that did not, in the
 * lifecycle model of lifecycle.ts, and what a pool costs per month for the example teams at the list price.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadTeamConfigs } from '../../src/config/load.js'
import type { WarmPoolConfig } from '../../src/config/types.js'
import { poolMonthlyCost } from '../../src/core/warm-pool.js'
import { LIST_PRICE, formatMoney, priceTable } from '../../src/core/prices.js'
import { quantile } from '../../src/usage/team-report.js'
import { startLifecycle } from '../team-lifecycle.js'
import type { WorkflowJob } from '../../emulator/github/index.js'

const WORKING_HOURS: WarmPoolConfig = {
  size: 2,
  always: false,
  schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '17:00', timeZone: 'Europe/Oslo' }
}

export async function warmPoolFigures(report: (name: string, value: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runner-setup-pool-'))
  const file = join(dir, 'minimal.yaml')
  writeFileSync(
    file,
    `${readFileSync('examples/teams/minimal.yaml', 'utf8')}runners:\n  warmPool: { size: 2, always: true }\n`
  )
  const life = await startLifecycle([file], { speed: 100, holdAssignmentDuringPolls: true })
  try {
    const [team] = life.teams
    await life.until(() => life.runtime.running().length === 2, 'two pooled runners', 60_000)
    // One job at a time, each queued while a pooled runner is listening (registered, online, idle). On this machine
    // a replacement's start takes seconds of real time, hundreds of simulated ones, so waiting for it is fair.
    const listening = () =>
      [...life.world.github.admin.github.runners.values()].some(r => r.status === 'online' && !r.busy)
    const jobs: WorkflowJob[] = []
    for (let i = 0; i < 8; i++) {
      await life.until(listening, 'a pooled runner listening', 60_000)
      const [job] = life.queue(team!, team!.github.repos[0]!, { runSeconds: 20 })
      jobs.push(job!)
      await life.until(() => job!.status !== 'queued', 'the job taken', 60_000)
    }
    await life.until(() => jobs.every(j => j.status === 'completed'), 'every job to complete', 120_000)
    const waits = jobs.map(j => j.startedAt! - j.queuedAt)
    report(
      'queued → runner took the job, a pooled runner listening',
      `p50 ${quantile(waits, 0.5).toFixed(0)} ms, p95 ${quantile(waits, 0.95).toFixed(0)} ms over ${jobs.length} jobs, measured: GitHub hands the job to a runner already connected, with no poll wait and no container start (the stand-in runner asks every simulated second; GitHub's own assignment time is not modelled). Without a pool: the sum of the parts above`
    )
  } finally {
    await life.close()
  }
  const files = readdirSync('examples/teams')
    .filter(f => f.endsWith('.yaml'))
    .map(f => join('examples/teams', f))
  for (const config of loadTeamConfigs(files)) {
    const prices = priceTable(config.runners.price)
    const hours = poolMonthlyCost({ ...config, runners: { ...config.runners, warmPool: WORKING_HOURS } }, prices)!
    const always = poolMonthlyCost(
      { ...config, runners: { ...config.runners, warmPool: { size: 2, always: true } } },
      prices
    )!
    report(
      `warm pool of 2 per month, ${config.team} (${config.runners.cpu} vCPU, ${config.runners.memory}${hours.jobs > 1 ? `, ${hours.jobs} jobs` : ''})`,
      `weekdays 07:00–17:00 Europe/Oslo: ${hours.hoursPerMonth} h → ${formatMoney(hours.amount, hours.currency)}; always: ${formatMoney(always.amount, always.currency)} (${LIST_PRICE.source})`
    )
  }
}
