/** PID 1 of a runner container, in one of its three roles. Every failure ends as one log line and a non-zero exit. */
import { runBootstrap, SUPERVISE_FLAG } from './bootstrap.js'
import type { EntrypointOptions } from './config.js'
import { CREDENTIAL_FLAG, runCredentialTask } from './credential-process.js'
import { oneLine, ReportedError } from './errors.js'
import { createLog } from './log.js'
import { runSupervisor } from './supervisor.js'

/** `options` are for tests only; the image runs `main()`. Child processes get the same argv, so the same options. */
export function main(options: EntrypointOptions = {}): void {
  const log = createLog()
  const task = process.argv.find(a => a.startsWith(CREDENTIAL_FLAG))?.slice(CREDENTIAL_FLAG.length)
  const run = task
    ? runCredentialTask(task, log, process.env, options)
    : process.argv.includes(SUPERVISE_FLAG)
      ? runSupervisor(log, process.env, options)
      : runBootstrap(log, process.env, options)
  run.then(
    code => process.exit(code),
    (error: unknown) => {
      if (!(error instanceof ReportedError)) log.error(oneLine(error))
      process.exit(1)
    }
  )
}
