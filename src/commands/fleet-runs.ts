/** drift over several teams: the fleet report, with each team's active runs counted when a token may read them. */
import type { TeamConfig } from '../config/types.js'
import type { GitHubFor } from '../github/rest.js'
import type { Engine } from '../azure/engine.js'
import type { Logger } from '../core/logger.js'
import { createGitHubApi } from '../github/api.js'
import { countActiveRuns } from '../verify/api-budget.js'
import { fleetReport, type FleetReport } from '../core/polling-budget.js'

export type ActiveRunCounter = (config: TeamConfig) => Promise<number | undefined>

export async function driftFleet(configs: TeamConfig[], count?: ActiveRunCounter): Promise<FleetReport> {
  const counted = count ? await Promise.all(configs.map(c => count(c).catch(() => undefined))) : []
  return fleetReport(configs, { activeRuns: new Map(configs.map((c, i) => [c.team, counted[i]])) })
}

/** Counts with `token`; a repository it may not read leaves the team's runs uncounted. */
export function activeRunCounter(token: string, github: GitHubFor): ActiveRunCounter {
  return config => countActiveRuns(createGitHubApi(github(config.github.apiUrl), token), config)
}

/** How often drift over a folder says how far it got. */
export const FLEET_PROGRESS_INTERVAL_MS = 30_000
/** Teams read at once once the fleet is in a Resource Graph snapshot: each needs a GET or two, paced per subscription. */
export const SNAPSHOT_TEAM_CONCURRENCY = 32

/**
 * Drift (and verify) over a folder reads the fleet through Resource Graph first. A fleet Graph cannot read (no access, an old
 * cloud) is read team by team, as before, with a warning. Returns the team concurrency to use.
 */
export async function prefetchFleet(
  engine: Engine,
  configs: TeamConfig[],
  logger: Logger
): Promise<number | undefined> {
  try {
    const started = Date.now()
    const { queries } = await engine.prefetch(configs)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    logger.info(`Read ${configs.length} teams through Azure Resource Graph in ${queries} queries, ${seconds} s`)
    return SNAPSHOT_TEAM_CONCURRENCY
  } catch (error) {
    logger.warning(`${(error as Error).message}: reading each team with GETs instead`)
    return undefined
  }
}

/** Every `intervalMs`, one line: teams done, requests sent, Graph queries and throttled waits. */
export function fleetProgress(
  engine: Engine,
  logger: Logger,
  command: string,
  total: number,
  intervalMs = FLEET_PROGRESS_INTERVAL_MS
): { teamDone(): void; stop(): void } {
  let done = 0
  const started = Date.now()
  const line = (): string => {
    const s = engine.stats()
    const waited = ((s.throttledWaitMs + s.pacedWaitMs) / 1000).toFixed(1)
    return `${command}: ${done}/${total} teams, ${s.reads} reads, ${s.graphQueries} Resource Graph queries, ${s.throttled} throttled answers waited out, ${waited} s waiting for ARM's read budget, ${((Date.now() - started) / 1000).toFixed(0)} s`
  }
  const timer = setInterval(() => logger.info(line()), intervalMs)
  timer.unref()
  return {
    teamDone: () => {
      done++
    },
    stop: () => {
      clearInterval(timer)
      if (total > 1) logger.info(line())
    }
  }
}
