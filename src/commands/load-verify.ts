import type { TokenCredential } from '@azure/core-auth'
import type { Engine } from '../azure/engine.js'
import type { TeamConfig } from '../config/types.js'
import type { VerifyReport } from '../verify/verify-report.js'
import type { GitHubFor } from '../github/rest.js'
import type { RunSettings } from './settings.js'

/**
 * The command runner's verify dependency, loaded on first use like the engine (other commands never load it).
 * `signIn` shares the engine's credential (one sign-in per run).
 */
export function loadVerify(
  settings: RunSettings,
  signIn: () => Promise<TokenCredential>,
  github: GitHubFor
): (config: TeamConfig, engine: Engine) => Promise<VerifyReport> {
  let loaded: Promise<(config: TeamConfig, engine: Engine) => Promise<VerifyReport>> | undefined
  const load = async () => {
    const [{ createVerify }, { createClients }, http, credential] = await Promise.all([
      import('../verify/verify.js'),
      import('../azure/clients.js'),
      import('../http/json-client.js'),
      signIn()
    ])
    return createVerify({
      clients: createClients({ credential, endpoint: settings.azure.armEndpoint }),
      credential,
      http: http.createHttpClient(http.DEFAULT_RETRY),
      github,
      ...(settings.github.token ? { githubToken: settings.github.token } : {}),
      fix: settings.fix,
      // Under Actions, a token verify mints is hidden from the log (stderr carries workflow commands too, and
      // keeps --json on stdout clean).
      mask: (secret: string) => {
        if (process.env.GITHUB_ACTIONS === 'true') process.stderr.write(`::add-mask::${secret}\n`)
      },
      ...(settings.github.teamApiUrl ? { githubApiUrl: settings.github.teamApiUrl } : {}),
      ...(settings.azure.keyVaultEndpoint ? { keyVaultEndpoint: settings.azure.keyVaultEndpoint } : {})
    })
  }
  return async (config, engine) => (await (loaded ??= load()))(config, engine)
}
