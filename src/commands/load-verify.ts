import type { TokenCredential } from '@azure/core-auth'
import type { CredentialOptions } from '../azure/credential.js'
import type { Engine } from '../azure/engine.js'
import type { TeamConfig } from '../config/types.js'
import type { VerifyReport } from '../github/verify-report.js'
import type { RunSettings } from './settings.js'

/** Test and sandbox hook: read Key Vault secrets from `<value>/<vault>/secrets/...` (the emulator) instead of `https://<vault>.vault.azure.net`. */
export const KEY_VAULT_ENDPOINT_ENV = 'RUNNER_SETUP_KEY_VAULT_ENDPOINT'

/**
 * The command runner's verify dependency, loaded on first use like the engine (other commands never load it).
 * `signIn` shares the engine's credential (one sign-in per run); without it, verify signs in on its own.
 */
export function loadVerify(
  settings: RunSettings,
  env: NodeJS.ProcessEnv,
  signIn?: () => Promise<TokenCredential>,
  credentialOptions: CredentialOptions = {}
): (config: TeamConfig, engine: Engine) => Promise<VerifyReport> {
  let loaded: Promise<(config: TeamConfig, engine: Engine) => Promise<VerifyReport>> | undefined
  const load = async () => {
    const [{ createVerify }, { createClients }, { createCredential }, { sharedTokenCredential }, http] =
      await Promise.all([
        import('./verify.js'),
        import('../azure/clients.js'),
        import('../azure/credential.js'),
        import('../azure/shared-token.js'),
        import('../github-app/http.js')
      ])
    const credential = signIn
      ? await signIn()
      : sharedTokenCredential(createCredential(settings.azure, credentialOptions))
    const keyVaultEndpoint = env[KEY_VAULT_ENDPOINT_ENV]
    return createVerify({
      clients: createClients({ credential, endpoint: settings.azure.armEndpoint }),
      credential,
      http: http.createHttpClient(http.DEFAULT_RETRY),
      ...(settings.github.token ? { githubToken: settings.github.token } : {}),
      fix: settings.fix,
      ...(keyVaultEndpoint ? { keyVaultEndpoint } : {})
    })
  }
  return async (config, engine) => (await (loaded ??= load()))(config, engine)
}
