/**
 * Lifecycle figures for `npm run bench` and the lifecycle part of `npm start`: the example teams applied to the
 * emulator, KEDA's poll and Container Apps executions emulated on a fast clock, the real entrypoint in each execution.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadTeamConfigs } from '../../src/config/load.js'
import { runnerPools } from '../../src/core/pools.js'
import { teamLayout } from '../../src/core/layout.js'
import type { World } from '../../emulator/worlds/world.js'
import { createClock } from '../../emulator/lifecycle/clock.js'
import { JobRuntime, type ExecutionRecord, type PollRecord } from '../../emulator/lifecycle/job-runtime.js'
import { startLifecycle, type Lifecycle } from '../team-lifecycle.js'
import { seedGitHubTeam } from '../../emulator/lifecycle/seed-github.js'
import { executionFailure, runtimeState } from '../../emulator/lifecycle/runtime-state.js'
import { LIMITS } from '../../emulator/github/rate-limit.js'
import { quantile } from '../../src/usage/team-report.js'
import type { WorkflowJob } from '../../emulator/github/index.js'

/** Simulated seconds per real second in the sandbox's burst and the bench's lifecycle. */
export const SPEED = 100
const POLL_SECONDS = 20
const JOBS_PER_TEAM = 8
const ARRIVAL_INTERVALS = 6
/** Container Apps' platform start of a job execution (microsoft/azure-container-apps#1800): not measurable here. */
const ACA_START_SECONDS = 30
/** One GitHub REST round trip: the window of KEDA's queued → in_progress double count. Our assumption. */
const RACE_WINDOW_SECONDS = 0.3

export async function lifecycleFigures(report: (name: string, value: string) => void): Promise<void> {
  const files = readdirSync('examples/teams')
    .filter(f => f.endsWith('.yaml'))
    .map(f => join('examples/teams', f))
  // No runner takes a job while a poll is served (the clock stands still then): the queued → in_progress race comes
  // from the model below at its production rate, not from how slow this machine answers a poll.
  const life = await startLifecycle(files, { speed: SPEED, holdAssignmentDuringPolls: true })
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
    const jobs = await arriveUniformly(life, JOBS_PER_TEAM, ARRIVAL_INTERVALS * POLL_SECONDS * 1000)
    await life.until(() => jobs.every(j => j.status === 'completed'), 'every job to complete', 180_000)
    await life.until(() => life.runtime.running().length === 0, 'executions back to zero', 60_000)
    for (const team of life.teams)
      report(
        `GitHub requests/hour under load, ${team.team}`,
        perHour(polls(loadStart), team.team, team.runners.pollingIntervalSeconds)
      )

    const parts = latencyParts(life, jobs)
    const toPoll = parts.map(p => p.toPollSeconds)
    const start = parts.map(p => p.containerMs)
    report(
      `queued → next KEDA poll (${jobs.length} jobs arriving uniformly over ${ARRIVAL_INTERVALS} intervals, 20 s polling)`,
      `mean ${mean(toPoll).toFixed(1)} s, p50 ${quantile(toPoll, 0.5).toFixed(1)} s, p95 ${quantile(toPoll, 0.95).toFixed(1)} s, max ${Math.max(...toPoll).toFixed(1)} s (expected: mean half an interval, 10 s; never over 20 s); simulated clock, still while a poll is served`
    )
    report(
      'Container Apps starts the execution',
      `not measurable here; ${ACA_START_SECONDS} s assumed: a job execution's platform cold start is about 30 s with the image cached (microsoft/azure-container-apps#1800), 40–60 s when a large image is pulled`
    )
    report(
      'entrypoint and runner taking the job',
      `p50 ${quantile(start, 0.5).toFixed(0)} ms, p95 ${quantile(start, 0.95).toFixed(0)} ms measured on this machine from process spawn to the job taken, no latency added (the entrypoint's calls are counted above; each adds a round trip to Azure or GitHub; the real runner's own connect is not modelled)`
    )
    report(
      'queued → runner took the job, sum of the parts',
      `p50 ≈ ${(quantile(toPoll, 0.5) + ACA_START_SECONDS + quantile(start, 0.5) / 1000).toFixed(0)} s, p95 ≈ ${(quantile(toPoll, 0.95) + ACA_START_SECONDS + quantile(start, 0.95) / 1000).toFixed(0)} s (poll wait + ${ACA_START_SECONDS} s platform start + entrypoint and runner as measured here)`
    )
    const runners = life.world.github.admin.github.runners.size
    const extras = explainExtras(life.runtime.executions, life.runtime.polls.slice(loadStart), jobs)
    report(
      'executions started per job, race kept out',
      `${(life.runtime.executions.length / jobs.length).toFixed(2)} (${life.runtime.executions.length} for ${jobs.length} jobs; ${runners} runners left registered${extras ? `; ${extras}` : ''})`
    )
    const race = RACE_WINDOW_SECONDS / POLL_SECONDS
    report(
      'executions per job with the queued → in_progress race at its production rate',
      `≈ ${(1 + race).toFixed(3)}: KEDA 2.18.1 lists a repository's queued runs, then its in_progress runs; a run a runner takes between the two answers is counted twice and one execution too many starts (it idles out). The window is one GitHub round trip, assumed ${RACE_WINDOW_SECONDS} s (not measured here), so ${(race * 100).toFixed(1)} % of jobs at 20 s polling`
    )
  } finally {
    await life.close()
  }
}

/** Jobs for every team at uniformly random simulated times (a fixed seed, so runs compare), queued as time comes. */
async function arriveUniformly(life: Lifecycle, perTeam: number, spanMs: number): Promise<WorkflowJob[]> {
  const random = seeded(13)
  const arrivals = life.teams
    .flatMap(team =>
      Array.from({ length: perTeam }, (_, i) => ({
        team,
        repo: team.github.repos[i % team.github.repos.length]!,
        at: random() * spanMs
      }))
    )
    .sort((a, b) => a.at - b.at)
  const begin = life.clock.now()
  const jobs: WorkflowJob[] = []
  for (const a of arrivals) {
    while (life.clock.now() < begin + a.at) await new Promise(r => setTimeout(r, 1))
    jobs.push(...life.queue(a.team, a.repo, { runSeconds: 60 }))
  }
  return jobs
}

/** Per job: simulated seconds from created_at to the next poll of its team's job, and real ms from spawn to job taken. */
function latencyParts(life: Lifecycle, jobs: WorkflowJob[]): { toPollSeconds: number; containerMs: number }[] {
  const epochOfSim = life.clock.epochMs() - life.clock.now()
  return jobs.map(job => {
    const team = life.teams.find(t => t.github.repos.includes(job.repo))!
    const jobId = teamLayout(team)
      .jobs.find(j => j.repo === undefined || j.repo === job.repo)!
      .id.toLowerCase()
    const created = job.times.created - epochOfSim
    const poll = life.runtime.polls.find(p => p.jobId.toLowerCase() === jobId && p.simAt >= created)!
    const execution = life.runtime.executions.find(e => e.name === job.runnerName)!
    return { toPollSeconds: (poll.simAt - created) / 1000, containerMs: job.startedAt! - execution.startedAt }
  })
}

function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
}

/** Requests that count against the installation's limit (304s are free), scaled to an hour of polls. */
function perHour(polls: PollRecord[], team: string, intervalSeconds: number): string {
  const mine = polls.filter(p => p.jobId.includes(team))
  const jobs = new Set(mine.map(p => p.jobId)).size
  const counted =
    mine.reduce((n, p) => n + p.requests - p.notModified, 0) / Math.max(1, mine.length / Math.max(1, jobs))
  const all = mine.reduce((n, p) => n + p.requests, 0) / Math.max(1, mine.length / Math.max(1, jobs))
  const hourly = (counted * 3600) / intervalSeconds
  return `${Math.round(hourly)} counted (${Math.round((all * 3600) / intervalSeconds)} sent: the scale rule keeps ETags off, so every poll counts) of ${LIMITS.core}/h for the App installation, shared by every team on it`
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
      const pool = teamLayout(team!).jobs.find(j => j.id === e.jobId)?.pool
      log(`  ${at()}  execution ${e.name}${pool ? ` (pool ${pool})` : ''}: ${e.status}`)
      if (e.status === 'Failed') log(`  ${executionFailure(e)}`)
    }
  })
  runtime.start()
  const life: Pick<Lifecycle, 'until'> = {
    async until(check, what, timeoutMs = 60_000) {
      const start = Date.now()
      while (!check()) {
        if (Date.now() - start > timeoutMs)
          throw new Error(`timed out waiting for ${what}; ${runtimeState(runtime, world.github.admin.workflows)}`)
        await new Promise(r => setTimeout(r, 10))
      }
    }
  }
  try {
    const count = Math.min(team!.runners.max + 2, 8)
    // With pools, the burst alternates between the first two, so each pool's job scales on its own labels.
    const pools = runnerPools(team!).slice(0, 2)
    const runsOn = pools.map(p => `[${p.labels.join(', ')}]`).join(' and ')
    log(
      `  a burst of ${count} workflow jobs (runs-on: ${runsOn}) across ${team!.github.repos.join(', ')}; max ${pools.map(p => p.max).join(' and ')} executions; clock ×${SPEED}`
    )
    const jobs = Array.from({ length: count }, (_, i) =>
      world.github.admin.workflows.queueJob({
        owner: team!.github.owner,
        repo: team!.github.repos[i % team!.github.repos.length]!,
        labels: pools[i % pools.length]!.labels,
        runMs: (30 + 10 * i) * 1000,
        name: `build-${i + 1}`
      })
    ).flat()
    await life.until(() => jobs.every(j => j.status === 'completed'), 'every job to complete')
    await life.until(() => runtime.running().length === 0, 'executions back to zero')
    await life.until(() => last.startsWith('queue 0, running 0'), 'an idle poll')
    // KEDA's wait (queued → the poll that started the execution) is simulated time. The container's start (spawn,
    // entrypoint, runner taking the job) is real work on this machine, during which the clock stands still, so it
    // is reported as measured.
    const epochOfSim = clock.epochMs() - clock.now()
    for (const job of jobs) {
      const execution = runtime.executions.find(e => e.name === job.runnerName)!
      const scaler = (execution.decidedSimAt - (job.times.created - epochOfSim)) / 1000
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
