import type { WriteRecord } from './azure/execute.js'
import type { DeleteRecord, DriftItem, ForeignResource, Timings } from './core/drift.js'
import type { Plan, PlanAction } from './core/types.js'
import type { PoolCost } from './core/warm-pool.js'
import type { PoolCostLine } from './core/pool-cost.js'
import type { VerifyCheck } from './verify/verify-check.js'
import type { ExecutionSummary } from './azure/executions.js'
import type { RunnerReport } from './verify/team-runners.js'
import type { FleetReport } from './core/polling-budget.js'
import type { TeamReport } from './usage/team-report.js'
import type { PolicyViolation } from './policy/rules.js'

export const COMMANDS = ['plan', 'apply', 'verify', 'drift', 'destroy', 'report', 'onboard', 'offboard'] as const
export type CommandName = (typeof COMMANDS)[number]

/** What a caller needs to use a team's runners, derived from the config alone (no Azure call). */
export interface TeamOutputs {
  environmentId: string
  jobNames: string[]
  labels: string[]
  /** A `runs-on:` value as JSON (also valid YAML): every job label must be a runner label for KEDA to count it. */
  runsOn: string
  /** The warm pool's size and what it costs per month at the team's price table; absent without a pool. */
  warmPool?: PoolCost
  /** Each runner pool's `runs-on` labels, by pool name (`default` for a config without pools). */
  pools?: Record<string, string[]>
  /** Each pool's shape and price per hour. */
  poolCosts?: PoolCostLine[]
  /** With several pools: each warm pool's cost, by pool. */
  warmPools?: (PoolCost & { pool: string })[]
}

/** What the drift check did with a team's issue. */
export interface DriftIssueOutcome {
  action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none' | 'skipped' | 'error'
  number?: number
  url?: string
  /** One line, for `error`. */
  error?: string
}

/** What one command did for one team; rendered as text (CLI), JSON (--json, the action's plan file) or a job summary. */
export interface TeamResult {
  team: string
  file: string
  /** One line; set when this team failed. */
  error?: string
  offline?: boolean
  plan?: Plan
  counts?: Record<PlanAction, number>
  writes?: WriteRecord[]
  drift?: DriftItem[]
  deleted?: DeleteRecord[]
  refused?: ForeignResource[]
  checks?: VerifyCheck[]
  /** verify: registered runners with the team's labels. */
  runners?: RunnerReport[]
  /** verify: the jobs' recent executions, newest first. */
  executions?: ExecutionSummary[]
  /** drift with a platform policy: what the config or the live jobs do that the policy does not allow. */
  policy?: PolicyViolation[]
  /** drift with drift issues: what happened to the team's issue. */
  issue?: DriftIssueOutcome
  /** report: queue wait, executions and cost over the period. */
  report?: TeamReport
  timings?: Timings
  /** onboard and offboard: the identities' role grants, one line each (role, scope, assignment name, why). */
  grants?: string[]
  /** onboard and offboard: what is left to do by hand, values filled in. */
  nextSteps?: string[]
  outputs: TeamOutputs
}

export interface CommandResult {
  command: CommandName
  teams: TeamResult[]
  /** drift over several teams: the API budget per App installation and the credentials teams share. */
  fleet?: FleetReport
  /** 0 success, 1 error, 2 drift or platform policy violations found (drift only). */
  exitCode: 0 | 1 | 2
}

/** Resources the command would change (plan), changed (apply, destroy) or found different (drift). */
export function changeCount(result: TeamResult): number {
  if (result.drift) return result.drift.length
  if (result.deleted) return result.deleted.length
  if (result.writes) return result.writes.length
  if (!result.counts) return 0
  return result.counts.create + result.counts.update + result.counts.delete
}

/**
 * Whether this team failed: an error, foreign resources refused, or a failed check. verify: a check it could not
 * run fails too, unless the caller accepts that (`allowUnchecked`).
 */
export function failed(t: TeamResult, allowUnchecked = false): boolean {
  if (t.error || (t.refused?.length ?? 0) > 0 || t.checks?.some(c => c.status === 'fail')) return true
  return !allowUnchecked && (t.checks?.some(c => c.status === 'unchecked') ?? false)
}

export function exitCodeOf(command: CommandName, teams: TeamResult[], allowUnchecked = false): 0 | 1 | 2 {
  if (teams.some(t => failed(t, allowUnchecked))) return 1
  if (command === 'drift' && teams.some(t => (t.drift?.length ?? 0) > 0 || (t.policy?.length ?? 0) > 0)) return 2
  return 0
}
