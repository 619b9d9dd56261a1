/** PID 1 of a runner container. Every failure ends as one log line and a non-zero exit, never a stack trace. */
import { runBootstrap, SUPERVISE_FLAG } from './bootstrap.js'
import { oneLine } from './errors.js'
import { createLog } from './log.js'
import { runSupervisor } from './supervisor.js'

const log = createLog()
const run = process.argv.includes(SUPERVISE_FLAG) ? runSupervisor : runBootstrap

run(log).then(
  code => process.exit(code),
  (error: unknown) => {
    log.error(oneLine(error))
    process.exit(1)
  }
)
