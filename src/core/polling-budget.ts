/**
 * Many teams, one GitHub: the KEDA polling cost summed per App installation (they share its hourly limit), the
 * polling interval per team that keeps the sum under a target share of it, and which teams share one App
 * installation or one Key Vault secret (they trust each other: any of them can register runners for the others).
 */
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from './layout.js'
import { poolView, runnerPools } from './pools.js'

/** Warn when less than this share of the target is left. */
const NEAR_TARGET = 0.2

/** The slowest polling KEDA is given (the config's maximum). */
const MAX_INTERVAL_SECONDS = 3600

/**
 * GitHub's documented minimum for an App installation: 5,000 requests an hour (more with the organisation's users
 * and repositories, at most 12,500; 15,000 on Enterprise Cloud). Used when no installation token can be had.
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#primary-rate-limit-for-github-app-installations
 */
export const INSTALLATION_MINIMUM_HOURLY_LIMIT = 5000
/** Half the limit: a poll that errors costs double (KEDA rebuilds the scaler and retries), and that still fits. */
export const TARGET_SHARE = 0.5

/** KEDA's `github-runner` rule, per poll: queued and in-progress runs of each repository (2 × repos), then each active run's jobs. */
export function callsPerPoll(repos: number, activeRuns = 0): number {
  return 2 * repos + activeRuns
}

export function callsPerHour(perPoll: number, pollingIntervalSeconds: number): number {
  return Math.ceil((perPoll * 3600) / pollingIntervalSeconds)
}

export interface TeamPolling {
  team: string
  repos: number
  /** Queued plus in-progress runs now; undefined when not counted (then 0 in the sums). */
  activeRuns?: number
  pollingIntervalSeconds: number
  callsPerPoll: number
  callsPerHour: number
  /** The interval that keeps the installation's sum under the target; the current one when it already is. */
  suggestedIntervalSeconds: number
}

export interface InstallationBudget {
  apiUrl: string
  appId: number
  installationId: number
  hourlyLimit: number
  limitSource: string
  /** Calls per hour when every poll succeeds. */
  callsPerHour: number
  /** When every poll errors: KEDA rebuilds the scaler and polls again, so each poll costs twice. */
  callsPerHourIfErroring: number
  share: number
  targetShare: number
  /** false when even hourly polling stays above the target: the repositories need more than one App. */
  reachable: boolean
  /** How many more teams like these (their average calls per hour, at their polling) fit under the target. */
  roomForTeams: number
  /** Within the target, but the next few teams would pass it (under a fifth of the target left). */
  nearTarget: boolean
  teams: TeamPolling[]
}

export interface SharedCredential {
  /** `App <id> installation <id>`, or the Key Vault secret's ARM id. */
  what: string
  teams: string[]
}

export interface FleetReport {
  installations: InstallationBudget[]
  sharedInstallations: SharedCredential[]
  sharedSecrets: SharedCredential[]
}

export interface FleetOptions {
  /** Active runs per team, when counted. */
  activeRuns?: Map<string, number | undefined>
  targetShare?: number
  /** The installations' hourly limit; default GitHub's documented minimum (verify reads each one's own). */
  hourlyLimit?: number
  limitSource?: string
}

export function fleetReport(configs: TeamConfig[], options: FleetOptions = {}): FleetReport {
  const targetShare = options.targetShare ?? TARGET_SHARE
  const hourlyLimit = options.hourlyLimit ?? INSTALLATION_MINIMUM_HOURLY_LIMIT
  const limitSource = options.limitSource ?? "GitHub's minimum for an App installation; verify reads its own"
  const byInstallation = Map.groupBy(configs, installationKey)
  const installations = [...byInstallation.values()].map(group =>
    installationBudget(group, { targetShare, hourlyLimit, limitSource, activeRuns: options.activeRuns })
  )
  return {
    installations,
    sharedInstallations: shared(
      byInstallation,
      c => `App ${c.github.app.id} installation ${c.github.app.installationId}`
    ),
    sharedSecrets: shared(
      Map.groupBy(configs, c => teamLayout(c).keySecretScope.toLowerCase()),
      c => teamLayout(c).keySecretScope
    )
  }
}

function installationBudget(
  configs: TeamConfig[],
  options: Required<Omit<FleetOptions, 'activeRuns'>> & Pick<FleetOptions, 'activeRuns'>
): InstallationBudget {
  const { hourlyLimit, targetShare } = options
  // Every pool's KEDA rule polls on its own: the installation's budget sums them all.
  const polling = configs.flatMap(c =>
    runnerPools(c).map(pool => ({
      config: poolView(c, pool),
      name: pool.name === undefined ? c.team : `${c.team}/${pool.name}`,
      activeRuns: options.activeRuns?.get(c.team),
      perPoll: callsPerPoll(c.github.repos.length, options.activeRuns?.get(c.team))
    }))
  )
  const perHour = (intervals: number[]): number =>
    polling.reduce((sum, p, i) => sum + (p.perPoll * 3600) / intervals[i]!, 0)
  const current = polling.map(p => p.config.runners.pollingIntervalSeconds)
  const budget = targetShare * hourlyLimit
  // Slow every team down by the same factor, in whole seconds, until the sum fits.
  const factor = Math.max(1, perHour(current) / budget)
  let suggested = current.map(s => Math.min(MAX_INTERVAL_SECONDS, Math.ceil(s * factor)))
  while (perHour(suggested) > budget && suggested.some(s => s < MAX_INTERVAL_SECONDS))
    suggested = suggested.map(s => Math.min(MAX_INTERVAL_SECONDS, s + 1))
  const total = Math.ceil(perHour(current))
  const perTeam = total / configs.length
  const left = budget - total
  const first = configs[0]!
  return {
    apiUrl: first.github.apiUrl,
    appId: first.github.app.id,
    installationId: first.github.app.installationId,
    hourlyLimit,
    limitSource: options.limitSource,
    callsPerHour: total,
    callsPerHourIfErroring: 2 * total,
    share: total / hourlyLimit,
    targetShare,
    reachable: perHour(suggested) <= budget,
    roomForTeams: perTeam > 0 ? Math.max(0, Math.floor(left / perTeam)) : 0,
    nearTarget: left >= 0 && left < NEAR_TARGET * budget,
    teams: polling.map((p, i) => ({
      team: p.name,
      repos: p.config.github.repos.length,
      ...(p.activeRuns === undefined ? {} : { activeRuns: p.activeRuns }),
      pollingIntervalSeconds: current[i]!,
      callsPerPoll: p.perPoll,
      callsPerHour: Math.ceil((p.perPoll * 3600) / current[i]!),
      suggestedIntervalSeconds: suggested[i]!
    }))
  }
}

/** Installation ids are per GitHub host. */
function installationKey(config: TeamConfig): string {
  return `${config.github.apiUrl.toLowerCase()} ${config.github.app.id} ${config.github.app.installationId}`
}

function shared(groups: Map<string, TeamConfig[]>, name: (c: TeamConfig) => string): SharedCredential[] {
  return [...groups.values()].filter(g => g.length > 1).map(g => ({ what: name(g[0]!), teams: g.map(c => c.team) }))
}
