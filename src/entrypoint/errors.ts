/** A failure the entrypoint reports as one log line (what went wrong and what to do next), never a stack trace. */
export class EntrypointError extends Error {
  override name = 'EntrypointError'
}

export { oneLine } from '../github-app/errors.js'
