/**
 * PID 1 as the container starts (as root): mint a JIT config, then either supervise the runner while keeping
 * the registration token source (default mode: PID 1's memory and environment are out of the runner user's
 * reach), or, in sudo mode, replace itself with the credential-free supervisor.
 */
import { statSync } from 'node:fs'
import { constants, hostname } from 'node:os'
import { ENTRYPOINT_ENV, readRegistrationSettings, readRunnerSettings } from './config.js'
import { EntrypointError, oneLine } from './errors.js'
import { createHttpClient, defaultSleep } from '../github-app/http.js'
import type { GitHub } from '../github-app/rest.js'
import { deleteRunner, getRunnerBusy } from '../github-app/runners.js'
import type { Log } from './log.js'
import { mintRegistrationToken, registerJitRunner, tokenSource } from './register.js'
import { buildRunnerEnv, buildSupervisorEnv } from './runner-environment.js'
import { exitCodeOf, startRunner } from './runner-process.js'
import { supervise } from './supervise.js'
import { cannotSwitchTo, lookupUser, removeSudoRights } from './system-user.js'

export const SUPERVISE_FLAG = '--supervise'

type Env = Record<string, string | undefined>

export async function runBootstrap(log: Log, env: Env = process.env): Promise<number> {
  const local = readRunnerSettings(env)
  const settings = readRegistrationSettings(env, hostname())
  // Local checks first, so a broken image fails before it burns a registration.
  const user = lookupUser(local.passwdFile, local.runnerUser)
  const switchProblem = cannotSwitchTo(user, process.getuid!())
  if (switchProblem) throw new EntrypointError(switchProblem)
  requireFile(local.runSh)
  if (local.sudo) log.info('sudo mode: the runner user keeps sudo, so no credential will remain in this container')
  else for (const change of removeSudoRights(user.name, local)) log.info(change)

  const http = createHttpClient({
    maxAttempts: 4,
    baseDelayMs: settings.retryBaseMs,
    maxDelayMs: settings.retryMaxMs,
    sleep: defaultSleep
  })
  const gh: GitHub = { apiUrl: settings.apiUrl, http }
  const first = await mintRegistrationToken(settings, http, gh, log)
  const token = tokenSource(first, () => mintRegistrationToken(settings, http, gh, log))
  const jit = await registerJitRunner(settings, gh, first.token, log)

  const deregister = async (why: string): Promise<void> => {
    try {
      const deleted = await deleteRunner(gh, await token(), settings.target, jit.runnerId)
      log.info(`${deleted ? 'deregistered' : 'already gone:'} runner ${jit.runnerId} (${why})`)
    } catch (error) {
      log.error(oneLine(error))
    }
  }

  if (local.sudo) {
    log.info('handing over to the credential-free supervisor')
    const supervisorEnv = {
      ...buildSupervisorEnv(env),
      [ENTRYPOINT_ENV.jitConfig]: jit.jitConfig,
      [ENTRYPOINT_ENV.runnerId]: String(jit.runnerId)
    }
    try {
      process.execve!(process.execPath, [process.execPath, process.argv[1]!, SUPERVISE_FLAG], supervisorEnv)
    } catch (error) {
      await deregister('the supervisor did not start')
      throw new EntrypointError(
        `cannot start the supervisor: ${oneLine(error)}: the image needs Node 24 for PID 1 (see runner/Dockerfile)`
      )
    }
  }

  let runner
  try {
    runner = await startRunner({ runSh: local.runSh, jitConfig: jit.jitConfig, user, env: buildRunnerEnv(env, user) })
  } catch (error) {
    await deregister('the runner did not start')
    throw new EntrypointError(
      `cannot start ${local.runSh} as ${user.name}: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}: check the runner image`
    )
  }
  log.info(`runner started as ${user.name} (pid ${runner.pid})`)

  const result = await supervise(runner, {
    idleTimeoutMs: local.idleTimeoutMs,
    stopGraceMs: local.stopGraceMs,
    log,
    async onIdle() {
      // The output may lag the assignment: ask GitHub before stopping a runner that may have just taken a job.
      if (await getRunnerBusy(gh, await token(), settings.target, jit.runnerId)) return 'keep'
      await deregister('idle timeout')
      return 'stop'
    }
  })
  if (!result.jobStarted && !result.stoppedIdle) await deregister('the runner ended without a job')
  // Stopping an idle runner is routine (the scaler over-provisioned), not a failed execution.
  const code = result.stoppedIdle ? 0 : exitCodeOf(result.exit, constants.signals)
  log.info(`runner exited with ${code}`)
  return code
}

export function requireFile(path: string): void {
  let isFile = false
  try {
    isFile = statSync(path).isFile()
  } catch {
    // reported below
  }
  if (!isFile)
    throw new EntrypointError(
      `${path} not found: use the runner image (runner/Dockerfile) or set ${ENTRYPOINT_ENV.runSh}`
    )
}
