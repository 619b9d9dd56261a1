/**
 * Sudo mode, after PID 1 replaced itself: this process never held the key, a token or IDENTITY_HEADER.
 * It starts the runner with the JIT config it was handed. With no credential it cannot ask GitHub whether an idle
 * runner was just given a job: it keeps a runner whose listener is working on one (a Runner.Worker runs, or it
 * printed "Running job"), and stops it otherwise without deregistering it (the listener ends its session; GitHub
 * removes unused JIT runners; `verify --fix` removes the rest).
 */
import { constants } from 'node:os'
import { HANDOVER_ENV, readRunnerSettings, type EntrypointOptions } from './config.js'
import { EntrypointError, oneLine } from './errors.js'
import type { Log } from './log.js'
import { buildRunnerEnv } from './runner-environment.js'
import { containerExitCode } from './runner-outcome.js'
import { runnerStart, startRunner } from './runner-process.js'
import { supervise } from './supervise.js'
import { lookupUser } from './system-user.js'

export async function runSupervisor(
  log: Log,
  env: Record<string, string | undefined>,
  options: EntrypointOptions = {}
): Promise<number> {
  const jitConfig = env[HANDOVER_ENV.jitConfig]
  const runnerId = env[HANDOVER_ENV.runnerId]
  if (!jitConfig)
    throw new EntrypointError(
      `${HANDOVER_ENV.jitConfig} is not set: the supervisor is started by the entrypoint, not directly`
    )
  const local = readRunnerSettings(env, options)
  const user = lookupUser(local.passwdFile, local.runnerUser)
  const start = async () => {
    try {
      return await startRunner(
        runnerStart({ ...local, sudo: true }, user, jitConfig, buildRunnerEnv(env, user, local.runnerEnvNames))
      )
    } catch (error) {
      throw new EntrypointError(
        `cannot start ${local.listener} as ${user.name}: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}: runner ${runnerId} stays registered until GitHub removes it or verify --fix runs`
      )
    }
  }
  const runner = await start()
  log.info(`runner ${runnerId} started as ${user.name} (pid ${runner.pid}) by the credential-free supervisor`)
  const result = await supervise(runner, {
    idleTimeoutMs: local.idleTimeoutMs,
    log,
    onIdle: async () => 'stop',
    restart: start,
    runnerDir: local.runnerDir,
    retryDelayMs: local.listenerRetryDelayMs,
    updateWaitMs: local.updateWaitMs
  })
  const code = containerExitCode(result, constants.signals)
  log.info(`container exit code ${code}`)
  return code
}
