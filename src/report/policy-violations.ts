/** Platform policy violations found by drift, as text lines, job summary rows and a drift issue section. */
import type { PolicyViolation } from '../policy/check.js'
import { cell } from './drift-table.js'

export function policyCount(violations: PolicyViolation[] | undefined): string {
  const n = violations?.length ?? 0
  return `${n} platform policy violation${n === 1 ? '' : 's'}`
}

export function policyText(violations: PolicyViolation[] | undefined): string[] {
  if (!violations?.length) return []
  return [`${policyCount(violations)}:`, ...violations.map(v => `  ${v.file}:${v.line}:${v.col}: ${v.message}`)]
}

/** Markdown rows: where in the team config, what, and the rule (deterministic, so an unchanged issue stays as it is). */
export function policyTable(violations: PolicyViolation[] | undefined): string[] {
  if (!violations?.length) return []
  return [
    `**${policyCount(violations)}**`,
    '',
    '| where | violation | rule |',
    '| --- | --- | --- |',
    ...violations.map(v => `| \`${v.file}:${v.line}\` | ${cell(withoutRule(v))} | \`${cell(v.rule)}\` |`)
  ]
}

/** The message without its trailing `(rule)`, which the table shows in its own column. */
function withoutRule(v: PolicyViolation): string {
  return v.message.replace(` (${v.rule})`, '')
}
