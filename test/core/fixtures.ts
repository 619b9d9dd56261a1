/** Small validated TeamConfigs, written out in full (defaults applied) so tests read like the config they stand for. */
import { judgeOwnership } from '../../src/core/ownership.js'
import type { Observed } from '../../src/core/plan.js'
import type { ActualState, DesiredResource } from '../../src/core/types.js'
import type { TeamConfig } from '../../src/config/types.js'

export const SUB = '11111111-2222-3333-4444-555555555555'
export const RG = `/subscriptions/${SUB}/resourceGroups/rg-studio-runners`
export const PRIVATE_SUB = '99999999-8888-7777-6666-555555555555'
export const PRIVATE_VNET = `/subscriptions/${PRIVATE_SUB}/resourceGroups/rg-studio-net/providers/Microsoft.Network/virtualNetworks/vnet-studio-private`
export const PG_ZONE = `/subscriptions/${PRIVATE_SUB}/resourceGroups/rg-studio-dns/providers/Microsoft.Network/privateDnsZones/privatelink.postgres.database.azure.com`
export const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-studio`
export const KEY_VAULT = `${RG}/providers/Microsoft.KeyVault/vaults/kv-studio`
export const KEY_URI = 'https://kv-studio.vault.azure.net/secrets/gh-app-key'
export const APPS_RG = `/subscriptions/${SUB}/resourceGroups/rg-apps-runners`
/** In the private subscription, and pinned to a secret version. */
export const APPS_KEY_VAULT = `/subscriptions/${PRIVATE_SUB}/resourceGroups/rg-apps-kv/providers/Microsoft.KeyVault/vaults/kv-apps`
export const APPS_KEY_URI = 'https://kv-apps.vault.azure.net/secrets/apps-app-key/0123456789abcdef0123456789abcdef'

/** Org scope with everything switched on: NAT, one peering, DNS servers and a zone, logs, config tags. */
export function orgTeam(): TeamConfig {
  return {
    team: 'studio',
    azure: {
      subscriptionId: SUB,
      resourceGroup: 'rg-studio-runners',
      location: 'norwayeast',
      createResourceGroup: false
    },
    network: {
      addressSpace: '10.90.0.0/24',
      subnet: '10.90.0.0/27',
      natGateway: true,
      peerings: [{ remoteVnetId: PRIVATE_VNET, allowForwardedTraffic: true, useRemoteGateways: false }],
      dnsServers: ['10.20.0.4'],
      privateDnsZones: [PG_ZONE]
    },
    github: {
      url: 'https://github.com',
      apiUrl: 'https://api.github.com',
      owner: 'altinn',
      scope: 'org',
      repos: ['altinn-studio', 'app-frontend-react'],
      runnerGroup: 'studio',
      labels: ['studio', 'large'],
      allowPublicRepos: false,
      app: { id: 123456, installationId: 7891011, privateKeySecretUri: KEY_URI, keyVaultId: KEY_VAULT }
    },
    runners: {
      image: 'ghcr.io/altinn/runner-setup/runner:1',
      cpu: 2,
      memory: '4Gi',
      max: 10,
      pollingIntervalSeconds: 20,
      jobTimeoutMinutes: 60,
      idleTimeoutMinutes: 10,
      sudo: false
    },
    logs: { workspaceId: WORKSPACE },
    tags: { finops_product: 'studio', 'managed-by': 'someone-else' },
    probe: { endpoints: [] },
    source: { file: 'teams/studio.yaml', positions: {} }
  }
}

/** Repo scope on GitHub Enterprise Server, two repositories, sudo, no NAT/peering/DNS/logs, its own resource group. */
export function repoTeam(): TeamConfig {
  const base = orgTeam()
  return {
    ...base,
    team: 'apps-team',
    azure: { ...base.azure, resourceGroup: 'rg-apps-runners', createResourceGroup: true },
    network: {
      addressSpace: '10.91.0.0/23',
      subnet: '10.91.0.0/26',
      natGateway: false,
      peerings: [],
      dnsServers: [],
      privateDnsZones: []
    },
    github: {
      ...base.github,
      url: 'https://ghes.example.com',
      apiUrl: 'https://ghes.example.com/api/v3',
      owner: 'digdir',
      scope: 'repo',
      repos: ['App-One', 'app-two'],
      runnerGroup: 'Default',
      labels: ['apps-team'],
      app: { ...base.github.app, privateKeySecretUri: APPS_KEY_URI, keyVaultId: APPS_KEY_VAULT }
    },
    runners: {
      ...base.runners,
      cpu: 1,
      memory: '2Gi',
      max: 3,
      pollingIntervalSeconds: 30,
      jobTimeoutMinutes: 30,
      idleTimeoutMinutes: 5,
      sudo: true
    },
    logs: {},
    tags: {}
  }
}

/** What one run observed, with the ownership verdicts the engine makes once per run. */
export function observed(desired: DesiredResource[], actual: ActualState, team = 'studio'): Observed {
  return { actual, verdicts: judgeOwnership(desired, actual, team) }
}
