/** Adapters for the Microsoft.Network resources in the team's resource group (and peerings on remote VNets). */
import type {
  NatGateway,
  NetworkSecurityGroup,
  PublicIPAddress,
  Subnet,
  VirtualNetwork,
  VirtualNetworkPeering
} from '@azure/arm-network'
import { parseArmId, rgAndNames } from '../arm-id.js'
import type { Clients } from '../clients.js'
import { callOptions, deleteIgnoringNotFound, getOrUndefined, toActual, waitFor } from './lro.js'
import type { ResourceAdapter } from './types.js'

const sub = (id: string): string => parseArmId(id).subscriptionId

export function networkSecurityGroupAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.network(sub(id)).networkSecurityGroups
  return {
    get: id => {
      const [rg, name] = rgAndNames(id, 1)
      return getOrUndefined(id, () => api(id).get(rg, name))
    },
    put: async (id, body, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return toActual(
        id,
        await waitFor(api(id).createOrUpdate(rg, name, body as NetworkSecurityGroup, callOptions(clients, ctx)), ctx)
      )
    },
    delete: (id, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx))
    }
  }
}

export function publicIpAddressAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.network(sub(id)).publicIPAddresses
  return {
    get: id => {
      const [rg, name] = rgAndNames(id, 1)
      return getOrUndefined(id, () => api(id).get(rg, name))
    },
    put: async (id, body, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return toActual(
        id,
        await waitFor(api(id).createOrUpdate(rg, name, body as PublicIPAddress, callOptions(clients, ctx)), ctx)
      )
    },
    delete: (id, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx))
    }
  }
}

export function natGatewayAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.network(sub(id)).natGateways
  return {
    get: id => {
      const [rg, name] = rgAndNames(id, 1)
      return getOrUndefined(id, () => api(id).get(rg, name))
    },
    put: async (id, body, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return toActual(
        id,
        await waitFor(api(id).createOrUpdate(rg, name, body as NatGateway, callOptions(clients, ctx)), ctx)
      )
    },
    delete: (id, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx))
    }
  }
}

export function virtualNetworkAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.network(sub(id)).virtualNetworks
  return {
    get: id => {
      const [rg, name] = rgAndNames(id, 1)
      return getOrUndefined(id, () => api(id).get(rg, name))
    },
    put: async (id, body, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      // The body never carries `subnets`: since api-version 2023-11-01 an omitted `subnets` keeps the existing ones
      // (an empty list would delete them; Azure/bicep-types-az#1687).
      return toActual(
        id,
        await waitFor(api(id).createOrUpdate(rg, name, body as VirtualNetwork, callOptions(clients, ctx)), ctx)
      )
    },
    delete: (id, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx))
    }
  }
}

export function subnetAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.network(sub(id)).subnets
  return {
    get: id => {
      const [rg, vnet, name] = rgAndNames(id, 2)
      return getOrUndefined(id, () => api(id).get(rg, vnet, name))
    },
    put: async (id, body, ctx) => {
      const [rg, vnet, name] = rgAndNames(id, 2)
      return toActual(
        id,
        await waitFor(api(id).createOrUpdate(rg, vnet, name, body as Subnet, callOptions(clients, ctx)), ctx)
      )
    },
    delete: (id, ctx) => {
      const [rg, vnet, name] = rgAndNames(id, 2)
      return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, vnet, name, callOptions(clients, ctx)), ctx))
    }
  }
}

/** Both sides of a peering: the client follows the subscription in the id, so a remote VNet elsewhere just works. */
export function peeringAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.network(sub(id)).virtualNetworkPeerings
  return {
    get: id => {
      const [rg, vnet, name] = rgAndNames(id, 2)
      return getOrUndefined(id, () => api(id).get(rg, vnet, name))
    },
    put: async (id, body, ctx) => {
      const [rg, vnet, name] = rgAndNames(id, 2)
      // On an existing peering, pick up address-space changes of the other VNet (a no-op otherwise).
      const options =
        ctx.action === 'update'
          ? { ...callOptions(clients, ctx), syncRemoteAddressSpace: 'true' as const }
          : callOptions(clients, ctx)
      return toActual(
        id,
        await waitFor(api(id).createOrUpdate(rg, vnet, name, body as VirtualNetworkPeering, options), ctx)
      )
    },
    delete: (id, ctx) => {
      const [rg, vnet, name] = rgAndNames(id, 2)
      return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, vnet, name, callOptions(clients, ctx)), ctx))
    }
  }
}
