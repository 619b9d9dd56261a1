/**
 * PID 1 as the container starts (as root): mint a JIT config (in a short-lived credential process), then either
 * supervise the runner (default mode: the runner user cannot read PID 1's environment or memory, and cannot gain
 * privileges), or, in sudo mode, replace itself with the credential-free supervisor.
 */
import { statSync } from 'node:fs'
import { constants, hostname } from 'node:os'
import { HANDOVER_ENV, readRegistrationSettings, readRunnerSettings, type EntrypointOptions } from './config.js'
import { deregister, register, type Deregistration } from './credential-process.js'
import { EntrypointError, oneLine, ReportedError } from './errors.js'
import type { Log } from './log.js'
import { buildRunnerEnv, buildSupervisorEnv } from './runner-environment.js'
import { containerExitCode } from './runner-outcome.js'
import { runnerStart, SETPRIV, startRunner } from './runner-process.js'
import { supervise } from './supervise.js'
import { cannotSwitchTo, lookupUser } from './system-user.js'

export const SUPERVISE_FLAG = '--supervise'

type Env = Record<string, string | undefined>

export async function runBootstrap(log: Log, env: Env, options: EntrypointOptions = {}): Promise<number> {
  const local = readRunnerSettings(env, options)
  readRegistrationSettings(env, hostname(), options) // a missing setting fails here, in one line
  // Local checks first, so a broken image fails before it burns a registration.
  const user = lookupUser(local.passwdFile, local.runnerUser)
  const switchProblem = cannotSwitchTo(user, process.getuid!())
  if (switchProblem) throw new EntrypointError(switchProblem)
  requireExecutable(local.listener, 'use the runner image (runner/Dockerfile)')
  requireExecutable(SETPRIV, 'the image needs util-linux (it starts the runner without any way to regain privileges)')
  if (!local.sudo && !local.allowUserNamespaces)
    requireExecutable(local.seccompHelper, 'use the runner image (runner/Dockerfile builds the seccomp helper)')
  if (local.sudo) log.info('sudo mode: the runner user keeps sudo, so no credential will remain in this container')

  const jit = await register(env)
  const deregisterFor = async (why: string): Promise<Deregistration | 'failed'> => {
    try {
      const answer = await deregister(env, jit.runnerId)
      log.info(`${answer === 'busy' ? 'kept (GitHub gave it a job):' : `${answer}:`} runner ${jit.runnerId} (${why})`)
      return answer
    } catch (error) {
      if (!(error instanceof ReportedError)) log.error(oneLine(error))
      return 'failed'
    }
  }

  if (local.sudo) {
    log.info('handing over to the credential-free supervisor')
    const supervisorEnv = {
      ...buildSupervisorEnv(env, local.runnerEnvNames),
      [HANDOVER_ENV.jitConfig]: jit.jitConfig,
      [HANDOVER_ENV.runnerId]: String(jit.runnerId)
    }
    try {
      process.execve!(process.execPath, [process.execPath, ...process.argv.slice(1), SUPERVISE_FLAG], supervisorEnv)
    } catch (error) {
      await deregisterFor('the supervisor did not start')
      throw new EntrypointError(
        `cannot start the supervisor: ${oneLine(error)}: the image needs Node 24 for PID 1 (see runner/Dockerfile)`
      )
    }
  }

  const start = async () => {
    try {
      return await startRunner(runnerStart(local, user, jit.jitConfig, buildRunnerEnv(env, user, local.runnerEnvNames)))
    } catch (error) {
      await deregisterFor('the runner did not start')
      throw new EntrypointError(
        `cannot start ${local.listener} as ${user.name}: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}: check the runner image`
      )
    }
  }
  const runner = await start()
  const namespaces = local.allowUserNamespaces ? 'user namespaces allowed' : 'no new user namespaces'
  log.info(`runner started as ${user.name} (pid ${runner.pid}), without any way to gain privileges, ${namespaces}`)

  const result = await supervise(runner, {
    idleTimeoutMs: local.idleTimeoutMs,
    log,
    // GitHub decides: a runner given a job since the last look cannot be deleted (422) and keeps running.
    onIdle: async () => ((await deregisterFor('idle timeout')) === 'busy' ? 'keep' : 'stop'),
    restart: start,
    runnerDir: local.runnerDir,
    retryDelayMs: local.listenerRetryDelayMs,
    updateWaitMs: local.updateWaitMs
  })
  if (!result.jobStarted && !result.stoppedIdle) await deregisterFor('the runner ended without a job')
  const code = containerExitCode(result, constants.signals)
  log.info(`container exit code ${code}`)
  return code
}

export function requireExecutable(path: string, hint: string): void {
  let mode: number | undefined
  try {
    const stat = statSync(path)
    if (stat.isFile()) mode = stat.mode
  } catch {
    // reported below
  }
  if (mode === undefined) throw new EntrypointError(`${path} not found: ${hint}`)
  if ((mode & 0o111) === 0) throw new EntrypointError(`${path} is not executable: ${hint}`)
}
