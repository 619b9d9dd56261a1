/** Small builders for the team-shaped resources the tests create through the SDK. */
import type { Emulator } from '../../emulator/index.js'
import { LOCATION, net, RG, rgId, SUB } from './support.js'
import type { clients } from './support.js'

type Clients = ReturnType<typeof clients>

export const workspaceId = `${rgId}/providers/Microsoft.OperationalInsights/workspaces/law-team`
export const vaultId = `${rgId}/providers/Microsoft.KeyVault/vaults/kv-team`
export const identityId = `${rgId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-runner`
export const subnetId = `${net('virtualNetworks', 'vnet-runners')}/subnets/snet-aca`
export const environmentId = `${rgId}/providers/Microsoft.App/managedEnvironments/cae-team`

export function seedTeam(emulator: Emulator): void {
  emulator.admin.seedResourceGroup(SUB, RG, LOCATION)
  emulator.admin.seed(workspaceId, {
    location: LOCATION,
    properties: { customerId: '0f1e2d3c-4b5a-6978-8899-aabbccddeeff' }
  })
  emulator.admin.seed(vaultId, { location: LOCATION, properties: {} })
}

export async function createNetwork(c: Clients, prefix = '10.20.0.0/27', delegated = true): Promise<void> {
  await c.network.virtualNetworks.createOrUpdate(RG, 'vnet-runners', {
    location: LOCATION,
    addressSpace: { addressPrefixes: ['10.20.0.0/24'] }
  })
  await c.network.subnets.createOrUpdate(RG, 'vnet-runners', 'snet-aca', {
    addressPrefix: prefix,
    delegations: delegated ? [{ name: 'aca', serviceName: 'Microsoft.App/environments' }] : []
  })
}

export function environmentBody(subnet = subnetId) {
  return {
    location: LOCATION,
    vnetConfiguration: { infrastructureSubnetId: subnet, internal: true },
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }],
    appLogsConfiguration: {
      destination: 'log-analytics',
      logAnalyticsConfiguration: { customerId: '0f1e2d3c-4b5a-6978-8899-aabbccddeeff', sharedKey: 'c2VjcmV0LWtleQ==' }
    }
  }
}

export function jobBody(identity = identityId, secretIdentity = identityId) {
  return {
    location: LOCATION,
    identity: { type: 'UserAssigned' as const, userAssignedIdentities: { [identity]: {} } },
    environmentId,
    workloadProfileName: 'Consumption',
    configuration: {
      triggerType: 'Event' as const,
      replicaTimeout: 3600,
      replicaRetryLimit: 0,
      secrets: [
        { name: 'app-key', keyVaultUrl: 'https://kv-team.vault.azure.net/secrets/app-key', identity: secretIdentity },
        { name: 'plain', value: 'do-not-echo' }
      ],
      eventTriggerConfig: {
        parallelism: 1,
        replicaCompletionCount: 1,
        scale: {
          minExecutions: 0,
          maxExecutions: 10,
          pollingInterval: 20,
          rules: [
            {
              name: 'github-runner',
              type: 'github-runner',
              metadata: { owner: 'altinn', runnerScope: 'repo', repos: 'a' },
              auth: [{ secretRef: 'app-key', triggerParameter: 'appKey' }]
            }
          ]
        }
      }
    },
    template: {
      containers: [
        {
          name: 'runner',
          image: 'ghcr.io/altinn/runner:1',
          resources: { cpu: 1, memory: '2Gi' },
          env: [{ name: 'X', secretRef: 'plain' }]
        }
      ]
    }
  }
}
