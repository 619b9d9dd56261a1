/**
 * The team's workflow jobs over a period, read from GitHub at a bounded cost: per repository one date-filtered
 * listing of runs (`created=>=DATE`, 100 per page), then one listing of jobs per run. Only jobs whose every label is
 * one of the team's labels are kept: those are the jobs KEDA counts for the team's runners (noDefaultLabels).
 * Each call goes through `listAll`, the one place that pages.
 */
import { runnerPools } from '../core/pools.js'
import type { TeamConfig } from '../config/types.js'
import { enc, type GitHubApi } from '../github/api.js'
import type { JobRecord } from './team-report.js'

/** GitHub returns at most 1,000 runs for a filtered listing (10 pages of 100). */
const MAX_RUN_PAGES = 10

interface RunJson {
  id: number
}
interface JobJson {
  id: number
  name: string
  status: string
  conclusion: string | null
  labels?: string[]
  created_at: string
  started_at: string | null
  completed_at: string | null
  runner_name: string | null
}

export async function teamJobs(api: GitHubApi, config: TeamConfig, sinceMs: number): Promise<JobRecord[]> {
  const { owner, repos } = config.github
  const since = new Date(sinceMs).toISOString().slice(0, 10)
  const perRepo = await Promise.all(
    repos.map(async repo => {
      const base = `/repos/${enc(owner)}/${enc(repo)}/actions/runs`
      const runs = await listAll<RunJson>(api, `${base}?created=${enc(`>=${since}`)}`, 'workflow_runs', MAX_RUN_PAGES)
      const jobs = await Promise.all(runs.map(run => listAll<JobJson>(api, `${base}/${run.id}/jobs`, 'jobs')))
      return jobs.flat().map(job => record(repo, job))
    })
  )
  // A job is the team's when every label it asks for is one of a pool's labels: what that pool's KEDA rule counts.
  const pools = runnerPools(config).map(pool => new Set(pool.labels.map(l => l.toLowerCase())))
  return perRepo
    .flat()
    .filter(j => j.labels.length > 0 && pools.some(pool => j.labels.every(l => pool.has(l.toLowerCase()))))
    .map(({ labels: _labels, ...job }) => job)
}

/** Every page of a listing: the small seam between this module and the GitHub client's pagination. */
function listAll<T>(api: GitHubApi, path: string, key: string, maxPages?: number): Promise<T[]> {
  return api.list<T>(path, key, maxPages)
}

function record(repo: string, job: JobJson): JobRecord & { labels: string[] } {
  return {
    id: job.id,
    repo,
    name: job.name,
    status: job.status,
    conclusion: job.conclusion,
    labels: job.labels ?? [],
    createdAt: job.created_at,
    ...(job.started_at ? { startedAt: job.started_at } : {}),
    ...(job.completed_at ? { completedAt: job.completed_at } : {}),
    ...(job.runner_name ? { runnerName: job.runner_name } : {})
  }
}
