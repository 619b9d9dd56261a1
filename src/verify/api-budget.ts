/**
 * The GitHub API cost of the KEDA `github-runner` rule: per poll it lists queued and in-progress runs of each
 * repository (2 × repos) plus the jobs of each active run, every pollingInterval seconds, all on the App
 * installation's hourly limit, which every team on that installation shares.
 */
import type { TeamConfig } from '../config/types.js'
import { enc, type GitHubApi } from '../github/api.js'
import type { VerifyCheck } from './verify-check.js'
import { callsPerHour, callsPerPoll, TARGET_SHARE } from '../core/polling-budget.js'

export const BUDGET_CHECK = 'api budget'

export interface BudgetInput {
  repos: number
  /** In-progress plus queued workflow runs; undefined when unknown (counted as 0). */
  activeRuns?: number
  pollingIntervalSeconds: number
  /** With runner pools: every pool's rule's interval; each rule polls the same repositories on its own. */
  poolIntervalsSeconds?: number[]
  hourlyLimit: number
  limitSource: string
  /** What every team on the installation has spent of the limit this hour, when read. */
  usedThisHour?: number
}

/** The team's calls per poll and per hour, and the check they make against the installation's limit. */
export function budgetCheck(input: BudgetInput): VerifyCheck & { perHour: number; share: number } {
  const perPoll = callsPerPoll(input.repos, input.activeRuns)
  const intervals = input.poolIntervalsSeconds ?? [input.pollingIntervalSeconds]
  const perHour = intervals.reduce((sum, interval) => sum + callsPerHour(perPoll, interval), 0)
  const share = perHour / input.hourlyLimit
  const runs = input.activeRuns === undefined ? 'active runs unknown' : `${input.activeRuns} active runs`
  const every =
    intervals.length === 1
      ? `every ${intervals[0]} s`
      : `by each of ${intervals.length} pools' rules (every ${intervals.join(', ')} s)`
  const text = `${perPoll} calls per poll (2 × ${input.repos} repos + ${runs}) ${every} = ${perHour}/h, ${Math.round(share * 100)} % of ${input.hourlyLimit}/h (${input.limitSource}), shared with every team on this App installation${input.usedThisHour === undefined ? '' : ` (${input.usedThisHour} used this hour)`}`
  if (share > TARGET_SHARE) {
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
