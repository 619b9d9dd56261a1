/** One adapter per resource kind, all sharing the same per-subscription clients. */
import type { ResourceKind } from '../../core/types.js'
import type { Clients } from '../clients.js'
import { diagnosticSettingAdapter } from './diagnostic-setting.js'
import { federatedCredentialAdapter } from './federated-credential.js'
import { identityAdapter } from './identity.js'
import { jobAdapter, type JobStopOptions } from './job.js'
import { managedEnvironmentAdapter } from './managed-environment.js'
import {
  natGatewayAdapter,
  networkSecurityGroupAdapter,
  peeringAdapter,
  publicIpAddressAdapter,
  subnetAdapter,
  virtualNetworkAdapter
} from './network.js'
import { privateDnsZoneLinkAdapter } from './private-dns-zone-link.js'
import { resourceGroupAdapter } from './resource-group.js'
import { roleAssignmentAdapter } from './role-assignment.js'
import type { ResourceAdapter } from './types.js'

export type Adapters = Record<ResourceKind, ResourceAdapter>

export function createAdapters(clients: Clients, jobStop: JobStopOptions): Adapters {
  const peering = peeringAdapter(clients)
  return {
    resourceGroup: resourceGroupAdapter(clients),
    networkSecurityGroup: networkSecurityGroupAdapter(clients),
    publicIpAddress: publicIpAddressAdapter(clients),
    natGateway: natGatewayAdapter(clients),
    virtualNetwork: virtualNetworkAdapter(clients),
    subnet: subnetAdapter(clients),
    peering,
    remotePeering: peering,
    privateDnsZoneLink: privateDnsZoneLinkAdapter(clients),
    identity: identityAdapter(clients),
    federatedCredential: federatedCredentialAdapter(clients),
    roleAssignment: roleAssignmentAdapter(clients),
    managedEnvironment: managedEnvironmentAdapter(clients),
    diagnosticSetting: diagnosticSettingAdapter(clients),
    job: jobAdapter(clients, jobStop)
  }
}

export type { ResourceAdapter, Progress } from './types.js'
export type { JobStopOptions } from './job.js'
