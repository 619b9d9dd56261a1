/**
 * What a team's GitHub side looks like before its runners can work, as the platform sets it up: the org, the
 * team's repositories, the platform's App (with the id the config names) installed on the org, the team's runner
 * group (org scope) and the App key in the team's Key Vault, at the URI the config names.
 */
import { generateKeyPairSync } from 'node:crypto'
import type { TeamConfig } from '../../src/config/types.js'
import type { GitHubAdmin } from '../github/index.js'

const keys = new WeakMap<GitHubAdmin, Map<number, string>>()

export function seedGitHubTeam(github: GitHubAdmin, config: TeamConfig): void {
  const { owner, repos, app, scope, runnerGroup, allowPublicRepos } = config.github
  const state = github.github
  if (!state.org(owner)) state.addOrg(owner)
  for (const repo of repos) if (!state.repo(owner, repo)) state.addRepo(owner, repo)

  const pems = keys.get(github) ?? new Map<number, string>()
  keys.set(github, pems)
  if (!state.apps.has(app.id)) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    state.addApp(publicKey.export({ type: 'spki', format: 'pem' }).toString(), app.id)
    pems.set(app.id, privateKey.export({ type: 'pkcs1', format: 'pem' }).toString())
  }
  if (!state.installations.has(app.installationId)) {
    state.addInstallation({
      id: app.installationId,
      appId: app.id,
      account: owner,
      permissions: {
        organization_self_hosted_runners: 'write',
        administration: 'write',
        actions: 'read',
        metadata: 'read'
      }
    })
  }
  if (scope === 'org' && !state.groupsOf(owner).some(g => g.name.toLowerCase() === runnerGroup.toLowerCase())) {
    state.addRunnerGroup(owner, { name: runnerGroup, repositories: repos, allowsPublicRepositories: allowPublicRepos })
  }
  const secret = parseSecretUri(app.privateKeySecretUri)
  github.keyVaults.setSecret(secret.vault, secret.name, pems.get(app.id)!, secret.version)
}

/** The App's private key as seeded (what the platform stored in Key Vault), for tests that act as the App. */
export function appKeyOf(github: GitHubAdmin, appId: number): string | undefined {
  return keys.get(github)?.get(appId)
}

/** `https://<vault>.vault.azure.net/secrets/<name>[/<version>]`. */
export function parseSecretUri(uri: string): { vault: string; name: string; version?: string } {
  const url = new URL(uri)
  const [, kind, name, version] = url.pathname.split('/')
  if (kind !== 'secrets' || !name) throw new Error(`not a Key Vault secret URI: ${uri}`)
  return { vault: url.hostname.split('.')[0]!, name, ...(version ? { version } : {}) }
}
