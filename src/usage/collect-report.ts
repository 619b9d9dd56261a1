/**
 * Reads what `report` needs for one team, GitHub and Azure in parallel: the team's jobs over the period and every
 * execution of the team's Container Apps jobs. Read-only.
 */
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import type { Clients } from '../azure/clients.js'
import { listJobExecutions } from '../azure/executions.js'
import type { GitHubFor } from '../github/rest.js'
import { createGitHubApi } from '../github/api.js'
import { runnerPools } from '../core/pools.js'
import { poolReportRows } from './pool-report.js'
import { callsPerHour, callsPerPoll, INSTALLATION_MINIMUM_HOURLY_LIMIT } from '../core/polling-budget.js'
import { teamJobs } from './github-jobs.js'
import { priceTable, type PriceTable } from '../core/prices.js'
import { teamReport, type ReportInput, type TeamReport } from './team-report.js'

export interface ReportOptions {
  days: number
  /** A job that waited longer than this for a runner is counted apart. */
  thresholdSeconds: number
  /** Price per vCPU-second / GiB-second from an input, over the config's and the list price. */
  price?: Partial<Pick<PriceTable, 'currency' | 'vcpuSecond' | 'gibSecond'>>
  /** The GitHub REST base to read; default the config's (github.url). */
  githubApiUrl?: string
}

export interface ReportDeps {
  clients: Clients
  github: GitHubFor
  githubToken: string
  now?: () => number
}

export async function collectReport(config: TeamConfig, options: ReportOptions, deps: ReportDeps): Promise<TeamReport> {
  const now = (deps.now ?? Date.now)()
  let requests = 0
  const gh = deps.github(options.githubApiUrl ?? config.github.apiUrl)
  const request = gh.octokit.request
  const counted = ((...args: Parameters<typeof request>) => {
    requests++
    return request(...args)
  }) as typeof request
  const api = createGitHubApi({ ...gh, octokit: { request: counted } }, deps.githubToken)
  const [jobs, executions] = await Promise.all([
    teamJobs(api, config, now - options.days * 86_400_000),
    Promise.all(teamLayout(config).jobs.map(job => listJobExecutions(deps.clients, job.id))).then(all => all.flat())
  ])
  // The report reads GitHub with the workflow's token, whose own limit is not the App installation's that KEDA
  // spends: the share is against GitHub's documented minimum for an installation (verify reads the real one).
  const hourlyLimit = INSTALLATION_MINIMUM_HOURLY_LIMIT
  // Every pool's rule polls GitHub on its own interval: the share is their sum.
  const share =
    runnerPools(config).reduce(
      (sum, pool) => sum + callsPerHour(callsPerPoll(config.github.repos.length), pool.pollingIntervalSeconds),
      0
    ) / hourlyLimit
  const input: ReportInput = {
    days: options.days,
    now,
    jobs,
    executions,
    size: { cpu: config.runners.cpu, memoryGi: parseFloat(config.runners.memory) },
    prices: priceTable(config.runners.price, options.price),
    thresholdSeconds: options.thresholdSeconds,
    warmPool: runnerPools(config).some(pool => pool.warmPool !== undefined),
    github: { requests, budgetShare: Math.round(share * 1000) / 1000, hourlyLimit }
  }
  const pools = poolReportRows(config, input)
  return { ...teamReport(input), ...(pools.length > 0 ? { pools } : {}) }
}
