/** A failure the entrypoint reports as one log line (what went wrong and what to do next), never a stack trace. */
export class EntrypointError extends Error {
  override name = 'EntrypointError'
}

/** A failure a child process has already reported in its own log line: exit non-zero, say nothing more. */
export class ReportedError extends Error {
  override name = 'ReportedError'
}

/** The one line to print for any error; unexpected errors keep only their message. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
