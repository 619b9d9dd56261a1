/**
 * Lifecycle figures for `npm run bench` and the lifecycle part of `npm start`: the example teams applied to the
 * emulator, KEDA's poll and Container Apps executions emulated on a fast clock, the real entrypoint in each execution.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadTeamConfigs } from '../../src/config/load.js'
import type { World } from '../../test/support/world.js'
import { createClock } from '../../test/emulator/lifecycle/clock.js'
import { JobRuntime, type PollRecord } from '../../test/emulator/lifecycle/job-runtime.js'
import { startLifecycle, type Lifecycle } from '../../test/emulator/lifecycle/lifecycle.js'
import { seedGitHubTeam } from '../../test/emulator/lifecycle/seed-github.js'
import { LIMITS } from '../../test/emulator/github/rate-limit.js'
import type { WorkflowJob } from '../../test/emulator/github/index.js'

const SPEED = 100
const POLL_SECONDS = 20

export async function lifecycleFigures(report: (name: string, value: string) => void): Promise<void> {
  const files = readdirSync('examples/teams').filter((f) => f.endsWith('.yaml')).map((f) => join('examples/teams', f))
  const life = await startLifecycle(files, { speed: SPEED })
  try {
    const polls = (since: number): PollRecord[] => life.runtime.polls.slice(since)
    const idleStart = life.runtime.polls.length
    await life.until(() => life.teams.every((t) => polls(idleStart).filter((p) => p.jobId.includes(t.team)).length >= 4), 'four idle polls per team', 60_000)
    for (const team of life.teams) report(`GitHub requests/hour at idle, ${team.team}`, perHour(polls(idleStart), team.team, team.runners.pollingIntervalSeconds))

    const loadStart = life.runtime.polls.length
    const jobs: WorkflowJob[] = life.teams.flatMap((team) =>
      Array.from({ length: 6 }, (_, i) => life.queue(team, team.github.repos[i % team.github.repos.length]!, { runSeconds: 60 })).flat()
    )
    await life.until(() => jobs.every((j) => j.status === 'completed'), 'every job to complete', 120_000)
    await life.until(() => life.runtime.running().length === 0, 'executions back to zero', 60_000)
    for (const team of life.teams) report(`GitHub requests/hour under load, ${team.team}`, perHour(polls(loadStart), team.team, team.runners.pollingIntervalSeconds))

    const waits = jobs.map((job) => {
      const execution = life.runtime.executions.find((e) => e.name === job.runnerName)!
      return { scaler: life.clock.simulatedSeconds(execution.startedAt - job.queuedAt) / POLL_SECONDS, entrypointMs: job.startedAt! - execution.startedAt }
    })
    const entrypoint = quantile(waits.map((w) => w.entrypointMs), 0.5)
    for (const [label, q] of [['median', 0.5], ['p95', 0.95]] as const) {
      const intervals = quantile(waits.map((w) => w.scaler), q)
      report(`queued → runner took it, ${label}`, `${intervals.toFixed(2)} polling intervals (${(intervals * POLL_SECONDS + entrypoint / 1000).toFixed(1)} s at 20 s polling, incl. ${entrypoint.toFixed(0)} ms measured entrypoint start)`)
    }
    const runners = life.world.github.admin.github.runners.size
    report('executions started per job', `${(life.runtime.executions.length / jobs.length).toFixed(2)} (${life.runtime.executions.length} for ${jobs.length} jobs; ${runners} runners left registered)`)
  } finally {
    await life.close()
  }
}

/** Requests that count against the installation's limit (304s are free), scaled to an hour of polls. */
function perHour(polls: PollRecord[], team: string, intervalSeconds: number): string {
  const mine = polls.filter((p) => p.jobId.includes(team))
  const jobs = new Set(mine.map((p) => p.jobId)).size
  const counted = mine.reduce((n, p) => n + p.requests - p.notModified, 0) / Math.max(1, mine.length / Math.max(1, jobs))
  const all = mine.reduce((n, p) => n + p.requests, 0) / Math.max(1, mine.length / Math.max(1, jobs))
  const hourly = (counted * 3600) / intervalSeconds
  return `${Math.round(hourly)} counted (${Math.round((all * 3600) / intervalSeconds)} sent, ETag 304s free) of ${LIMITS.core}/h for the App installation, shared by every team on it`
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
}

/** `npm start`, after apply: a burst of jobs across the team's repositories, executions up and back to zero. */
export async function lifecycleStory(world: World, log: (line: string) => void, configFile = 'examples/teams/studio.yaml'): Promise<void> {
  const [team] = loadTeamConfigs([configFile])
  seedGitHubTeam(world.github.admin, team!)
  const clock = createClock(SPEED)
  const at = (): string => `t=${clock.now() / 1000 >= 100 ? '' : ' '}${(clock.now() / 1000).toFixed(0).padStart(3)} s`
  let last = ''
  const runtime = new JobRuntime({
    emulator: world.emulator,
    github: world.github.admin,
    clock,
    onPoll(p) {
      const line = `queue ${p.queueLength}, running ${p.running}, starting ${p.started}${p.error ? `, error: ${p.error}` : ''}`
      if (line !== last) log(`  ${at()}  KEDA poll: ${line}`)
      last = line
    },
    onExecution(e) {
      log(`  ${at()}  execution ${e.name}: ${e.status}`)
    }
  })
  runtime.start()
  const life: Pick<Lifecycle, 'until'> = {
    async until(check, what, timeoutMs = 60_000) {
      const start = Date.now()
      while (!check()) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
        await new Promise((r) => setTimeout(r, 10))
      }
    }
  }
  try {
    const count = Math.min(team!.runners.max + 2, 8)
    log(`  a burst of ${count} workflow jobs (runs-on: [${team!.github.labels.join(', ')}]) across ${team!.github.repos.join(', ')}; max ${team!.runners.max} executions; clock ×${SPEED}`)
    const jobs = Array.from({ length: count }, (_, i) =>
      world.github.admin.workflows.queueJob({ owner: team!.github.owner, repo: team!.github.repos[i % team!.github.repos.length]!, labels: team!.github.labels, runMs: clock.realMs((30 + 10 * i) * 1000), name: `build-${i + 1}` })
    ).flat()
    await life.until(() => jobs.every((j) => j.status === 'completed'), 'every job to complete')
    await life.until(() => runtime.running().length === 0, 'executions back to zero')
    await life.until(() => last.startsWith('queue 0, running 0'), 'an idle poll')
    for (const job of jobs) {
      log(`  ${job.name} in ${job.repo}: waited ${clock.simulatedSeconds(job.startedAt! - job.queuedAt).toFixed(0)} s (simulated), ran on ${job.runnerName}, ${job.conclusion}`)
    }
    log(`  ${runtime.executions.length} executions for ${jobs.length} jobs; ${world.github.admin.github.runners.size} runners left registered; back to zero`)
  } finally {
    await runtime.stop()
  }
}
