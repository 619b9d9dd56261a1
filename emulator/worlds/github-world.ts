/**
 * One emulator with ARM, the GitHub runners double, Key Vault and the issues double, and a studio team whose
 * GitHub side is set up the way verify expects: org, repositories, App + installation, runner group, App key.
 */
import { randomUUID } from 'node:crypto'
import { startEmulator, type Emulator } from '../index.js'
import { createGitHubServices, type GitHubAdmin } from '../github/index.js'
import { createIssuesService, type IssuesAdmin } from '../github-issues/index.js'
import { seedPlatform } from './azure-harness.js'
import { studioConfig } from './azure-fixture.js'
import type { TeamConfig } from '../../src/config/types.js'

export const API_BASE = '/api/v3'
export const ORG = 'altinn'
export const REPOS = ['altinn-studio', 'app-frontend-react']

export interface World {
  emulator: Emulator
  gh: GitHubAdmin
  issues: IssuesAdmin
  config: TeamConfig
  groupId: number
  installationId: number
  /** An installation token with runner read/write, used as the github-token. */
  token: string
  apiUrl: string
  keyVaultEndpoint: string
  /** A Key Vault token of an identity granted the App key, standing in for a signed-in identity with the grant. */
  grantedKeyVaultToken(): string
}

export async function startWorld(): Promise<World> {
  const emulator = await startEmulator({ retryAfterSeconds: 0 })
  await seedPlatform(emulator)
  // The issues double first: the runners double answers 404 for every other path under the same base.
  const issues = createIssuesService({ basePaths: [API_BASE], acceptToken: t => gh.github.tokens.has(t) })
  emulator.addService(issues.service)
  const { services, admin: gh } = createGitHubServices({ basePaths: [API_BASE] })
  for (const service of services) emulator.addService(service)

  for (const repo of REPOS) gh.github.addRepo(ORG, repo)
  const { app, privateKeyPem } = gh.createApp()
  const permissions = {
    organization_self_hosted_runners: 'write',
    administration: 'write',
    actions: 'read',
    metadata: 'read'
  } as const
  const installation = gh.github.addInstallation({ appId: app.id, account: ORG, permissions: { ...permissions } })
  const group = gh.github.addRunnerGroup(ORG, { name: 'studio', repositories: REPOS })
  gh.keyVaults.setSecret('kv-studio', 'github-app-key', privateKeyPem)

  const base = studioConfig()
  const config: TeamConfig = {
    ...base,
    github: {
      ...base.github,
      url: emulator.url,
      apiUrl: `${emulator.url}${API_BASE}`,
      owner: ORG,
      repos: REPOS,
      app: { ...base.github.app, id: app.id, installationId: installation.id }
    }
  }
  return {
    emulator,
    gh,
    issues: issues.admin,
    config,
    groupId: group.id,
    installationId: installation.id,
    token: gh.github.issueToken(installation.id, { ...permissions }).token,
    apiUrl: `${emulator.url}${API_BASE}`,
    keyVaultEndpoint: `${emulator.url}/keyvault`,
    grantedKeyVaultToken() {
      const identity = gh.identities.assign()
      gh.keyVaults.grant(identity.principalId, 'kv-studio', 'github-app-key')
      const token = `mi_${randomUUID()}`
      gh.identities.tokens.set(token, {
        clientId: identity.clientId,
        principalId: identity.principalId,
        resource: 'https://vault.azure.net',
        expiresAtMs: Date.now() + 3600_000
      })
      return token
    }
  }
}
