/**
 * The runner's environment: an exact allow-list of names, each for a reason. No prefix rule, so nothing new reaches
 * the runner by its name alone. Never IDENTITY_* (whoever holds IDENTITY_HEADER can get the identity's tokens),
 * never RUNNER_SETUP_*, never MSI_*.
 */
import type { SystemUser } from './system-user.js'

/** Name → why the runner gets it. */
export const RUNNER_ENV_ALLOWED: Record<string, string> = {
  PATH: 'where the runner and job steps find programs',
  LANG: 'locale (the runner image sets it)',
  LANGUAGE: 'locale',
  LC_ALL: 'locale',
  TZ: 'time zone',
  TERM: 'terminal type for tools that print in colour',
  DEBIAN_FRONTEND: 'the official runner image sets it (noninteractive apt in job steps)',
  ImageOS: 'the official runner image sets it; actions such as setup-python read it',
  http_proxy: 'proxy: the runner and job tools honour both spellings',
  https_proxy: 'proxy for HTTPS',
  no_proxy: 'hosts reached without the proxy',
  HTTP_PROXY: 'proxy: upper-case spelling',
  HTTPS_PROXY: 'proxy for HTTPS: upper-case spelling',
  NO_PROXY: 'hosts reached without the proxy: upper-case spelling',
  NODE_EXTRA_CA_CERTS: "extra CA certificates for the runner's Node actions",
  SSL_CERT_FILE: 'CA certificates for OpenSSL-based tools',
  SSL_CERT_DIR: 'CA certificates for OpenSSL-based tools',
  CONTAINER_APP_JOB_NAME: 'which Container Apps job this is (not secret; useful in job logs)',
  CONTAINER_APP_JOB_EXECUTION_NAME: 'which execution this is: also the runner name',
  CONTAINER_APP_REPLICA_NAME: 'which replica this is',
  ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT:
    "the official image sets it: the listener's diagnostic log goes to its output, which PID 1 relays, marked",
  ACTIONS_RUNNER_HOOK_JOB_STARTED: 'a job hook an image may configure (runner documentation, "Running scripts")',
  ACTIONS_RUNNER_HOOK_JOB_COMPLETED: 'a job hook an image may configure'
}

/** PID 1 sets these itself, whatever its own environment says. */
function fixedEnv(user: SystemUser): Record<string, string> {
  return {
    // A runner GitHub refuses as too old exits 7 instead of 1: the listener reads it (Runner.Listener/Program.cs),
    // as run.sh and run-helper.sh did. run.sh exports nothing else (actions/runner v2.336.0).
    ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE: '1',
    HOME: user.home,
    USER: user.name,
    LOGNAME: user.name,
    SHELL: user.shell
  }
}

/**
 * `extraNames`: more names to pass on (tests only: the emulated listener's switches and its container marker; the
 * image passes none).
 */
export function buildRunnerEnv(
  source: Record<string, string | undefined>,
  user: SystemUser,
  extraNames: readonly string[] = []
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && (Object.hasOwn(RUNNER_ENV_ALLOWED, name) || extraNames.includes(name))) env[name] = value
  }
  env.PATH ??= '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  return { ...env, ...fixedEnv(user) }
}

/**
 * The environment of the credential-free supervisor (sudo mode): the runner's allow-list plus the entrypoint's
 * own RUNNER_SETUP_* settings, which are identifiers only. No IDENTITY_*, so no way to ask for a token.
 */
export function buildSupervisorEnv(
  source: Record<string, string | undefined>,
  extraNames: readonly string[] = []
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(source)) {
    const allowed = Object.hasOwn(RUNNER_ENV_ALLOWED, name) || extraNames.includes(name)
    if (value !== undefined && (allowed || name.startsWith('RUNNER_SETUP_'))) env[name] = value
  }
  return env
}
