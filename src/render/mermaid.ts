/**
 * Mermaid `xychart-beta` charts for job summaries (GitHub renders Mermaid in Markdown): one x-axis of categories,
 * a y-axis with a title and range, and bar or line series of numbers. Titles and categories are quoted; quotes
 * inside them are dropped, since the grammar has no escape for them.
 */
export interface XySeries {
  kind: 'bar' | 'line'
  values: number[]
}

export function xyChart(options: { title: string; categories: string[]; yTitle: string; series: XySeries[] }): string {
  const max = Math.max(1, ...options.series.flatMap(s => s.values))
  const top = niceCeiling(max)
  return [
    '```mermaid',
    'xychart-beta',
    `    title ${quote(options.title)}`,
    `    x-axis [${options.categories.map(quote).join(', ')}]`,
    `    y-axis ${quote(options.yTitle)} 0 --> ${top}`,
    ...options.series.map(s => `    ${s.kind} [${s.values.map(number).join(', ')}]`),
    '```'
  ].join('\n')
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '')}"`
}

function number(value: number): string {
  return String(Math.round(value * 10) / 10)
}

/** 1, 2 or 5 times a power of ten, at least `value`: a readable axis top. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value))
  return [1, 2, 5, 10].map(f => f * power).find(v => v >= value)!
}
