import type { TokenCredential } from '@azure/core-auth'
import type { TeamConfig } from '../config/types.js'
import type { TeamReport } from '../usage/team-report.js'
import type { GitHubFor } from '../github/rest.js'
import type { RunSettings } from './settings.js'

/**
 * The command runner's report dependency, loaded on first use like verify (other commands never load it). It shares
 * the run's sign-in.
 */
export function loadReport(
  settings: RunSettings,
  signIn: () => Promise<TokenCredential>,
  github: GitHubFor
): (config: TeamConfig) => Promise<TeamReport> {
  let loaded: Promise<(config: TeamConfig) => Promise<TeamReport>> | undefined
  const load = async () => {
    const [{ collectReport }, { createClients }, credential] = await Promise.all([
      import('../usage/collect-report.js'),
      import('../azure/clients.js'),
      signIn()
    ])
    const clients = createClients({ credential, endpoint: settings.azure.armEndpoint })
    return (config: TeamConfig) =>
      collectReport(config, settings.report, { clients, github, githubToken: settings.github.token ?? '' })
  }
  return async config => (await (loaded ??= load()))(config)
}
