/** A failed call, as one line: what went wrong and what to do next; `status` when the service answered. */
export class CallError extends Error {
  override name = 'CallError'
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
  }
}

/** The one line to print for any error; unexpected errors keep only their message. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
