/**
 * Sudo mode, after PID 1 replaced itself: this process never held the key, a token or IDENTITY_HEADER.
 * It starts the runner with the JIT config it was handed and stops an idle runner without deregistering it
 * (GitHub removes unused JIT runners; `verify --fix` removes the rest).
 */
import { constants } from 'node:os'
import { ENTRYPOINT_ENV, readRunnerSettings } from './config.js'
import { EntrypointError, oneLine } from './errors.js'
import type { Log } from './log.js'
import { buildRunnerEnv } from './runner-environment.js'
import { exitCodeOf, startRunner } from './runner-process.js'
import { supervise } from './supervise.js'
import { lookupUser } from './system-user.js'

export async function runSupervisor(log: Log, env: Record<string, string | undefined> = process.env): Promise<number> {
  const jitConfig = env[ENTRYPOINT_ENV.jitConfig]
  const runnerId = env[ENTRYPOINT_ENV.runnerId]
  delete process.env[ENTRYPOINT_ENV.jitConfig]
  if (!jitConfig)
    throw new EntrypointError(
      `${ENTRYPOINT_ENV.jitConfig} is not set: the supervisor is started by the entrypoint, not directly`
    )
  const local = readRunnerSettings(env)
  const user = lookupUser(local.passwdFile, local.runnerUser)
  let runner
  try {
    runner = await startRunner({ runSh: local.runSh, jitConfig, user, env: buildRunnerEnv(env, user) })
  } catch (error) {
    throw new EntrypointError(
      `cannot start ${local.runSh} as ${user.name}: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}: runner ${runnerId} stays registered until GitHub removes it or verify --fix runs`
    )
  }
  log.info(`runner ${runnerId} started as ${user.name} (pid ${runner.pid}) by the credential-free supervisor`)
  const result = await supervise(runner, {
    idleTimeoutMs: local.idleTimeoutMs,
    stopGraceMs: local.stopGraceMs,
    log,
    onIdle: async () => 'stop'
  })
  // Stopping an idle runner is routine (the scaler over-provisioned), not a failed execution.
  const code = result.stoppedIdle ? 0 : exitCodeOf(result.exit, constants.signals)
  log.info(`runner exited with ${code}`)
  return code
}
