/**
 * Container start to JIT config: managed identity → App key from Key Vault (memory only) → App JWT →
 * narrowed installation token → (runner group id) → generate-jitconfig. Four HTTP calls, five at org scope
 * when only the group name is known. Runs in the short-lived credential process (credential-process.ts), never in
 * PID 1.
 */
import { createAppJwt } from '../github/app-jwt.js'
import type { HttpClient } from '../http/json-client.js'
import { mintInstallationToken, type InstallationToken } from '../github/installation.js'
import { getManagedIdentityToken, KEY_VAULT_RESOURCE, readKeyVaultSecret } from '../http/key-vault.js'
import type { GitHub } from '../github/rest.js'
import type { RegistrationSettings } from './config.js'
import {
  deleteRunner,
  findRunnerGroupId,
  generateJitConfig,
  type DeleteOutcome,
  type JitRunner
} from '../github/runners.js'
import type { Log } from './log.js'

/** The repo scope always uses the default group. */
const DEFAULT_RUNNER_GROUP_ID = 1

export async function mintRegistrationToken(
  settings: RegistrationSettings,
  http: HttpClient,
  gh: GitHub,
  log: Log
): Promise<InstallationToken> {
  const identity = {
    endpoint: settings.identityEndpoint,
    header: settings.identityHeader,
    clientId: settings.identityClientId
  }
  const vaultToken = await log.step('managed identity token', () =>
    getManagedIdentityToken(http, identity, KEY_VAULT_RESOURCE)
  )
  const key = await log.step('GitHub App key from Key Vault', () =>
    readKeyVaultSecret(http, settings.keySecretUri, vaultToken)
  )
  const appJwt = createAppJwt(settings.appId, key, Math.floor(Date.now() / 1000))
  return log.step('installation token (registration permissions only)', () =>
    mintInstallationToken(gh, appJwt, settings.installationId, settings.target)
  )
}

export async function registerJitRunner(
  settings: RegistrationSettings,
  gh: GitHub,
  token: string,
  log: Log
): Promise<JitRunner> {
  const { target } = settings
  let groupId = DEFAULT_RUNNER_GROUP_ID
  if (target.scope === 'org') {
    groupId =
      settings.runnerGroupId ??
      (await log.step(`runner group "${settings.runnerGroup}"`, () =>
        findRunnerGroupId(gh, token, target.owner, settings.runnerGroup!)
      ))
  }
  const runner = await log.step(
    `JIT config for runner ${settings.runnerName} (group ${groupId}, labels ${settings.labels.join(',')})`,
    () =>
      generateJitConfig(gh, token, target, {
        name: settings.runnerName,
        runnerGroupId: groupId,
        labels: settings.labels
      })
  )
  log.info(`registered runner id ${runner.runnerId}`)
  return runner
}

/**
 * Deletes the registration. GitHub answers 422 when the runner was given a job meanwhile (its REST description lists
 * 422 for "Delete a self-hosted runner"): `busy`, and the runner must keep running.
 */
export function deregisterRunner(
  settings: RegistrationSettings,
  gh: GitHub,
  token: string,
  runnerId: number
): Promise<DeleteOutcome> {
  return deleteRunner(gh, token, settings.target, runnerId)
}
