/**
 * Reads the entrypoint's settings from its environment (the job template's RUNNER_ENV contract plus the
 * Container Apps built-ins). Pure: no I/O, so every rule is unit-testable.
 */
import { join } from 'node:path'
import { RUNNER_ENV } from '../core/runner-env.js'
import type { Target } from '../github/rest.js'
import { EntrypointError } from './errors.js'

/** How PID 1 hands the JIT config to the credential-free supervisor it becomes in sudo mode (never a secret). */
export const HANDOVER_ENV = {
  jitConfig: 'RUNNER_SETUP_JIT_CONFIG',
  runnerId: 'RUNNER_SETUP_RUNNER_ID'
} as const

/**
 * Where the image puts things, and how long to wait. Production uses the defaults; tests inject other values
 * through the exported `main(options)` (never through the environment: PID 1 runs as root).
 */
export interface EntrypointOptions {
  /** The runner's folder (the official image's /home/runner): PID 1 starts its bin/Runner.Listener. */
  runnerDir?: string
  /** The seccomp helper that refuses new user namespaces (runner/no-user-namespaces.c). */
  seccompHelper?: string
  runnerUser?: string
  passwdFile?: string
  retryBaseMs?: number
  retryMaxMs?: number
  stopGraceMs?: number
  /** Before the listener is started again after its retryable error (run-helper.sh waits 5 s). */
  listenerRetryDelayMs?: number
  /** How long to wait for a runner update to finish (run-helper.sh: about 30 s). */
  updateWaitMs?: number
  /** More environment names to pass on to the runner (the emulated runner's switches); the image passes none. */
  runnerEnvNames?: string[]
}

type Env = Record<string, string | undefined>

export type { Target } from '../github/rest.js'

/** What starting and supervising the runner needs: local, never secret. */
export interface RunnerSettings {
  runnerDir: string
  /** `bin/Runner.Listener` in the runner's folder: runner-owned, so never executed again once a job may have run. */
  listener: string
  seccompHelper: string
  /** The team's `runners.allowUserNamespaces`: no seccomp filter (browser sandboxes need user namespaces). */
  allowUserNamespaces: boolean
  runnerUser: string
  passwdFile: string
  idleTimeoutMs: number
  stopGraceMs: number
  listenerRetryDelayMs?: number
  updateWaitMs?: number
  runnerEnvNames: string[]
  sudo: boolean
}

/** What minting the JIT config needs. `identityHeader` is the only secret and is never logged. */
export interface RegistrationSettings {
  target: Target
  apiUrl: string
  runnerGroup?: string
  runnerGroupId?: number
  labels: string[]
  appId: string
  installationId: string
  keySecretUri: string
  identityEndpoint: string
  identityHeader: string
  identityClientId: string
  runnerName: string
  retryBaseMs: number
  retryMaxMs: number
}

export function readRunnerSettings(env: Env, options: EntrypointOptions = {}): RunnerSettings {
  const runnerDir = options.runnerDir ?? '/home/runner'
  return {
    runnerDir,
    listener: join(runnerDir, 'bin', 'Runner.Listener'),
    seccompHelper: options.seccompHelper ?? '/opt/runner-setup/no-user-namespaces',
    allowUserNamespaces: (env[RUNNER_ENV.allowUserNamespaces] ?? '').toLowerCase() === 'true',
    runnerUser: options.runnerUser ?? 'runner',
    passwdFile: options.passwdFile ?? '/etc/passwd',
    // Fractions allowed: tests use sub-second idle timeouts.
    idleTimeoutMs: number(env, RUNNER_ENV.idleTimeoutSeconds, 600) * 1000,
    stopGraceMs: options.stopGraceMs ?? 10_000,
    listenerRetryDelayMs: options.listenerRetryDelayMs,
    updateWaitMs: options.updateWaitMs,
    runnerEnvNames: options.runnerEnvNames ?? [],
    sudo: (env[RUNNER_ENV.sudo] ?? '').toLowerCase() === 'true'
  }
}

export function readRegistrationSettings(
  env: Env,
  hostname: string,
  options: EntrypointOptions = {}
): RegistrationSettings {
  const scope = required(env, RUNNER_ENV.scope)
  if (scope !== 'org' && scope !== 'repo')
    throw new EntrypointError(
      `${RUNNER_ENV.scope} must be "org" or "repo", not "${scope}": re-run apply to rewrite the job template`
    )
  const owner = required(env, RUNNER_ENV.owner)
  const target: Target = scope === 'org' ? { scope, owner } : { scope, owner, repo: required(env, RUNNER_ENV.repo) }
  const groupIdText = env[RUNNER_ENV.runnerGroupId]
  const runnerGroupId = groupIdText ? Number(groupIdText) : undefined
  if (runnerGroupId !== undefined && !(Number.isInteger(runnerGroupId) && runnerGroupId > 0)) {
    throw new EntrypointError(`${RUNNER_ENV.runnerGroupId} must be a positive integer, not "${groupIdText}"`)
  }
  const runnerGroup = env[RUNNER_ENV.runnerGroup] || undefined
  if (scope === 'org' && runnerGroupId === undefined && runnerGroup === undefined) {
    throw new EntrypointError(`org scope needs ${RUNNER_ENV.runnerGroup}: re-run apply to rewrite the job template`)
  }
  const labels = (env[RUNNER_ENV.labels] ?? '')
    .split(',')
    .map(l => l.trim())
    .filter(l => l !== '')
  if (labels.length < 1 || labels.length > 100)
    throw new EntrypointError(`${RUNNER_ENV.labels} must list 1 to 100 labels, found ${labels.length}`)
  return {
    target,
    apiUrl: required(env, RUNNER_ENV.githubApiUrl).replace(/\/+$/, ''),
    runnerGroup,
    runnerGroupId,
    labels,
    appId: required(env, RUNNER_ENV.appId),
    installationId: required(env, RUNNER_ENV.installationId),
    keySecretUri: required(env, RUNNER_ENV.keySecretUri),
    identityEndpoint: required(
      env,
      'IDENTITY_ENDPOINT',
      'the Container Apps job has no managed identity: assign the user-assigned identity to the job (re-run apply)'
    ),
    identityHeader: required(
      env,
      'IDENTITY_HEADER',
      'the Container Apps job has no managed identity: assign the user-assigned identity to the job (re-run apply)'
    ),
    identityClientId: required(env, RUNNER_ENV.identityClientId),
    runnerName: env.CONTAINER_APP_JOB_EXECUTION_NAME || env.CONTAINER_APP_REPLICA_NAME || hostname,
    retryBaseMs: options.retryBaseMs ?? 1000,
    retryMaxMs: options.retryMaxMs ?? 30_000
  }
}

function required(env: Env, name: string, hint = 're-run apply to rewrite the job template'): string {
  const value = env[name]
  if (!value) throw new EntrypointError(`${name} is not set: ${hint}`)
  return value
}

function number(env: Env, name: string, fallback: number): number {
  const text = env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0)
    throw new EntrypointError(`${name} must be a non-negative number, not "${text}"`)
  return value
}
