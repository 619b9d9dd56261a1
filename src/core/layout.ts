/** Where each of a team's resources lives: full ARM ids, derived from the config and the names. */
import type { TeamConfig } from '../config/types.js'
import { runnerPools } from './pools.js'
import { jobNames, localPeeringName, roleAssignmentName, teamResourceNames, type TeamResourceNames } from './names.js'

/** Built-in role "Key Vault Secrets User": read secret contents. */
export const KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6'

export interface TeamLayout {
  names: TeamResourceNames
  resourceGroupId: string
  networkSecurityGroupId: string
  virtualNetworkId: string
  subnetId: string
  publicIpAddressId: string
  natGatewayId: string
  identityId: string
  managedEnvironmentId: string
  diagnosticSettingId: string
  /** The App key's secret: the narrowest scope the identity needs. */
  keySecretScope: string
  roleDefinitionId: string
  roleAssignmentId: string
  peerings: { remoteVnetId: string; localId: string; remoteId: string }[]
  privateDnsZoneLinks: { zoneId: string; id: string }[]
  /** One per pool, and per repository at repo scope. */
  jobs: { id: string; name: string; repo?: string; pool?: string }[]
}

function subscriptionOf(armId: string): string {
  const match = /^\/subscriptions\/([^/]+)/i.exec(armId)
  if (!match) throw new Error(`Not an ARM resource id: ${armId}`)
  return match[1]
}

/** `gh-app-key` from `https://kv-x.vault.azure.net/secrets/gh-app-key[/<version>]`. */
export function secretName(secretUri: string): string {
  const [, collection, name] = new URL(secretUri).pathname.split('/')
  if (collection !== 'secrets' || !name) {
    throw new Error(
      `Not a Key Vault secret URI: ${secretUri} (expected https://<vault>.vault.azure.net/secrets/<name>)`
    )
  }
  return name
}

export function teamLayout(config: TeamConfig): TeamLayout {
  const names = teamResourceNames(config.team)
  const resourceGroupId = `/subscriptions/${config.azure.subscriptionId}/resourceGroups/${config.azure.resourceGroup}`
  const inGroup = (type: string, name: string) => `${resourceGroupId}/providers/${type}/${name}`
  const virtualNetworkId = inGroup('Microsoft.Network/virtualNetworks', names.virtualNetwork)
  const identityId = inGroup('Microsoft.ManagedIdentity/userAssignedIdentities', names.identity)
  const managedEnvironmentId = inGroup('Microsoft.App/managedEnvironments', names.managedEnvironment)
  const keyVaultId = config.github.app.keyVaultId
  const keySecretScope = `${keyVaultId}/secrets/${secretName(config.github.app.privateKeySecretUri)}`
  // ARM reports a role definition under the subscription of the assignment's scope; the vault may be in another one.
  const roleDefinitionId = `/subscriptions/${subscriptionOf(keyVaultId)}/providers/Microsoft.Authorization/roleDefinitions/${KEY_VAULT_SECRETS_USER}`
  const roleName = roleAssignmentName(keySecretScope, identityId, roleDefinitionId)
  const { owner, scope, repos } = config.github
  return {
    names,
    resourceGroupId,
    networkSecurityGroupId: inGroup('Microsoft.Network/networkSecurityGroups', names.networkSecurityGroup),
    virtualNetworkId,
    subnetId: `${virtualNetworkId}/subnets/${names.subnet}`,
    publicIpAddressId: inGroup('Microsoft.Network/publicIPAddresses', names.publicIpAddress),
    natGatewayId: inGroup('Microsoft.Network/natGateways', names.natGateway),
    identityId,
    managedEnvironmentId,
    diagnosticSettingId: `${managedEnvironmentId}/providers/Microsoft.Insights/diagnosticSettings/${names.diagnosticSetting}`,
    keySecretScope,
    roleDefinitionId,
    roleAssignmentId: `${keySecretScope}/providers/Microsoft.Authorization/roleAssignments/${roleName}`,
    peerings: config.network.peerings.map(({ remoteVnetId }) => ({
      remoteVnetId,
      localId: `${virtualNetworkId}/virtualNetworkPeerings/${localPeeringName(remoteVnetId)}`,
      remoteId: `${remoteVnetId}/virtualNetworkPeerings/${names.remotePeering}`
    })),
    privateDnsZoneLinks: config.network.privateDnsZones.map(zoneId => ({
      zoneId,
      id: `${zoneId}/virtualNetworkLinks/${names.privateDnsZoneLink}`
    })),
    jobs: jobNames(
      config.team,
      scope,
      owner,
      repos,
      runnerPools(config).map(pool => pool.name)
    ).map(job => ({
      ...job,
      id: inGroup('Microsoft.App/jobs', job.name)
    }))
  }
}
