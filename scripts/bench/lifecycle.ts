/**
 * Lifecycle figures for `npm run bench` and the lifecycle part of `npm start`: the example teams applied to the
 * emulator, KEDA's poll and Container Apps executions emulated on a fast clock, the real entrypoint in each execution.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadTeamConfigs } from '../../src/config/load.js'
import type { World } from '../../test/support/world.js'
import { createClock } from '../../test/emulator/lifecycle/clock.js'
import { JobRuntime, type ExecutionRecord, type PollRecord } from '../../test/emulator/lifecycle/job-runtime.js'
import { startLifecycle, type Lifecycle } from '../../test/emulator/lifecycle/lifecycle.js'
import { seedGitHubTeam } from '../../test/emulator/lifecycle/seed-github.js'
import { LIMITS } from '../../test/emulator/github/rate-limit.js'
import type { WorkflowJob } from '../../test/emulator/github/index.js'

const SPEED = 100
const POLL_SECONDS = 20

export async function lifecycleFigures(report: (name: string, value: string) => void): Promise<void> {
  const files = readdirSync('examples/teams')
    .filter(f => f.endsWith('.yaml'))
    .map(f => join('examples/teams', f))
  const life = await startLifecycle(files, { speed: SPEED })
  try {
    const polls = (since: number): PollRecord[] => life.runtime.polls.slice(since)
    const idleStart = life.runtime.polls.length
    await life.until(
      () => life.teams.every(t => polls(idleStart).filter(p => p.jobId.includes(t.team)).length >= 4),
      'four idle polls per team',
      60_000
    )
    for (const team of life.teams)
      report(
        `GitHub requests/hour at idle, ${team.team}`,
        perHour(polls(idleStart), team.team, team.runners.pollingIntervalSeconds)
      )

    const loadStart = life.runtime.polls.length
    const jobs: WorkflowJob[] = life.teams.flatMap(team =>
      Array.from({ length: 6 }, (_, i) =>
        life.queue(team, team.github.repos[i % team.github.repos.length]!, { runSeconds: 60 })
      ).flat()
    )
    await life.until(() => jobs.every(j => j.status === 'completed'), 'every job to complete', 120_000)
    await life.until(() => life.runtime.running().length === 0, 'executions back to zero', 60_000)
    for (const team of life.teams)
      report(
        `GitHub requests/hour under load, ${team.team}`,
        perHour(polls(loadStart), team.team, team.runners.pollingIntervalSeconds)
      )

    const waits = jobs.map(job => {
      const execution = life.runtime.executions.find(e => e.name === job.runnerName)!
      return {
        scaler: life.clock.simulatedSeconds(execution.decidedAt - job.queuedAt) / POLL_SECONDS,
        entrypointMs: job.startedAt! - execution.decidedAt
      }
    })
    // KEDA's part is simulated (polling intervals); the container's start is measured real time, never scaled.
    for (const [label, q] of [
      ['median', 0.5],
      ['p95', 0.95]
    ] as const) {
      const intervals = quantile(
        waits.map(w => w.scaler),
        q
      )
      const start = quantile(
        waits.map(w => w.entrypointMs),
        q
      )
      const seconds = quantile(
        waits.map(w => w.scaler * POLL_SECONDS + w.entrypointMs / 1000),
        q
      )
      report(
        `queued → runner took it, ${label}`,
        `${intervals.toFixed(2)} polling intervals for KEDA + ${start.toFixed(0)} ms measured container start (spawn, entrypoint, runner taking the job); ${seconds.toFixed(1)} s in all at 20 s polling`
      )
    }
    const runners = life.world.github.admin.github.runners.size
    const extras = explainExtras(life.runtime.executions, life.runtime.polls.slice(loadStart), jobs)
    report(
      'executions started per job',
      `${(life.runtime.executions.length / jobs.length).toFixed(2)} (${life.runtime.executions.length} for ${jobs.length} jobs; ${runners} runners left registered${extras ? `; ${extras}` : ''})`
    )
  } finally {
    await life.close()
  }
}

/** Requests that count against the installation's limit (304s are free), scaled to an hour of polls. */
function perHour(polls: PollRecord[], team: string, intervalSeconds: number): string {
  const mine = polls.filter(p => p.jobId.includes(team))
  const jobs = new Set(mine.map(p => p.jobId)).size
  const counted =
    mine.reduce((n, p) => n + p.requests - p.notModified, 0) / Math.max(1, mine.length / Math.max(1, jobs))
  const all = mine.reduce((n, p) => n + p.requests, 0) / Math.max(1, mine.length / Math.max(1, jobs))
  const hourly = (counted * 3600) / intervalSeconds
  return `${Math.round(hourly)} counted (${Math.round((all * 3600) / intervalSeconds)} sent, ETag 304s free) of ${LIMITS.core}/h for the App installation, shared by every team on it`
}

/**
 * Executions that never took a job, and why. KEDA 2.18.1 lists queued runs, then in_progress runs; a run that a
 * runner takes between the two calls is in both lists and its jobs are counted twice, so one execution too many
 * starts. Its runner then idles out and deregisters. Undefined when every execution ran a job.
 */
export function explainExtras(
  executions: ExecutionRecord[],
  polls: PollRecord[],
  jobs: WorkflowJob[]
): string | undefined {
  const ranJob = new Set(jobs.map(j => j.runnerName))
  const extra = executions.filter(e => !ranJob.has(e.name))
  if (extra.length === 0) return undefined
  const countedTwice = polls.reduce((n, p) => n + p.countedTwice, 0)
  const idled = extra.filter(e => e.status === 'Succeeded' && e.output.includes('idle timeout')).length
  const what = `${extra.length} extra execution${extra.length === 1 ? '' : 's'}`
  const explained = Math.min(countedTwice, extra.length)
  if (explained === extra.length && idled === extra.length) {
    return `${what}: KEDA counted a run twice while it moved from queued to in_progress; ${extra.length === 1 ? 'its idle runner' : 'their idle runners'} stopped after the idle timeout`
  }
  return `${what} without a job (${explained} from KEDA counting a run twice while it moved from queued to in_progress; ${idled} stopped after the idle timeout)`
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
}

/** `npm start`, after apply: a burst of jobs across the team's repositories, executions up and back to zero. */
export async function lifecycleStory(
  world: World,
  log: (line: string) => void,
  configFile = 'examples/teams/studio.yaml'
): Promise<void> {
  const [team] = loadTeamConfigs([configFile])
  seedGitHubTeam(world.github.admin, team!)
  const clock = createClock(SPEED)
  world.github.admin.workflows.wallClock = clock.epochMs
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
        await new Promise(r => setTimeout(r, 10))
      }
    }
  }
  try {
    const count = Math.min(team!.runners.max + 2, 8)
    log(
      `  a burst of ${count} workflow jobs (runs-on: [${team!.github.labels.join(', ')}]) across ${team!.github.repos.join(', ')}; max ${team!.runners.max} executions; clock ×${SPEED}`
    )
    const jobs = Array.from({ length: count }, (_, i) =>
      world.github.admin.workflows.queueJob({
        owner: team!.github.owner,
        repo: team!.github.repos[i % team!.github.repos.length]!,
        labels: team!.github.labels,
        runMs: clock.realMs((30 + 10 * i) * 1000),
        name: `build-${i + 1}`
      })
    ).flat()
    await life.until(() => jobs.every(j => j.status === 'completed'), 'every job to complete')
    await life.until(() => runtime.running().length === 0, 'executions back to zero')
    await life.until(() => last.startsWith('queue 0, running 0'), 'an idle poll')
    // KEDA's wait (queued → the poll that started the execution) is simulated time. The container's start (spawn,
    // entrypoint, runner taking the job) is real work on this machine, which the fast clock would inflate ×SPEED,
    // so it is reported as measured.
    for (const job of jobs) {
      const execution = runtime.executions.find(e => e.name === job.runnerName)!
      const scaler = clock.simulatedSeconds(execution.decidedAt - job.queuedAt)
      log(
        `  ${job.name} in ${job.repo}: waited ${scaler.toFixed(0)} s for KEDA (simulated) + ${job.startedAt! - execution.decidedAt} ms to start the container and take the job (measured), ran on ${job.runnerName}, ${job.conclusion}`
      )
    }
    log(
      `  ${runtime.executions.length} executions for ${jobs.length} jobs; ${world.github.admin.github.runners.size} runners left registered; back to zero`
    )
    const extras = explainExtras(runtime.executions, runtime.polls, jobs)
    if (extras) log(`  ${extras}`)
  } finally {
    await runtime.stop()
  }
}
