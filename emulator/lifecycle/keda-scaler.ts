/**
 * KEDA 2.18.1's `github-runner` scaler, re-done over HTTP against the GitHub double (kedacore/keda
 * pkg/scalers/github_runner_scaler.go): the same URLs, the same two calls per repository (queued and
 * in_progress runs, one page of 100) plus one jobs call per active run, the same label rule (every job label must
 * be a runner label; `self-hosted,linux,x64` added unless noDefaultLabels; no labels matches anything), queued and
 * in-progress jobs counted, ETags with If-None-Match and the previous body reused on 304 (cached per repository,
 * as KEDA does), and App auth: a JWT from the appKey, then an installation token kept until shortly before expiry.
 */
import { signAppJwt } from '../github/app-jwt.js'
import type { JsonHttp, JsonResponse } from './https-json.js'

const RESERVED_LABELS = ['self-hosted', 'linux', 'x64']
const PER_PAGE = 100

export interface ScalerMetadata {
  githubApiURL: string
  owner: string
  runnerScope: 'org' | 'ent' | 'repo'
  repos?: string[]
  labels: string[]
  noDefaultLabels: boolean
  enableEtags: boolean
  targetWorkflowQueueLength: number
  applicationID?: string
  installationID?: string
}

/** Parses the rule's metadata as KEDA does: exact (case-sensitive) keys, comma lists, booleans default false. */
export function parseScalerMetadata(metadata: Record<string, string>): ScalerMetadata {
  const list = (value: string | undefined): string[] | undefined =>
    value === undefined || value.trim() === ''
      ? undefined
      : value
          .split(',')
          .map(s => s.trim())
          .filter(s => s !== '')
  const scope = metadata.runnerScope
  if (!metadata.owner) throw new Error('no owner given')
  if (scope !== 'org' && scope !== 'ent' && scope !== 'repo')
    throw new Error(`runnerScope ${scope ?? ''} not supported`)
  return {
    githubApiURL: (metadata.githubApiURL || 'https://api.github.com').replace(/\/+$/, ''),
    owner: metadata.owner,
    runnerScope: scope,
    repos: list(metadata.repos),
    labels: list(metadata.labels) ?? [],
    noDefaultLabels: metadata.noDefaultLabels === 'true',
    enableEtags: metadata.enableEtags === 'true',
    targetWorkflowQueueLength: Number(metadata.targetWorkflowQueueLength ?? 1) || 1,
    applicationID: metadata.applicationID,
    installationID: metadata.installationID
  }
}

export function canRunnerMatchLabels(jobLabels: string[], runnerLabels: string[], noDefaultLabels: boolean): boolean {
  const all = (noDefaultLabels ? runnerLabels : [...runnerLabels, ...RESERVED_LABELS]).map(l => l.toLowerCase())
  return jobLabels.every(label => all.includes(label.toLowerCase()))
}

export interface ScalerAuth {
  appKey?: string
  personalAccessToken?: string
}

export interface PollResult {
  queueLength: number
  isActive: boolean
  /** Queue calls made (runs, jobs, repos), and how many of them were answered 304. Token minting is not counted. */
  requests: number
  notModified: number
  /**
   * Jobs counted a second time because their run was in both lists: it moved from queued to in_progress between
   * the two calls for its repository. KEDA 2.18.1 does not de-duplicate runs; this only names what happened.
   */
  countedTwice: number
}

interface Run {
  id: number
  status: string
  repository: { name: string }
}
interface Job {
  status: string
  labels: string[]
}

export class GitHubRunnerScaler {
  private readonly etags = new Map<string, string>()
  private readonly previousRuns = new Map<string, unknown>()
  private readonly previousJobs = new Map<string, Job[]>()
  private previousRepos: string[] | undefined
  private token: { value: string; expiresAtMs: number } | undefined
  private requests = 0
  private notModified = 0
  private countedTwice = 0

  constructor(
    readonly metadata: ScalerMetadata,
    private readonly auth: ScalerAuth,
    private readonly http: JsonHttp,
    private readonly now: () => number = Date.now,
    /**
     * Tests and the benchmark: holds GitHub's assignment of jobs to runners while a repository's two listings are
     * made, so no run moves from queued to in_progress between them (the race that makes KEDA count it twice).
     */
    private readonly holdAssignment?: () => () => void
  ) {
    if (!auth.appKey && !auth.personalAccessToken) throw new Error('no personalAccessToken or appKey given')
    if (auth.appKey && (!metadata.applicationID || !metadata.installationID))
      throw new Error('applicationID, installationID and application key must be given')
  }

  async poll(): Promise<PollResult> {
    this.requests = 0
    this.notModified = 0
    this.countedTwice = 0
    const queueLength = await this.getWorkflowQueueLength()
    return {
      queueLength,
      isActive: queueLength >= this.metadata.targetWorkflowQueueLength,
      requests: this.requests,
      notModified: this.notModified,
      countedTwice: this.countedTwice
    }
  }

  async getWorkflowQueueLength(): Promise<number> {
    const runs: Run[] = []
    for (const repo of await this.getRepositories()) {
      const release = this.holdAssignment?.()
      try {
        for (const status of ['queued', 'in_progress']) runs.push(...((await this.getWorkflowRuns(repo, status)) ?? []))
      } finally {
        release?.()
      }
    }
    let count = 0
    const seen = new Set<number>()
    for (const run of runs.filter(r => r.status === 'queued' || r.status === 'in_progress')) {
      const again = seen.has(run.id)
      seen.add(run.id)
      for (const job of await this.getWorkflowRunJobs(run.id, run.repository.name)) {
        if (
          (job.status === 'queued' || job.status === 'in_progress') &&
          canRunnerMatchLabels(job.labels ?? [], this.metadata.labels, this.metadata.noDefaultLabels)
        ) {
          count++
          if (again) this.countedTwice++
        }
      }
    }
    return count
  }

  private async getRepositories(): Promise<string[]> {
    if (this.metadata.repos) return this.metadata.repos
    const found: string[] = []
    for (let page = 1; ; page++) {
      const kind = this.metadata.runnerScope === 'repo' ? 'users' : 'orgs'
      const response = await this.get(`${this.metadata.githubApiURL}/${kind}/${this.metadata.owner}/repos?page=${page}`)
      if (response.status === 304 && this.metadata.enableEtags) {
        if (this.previousRepos) return this.previousRepos
        throw new Error(
          'request for repositories returned status: 304 Not Modified but previous repositories is not set'
        )
      }
      const repos = response.body as { name: string }[]
      found.push(...repos.map(r => r.name))
      if (repos.length < 30) break
    }
    if (this.metadata.enableEtags) this.previousRepos = found
    return found
  }

  private async getWorkflowRuns(repo: string, status: string): Promise<Run[] | undefined> {
    let response: JsonResponse
    try {
      response = await this.get(
        `${this.metadata.githubApiURL}/repos/${this.metadata.owner}/${repo}/actions/runs?status=${status}&per_page=${PER_PAGE}`
      )
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined
      throw error
    }
    const key = `${repo} ${status}`
    if (response.status === 304 && this.metadata.enableEtags) {
      const previous = this.previousRuns.get(key) as Run[] | undefined
      if (previous) return previous
      throw new Error(
        `request for workflow runs returned status: 304 Not Modified but previous workflow runs is not set. Repo: ${repo}, Status: ${status}`
      )
    }
    const runs = (response.body as { workflow_runs: Run[] }).workflow_runs
    if (this.metadata.enableEtags) this.previousRuns.set(key, runs)
    return runs
  }

  /** KEDA keeps the previous jobs per repository, not per run: a 304 returns the last jobs read for that repository. */
  private async getWorkflowRunJobs(runId: number, repo: string): Promise<Job[]> {
    const response = await this.get(
      `${this.metadata.githubApiURL}/repos/${this.metadata.owner}/${repo}/actions/runs/${runId}/jobs?per_page=${PER_PAGE}`
    )
    if (response.status === 304 && this.metadata.enableEtags) {
      const previous = this.previousJobs.get(repo)
      if (previous) return previous
      throw new Error('request for jobs returned status: 304 Not Modified but previous jobs is not set')
    }
    const jobs = (response.body as { jobs: Job[] }).jobs
    if (this.metadata.enableEtags) this.previousJobs.set(repo, jobs)
    return jobs
  }

  private async get(url: string): Promise<JsonResponse> {
    const headers: Record<string, string> = {
      accept: 'application/vnd.github.v3+json',
      'x-github-api-version': '2022-11-28'
    }
    headers.authorization = `Bearer ${await this.credential()}`
    const etag = this.metadata.enableEtags ? this.etags.get(url) : undefined
    if (etag) headers['if-none-match'] = etag
    this.requests++
    const response = await this.http('GET', url, { headers })
    if (response.status === 304 && this.metadata.enableEtags) {
      this.notModified++
      return response
    }
    if (response.status !== 200) {
      const remaining = response.headers['x-ratelimit-remaining']
      const reset = Number(response.headers['x-ratelimit-reset'])
      const message =
        remaining === '0' && reset > 0
          ? `GitHub API rate limit exceeded, reset time ${new Date(reset * 1000).toISOString()}`
          : `the GitHub REST API returned error. url: ${url} status: ${response.status} response: ${JSON.stringify(response.body)}`
      throw Object.assign(new Error(message), { status: response.status })
    }
    if (this.metadata.enableEtags && response.headers.etag) this.etags.set(url, response.headers.etag)
    return response
  }

  /** The installation token (ghinstallation refreshes it a minute before it expires), or the PAT. */
  private async credential(): Promise<string> {
    if (this.auth.personalAccessToken && !this.metadata.applicationID) return this.auth.personalAccessToken
    if (this.token && this.token.expiresAtMs - 60_000 > this.now()) return this.token.value
    const jwt = signAppJwt(this.metadata.applicationID!, this.auth.appKey!, Math.floor(this.now() / 1000))
    const response = await this.http(
      'POST',
      `${this.metadata.githubApiURL}/app/installations/${this.metadata.installationID}/access_tokens`,
      {
        headers: { authorization: `Bearer ${jwt}`, accept: 'application/vnd.github.v3+json' }
      }
    )
    const body = response.body as { token?: string; expires_at?: string }
    if (response.status !== 201 || !body.token)
      throw new Error(
        `could not refresh installation id ${this.metadata.installationID}'s token: HTTP ${response.status}`
      )
    this.token = { value: body.token, expiresAtMs: Date.parse(body.expires_at ?? '') || this.now() + 3600_000 }
    return this.token.value
  }
}
