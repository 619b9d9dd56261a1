/**
 * Reads the entrypoint's settings from its environment (the job template's RUNNER_ENV contract plus the
 * Container Apps built-ins). Pure: no I/O, so every rule is unit-testable.
 */
import { RUNNER_ENV } from '../core/runner-env.js'
import type { Target } from '../github-app/rest.js'
import { EntrypointError } from './errors.js'

/** Knobs with production defaults; tests point them at temporary files and shorten the delays. */
export const ENTRYPOINT_ENV = {
  runSh: 'RUNNER_SETUP_RUN_SH',
  runnerUser: 'RUNNER_SETUP_RUNNER_USER',
  passwdFile: 'RUNNER_SETUP_PASSWD_FILE',
  groupFile: 'RUNNER_SETUP_GROUP_FILE',
  sudoersDir: 'RUNNER_SETUP_SUDOERS_DIR',
  retryBaseMs: 'RUNNER_SETUP_RETRY_BASE_MS',
  retryMaxMs: 'RUNNER_SETUP_RETRY_MAX_MS',
  stopGraceMs: 'RUNNER_SETUP_STOP_GRACE_MS',
  /** Hands the JIT config from the minting process to the credential-free supervisor (sudo mode). */
  jitConfig: 'RUNNER_SETUP_JIT_CONFIG',
  runnerId: 'RUNNER_SETUP_RUNNER_ID'
} as const

type Env = Record<string, string | undefined>

export type { Target } from '../github-app/rest.js'

/** What starting and supervising the runner needs: local, never secret. */
export interface RunnerSettings {
  runSh: string
  runnerUser: string
  passwdFile: string
  groupFile: string
  sudoersDir: string
  idleTimeoutMs: number
  stopGraceMs: number
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

export function readRunnerSettings(env: Env): RunnerSettings {
  return {
    runSh: env[ENTRYPOINT_ENV.runSh] || '/home/runner/run.sh',
    runnerUser: env[ENTRYPOINT_ENV.runnerUser] || 'runner',
    passwdFile: env[ENTRYPOINT_ENV.passwdFile] || '/etc/passwd',
    groupFile: env[ENTRYPOINT_ENV.groupFile] || '/etc/group',
    sudoersDir: env[ENTRYPOINT_ENV.sudoersDir] || '/etc/sudoers.d',
    // Fractions allowed: tests use sub-second idle timeouts.
    idleTimeoutMs: number(env, RUNNER_ENV.idleTimeoutSeconds, 600) * 1000,
    stopGraceMs: number(env, ENTRYPOINT_ENV.stopGraceMs, 10_000),
    sudo: (env[RUNNER_ENV.sudo] ?? '').toLowerCase() === 'true'
  }
}

export function readRegistrationSettings(env: Env, hostname: string): RegistrationSettings {
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
    retryBaseMs: number(env, ENTRYPOINT_ENV.retryBaseMs, 1000),
    retryMaxMs: number(env, ENTRYPOINT_ENV.retryMaxMs, 30_000)
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
