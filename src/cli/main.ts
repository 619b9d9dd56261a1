import type { Logger } from '../core/logger.js'
import { commandDeps } from '../commands/deps.js'
import { runCommand } from '../commands/run.js'
import { describeFailure } from '../commands/failure.js'
import { exitOnInterrupt } from '../commands/interrupt.js'
import { resultJson } from '../render/json.js'
import { renderText } from '../render/text.js'
import { parseCli, USAGE, UsageError } from './args.js'
import { fetchGitHubIdToken } from './github-oidc.js'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** The CLI: parse once, run, print; every failure becomes one message and exit code 1. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  try {
    const options = parseCli(argv, env)
    if (options === 'help') {
      io.stdout(USAGE + '\n')
      return 0
    }
    const logger = stderrLogger(io)
    const { settings } = options
    const deps = commandDeps(settings, logger, { getIdToken: audience => fetchGitHubIdToken(audience, env) })
    const stopHandling = exitOnInterrupt(deps.ledger, line => io.stderr(`${line}\n`))
    const result = await runCommand(settings, deps).finally(stopHandling)
    io.stdout((options.json ? JSON.stringify(resultJson(result), null, 2) : renderText(result)) + '\n')
    return result.exitCode
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`runner-setup: ${error.message}\n\n${USAGE}\n`)
      return 1
    }
    io.stderr(`${describeFailure(error)}\n`)
    return 1
  }
}

function stderrLogger(io: CliIo): Logger {
  return {
    info: m => io.stderr(`${m}\n`),
    warning: m => io.stderr(`warning: ${m}\n`),
    group: async (title, fn) => {
      io.stderr(`${title}\n`)
      return fn()
    }
  }
}
