import type { CommandResult, TeamResult } from '../result.js'
import { changeCount } from '../result.js'
import { cell, driftTable } from './drift-table.js'
import { fleetSummary } from './fleet-text.js'
import { renderReportSummary } from './usage-text.js'
import { poolCostLines, warmPoolLines } from './pool-text.js'
import { policyCount, policyTable } from './policy-violations.js'

/** The job summary as Markdown: one table row per team, then each team's plan, drift or checks. */
export function renderSummary(result: CommandResult): string {
  if (result.command === 'report') return renderReportSummary(result)
  const lines = [
    `## runner-setup ${result.command}`,
    '',
    '| team | result | changes | time |',
    '| --- | --- | --- | --- |'
  ]
  for (const t of result.teams)
    lines.push(`| ${t.team} | ${status(result.command, t)} | ${changeCount(t)} | ${seconds(t)} |`)
  for (const t of result.teams) lines.push('', ...teamDetails(result.command, t), ...timingLine(t))
  lines.push(...fleetSummary(result.fleet))
  return lines.join('\n') + '\n'
}

function status(command: CommandResult['command'], t: TeamResult): string {
  if (t.error) return '❌ error'
  if ((t.refused?.length ?? 0) > 0) return '❌ refused foreign resources'
  if (t.checks?.some(c => c.status === 'fail')) return '❌ failed checks'
  if (command === 'drift' && (t.policy?.length ?? 0) > 0) return `⚠️ ${policyCount(t.policy)}`
  if (command === 'drift') return (t.drift?.length ?? 0) > 0 ? '⚠️ drift' : '✅ no drift'
  return '✅ ok'
}

function seconds(t: TeamResult): string {
  return t.timings ? `${(t.timings.totalMs / 1000).toFixed(1)} s` : '—'
}

function teamDetails(command: CommandResult['command'], t: TeamResult): string[] {
  const out = [`### ${t.team}`, '']
  if (t.error) return [...out, '```', t.error, '```']
  if (t.checks) {
    out.push('| check | status | detail |', '| --- | --- | --- |')
    for (const c of t.checks) out.push(`| ${c.name} | ${CHECK_ICON[c.status]} ${c.status} | ${cell(c.detail)} |`)
    if (t.runners?.length) {
      out.push('', '| runner | status | busy | note |', '| --- | --- | --- | --- |')
      for (const r of t.runners)
        out.push(
          `| ${r.name} | ${r.status} | ${r.busy} | ${r.removed ? `deregistered (${r.stale})` : (r.stale ?? '')} |`
        )
    }
    if (t.executions?.length) {
      out.push('', '| execution | status | started |', '| --- | --- | --- |')
      for (const e of t.executions.slice(0, 10)) out.push(`| ${e.name} | ${e.status} | ${e.startTime ?? ''} |`)
    }
    return out
  }
  if (t.drift) {
    const issue = issueLine(t)
    const policy = t.policy?.length ? ['', ...policyTable(t.policy)] : []
    if (t.drift.length === 0) return [...out, 'No drift.', ...policy, ...issue]
    return [...out, ...driftTable(t.drift), ...policy, ...issue]
  }
  if (t.deleted || t.refused) {
    for (const d of t.deleted ?? []) out.push(`- deleted ${d.kind} \`${d.name}\``)
    for (const r of t.refused ?? []) out.push(`- ❌ left alone \`${r.id}\`: ${r.reason}`)
    return out
  }
  if (t.plan) {
    out.push('| action | type | name |', '| --- | --- | --- |')
    for (const e of t.plan.entries) out.push(`| ${e.action} | ${e.type} | ${e.name} |`)
  }
  if (command === 'apply' || command === 'plan') {
    const lines = [...poolCostLines(t.outputs), ...warmPoolLines(t.outputs)]
    if (lines.length > 0) out.push('', ...lines.map(line => (poolCostLines(t.outputs).length > 0 ? `- ${line}` : line)))
  }
  if (command === 'apply' || command === 'plan')
    out.push('', 'Use these runners in a workflow job:', '', '```yaml', `runs-on: ${t.outputs.runsOn}`, '```')
  return out
}

function timingLine(t: TeamResult): string[] {
  if (!t.timings) return []
  const { readMs, writeMs, totalMs } = t.timings
  return [
    '',
    `<sub>read ${(readMs / 1000).toFixed(1)} s · write ${(writeMs / 1000).toFixed(1)} s · total ${(totalMs / 1000).toFixed(1)} s</sub>`
  ]
}

const CHECK_ICON = { pass: '✅', warn: '⚠️', fail: '❌', unchecked: '❔' } as const

function issueLine(t: TeamResult): string[] {
  const issue = t.issue
  if (!issue || issue.action === 'none' || issue.action === 'skipped') return []
  if (issue.action === 'error') return ['', `❌ ${issue.error ?? 'drift issue failed'}`]
  return ['', `Drift issue [#${issue.number}](${issue.url}): ${issue.action}.`]
}
