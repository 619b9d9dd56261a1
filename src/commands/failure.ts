import { ConfigError } from '../config/errors.js'
import { describeAzureError } from '../azure/errors.js'
import { InputError } from './input-error.js'

/** The one message a user sees for a failure that stopped the whole run: never a stack trace. */
export function describeFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof InputError) return error.message
  return describeAzureError(error, 'run runner-setup')
}
