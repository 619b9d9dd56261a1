/** Where progress goes: the action maps it to @actions/core (groups, annotations), the CLI to stderr. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  /** Runs `fn` inside a collapsible log group (the action) or under a heading (the CLI). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
  /** Detail shown only when asked for (the action's step debug logging): one line per GitHub request. */
  debug?(message: string): void
}

/** A logger that drops everything: for tests and `--json` runs that want a quiet stderr. */
export const silentLogger: Logger = {
  info: () => {},
  warning: () => {},
  group: (_title, fn) => fn()
}
