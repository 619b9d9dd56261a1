import { changeCount, type CommandResult, type TeamResult } from '../result.js'

/** Machine-readable result: one object for one team (`{ team, changes, ... }`), `{ teams: [...] }` for several. */
export function resultJson(result: CommandResult): unknown {
  const teams = result.teams.map(t => teamJson(result.command, t))
  if (teams.length === 1) return teams[0]
  return { command: result.command, exitCode: result.exitCode, teams, ...(result.fleet ? { fleet: result.fleet } : {}) }
}

function teamJson(command: CommandResult['command'], t: TeamResult): Record<string, unknown> {
  const out: Record<string, unknown> = { team: t.team, file: t.file, command }
  if (t.error) out.error = t.error
  if (t.plan) {
    out.changes = t.plan.entries
      .filter(e => e.action !== 'noop')
      .map(e => ({
        action: e.action,
        type: e.type,
        id: e.id,
        name: e.name,
        level: e.level,
        ...(e.body ? { body: e.body } : {}),
        ...(e.changes ? { fields: e.changes } : {})
      }))
  }
  // The whole plan, as `apply --plan` takes it back: every entry with its body, dependencies and fingerprint.
  if (command === 'plan' && t.plan) out.plan = t.plan
  if (t.offline) out.offline = true
  if (t.counts) out.counts = t.counts
  if (t.writes) out.writes = t.writes
  if (t.drift) {
    out.drift = t.drift.length > 0
    out.differences = t.drift
  }
  if (t.policy) out.policyViolations = t.policy
  if (t.deleted) out.deleted = t.deleted
  if (t.refused) out.refused = t.refused
  if (t.checks) out.checks = t.checks
  if (t.runners) out.runners = t.runners
  if (t.executions) out.executions = t.executions
  if (t.issue) out.issue = t.issue
  if (t.report) out.report = t.report
  if (t.grants) out.grants = t.grants
  if (t.nextSteps) out.nextSteps = t.nextSteps
  if (t.timings) out.timings = t.timings
  out.changeCount = changeCount(t)
  out.outputs = t.outputs
  return out
}
