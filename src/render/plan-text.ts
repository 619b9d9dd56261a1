import type { FieldChange, Plan, PlanAction } from '../core/types.js'
import { countActions } from '../core/plan.js'

const SYMBOL: Record<PlanAction, string> = { create: '+', update: '~', delete: '-', noop: '=', refuse: '!', wait: '*' }

/** One line per value: short values inline, long ones (bodies, lists) as compact JSON cut at a readable width. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)'
  const text = JSON.stringify(value)
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}

export function formatChange(change: FieldChange): string {
  return `${change.path}: ${formatValue(change.from)} → ${formatValue(change.to)}`
}

export function planSummaryLine(plan: Plan): string {
  const c = countActions(plan)
  const extra = [c.wait ? `${c.wait} to wait for` : '', c.refuse ? `${c.refuse} refused` : ''].filter(Boolean)
  return [
    `${c.create} to create`,
    `${c.update} to update`,
    `${c.delete} to delete`,
    `${c.noop} unchanged`,
    ...extra
  ].join(', ')
}

/** The readable plan: one row per resource, field-level changes under updates. */
export function renderPlanText(plan: Plan, heading: string): string {
  const rows = plan.entries.map(e => [`${SYMBOL[e.action]} ${e.action}`, e.type, e.name])
  const widths = [0, 1].map(i => Math.max(0, ...rows.map(r => r[i].length)))
  const lines = [heading]
  plan.entries.forEach((entry, i) => {
    const [action, type, name] = rows[i]
    lines.push(`  ${action.padEnd(widths[0])}  ${type.padEnd(widths[1])}  ${name}`)
    if (entry.action === 'refuse' || entry.action === 'wait') lines.push(`      ${entry.reason ?? ''}`)
    for (const change of entry.changes ?? []) lines.push(`      ${formatChange(change)}`)
  })
  for (const finding of plan.preflight ?? []) {
    lines.push(`  preflight ${finding.status.toUpperCase().padEnd(9)} ${finding.check}: ${finding.message}`)
  }
  for (const warning of plan.warnings ?? []) lines.push(`  warning: ${warning}`)
  lines.push(planSummaryLine(plan))
  return lines.join('\n')
}
