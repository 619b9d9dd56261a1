/** A failure the entrypoint reports as one log line (what went wrong and what to do next), never a stack trace. */
export class EntrypointError extends Error {
  override name = 'EntrypointError'
}

export { oneLine } from '../http/errors.js'

/** A failure a child process has already reported in its own log line: exit non-zero, say nothing more. */
export class ReportedError extends Error {
  override name = 'ReportedError'
}
