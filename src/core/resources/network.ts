/** The runner network: NSG, optional NAT egress, VNet, delegated subnet, peerings both ways, private DNS zone links. */
import type {
  NatGateway,
  NetworkSecurityGroup,
  PublicIPAddress,
  Subnet,
  VirtualNetwork,
  VirtualNetworkPeering
} from '@azure/arm-network'
import type { VirtualNetworkLink } from '@azure/arm-privatedns'
import type { TeamConfig } from '../../config/types.js'
import type { TeamLayout } from '../layout.js'
import type { DesiredResource } from '../types.js'
import { absent, API_VERSION, desired, teamTags, type Clearable } from './common.js'
import { runnerSecurityRules } from './nsg-rules.js'

const NETWORK = 'Microsoft.Network'

export function networkSecurityGroup(config: TeamConfig, layout: TeamLayout, groupDeps: string[]): DesiredResource {
  const body: NetworkSecurityGroup = {
    location: config.azure.location,
    tags: teamTags(config),
    securityRules: runnerSecurityRules()
  }
  return desired({
    kind: 'networkSecurityGroup',
    id: layout.networkSecurityGroupId,
    type: `${NETWORK}/networkSecurityGroups`,
    apiVersion: API_VERSION.network,
    dependsOn: groupDeps,
    ownership: 'tagged',
    body
  })
}

/** A Standard static public IP behind a NAT gateway: one egress address a firewall can allow-list. Absent when NAT is off. */
export function natEgress(config: TeamConfig, layout: TeamLayout, groupDeps: string[]): DesiredResource[] {
  const publicIp: PublicIPAddress = {
    location: config.azure.location,
    tags: teamTags(config),
    sku: { name: 'Standard' },
    publicIPAllocationMethod: 'Static',
    publicIPAddressVersion: 'IPv4'
  }
  const natGateway: NatGateway = {
    location: config.azure.location,
    tags: teamTags(config),
    sku: { name: 'Standard' },
    publicIpAddresses: [{ id: layout.publicIpAddressId }]
  }
  const resources = [
    desired({
      kind: 'publicIpAddress',
      id: layout.publicIpAddressId,
      type: `${NETWORK}/publicIPAddresses`,
      apiVersion: API_VERSION.network,
      dependsOn: groupDeps,
      ownership: 'tagged',
      body: publicIp
    }),
    desired({
      kind: 'natGateway',
      id: layout.natGatewayId,
      type: `${NETWORK}/natGateways`,
      apiVersion: API_VERSION.network,
      dependsOn: [layout.publicIpAddressId],
      ownership: 'tagged',
      body: natGateway
    })
  ]
  return config.network.natGateway ? resources : resources.map(r => absent(r))
}

/** No `subnets` key: since api-version 2023-11-01 an omitted list keeps the subnets, `[]` would delete them. */
export function virtualNetwork(config: TeamConfig, layout: TeamLayout, groupDeps: string[]): DesiredResource {
  const { addressSpace, dnsServers } = config.network
  const body: VirtualNetwork = {
    location: config.azure.location,
    tags: teamTags(config),
    addressSpace: { addressPrefixes: [addressSpace] },
    // Always sent: an empty list puts Azure's DNS back when a team drops its resolver.
    dhcpOptions: { dnsServers }
  }
  return desired({
    kind: 'virtualNetwork',
    id: layout.virtualNetworkId,
    type: `${NETWORK}/virtualNetworks`,
    apiVersion: API_VERSION.network,
    dependsOn: groupDeps,
    ownership: 'tagged',
    body
  })
}

/**
 * Without NAT the subnet says `natGateway: null`, so a gateway attached earlier is let go of. It depends on the NAT
 * gateway either way: apply writes it before the gateway is created, destroy (and apply, once NAT is off) deletes the
 * gateway only after the subnet has let go of it. With `routeTableId` the subnet uses the platform's route table (egress
 * through the hub firewall); the route table itself is never written. Without it, the subnet does not say: a route
 * table someone else attached is not ours to remove, and read-modify-write keeps it.
 */
export function subnet(config: TeamConfig, layout: TeamLayout): DesiredResource {
  const body: Clearable<Subnet, 'natGateway'> = {
    addressPrefix: config.network.subnet,
    delegations: [{ name: 'Microsoft.App.environments', serviceName: 'Microsoft.App/environments' }],
    networkSecurityGroup: { id: layout.networkSecurityGroupId },
    natGateway: config.network.natGateway ? { id: layout.natGatewayId } : null,
    ...(config.network.routeTableId ? { routeTable: { id: config.network.routeTableId } } : {})
  }
  return desired({
    kind: 'subnet',
    id: layout.subnetId,
    type: `${NETWORK}/virtualNetworks/subnets`,
    apiVersion: API_VERSION.network,
    dependsOn: [layout.virtualNetworkId, layout.networkSecurityGroupId, layout.natGatewayId],
    ownership: 'child',
    body
  })
}

/**
 * Both directions of every peering. Writes to one VNet conflict while another is in progress, so the local
 * peerings follow the subnet and each other; the remote ones only need our VNet to exist.
 */
export function peerings(config: TeamConfig, layout: TeamLayout): DesiredResource[] {
  const type = `${NETWORK}/virtualNetworks/virtualNetworkPeerings`
  let previousLocal = layout.subnetId
  return config.network.peerings.flatMap((peering, i) => {
    const ids = layout.peerings[i]
    const local: VirtualNetworkPeering = {
      remoteVirtualNetwork: { id: peering.remoteVnetId },
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: peering.allowForwardedTraffic,
      allowGatewayTransit: false,
      useRemoteGateways: peering.useRemoteGateways
    }
    // Runners route nothing for the team, so the way back forwards nothing. It offers its gateway only when ours asks.
    const remote: VirtualNetworkPeering = {
      remoteVirtualNetwork: { id: layout.virtualNetworkId },
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
      allowGatewayTransit: peering.useRemoteGateways,
      useRemoteGateways: false
    }
    const localResource = desired({
      kind: 'peering',
      id: ids.localId,
      type,
      apiVersion: API_VERSION.network,
      dependsOn: [previousLocal],
      ownership: 'child',
      body: local
    })
    previousLocal = ids.localId
    return [
      localResource,
      desired({
        kind: 'remotePeering',
        id: ids.remoteId,
        type,
        apiVersion: API_VERSION.network,
        dependsOn: [layout.virtualNetworkId],
        ownership: 'marked',
        body: remote
      })
    ]
  })
}

export function privateDnsZoneLinks(config: TeamConfig, layout: TeamLayout): DesiredResource[] {
  return layout.privateDnsZoneLinks.map(({ id }) => {
    const body: VirtualNetworkLink = {
      location: 'global',
      tags: teamTags(config),
      virtualNetwork: { id: layout.virtualNetworkId },
      registrationEnabled: false
    }
    return desired({
      kind: 'privateDnsZoneLink',
      id,
      type: `${NETWORK}/privateDnsZones/virtualNetworkLinks`,
      apiVersion: API_VERSION.privateDns,
      dependsOn: [layout.virtualNetworkId],
      ownership: 'tagged',
      body
    })
  })
}
