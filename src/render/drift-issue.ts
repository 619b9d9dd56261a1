/** The drift issue of one team: a stable label and title to find it by, and a body that only changes with the drift. */
import type { DriftItem } from '../core/drift.js'
import { driftTable } from './drift-table.js'
import { codeSpan } from './inert.js'

export const DRIFT_LABEL = 'runner-setup-drift'
export const DRIFT_LABEL_COLOR = 'd93f0b'

export function driftIssueTitle(team: string): string {
  return `runner-setup drift: ${team}`
}

/** Deterministic (no times, no run links), so an unchanged drift leaves the issue alone; every value inert. */
export function driftIssueBody(team: string, file: string, items: DriftItem[]): string {
  return [
    `Live Azure differs from ${codeSpan(file)} for team ${codeSpan(team)}: ${items.length} resource${items.length === 1 ? '' : 's'}.`,
    '',
    ...driftTable(items),
    '',
    'Run `apply` for this team to converge Azure back to the config, or change the config if the change in Azure was intended.',
    'The scheduled drift check updates this issue while the drift lasts and closes it once it is gone.'
  ].join('\n')
}
