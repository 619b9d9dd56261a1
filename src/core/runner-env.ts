/**
 * The contract between the job template (written by apply) and the runner entrypoint (PID 1 in the container).
 * Only identifiers travel this way, never a secret value: the entrypoint fetches the App key itself from Key Vault
 * with the job's managed identity.
 */
export const RUNNER_ENV = {
  /** `org` or `repo`. */
  scope: 'RUNNER_SETUP_SCOPE',
  /** GitHub web URL, e.g. https://github.com. */
  githubUrl: 'RUNNER_SETUP_GITHUB_URL',
  /** GitHub REST API base, e.g. https://api.github.com or https://ghes.example.com/api/v3. */
  githubApiUrl: 'RUNNER_SETUP_GITHUB_API_URL',
  owner: 'RUNNER_SETUP_OWNER',
  /** Repo scope only: the repository this job serves. */
  repo: 'RUNNER_SETUP_REPO',
  /** Org scope: runner group name (the entrypoint looks up its id). Repo scope: absent (the default group, id 1). */
  runnerGroup: 'RUNNER_SETUP_RUNNER_GROUP',
  /** Org scope, when the config gives it: the group's id, which saves the runner a lookup by name. */
  runnerGroupId: 'RUNNER_SETUP_RUNNER_GROUP_ID',
  /** Comma-separated runner labels. */
  labels: 'RUNNER_SETUP_LABELS',
  appId: 'RUNNER_SETUP_APP_ID',
  installationId: 'RUNNER_SETUP_INSTALLATION_ID',
  /** Key Vault secret URI of the GitHub App private key (PEM). */
  keySecretUri: 'RUNNER_SETUP_KEY_SECRET_URI',
  /** Client id of the job's user-assigned managed identity. */
  identityClientId: 'RUNNER_SETUP_IDENTITY_CLIENT_ID',
  /** Seconds to wait for a job before the runner is stopped and deregistered. */
  idleTimeoutSeconds: 'RUNNER_SETUP_IDLE_TIMEOUT_SECONDS',
  /** `true`: job steps may sudo, so PID 1 leaves no credential behind once the runner starts. */
  sudo: 'RUNNER_SETUP_SUDO',
  /** `true`: no seccomp filter refusing new user namespaces to job steps (Chromium's sandbox needs them). */
  allowUserNamespaces: 'RUNNER_SETUP_ALLOW_USER_NAMESPACES'
} as const

export type RunnerEnvName = (typeof RUNNER_ENV)[keyof typeof RUNNER_ENV]
