/** Platform policy violations found by drift, as text lines, job summary rows and a drift issue section. */
import type { PolicyViolation } from '../policy/rules.js'
import { codeSpan } from './inert.js'

export function policyCount(violations: PolicyViolation[] | undefined): string {
  const n = violations?.length ?? 0
  return `${n} platform policy violation${n === 1 ? '' : 's'}`
}

export function policyText(violations: PolicyViolation[] | undefined): string[] {
  if (!violations?.length) return []
  return [`${policyCount(violations)}:`, ...violations.map(v => `  ${v.file}:${v.line}:${v.col}: ${v.message}`)]
}

/**
 * Markdown rows: where in the team config, what, and the rule (deterministic, so an unchanged issue stays as it is).
 * Every cell is a code span: a violation quotes config and live values, which must not render.
 */
export function policyTable(violations: PolicyViolation[] | undefined): string[] {
  if (!violations?.length) return []
  return [
    `**${policyCount(violations)}**`,
    '',
    '| where | violation | rule |',
    '| --- | --- | --- |',
    ...violations.map(v => `| ${codeSpan(`${v.file}:${v.line}`)} | ${codeSpan(withoutRule(v))} | ${codeSpan(v.rule)} |`)
  ]
}

/** A drift issue for a team whose only finding is the policy; deterministic like the drift body. */
export function policyIssueBody(team: string, file: string, violations: PolicyViolation[]): string {
  return [
    `Team **${team}** (${codeSpan(file)}) breaks the platform policy, in its config or in what runs live.`,
    '',
    ...policyTable(violations),
    '',
    'Change the config (and run `apply`) or the policy. The scheduled drift check updates this issue while a violation lasts and closes it once all are gone.'
  ].join('\n')
}

/** The message without its trailing `(rule)`, which the table shows in its own column. */
function withoutRule(v: PolicyViolation): string {
  return v.message.replace(` (${v.rule})`, '')
}
