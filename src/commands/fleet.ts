/** drift over several teams: the fleet report, with each team's active runs counted when a token may read them. */
import type { TeamConfig } from '../config/types.js'
import type { GitHubFor } from '../github-app/rest.js'
import { createGitHubApi } from '../github/api.js'
import { countActiveRuns } from '../github/api-budget.js'
import { fleetReport, type FleetReport } from '../github/fleet.js'

export type ActiveRunCounter = (config: TeamConfig) => Promise<number | undefined>

export async function driftFleet(configs: TeamConfig[], count?: ActiveRunCounter): Promise<FleetReport> {
  const counted = count ? await Promise.all(configs.map(c => count(c).catch(() => undefined))) : []
  return fleetReport(configs, { activeRuns: new Map(configs.map((c, i) => [c.team, counted[i]])) })
}

/** Counts with `token`; a repository it may not read leaves the team's runs uncounted. */
export function activeRunCounter(token: string, github: GitHubFor): ActiveRunCounter {
  return config => countActiveRuns(createGitHubApi(github(config.github.apiUrl), token), config)
}
