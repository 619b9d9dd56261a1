/** One problem in a config file, reported as `FILE:LINE:COL: message` with an optional hint. */
export interface ConfigProblem {
  file: string
  line: number
  col: number
  message: string
  hint?: string
}

export function formatProblem(p: ConfigProblem): string {
  const head = `${p.file}:${p.line}:${p.col}: ${p.message}`
  return p.hint ? `${head}\n  hint: ${p.hint}` : head
}

/** Thrown when one or more config files are invalid; carries every problem found, not just the first. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[]
  constructor(problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'ConfigError'
    this.problems = problems
  }
}
