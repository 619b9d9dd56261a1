import type { CommandResult, TeamResult } from '../commands/result.js'
import { changeCount } from '../commands/result.js'
import { formatValue } from './plan-text.js'

/** The job summary as Markdown: one table row per team, then each team's plan, drift or checks. */
export function renderSummary(result: CommandResult): string {
  const lines = [`## runner-setup ${result.command}`, '', '| team | result | changes | time |', '| --- | --- | --- | --- |']
  for (const t of result.teams) lines.push(`| ${t.team} | ${status(result.command, t)} | ${changeCount(t)} | ${seconds(t)} |`)
  for (const t of result.teams) lines.push('', ...teamDetails(result.command, t))
  return lines.join('\n') + '\n'
}

function status(command: CommandResult['command'], t: TeamResult): string {
  if (t.error) return '❌ error'
  if ((t.refused?.length ?? 0) > 0) return '❌ refused foreign resources'
  if (t.checks?.some((c) => c.status === 'fail')) return '❌ failed checks'
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
    for (const c of t.checks) out.push(`| ${c.name} | ${c.status} | ${cell(c.detail)} |`)
    return out
  }
  if (t.drift) {
    if (t.drift.length === 0) return [...out, 'No drift.']
    out.push('| resource | field | config | Azure |', '| --- | --- | --- | --- |')
    for (const item of t.drift) {
      if (item.changes.length === 0) out.push(`| ${item.kind} ${item.name} | (missing) | | |`)
      for (const c of item.changes) out.push(`| ${item.kind} ${item.name} | \`${c.path}\` | ${cell(formatValue(c.to))} | ${cell(formatValue(c.from))} |`)
    }
    return out
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
  if (command === 'apply' || command === 'plan') out.push('', 'Use these runners in a workflow job:', '', '```yaml', `runs-on: ${t.outputs.runsOn}`, '```')
  return out
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
