/**
 * The grammar of Mermaid's `xychart-beta` (mermaid-js/mermaid packages/mermaid/src/diagrams/xychart/parser/xychart.jison),
 * the subset the report writes: `xychart-beta` [horizontal]; `title "text"`; `x-axis [cat, ...]` or
 * `x-axis "title" [cats]` or `x-axis min --> max`; `y-axis "title" min --> max`; `bar [n, ...]`; `line [n, ...]`.
 * Returns the problems found (empty when valid), including series whose length differs from the categories.
 */
const STRING = String.raw`"[^"]*"`
const NUMBER = String.raw`-?\d+(?:\.\d+)?`
const CATEGORY = String.raw`(?:${STRING}|[A-Za-z0-9_-]+)`

export function checkMermaidXyChart(text: string): string[] {
  const problems: string[] = []
  const lines = text
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '')
  if (!/^xychart-beta(\s+(horizontal|vertical))?$/.test(lines[0] ?? '')) problems.push(`first line: ${lines[0]}`)
  let categories: number | undefined
  const lengths: number[] = []
  for (const line of lines.slice(1)) {
    const list = (body: string, item: string) => new RegExp(String.raw`^\[\s*${item}(\s*,\s*${item})*\s*\]$`).test(body)
    const count = (body: string) => body.slice(1, -1).split(',').length
    let m: RegExpExecArray | null
    if (new RegExp(`^title\\s+${STRING}$`).test(line)) continue
    if ((m = new RegExp(`^x-axis(?:\\s+(${STRING}))?\\s+(\\[.*\\])$`).exec(line))) {
      if (!list(m[2]!, CATEGORY)) problems.push(`bad categories: ${line}`)
      categories = count(m[2]!)
      continue
    }
    if (new RegExp(`^[xy]-axis(?:\\s+${STRING})?\\s+${NUMBER}\\s+-->\\s+${NUMBER}$`).test(line)) continue
    if ((m = /^(bar|line)(?:\s+"[^"]*")?\s+(\[.*\])$/.exec(line))) {
      if (!list(m[2]!, NUMBER)) problems.push(`bad series: ${line}`)
      lengths.push(count(m[2]!))
      continue
    }
    problems.push(`unknown statement: ${line}`)
  }
  if (categories === undefined) problems.push('no x-axis categories')
  for (const n of lengths) if (n !== categories) problems.push(`a series has ${n} values for ${categories} categories`)
  return problems
}
