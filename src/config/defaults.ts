/** Defaults that depend on other keys, applied to a tree that passed every check. */
import { memoryFor } from './cross-checks.js'
import { gitHubApiUrl, normalizeGitHubUrl, vaultNameOf } from './formats.js'
import { DEFAULT_CPU } from './schema.js'
import type { ConfigSource, TeamConfig } from './types.js'

/** The validated tree: TeamConfig minus what this module derives. */
type Checked = Omit<TeamConfig, 'source' | 'github' | 'runners'> & {
  github: Omit<TeamConfig['github'], 'apiUrl' | 'runnerGroup' | 'labels' | 'app'> & {
    runnerGroup?: string
    labels?: string[]
    app: Omit<TeamConfig['github']['app'], 'keyVaultId'> & { keyVaultId?: string }
  }
  runners: Omit<TeamConfig['runners'], 'cpu' | 'memory'> & { cpu?: number; memory?: string }
}

/** Repo-scope runners register in the repository's only group. */
export const REPO_SCOPE_RUNNER_GROUP = 'Default'

export function applyDerivedDefaults(tree: unknown, source: ConfigSource): TeamConfig {
  const checked = tree as Checked
  const { github, azure, runners } = checked
  const url = normalizeGitHubUrl(github.url)
  // cpu and memory: whichever is given sets the other; neither gives 2 vCPU / 4Gi.
  const cpu = runners.cpu ?? (runners.memory !== undefined ? parseFloat(runners.memory) / 2 : DEFAULT_CPU)
  const vault = vaultNameOf(github.app.privateKeySecretUri)
  return {
    ...checked,
    github: {
      url,
      apiUrl: gitHubApiUrl(url),
      owner: github.owner,
      scope: github.scope,
      repos: github.repos,
      runnerGroup: github.scope === 'repo' ? REPO_SCOPE_RUNNER_GROUP : (github.runnerGroup ?? checked.team),
      ...(github.runnerGroupId !== undefined ? { runnerGroupId: github.runnerGroupId } : {}),
      // With pools, the first pool's: what a single-pool reader (runs-on, verify's runner list) reads.
      labels: runners.pools?.[0]?.labels ?? github.labels ?? [checked.team],
      allowPublicRepos: github.allowPublicRepos,
      app: {
        id: github.app.id,
        installationId: github.app.installationId,
        privateKeySecretUri: github.app.privateKeySecretUri,
        keyVaultId:
          github.app.keyVaultId ??
          `/subscriptions/${azure.subscriptionId}/resourceGroups/${azure.resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault}`
      }
    },
    runners: { ...runners, cpu, memory: memoryFor(cpu) },
    source
  }
}
