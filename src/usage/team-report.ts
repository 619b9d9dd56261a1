/**
 * The figures of `report` for one team, from what GitHub and Azure recorded: the jobs on the team's runners (queue
 * wait = started_at − created_at), the job's executions (each one runner; which of them ran a job, which failed or
 * ended without one), and what the executions cost. Pure: the readers live in collect-report.ts.
 */
import { isActiveExecution, type ExecutionSummary } from '../azure/executions.js'
import { costOf, type PriceTable } from '../core/prices.js'

/** One runner pool's row of the report (pool-report.ts makes them). */
export interface PoolReportRow {
  pool: string
  jobs: number
  p50Seconds: number
  p95Seconds: number
  executions: number
  failed: number
  cost: number
  currency: string
}

/** A workflow job as GitHub lists it, the fields the report reads. */
export interface JobRecord {
  id: number
  repo: string
  name: string
  status: string
  conclusion: string | null
  createdAt: string
  startedAt?: string
  completedAt?: string
  runnerName?: string
}

export interface WaitFigures {
  /** Jobs that started, whose wait is known. */
  started: number
  p50Seconds: number
  p95Seconds: number
}

export interface DayFigures extends WaitFigures {
  /** UTC day, YYYY-MM-DD. */
  day: string
  jobs: number
  executions: number
}

export interface TeamReport {
  days: number
  since: string
  until: string
  jobs: WaitFigures & {
    total: number
    /** Jobs that waited longer than `thresholdSeconds` for a runner. */
    overThreshold: number
    thresholdSeconds: number
    conclusions: Record<string, number>
    /**
     * In progress on a runner whose execution has ended: a runner stopped just as GitHub handed it the job. GitHub
     * shows such a job in progress until it gives the runner up as lost and fails it; nothing runs it meanwhile.
     */
    onEndedRunner: number
  }
  executions: {
    total: number
    /** Executions per job that ran on the team's runners (0 without jobs). */
    perJob: number
    withJob: number
    /** Ended (Succeeded or Stopped) without taking a job: an idle runner that timed out, or one KEDA started too many. */
    endedWithoutJob: number
    /** Failed before its runner took a job: no registration, no Key Vault access, a bad image. */
    failedBeforeJob: number
    failed: number
    running: number
    /**
     * Started for the warm pool rather than for a queued job: the execution was already running when the job it
     * took was created, or (with a pool configured) it ended without a job after idling in the pool.
     */
    pooled: number
    /** The rest: started because KEDA saw jobs in the queue. */
    queueDriven: number
    vcpuSeconds: number
    gibSeconds: number
  }
  cost: { amount: number; currency: string; vcpuSecond: number; gibSecond: number; source: string }
  perDay: DayFigures[]
  /** With runner pools: the same figures per pool. */
  pools?: PoolReportRow[]
  github: {
    /** REST requests this report spent. */
    requests: number
    /** The KEDA rule's requests per hour as a share of the App installation's hourly limit. */
    budgetShare: number
    hourlyLimit: number
  }
}

export interface ReportInput {
  days: number
  /** ms since the epoch: the end of the period. */
  now: number
  jobs: JobRecord[]
  executions: ExecutionSummary[]
  /** Each execution's size when its template does not say (the job's current cpu and memory). */
  size: { cpu: number; memoryGi: number }
  prices: PriceTable
  thresholdSeconds: number
  /** Whether the team keeps a warm pool: its idle executions that end without a job are the pool's. */
  warmPool: boolean
  github: TeamReport['github']
}

const DAY_MS = 86_400_000

export function teamReport(input: ReportInput): TeamReport {
  const since = input.now - input.days * DAY_MS
  const jobs = input.jobs.filter(j => Date.parse(j.createdAt) >= since)
  const executions = input.executions.filter(e => e.startTime !== undefined && Date.parse(e.startTime) >= since)
  const waits = jobs.flatMap(waitOf)
  const ranJob = new Set(jobs.map(j => j.runnerName).filter(n => n !== undefined))
  const withJob = executions.filter(e => ranJob.has(e.name))
  const without = executions.filter(e => !ranJob.has(e.name) && !isRunning(e))
  const usage = resourceSeconds(executions, input.size, input.now)
  const createdOf = new Map(jobs.filter(j => j.runnerName).map(j => [j.runnerName!, Date.parse(j.createdAt)]))
  const waiting = withJob.filter(e => Date.parse(e.startTime!) < createdOf.get(e.name)!).length
  const pooled = input.warmPool ? waiting + without.filter(e => !isFailed(e)).length : 0
  const ended = new Set(executions.filter(e => !isRunning(e)).map(e => e.name))
  const onEndedRunner = jobs.filter(j => j.status === 'in_progress' && j.runnerName && ended.has(j.runnerName)).length
  const conclusions: Record<string, number> = {}
  for (const j of jobs) {
    const key = j.conclusion ?? j.status
    conclusions[key] = (conclusions[key] ?? 0) + 1
  }
  return {
    days: input.days,
    since: new Date(since).toISOString(),
    until: new Date(input.now).toISOString(),
    jobs: {
      total: jobs.length,
      ...waitFigures(waits),
      overThreshold: waits.filter(w => w > input.thresholdSeconds).length,
      thresholdSeconds: input.thresholdSeconds,
      conclusions,
      onEndedRunner
    },
    executions: {
      total: executions.length,
      perJob: jobs.length === 0 ? 0 : round(executions.length / jobs.length, 2),
      withJob: withJob.length,
      endedWithoutJob: without.filter(e => !isFailed(e)).length,
      failedBeforeJob: without.filter(isFailed).length,
      failed: executions.filter(isFailed).length,
      running: executions.filter(isRunning).length,
      pooled,
      queueDriven: executions.length - pooled,
      vcpuSeconds: round(usage.vcpuSeconds, 1),
      gibSeconds: round(usage.gibSeconds, 1)
    },
    cost: {
      amount: round(costOf(usage, input.prices), 4),
      currency: input.prices.currency,
      vcpuSecond: input.prices.vcpuSecond,
      gibSecond: input.prices.gibSecond,
      source: input.prices.source
    },
    perDay: perDay(jobs, executions, since, input.now),
    github: input.github
  }
}

/** The nearest-rank quantile (no interpolation): a figure that some job really waited. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

/** vCPU-seconds and GiB-seconds: each execution's size times how long it ran (until now if it still runs). */
export function resourceSeconds(
  executions: ExecutionSummary[],
  size: { cpu: number; memoryGi: number },
  now: number
): { vcpuSeconds: number; gibSeconds: number } {
  let vcpuSeconds = 0
  let gibSeconds = 0
  for (const e of executions) {
    if (!e.startTime) continue
    const end = e.endTime ? Date.parse(e.endTime) : now
    const seconds = Math.max(0, end - Date.parse(e.startTime)) / 1000
    vcpuSeconds += seconds * (e.cpu ?? size.cpu)
    gibSeconds += seconds * (e.memoryGi ?? size.memoryGi)
  }
  return { vcpuSeconds, gibSeconds }
}

function waitOf(job: JobRecord): number[] {
  if (!job.startedAt) return []
  return [Math.max(0, (Date.parse(job.startedAt) - Date.parse(job.createdAt)) / 1000)]
}

function waitFigures(waits: number[]): WaitFigures {
  return {
    started: waits.length,
    p50Seconds: round(quantile(waits, 0.5), 1),
    p95Seconds: round(quantile(waits, 0.95), 1)
  }
}

/** Every UTC day of the period (and any later day a record has, should a clock run ahead), zeros included. */
function perDay(jobs: JobRecord[], executions: ExecutionSummary[], since: number, now: number): DayFigures[] {
  const days: DayFigures[] = []
  const last = Math.max(
    now,
    ...jobs.map(j => Date.parse(j.createdAt)),
    ...executions.map(e => Date.parse(e.startTime!))
  )
  for (let t = Math.floor(since / DAY_MS) * DAY_MS; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10)
    const mine = jobs.filter(j => j.createdAt.slice(0, 10) === day)
    days.push({
      day,
      jobs: mine.length,
      ...waitFigures(mine.flatMap(waitOf)),
      executions: executions.filter(e => e.startTime!.slice(0, 10) === day).length
    })
  }
  return days
}

const isFailed = (e: ExecutionSummary): boolean => e.status.toLowerCase() === 'failed'
const isRunning = (e: ExecutionSummary): boolean => isActiveExecution(e.status)

function round(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
