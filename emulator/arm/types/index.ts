/** Every resource type the emulator knows, keyed by lowercased type name. */
import type { ResourceType } from './resource-type.js'
import { resourceGroups } from './resource-groups.js'
import {
  natGateways,
  networkSecurityGroups,
  publicIPAddresses,
  subnets,
  virtualNetworkPeerings,
  virtualNetworks
} from './network.js'
import { privateDnsZones, virtualNetworkLinks } from './private-dns.js'
import { federatedCredentials, identities } from './identities.js'
import { diagnosticSettings, roleAssignments } from './extensions.js'
import { keyVaults, workspaces } from './seeded.js'
import { executions, jobs, managedEnvironments } from './container-apps.js'
import { registries, runs } from './container-registry.js'

export function resourceTypes(): Map<string, ResourceType> {
  const all = [
    resourceGroups,
    networkSecurityGroups,
    publicIPAddresses,
    natGateways,
    virtualNetworks,
    subnets,
    virtualNetworkPeerings,
    privateDnsZones,
    virtualNetworkLinks,
    identities,
    federatedCredentials,
    roleAssignments,
    diagnosticSettings,
    keyVaults,
    workspaces,
    managedEnvironments,
    jobs,
    executions,
    registries,
    runs
  ]
  return new Map(all.map(t => [t.type.toLowerCase(), t]))
}
