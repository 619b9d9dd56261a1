import { ConfigError } from '../config/errors.js'
import { describeAzureError } from '../azure/errors.js'

/** The one message a user sees for a failure that stopped the whole run: never a stack trace. */
export function describeFailure(error: unknown): string {
  if (error instanceof ConfigError) return error.message
  return describeAzureError(error, 'run runner-setup')
}
