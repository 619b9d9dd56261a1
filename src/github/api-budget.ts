/**
 * The GitHub API cost of the KEDA `github-runner` rule: per poll it lists queued runs and jobs of each repository
 * (2 × repos) plus the jobs of each active run, every pollingInterval seconds, all on the App installation's limit.
 */
import type { TeamConfig } from '../config/types.js'
import { enc, type GitHubApi } from './api.js'
import type { VerifyCheck } from './verify-types.js'

/** An App installation's baseline hourly limit (GitHub grows it with the org's repositories and users). */
export const BASELINE_HOURLY_LIMIT = 5000
export const WARN_SHARE = 0.5
export const BUDGET_CHECK = 'api budget'

export interface BudgetInput {
  repos: number
  /** In-progress plus queued workflow runs; undefined when unknown (counted as 0). */
  activeRuns?: number
  pollingIntervalSeconds: number
  hourlyLimit: number
  limitSource: string
}

/** Pure: the calls per poll and per hour, and the check they make. */
export function budgetCheck(input: BudgetInput): VerifyCheck & { perHour: number; share: number } {
  const perPoll = 2 * input.repos + (input.activeRuns ?? 0)
  const perHour = Math.ceil((perPoll * 3600) / input.pollingIntervalSeconds)
  const share = perHour / input.hourlyLimit
  const runs = input.activeRuns === undefined ? 'active runs unknown' : `${input.activeRuns} active runs`
  const text = `${perPoll} calls per poll (2 × ${input.repos} repos + ${runs}) every ${input.pollingIntervalSeconds} s = ${perHour}/h, ${Math.round(share * 100)} % of ${input.hourlyLimit}/h (${input.limitSource})`
  if (share > WARN_SHARE) {
    return {
      name: BUDGET_CHECK,
      status: 'warn',
      detail: `${text}: raise runners.pollingIntervalSeconds or split the team's repositories across Apps`,
      perHour,
      share
    }
  }
  return { name: BUDGET_CHECK, status: 'pass', detail: text, perHour, share }
}

/** Runs in progress or queued across the team's repositories; undefined when the token may not read them. */
export async function countActiveRuns(api: GitHubApi, config: TeamConfig): Promise<number | undefined> {
  let total = 0
  for (const repo of config.github.repos) {
    for (const status of ['in_progress', 'queued']) {
      const response = await api.call(
        'GET',
        `/repos/${enc(config.github.owner)}/${enc(repo)}/actions/runs?status=${status}&per_page=1`
      )
      const count = (response.body as { total_count?: unknown } | undefined)?.total_count
      if (response.status !== 200 || typeof count !== 'number') return undefined
      total += count
    }
  }
  return total
}

/** The token's core limit from GET /rate_limit, or the installation baseline when it cannot be read. */
export async function hourlyLimit(api: GitHubApi): Promise<{ limit: number; source: string }> {
  const response = await api.call('GET', '/rate_limit')
  const limit = (response.body as { resources?: { core?: { limit?: unknown } } } | undefined)?.resources?.core?.limit
  if (response.status === 200 && typeof limit === 'number' && limit > 0) return { limit, source: "the token's limit" }
  return { limit: BASELINE_HOURLY_LIMIT, source: 'installation baseline' }
}
