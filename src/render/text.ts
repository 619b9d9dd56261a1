import type { CommandResult, TeamResult } from '../result.js'
import { fleetText } from './fleet-text.js'
import { formatValue, renderPlanText } from './plan-text.js'
import { renderReportText } from './usage-text.js'
import { poolCostLines, warmPoolLines } from './pool-text.js'
import { policyText } from './policy-violations.js'

const CHECK_MARK = { pass: '✓', warn: '!', fail: '✗', unchecked: '?' } as const
const WRITE_MARK = { create: '+', update: '~', delete: '-' } as const
const DRIFT_LINE = {
  create: (what: string) => `missing ${what}`,
  update: (what: string) => `changed ${what}`,
  delete: (what: string) => `extra ${what} (not in the config: apply deletes it)`,
  noop: (what: string) => `unchanged ${what}`
} as const

/** The readable report of a command, one block per team. */
export function renderText(result: CommandResult): string {
  if (result.command === 'report') return renderReportText(result)
  return result.teams.map(t => teamText(result.command, t)).join('\n\n') + fleetText(result.fleet).join('\n')
}

function teamText(command: CommandResult['command'], t: TeamResult): string {
  if (t.error) return `✗ team ${t.team} (${t.file}): ${t.error}`
  switch (command) {
    case 'plan':
      return [
        renderPlanText(
          t.plan!,
          t.offline ? `Plan for team ${t.team} (offline: every resource is a create)` : `Plan for team ${t.team}`
        ),
        ...poolLine(t)
      ].join('\n')
    case 'apply': {
      const writes = t.writes ?? []
      const head =
        writes.length === 0
          ? `Team ${t.team} is up to date: nothing written.`
          : `Applied team ${t.team}: ${plural(writes.length, 'resource')} written.`
      return [
        head,
        ...writes.map(
          w => `  ${WRITE_MARK[w.action]} ${w.action} ${w.kind} ${w.name} (${(w.durationMs / 1000).toFixed(1)}s)`
        ),
        runsOnLine(t)
      ].join('\n')
    }
    case 'drift': {
      const items = t.drift ?? []
      const policy = policyText(t.policy)
      if (items.length === 0) return [`No drift for team ${t.team}.`, ...policy].join('\n') + issueText(t)
      const lines = [
        `Drift for team ${t.team}: ${plural(items.length, 'resource')} ${items.length === 1 ? 'differs' : 'differ'} from the config.`
      ]
      for (const item of items) {
        lines.push(`  ${DRIFT_LINE[item.action](`${item.kind} ${item.name}`)}`)
        for (const change of item.changes)
          lines.push(
            `      ${change.path}: Azure has ${formatValue(change.from)}, the config says ${formatValue(change.to)}`
          )
      }
      return [...lines, ...policy].join('\n') + issueText(t)
    }
    case 'destroy': {
      const lines = [`Destroyed team ${t.team}: ${plural(t.deleted?.length ?? 0, 'resource')} deleted.`]
      for (const d of t.deleted ?? []) lines.push(`  - ${d.kind} ${d.name}`)
      for (const r of t.refused ?? []) lines.push(`  ✗ left alone: ${r.id}: ${r.reason}`)
      return lines.join('\n')
    }
    case 'verify': {
      const lines = [`Verify team ${t.team}:`]
      for (const c of t.checks ?? []) lines.push(`  ${CHECK_MARK[c.status]} ${c.name}: ${c.detail}`)
      for (const r of t.runners ?? [])
        lines.push(
          `    runner ${r.name}: ${r.status}${r.busy ? ', busy' : ''}${r.stale ? ` (${r.removed ? 'deregistered: ' : ''}${r.stale})` : ''}`
        )
      return lines.join('\n')
    }
    case 'report':
      return renderReportText({ command, teams: [t], exitCode: 0 })
    case 'onboard':
    case 'offboard':
      return onboardingText(command, t)
  }
}

/** The plan, what was written (nothing on a rerun), and the steps left to do by hand. */
function onboardingText(command: 'onboard' | 'offboard', t: TeamResult): string {
  const writes = t.writes ?? t.deleted ?? []
  const verb = command === 'onboard' ? 'Onboarded' : 'Offboarded'
  const head =
    writes.length === 0
      ? `${command === 'onboard' ? 'Onboarding' : 'Offboarding'} of team ${t.team}: nothing written.`
      : `${verb} team ${t.team}: ${plural(writes.length, 'resource')} ${command === 'onboard' ? 'written' : 'deleted'}.`
  const lines = [renderPlanText(t.plan!, `${command} plan for team ${t.team}`)]
  if (t.grants?.length) lines.push('Role grants:', ...t.grants.map(g => `  ${g}`))
  lines.push(head)
  for (const w of t.writes ?? []) lines.push(`  ${WRITE_MARK[w.action]} ${w.action} ${w.kind} ${w.name}`)
  for (const d of t.deleted ?? []) lines.push(`  - ${d.kind} ${d.name}`)
  for (const c of t.checks ?? []) lines.push(`  ${CHECK_MARK[c.status]} ${c.name}: ${c.detail}`)
  if (t.nextSteps?.length) lines.push('Left to do by hand:', ...t.nextSteps.map((s, i) => `  ${i + 1}. ${s}`))
  return lines.join('\n')
}

function issueText(t: TeamResult): string {
  const issue = t.issue
  if (!issue || issue.action === 'skipped' || issue.action === 'none') return ''
  if (issue.action === 'error') return `\n  ✗ ${issue.error}`
  return `\n  drift issue #${issue.number}: ${issue.action} (${issue.url})`
}

function poolLine(t: TeamResult): string[] {
  return [...poolCostLines(t.outputs), ...warmPoolLines(t.outputs)]
}

function runsOnLine(t: TeamResult): string {
  return `Use these runners with: runs-on: ${t.outputs.runsOn}`
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
