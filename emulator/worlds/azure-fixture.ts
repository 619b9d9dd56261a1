/** A realistic org-scope team: NAT egress, a peering to a hub VNet in another subscription, a private DNS zone, logs. */
import type { TeamConfig } from '../../src/config/types.js'

export const SUB = '00000000-0000-0000-0000-0000000000aa'
export const HUB_SUB = '00000000-0000-0000-0000-0000000000bb'
export const RG = 'rg-studio-runners'
export const RG_ID = `/subscriptions/${SUB}/resourceGroups/${RG}`
export const HUB_RG_ID = `/subscriptions/${HUB_SUB}/resourceGroups/rg-hub`
export const HUB_VNET_ID = `${HUB_RG_ID}/providers/Microsoft.Network/virtualNetworks/vnet-hub`
export const DNS_ZONE_ID = `${HUB_RG_ID}/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`
export const WORKSPACE_ID = `${RG_ID}/providers/Microsoft.OperationalInsights/workspaces/log-studio`
export const VAULT_ID = `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-studio`

export function studioConfig(overrides: Partial<TeamConfig> = {}): TeamConfig {
  return {
    team: 'studio',
    azure: { subscriptionId: SUB, resourceGroup: RG, location: 'norwayeast', createResourceGroup: false },
    network: {
      addressSpace: '10.90.0.0/24',
      subnet: '10.90.0.0/27',
      natGateway: true,
      peerings: [{ remoteVnetId: HUB_VNET_ID, allowForwardedTraffic: true, useRemoteGateways: false }],
      dnsServers: ['10.0.0.4'],
      privateDnsZones: [DNS_ZONE_ID]
    },
    github: {
      url: 'https://github.com',
      apiUrl: 'https://api.github.com',
      owner: 'altinn',
      scope: 'org',
      repos: ['altinn-studio', 'app-frontend-react'],
      runnerGroup: 'studio',
      labels: ['studio'],
      allowPublicRepos: false,
      app: {
        id: 123456,
        installationId: 7890123,
        privateKeySecretUri: 'https://kv-studio.vault.azure.net/secrets/github-app-key',
        keyVaultId: VAULT_ID
      }
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
    logs: { workspaceId: WORKSPACE_ID },
    tags: { costCenter: 'studio' },
    probe: { endpoints: [] },
    source: { file: 'studio.yaml', positions: {} },
    ...overrides
  }
}
