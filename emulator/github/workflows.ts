/**
 * Workflow runs and their jobs, per repository, and how GitHub hands a queued job to a runner: a registered JIT
 * runner whose labels include every label of the job (and whose runner group admits the repository) takes the
 * oldest such job, runs it, reports it done and is deregistered (ephemeral). A JIT runner that never took a job
 * is removed when its process goes away. The stand-in runner talks to GitHub through the small "broker" API
 * below (the real one is the Actions service, reached with the JIT config's credentials).
 * Each job keeps its created/started/completed times on the wall clock (`wallClock`; the lifecycle sets it to its
 * simulated clock), which the REST answers carry, and runs can be listed by `created` as GitHub's `created=>=DATE`.
 */
import type { EmuRequest, EmuResponse } from '../http.js'
import type { GitHubState, Repo, Runner } from './state.js'

export type JobStatus = 'queued' | 'in_progress' | 'completed'
export type Conclusion = 'success' | 'failure' | 'cancelled'

export interface WorkflowJob {
  id: number
  runId: number
  owner: string
  repo: string
  name: string
  labels: string[]
  status: JobStatus
  conclusion: Conclusion | null
  /**
   * How long its steps run, in ms of the wall clock (`wallClock`: in the lifecycle, its simulated clock). GitHub's
   * side decides when they are done (the stand-in runner asks, see stepsDone), so a job lasts simulated time
   * however slowly this machine runs the processes around it.
   */
  runMs: number
  /** How its steps end when run to the end. */
  result: 'success' | 'failure'
  queuedAt: number
  startedAt?: number
  completedAt?: number
  runnerId?: number
  runnerName?: string
  /** The labels of the runner that took it (GitHub shows them on the job's page). */
  runnerLabels?: string[]
  /** created_at, started_at and completed_at as GitHub reports them (ms on the wall clock). */
  times: { created: number; started?: number; completed?: number }
  /** Every state it went through, with the runner involved: what a lost job's story is read from. */
  history: JobEvent[]
}

export interface JobEvent {
  status: JobStatus
  conclusion?: Conclusion
  runnerName?: string
  /** Real ms (Date.now). */
  at: number
  /** Why, when not the runner's own report. */
  note?: string
}

export interface WorkflowRun {
  id: number
  owner: string
  repo: string
  name: string
  jobIds: number[]
  createdAt: number
  /** created_at on the wall clock. */
  createdWall: number
}

/** Broker routes, outside the REST base paths. The JIT config carries `${origin}${BROKER_PATH}` as its server URL. */
export const BROKER_PATH = '/_broker/github'

const lower = (s: string): string => s.toLowerCase()

export class Workflows {
  readonly runs = new Map<number, WorkflowRun>()
  readonly jobs = new Map<number, WorkflowJob>()
  /** Runners whose process said hello, by id. */
  private readonly connected = new Set<number>()
  /** Open holds on handing out new jobs (see holdAssignment). */
  private holds = 0
  /** The clock GitHub's timestamps come from; the lifecycle sets its simulated wall clock. */
  wallClock: () => number
  /**
   * Tests only: GitHub refuses every runner's session, as it does a runner version about 30 days behind the latest
   * release ("deprecated": the listener exits 7 with ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE=1), or a
   * JIT config whose registration it no longer knows ("unknown").
   */
  refuseSessions?: 'deprecated' | 'unknown'

  constructor(private readonly state: GitHubState) {
    this.wallClock = state.now
  }

  /** One workflow run with `count` jobs (a matrix) that all `runs-on` these labels. */
  queueJob(options: {
    owner: string
    repo: string
    labels: string[]
    name?: string
    runMs?: number
    result?: 'success' | 'failure'
    count?: number
  }): WorkflowJob[] {
    const repo = this.state.repo(options.owner, options.repo) ?? this.state.addRepo(options.owner, options.repo)
    const now = this.state.now()
    const run: WorkflowRun = {
      id: this.state.newId(),
      owner: repo.owner,
      repo: repo.name,
      name: options.name ?? 'ci',
      jobIds: [],
      createdAt: now,
      createdWall: this.wallClock()
    }
    const made: WorkflowJob[] = []
    for (let i = 0; i < (options.count ?? 1); i++) {
      const job: WorkflowJob = {
        id: this.state.newId(),
        runId: run.id,
        owner: repo.owner,
        repo: repo.name,
        name: (options.count ?? 1) > 1 ? `${run.name} (${i + 1})` : run.name,
        labels: [...options.labels],
        status: 'queued',
        conclusion: null,
        runMs: options.runMs ?? 0,
        result: options.result ?? 'success',
        queuedAt: now,
        times: { created: run.createdWall },
        history: [{ status: 'queued', at: Date.now() }]
      }
      this.jobs.set(job.id, job)
      run.jobIds.push(job.id)
      made.push(job)
    }
    this.runs.set(run.id, run)
    return made
  }

  /** Cancels a job; a running one is marked cancelled, its runner finishes as usual. */
  cancelJob(jobId: number): void {
    const job = this.jobs.get(jobId)
    if (!job || job.status === 'completed') return
    job.status = 'completed'
    job.conclusion = 'cancelled'
    job.completedAt = this.state.now()
    job.times.completed = this.wallClock()
    job.history.push({ status: 'completed', conclusion: 'cancelled', at: Date.now(), note: 'cancelled' })
  }

  runStatus(run: WorkflowRun): JobStatus {
    const statuses = run.jobIds.map(id => this.jobs.get(id)!.status)
    if (statuses.every(s => s === 'completed')) return 'completed'
    if (statuses.every(s => s === 'queued')) return 'queued'
    return 'in_progress'
  }

  runsOf(owner: string, repo: string, status?: string, created?: (wallMs: number) => boolean): WorkflowRun[] {
    return [...this.runs.values()]
      .filter(
        r =>
          lower(r.owner) === lower(owner) &&
          lower(r.repo) === lower(repo) &&
          (!status || this.runStatus(r) === status) &&
          (!created || created(r.createdWall))
      )
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
  }

  /** GitHub's rule: every job label is one of the runner's labels, and the runner's group admits the repository. */
  canTake(runner: Runner, job: WorkflowJob): boolean {
    const runnerLabels = new Set(runner.labels.map(lower))
    if (!job.labels.every(l => runnerLabels.has(lower(l)))) return false
    if ('repo' in runner.scope)
      return lower(runner.scope.owner) === lower(job.owner) && lower(runner.scope.repo) === lower(job.repo)
    if (lower(runner.scope.org) !== lower(job.owner)) return false
    const group = this.state.groupsOf(runner.scope.org).find(g => g.id === runner.runnerGroupId)
    const repo = this.state.repo(job.owner, job.repo)
    if (!group || !repo) return false
    if (!repo.private && !group.allowsPublicRepositories) return false
    return group.visibility !== 'selected' || group.selectedRepositoryIds.includes(repo.id)
  }

  /**
   * Tests only: until the returned release is called, no runner is handed a new job (it asks again later). Lets a
   * test keep a job from moving queued → in_progress in the middle of a scaler poll, a real race (KEDA then counts
   * the run twice) that the benchmark keeps but a test asserting exact execution counts must not depend on.
   */
  holdAssignment(): () => void {
    this.holds++
    let released = false
    return () => {
      if (!released) this.holds--
      released = true
    }
  }

  /** The runner's process connected with its JIT config. */
  connect(runnerId: number): Runner | undefined {
    const runner = this.state.runners.get(runnerId)
    if (!runner) return undefined
    runner.status = 'online'
    this.connected.add(runnerId)
    return runner
  }

  /** The job this runner works on: the one it has, or the oldest queued one it may take. */
  acquire(runnerId: number): WorkflowJob | undefined {
    const runner = this.state.runners.get(runnerId)
    if (!runner || !this.connected.has(runnerId)) return undefined
    const mine = [...this.jobs.values()].find(j => j.runnerId === runnerId)
    if (mine) return mine
    if (this.holds > 0) return undefined
    const job = [...this.jobs.values()]
      .filter(j => j.status === 'queued' && this.canTake(runner, j))
      .sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id)[0]
    if (!job) return undefined
    job.status = 'in_progress'
    job.startedAt = this.state.now()
    job.times.started = this.wallClock()
    job.runnerId = runner.id
    job.runnerName = runner.name
    job.runnerLabels = [...runner.labels]
    job.history.push({ status: 'in_progress', runnerName: runner.name, at: Date.now() })
    runner.busy = true
    return job
  }

  /**
   * Whether the steps of the runner's job are done: it ran for its `runMs` on the wall clock, or was cancelled.
   * Undefined when the runner holds no job.
   */
  stepsDone(runnerId: number): { done: boolean; cancelled: boolean } | undefined {
    const job = [...this.jobs.values()].find(j => j.runnerId === runnerId)
    if (!job) return undefined
    const cancelled = job.conclusion === 'cancelled'
    return { done: cancelled || this.wallClock() >= (job.times.started ?? Infinity) + job.runMs, cancelled }
  }

  /** The job is done: an ephemeral runner is deregistered by GitHub right after. */
  complete(runnerId: number, conclusion: Conclusion): WorkflowJob | undefined {
    const job = [...this.jobs.values()].find(j => j.runnerId === runnerId)
    if (job && job.status !== 'completed') {
      job.status = 'completed'
      job.conclusion = conclusion
      job.completedAt = this.state.now()
      job.times.completed = this.wallClock()
      job.history.push({ status: 'completed', conclusion, runnerName: job.runnerName, at: Date.now() })
    }
    this.state.runners.delete(runnerId)
    this.connected.delete(runnerId)
    return job
  }

  /**
   * The runner's process ended its session: GitHub removes the runner (a JIT runner is ephemeral).
   * A runner that ends while GitHub has assigned it a job it has not completed (a runner stopped just as the job
   * was handed to it) does not leave the job in progress for ever: GitHub fails it, as it does a job whose runner
   * "lost communication with the server" (docs.github.com, "Monitoring and troubleshooting self-hosted runners").
   * GitHub shows the job in progress on the gone runner until then; here the failure is immediate.
   */
  disconnect(runnerId: number): void {
    this.connected.delete(runnerId)
    const runner = this.state.runners.get(runnerId)
    if (!runner) return
    const job = [...this.jobs.values()].find(j => j.runnerId === runnerId)
    if (job && job.status !== 'completed') {
      job.status = 'completed'
      job.conclusion = 'failure'
      job.completedAt = this.state.now()
      job.times.completed = this.wallClock()
      job.history.push({
        status: 'completed',
        conclusion: 'failure',
        runnerName: job.runnerName,
        at: Date.now(),
        note: 'its runner ended its session without running it (lost communication)'
      })
    }
    this.state.runners.delete(runnerId)
  }

  /**
   * The runner's container is gone (its processes killed, or ended without a word to GitHub): GitHub no longer hears
   * from a runner that had connected and, as for a session ended, fails a job it held (lost communication) and
   * removes the runner.
   */
  runnerGone(runnerName: string): void {
    const runner = [...this.state.runners.values()].find(r => r.name === runnerName)
    // A registration whose runner never connected stays (GitHub cannot tell it from one still starting).
    if (runner && this.connected.has(runner.id)) this.disconnect(runner.id)
  }

  /**
   * Broker HTTP for the stand-in runner: POST sessions {jitconfig}, POST runners/{id}/acquire|complete,
   * GET runners/{id}/steps (whether its job's steps are done), DELETE runners/{id}/session.
   */
  handleBroker(req: EmuRequest): EmuResponse | undefined {
    if (!req.url.pathname.startsWith(BROKER_PATH + '/')) return undefined
    const path = req.url.pathname.slice(BROKER_PATH.length)
    if (path === '/sessions' && req.method === 'POST') {
      if (this.refuseSessions === 'deprecated')
        return { status: 403, body: { message: 'Runner version v2.300.0 is deprecated and cannot receive messages.' } }
      const jit = decodeJit((req.body as { jitconfig?: string } | undefined)?.jitconfig)
      const runner = jit ? this.state.runners.get(jit.runnerId) : undefined
      if (!jit || !runner || runner.name !== jit.name || this.refuseSessions === 'unknown')
        return { status: 401, body: { message: 'The runner registration was not found or has been deleted.' } }
      this.connect(runner.id)
      return { status: 200, body: { runnerId: runner.id, name: runner.name } }
    }
    const match = /^\/runners\/(\d+)\/(acquire|complete|session|steps)$/.exec(path)
    if (!match) return { status: 404, body: { message: 'unknown broker call' } }
    const runnerId = Number(match[1])
    if (match[2] === 'acquire' && req.method === 'POST') {
      if (!this.state.runners.has(runnerId)) return { status: 404, body: { message: 'runner deleted' } }
      const job = this.acquire(runnerId)
      return job
        ? {
            status: 200,
            body: { id: job.id, name: job.name, runMs: job.runMs, result: job.result, status: job.status }
          }
        : { status: 204 }
    }
    if (match[2] === 'steps' && req.method === 'GET') {
      const steps = this.stepsDone(runnerId)
      return steps ? { status: 200, body: steps } : { status: 404, body: { message: 'no job' } }
    }
    if (match[2] === 'complete' && req.method === 'POST') {
      const conclusion = (req.body as { conclusion?: Conclusion } | undefined)?.conclusion ?? 'success'
      const job = this.complete(runnerId, conclusion)
      return job
        ? { status: 200, body: { id: job.id, conclusion: job.conclusion } }
        : { status: 404, body: { message: 'no job' } }
    }
    if (match[2] === 'session' && req.method === 'DELETE') {
      this.disconnect(runnerId)
      return { status: 204 }
    }
    return { status: 405, body: { message: 'method not allowed' } }
  }
}

function decodeJit(text: string | undefined): { runnerId: number; name: string } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(text ?? '', 'base64').toString('utf8')) as {
      runnerId?: unknown
      name?: unknown
    }
    return typeof parsed.runnerId === 'number' && typeof parsed.name === 'string'
      ? { runnerId: parsed.runnerId, name: parsed.name }
      : undefined
  } catch {
    return undefined
  }
}

export interface WorkflowRoute {
  method: string
  pattern: string
  /** Whose access the token needs: the repository, or the org (or user) `owner`. */
  scope: 'repo' | 'owner'
  permission: string
  handle(req: EmuRequest, params: Record<string, string>): EmuResponse
}

/** The REST endpoints KEDA's github-runner scaler calls, shaped like GitHub's (only the fields that matter). */
export function workflowRoutes(workflows: Workflows, state: GitHubState): WorkflowRoute[] {
  const perPage = (req: EmuRequest, fallback: number): { size: number; page: number } => ({
    size: Math.min(Number(req.url.searchParams.get('per_page') ?? fallback) || fallback, 100),
    page: Math.max(Number(req.url.searchParams.get('page') ?? 1) || 1, 1)
  })
  const slice = <T>(items: T[], p: { size: number; page: number }): T[] =>
    items.slice((p.page - 1) * p.size, p.page * p.size)
  const reposOf = (req: EmuRequest, owner: string): EmuResponse => {
    const repos = [...state.repos.values()].filter(r => lower(r.owner) === lower(owner)).sort((a, b) => a.id - b.id)
    return { status: 200, body: slice(repos, perPage(req, 30)).map(repoJson) }
  }
  return [
    {
      method: 'GET',
      pattern: '/repos/{owner}/{repo}/actions/runs',
      scope: 'repo',
      permission: 'actions',
      handle(req, p) {
        const created = createdFilter(req.url.searchParams.get('created'))
        if (created === 'invalid') return { status: 422, body: { message: 'Invalid created date filter' } }
        const runs = workflows.runsOf(p.owner!, p.repo!, req.url.searchParams.get('status') ?? undefined, created)
        const repo = state.repo(p.owner!, p.repo!)!
        return {
          status: 200,
          body: {
            total_count: runs.length,
            workflow_runs: slice(runs, perPage(req, 30)).map(r => runJson(workflows, r, repo))
          }
        }
      }
    },
    {
      method: 'GET',
      pattern: '/repos/{owner}/{repo}/actions/runs/{id}/jobs',
      scope: 'repo',
      permission: 'actions',
      handle(req, p) {
        const run = workflows.runs.get(Number(p.id))
        if (!run || lower(run.repo) !== lower(p.repo!) || lower(run.owner) !== lower(p.owner!))
          return { status: 404, body: { message: 'Not Found' } }
        const jobs = run.jobIds.map(id => workflows.jobs.get(id)!)
        return { status: 200, body: { total_count: jobs.length, jobs: slice(jobs, perPage(req, 30)).map(jobJson) } }
      }
    },
    {
      method: 'GET',
      pattern: '/orgs/{owner}/repos',
      scope: 'owner',
      permission: 'metadata',
      handle: (req, p) => reposOf(req, p.owner!)
    },
    {
      method: 'GET',
      pattern: '/users/{owner}/repos',
      scope: 'owner',
      permission: 'metadata',
      handle: (req, p) => reposOf(req, p.owner!)
    }
  ]
}

/**
 * GitHub's `created` filter on workflow runs uses the search date syntax: `>=2026-11-01`, `>`, `<=`, `<`, a bare date,
 * or a range `2026-11-01..2026-11-07` (docs.github.com "Understanding the search syntax", "Query for dates").
 */
export function createdFilter(text: string | null): ((wallMs: number) => boolean) | 'invalid' | undefined {
  if (text === null || text === '') return undefined
  const date = (s: string, end: boolean): number => {
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T${end ? '23:59:59.999' : '00:00:00'}Z` : s)
    return ms
  }
  const range = /^(.+)\.\.(.+)$/.exec(text)
  if (range) {
    const [from, to] = [date(range[1]!, false), date(range[2]!, true)]
    return Number.isNaN(from) || Number.isNaN(to) ? 'invalid' : t => t >= from && t <= to
  }
  const match = /^(>=|<=|>|<)?(.+)$/.exec(text)!
  const op = match[1] ?? ''
  const at = date(match[2]!, op === '>' || op === '<=')
  const dayStart = date(match[2]!, false)
  if (Number.isNaN(at)) return 'invalid'
  if (op === '>=') return t => t >= at
  if (op === '>') return t => t > at
  if (op === '<=') return t => t <= at
  if (op === '<') return t => t < at
  return t => t >= dayStart && t <= date(match[2]!, true)
}

const iso = (ms: number | undefined): string | null =>
  ms === undefined ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

function repoJson(repo: Repo): object {
  return {
    id: repo.id,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private,
    owner: { login: repo.owner }
  }
}

function runJson(workflows: Workflows, run: WorkflowRun, repo: Repo): object {
  const status = workflows.runStatus(run)
  return {
    id: run.id,
    name: run.name,
    status,
    conclusion: null,
    created_at: iso(run.createdWall),
    repository: repoJson(repo)
  }
}

function jobJson(job: WorkflowJob): object {
  return {
    id: job.id,
    run_id: job.runId,
    name: job.name,
    status: job.status,
    conclusion: job.conclusion,
    labels: job.labels,
    created_at: iso(job.times.created),
    started_at: iso(job.times.started),
    completed_at: iso(job.times.completed),
    runner_id: job.runnerId ?? null,
    runner_name: job.runnerName ?? null
  }
}
