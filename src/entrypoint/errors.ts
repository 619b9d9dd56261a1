/** A failure the entrypoint reports as one log line (what went wrong and what to do next), never a stack trace. */
export class EntrypointError extends Error {
  override name = 'EntrypointError'
}

/** The one line to print for any error; unexpected errors keep only their message. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
