/**
 * Container start to JIT config: managed identity → App key from Key Vault (memory only) → App JWT →
 * narrowed installation token → (runner group id) → generate-jitconfig. Four HTTP calls, five at org scope
 * when only the group name is known.
 */
import { createAppJwt } from '../github-app/app-jwt.js'
import type { HttpClient } from '../github-app/http.js'
import { mintInstallationToken, type InstallationToken } from '../github-app/installation.js'
import { getManagedIdentityToken, KEY_VAULT_RESOURCE, readKeyVaultSecret } from '../github-app/key-vault.js'
import type { GitHub } from '../github-app/rest.js'
import { findRunnerGroupId, generateJitConfig, type JitRunner } from '../github-app/runners.js'
import type { RegistrationSettings } from './config.js'
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
  // The key lives only in this function's scope and is dropped when it returns.
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

/** The installation token, minted again when it is about to expire (an idle timeout can outlast it). */
export function tokenSource(
  first: InstallationToken,
  mint: () => Promise<InstallationToken>,
  now: () => number = Date.now
): () => Promise<string> {
  let current = first
  return async () => {
    if (current.expiresAtMs - now() < 5 * 60_000) current = await mint()
    return current.token
  }
}
