import type { DriftItem } from '../azure/engine.js'
import { formatValue } from './plan-text.js'

/** A resource that differs as a whole: missing, or there but no longer in the config. */
const WHOLE: Partial<Record<DriftItem['action'], string>> = {
  create: '(missing)',
  delete: '(not in the config: apply deletes it)'
}

/** Field-level drift as a Markdown table (job summary and drift issue): what the config wants, what Azure has. */
export function driftTable(items: DriftItem[]): string[] {
  const lines = ['| resource | field | config | Azure |', '| --- | --- | --- | --- |']
  for (const item of items) {
    if (item.changes.length === 0)
      lines.push(`| ${item.kind} ${item.name} | ${WHOLE[item.action] ?? '(not Succeeded)'} | | |`)
    for (const c of item.changes)
      lines.push(
        `| ${item.kind} ${item.name} | \`${c.path}\` | ${cell(formatValue(c.to))} | ${cell(formatValue(c.from))} |`
      )
  }
  return lines
}

export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
