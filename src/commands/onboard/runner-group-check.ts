/** The runner group step as a check line: written or fine passes, skipped warns, an error fails the command. */
import type { VerifyCheck } from '../../verify/verify-check.js'
import type { RunnerGroupOutcome } from './runner-group.js'

const STATUS = { create: 'pass', update: 'pass', noop: 'pass', skipped: 'warn', error: 'fail' } as const
const VERB = { create: 'created: ', update: 'restricted: ', noop: '', skipped: '', error: '' } as const

export function runnerGroupCheck(outcome: RunnerGroupOutcome): VerifyCheck {
  return { name: 'runner group', status: STATUS[outcome.action], detail: `${VERB[outcome.action]}${outcome.detail}` }
}
