/** Adapters for the Microsoft.Network resources in the team's resource group (and peerings on remote VNets). */
import type { Clients } from '../clients.js'
import { lroAdapter } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function networkSecurityGroupAdapter(clients: Clients): ResourceAdapter {
  return lroAdapter(clients, sub => clients.network(sub).networkSecurityGroups, 1)
}

export function publicIpAddressAdapter(clients: Clients): ResourceAdapter {
  return lroAdapter(clients, sub => clients.network(sub).publicIPAddresses, 1)
}

export function natGatewayAdapter(clients: Clients): ResourceAdapter {
  return lroAdapter(clients, sub => clients.network(sub).natGateways, 1)
}

/**
 * The body never carries `subnets`: since api-version 2023-11-01 an omitted `subnets` keeps the existing ones (an
 * empty list would delete them; Azure/bicep-types-az#1687).
 */
export function virtualNetworkAdapter(clients: Clients): ResourceAdapter {
  return lroAdapter(clients, sub => clients.network(sub).virtualNetworks, 1)
}

export function subnetAdapter(clients: Clients): ResourceAdapter {
  return lroAdapter(clients, sub => clients.network(sub).subnets, 2)
}

/**
 * Both sides of a peering: the client follows the subscription in the id, so a remote VNet elsewhere just works.
 * On an existing peering, a write picks up address-space changes of the other VNet (a no-op otherwise).
 */
export function peeringAdapter(clients: Clients): ResourceAdapter {
  return lroAdapter(
    clients,
    sub => clients.network(sub).virtualNetworkPeerings,
    2,
    ctx => (ctx.action === 'update' ? { syncRemoteAddressSpace: 'true' } : {})
  )
}
