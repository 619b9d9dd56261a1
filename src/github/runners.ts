/**
 * Registered runners carrying the team's labels. A runner is named after its Container Apps execution, so its
 * execution's start time tells how long an idle runner has waited. Offline or long-idle ones are stale.
 */
import type { TeamConfig } from '../config/types.js'
import { isActiveExecution } from '../azure/executions.js'
import { enc, type GitHubApi } from './api.js'
import type { VerifyCheck } from './verify-types.js'

export interface TeamRunner {
  id: number
  name: string
  status: string
  busy: boolean
  labels: string[]
  /** The runners collection it was listed from, e.g. `/orgs/altinn/actions/runners`. */
  collection: string
}

export interface ExecutionView {
  name: string
  status: string
  startTime?: string
}

export interface RunnerReport {
  name: string
  status: string
  busy: boolean
  /** Why it counts as stale; absent when it is fine. */
  stale?: string
  removed?: boolean
}

export const RUNNERS_CHECK = 'runners'

export async function listTeamRunners(api: GitHubApi, config: TeamConfig): Promise<TeamRunner[]> {
  const { owner, scope, repos, labels } = config.github
  const collections =
    scope === 'org'
      ? [`/orgs/${enc(owner)}/actions/runners`]
      : repos.map(repo => `/repos/${enc(owner)}/${enc(repo)}/actions/runners`)
  const wanted = labels.map(l => l.toLowerCase())
  const found: TeamRunner[] = []
  for (const collection of collections) {
    const runners = await api.list<{
      id: number
      name: string
      status: string
      busy: boolean
      labels: { name: string }[]
    }>(collection, 'runners')
    for (const r of runners) {
      const names = r.labels.map(l => l.name)
      const carried = new Set(names.map(l => l.toLowerCase()))
      if (wanted.every(l => carried.has(l)))
        found.push({ id: r.id, name: r.name, status: r.status, busy: r.busy, labels: names, collection })
    }
  }
  return found
}

/** Why each runner is stale, or undefined when it is busy, starting, or waiting within its idle timeout. Pure. */
export function staleReason(
  runner: TeamRunner,
  execution: ExecutionView | undefined,
  idleTimeoutMinutes: number,
  nowMs: number
): string | undefined {
  if (runner.busy) return undefined
  const started = execution?.startTime ? Date.parse(execution.startTime) : NaN
  const idleMinutes = Number.isFinite(started) ? (nowMs - started) / 60_000 : undefined
  const active = execution !== undefined && isActiveExecution(execution.status)
  if (active && idleMinutes !== undefined && idleMinutes < idleTimeoutMinutes) return undefined
  if (runner.status !== 'online') return 'offline'
  if (execution && !active) return `online but its execution ended (${execution.status})`
  if (idleMinutes !== undefined && idleMinutes >= idleTimeoutMinutes)
    return `idle for ${Math.floor(idleMinutes)} min (idle timeout ${idleTimeoutMinutes} min)`
  return undefined
}

export interface RunnersOutcome {
  check: VerifyCheck
  runners: RunnerReport[]
}

/** Lists the team's runners, flags stale ones and, with `fix`, deregisters them. */
export async function checkRunners(
  api: GitHubApi,
  config: TeamConfig,
  executions: ExecutionView[],
  options: { fix: boolean; now: () => number }
): Promise<RunnersOutcome> {
  const byName = new Map(executions.map(e => [e.name, e]))
  const runners = await listTeamRunners(api, config)
  const reports: RunnerReport[] = []
  const failures: string[] = []
  for (const runner of runners) {
    const stale = staleReason(runner, byName.get(runner.name), config.runners.idleTimeoutMinutes, options.now())
    const report: RunnerReport = {
      name: runner.name,
      status: runner.status,
      busy: runner.busy,
      ...(stale ? { stale } : {})
    }
    if (stale && options.fix) {
      const response = await api.call('DELETE', `${runner.collection}/${runner.id}`)
      if (response.status === 204 || response.status === 404) report.removed = true
      else failures.push(`${runner.name} (HTTP ${response.status})`)
    }
    reports.push(report)
  }
  return { check: runnersCheck(reports, failures, options.fix, config.github.labels), runners: reports }
}

function runnersCheck(reports: RunnerReport[], failures: string[], fix: boolean, labels: string[]): VerifyCheck {
  const stale = reports.filter(r => r.stale)
  const counts = `${reports.length} registered with labels ${labels.join(',')} (${reports.filter(r => r.busy).length} busy)`
  if (stale.length === 0) return { name: RUNNERS_CHECK, status: 'pass', detail: `${counts}, none stale` }
  const list = stale.map(r => `${r.name}: ${r.stale}`).join('; ')
  if (failures.length > 0)
    return {
      name: RUNNERS_CHECK,
      status: 'fail',
      detail: `${counts}; could not deregister ${failures.join(', ')}: the token needs self-hosted runner write access`
    }
  if (fix)
    return { name: RUNNERS_CHECK, status: 'pass', detail: `${counts}; deregistered ${stale.length} stale: ${list}` }
  return {
    name: RUNNERS_CHECK,
    status: 'warn',
    detail: `${counts}; ${stale.length} stale (${list}): run verify with --fix (action input fix: true) to deregister them`
  }
}
