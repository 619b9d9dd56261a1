/**
 * A value from a config or from Azure, shown in Markdown (a drift issue, a job summary) as a code span, so nothing
 * in it renders: no @mention, #reference, link, image, HTML or emoji. The fence is longer than any run of backticks
 * inside (CommonMark code spans), and `|` is escaped so a table cell stays one cell (GFM tables).
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ')
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : ''
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`
}
