/**
 * The runner's environment, built from an allow-list: what the runner and job steps legitimately use.
 * Never IDENTITY_* (whoever holds IDENTITY_HEADER can get the identity's tokens), never RUNNER_SETUP_*.
 */
import type { SystemUser } from './system-user.js'

const ALLOWED = new Set([
  'PATH',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'TZ',
  'TERM',
  'DEBIAN_FRONTEND',
  'ImageOS',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CONTAINER_APP_JOB_NAME',
  'CONTAINER_APP_JOB_EXECUTION_NAME',
  'CONTAINER_APP_REPLICA_NAME'
])

/** Settings the runner itself reads (RUNNER_MANUALLY_TRAP_SIG, ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT, hooks...). */
function allowedByPrefix(name: string): boolean {
  return (name.startsWith('RUNNER_') && !name.startsWith('RUNNER_SETUP_')) || name.startsWith('ACTIONS_RUNNER_')
}

export function buildRunnerEnv(source: Record<string, string | undefined>, user: SystemUser): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && (ALLOWED.has(name) || allowedByPrefix(name))) env[name] = value
  }
  env.PATH ??= '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  return {
    ...env,
    // A runner GitHub refuses as too old exits 7 instead of 0 (run.sh, run-helper.sh and the listener read it).
    ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE: '1',
    HOME: user.home,
    USER: user.name,
    LOGNAME: user.name,
    SHELL: user.shell
  }
}

/**
 * The environment of the credential-free supervisor (sudo mode): the runner's allow-list plus the entrypoint's
 * own RUNNER_SETUP_* settings, which are identifiers only. No IDENTITY_*, so no way to ask for a token.
 */
export function buildSupervisorEnv(source: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && (ALLOWED.has(name) || allowedByPrefix(name) || name.startsWith('RUNNER_SETUP_')))
      env[name] = value
  }
  return env
}
