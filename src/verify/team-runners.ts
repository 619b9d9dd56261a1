/**
 * Registered runners carrying the team's labels. A runner is named after its Container Apps execution, so its
 * execution's start time tells how long an idle runner has waited. Offline or long-idle ones are stale.
 */
import type { TeamConfig } from '../config/types.js'
import { runnerPools } from '../core/pools.js'
import { isActiveExecution, type ExecutionSummary } from '../azure/executions.js'
import type { Target } from '../github/rest.js'
import { deleteRunner, listRunners } from '../github/runners.js'
import { CallError, oneLine } from '../http/errors.js'
import type { GitHubApi } from '../github/api.js'
import { teamTargets } from '../github/targets.js'
import type { VerifyCheck } from './verify-check.js'

export interface TeamRunner {
  id: number
  name: string
  status: string
  busy: boolean
  labels: string[]
  /** Where it is registered: the org, or the repository it was listed from. */
  target: Target
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
  // A runner of any of the team's pools: it carries all of that pool's labels.
  const pools = runnerPools(config).map(pool => pool.labels.map(l => l.toLowerCase()))
  const found: TeamRunner[] = []
  for (const target of teamTargets(config)) {
    for (const r of await listRunners(api.gh, api.token, target)) {
      const names = r.labels.map(l => l.name)
      const carried = new Set(names.map(l => l.toLowerCase()))
      if (pools.some(wanted => wanted.every(l => carried.has(l))))
        found.push({ id: r.id, name: r.name, status: r.status, busy: r.busy, labels: names, target })
    }
  }
  return found
}

/** Why each runner is stale, or undefined when it is busy, starting, or waiting within its idle timeout. */
export function staleReason(
  runner: TeamRunner,
  execution: ExecutionSummary | undefined,
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
  executions: ExecutionSummary[],
  options: { fix: boolean; now: () => number }
): Promise<RunnersOutcome> {
  const byName = new Map(executions.map(e => [e.name, e]))
  const runners = await listTeamRunners(api, config)
  const reports: RunnerReport[] = []
  const failures: string[] = []
  const kept: string[] = []
  for (const runner of runners) {
    const stale = staleReason(runner, byName.get(runner.name), config.runners.idleTimeoutMinutes, options.now())
    const report: RunnerReport = {
      name: runner.name,
      status: runner.status,
      busy: runner.busy,
      ...(stale ? { stale } : {})
    }
    if (stale && options.fix) {
      try {
        const outcome = await deleteRunner(api.gh, api.token, runner.target, runner.id)
        // 422: it took a job since it was listed, so it is no longer stale and stays.
        if (outcome === 'busy') {
          report.busy = true
          delete report.stale
          kept.push(runner.name)
        } else report.removed = true
      } catch (error) {
        failures.push(
          `${runner.name} (${error instanceof CallError && error.status ? `HTTP ${error.status}` : oneLine(error)})`
        )
      }
    }
    reports.push(report)
  }
  const check = runnersCheck(reports, failures, options.fix, config.github.labels)
  if (kept.length > 0) check.detail += `; kept ${kept.join(', ')}: took a job since it was listed`
  return { check, runners: reports }
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
