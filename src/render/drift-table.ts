import type { DriftItem } from '../core/drift.js'
import { codeSpan } from './inert.js'
import { formatValue } from './plan-text.js'

/** A resource that differs as a whole: missing, or there but no longer in the config. */
const WHOLE: Partial<Record<DriftItem['action'], string>> = {
  create: '(missing)',
  delete: '(not in the config: apply deletes it)'
}

/**
 * Field-level drift as a Markdown table (job summary and drift issue): what the config wants, what Azure has.
 * Names, paths and values are code spans: a tag value like `@team [x](https://…)` must not ping or link anyone.
 */
export function driftTable(items: DriftItem[]): string[] {
  const lines = ['| resource | field | config | Azure |', '| --- | --- | --- | --- |']
  for (const item of items) {
    const resource = `${item.kind} ${codeSpan(item.name)}`
    if (item.changes.length === 0) lines.push(`| ${resource} | ${WHOLE[item.action] ?? '(not Succeeded)'} | | |`)
    for (const c of item.changes)
      lines.push(
        `| ${resource} | ${codeSpan(c.path)} | ${codeSpan(formatValue(c.to))} | ${codeSpan(formatValue(c.from))} |`
      )
  }
  return lines
}

export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
