/** Who uses a network resource, as ARM works it out for its in-use refusals and back-references. */
import { sameId } from '../router.js'
import type { ResourceStore, StoredResource } from '../store.js'
import { asWire, idRef, props } from './resource-type.js'

export const SUBNET = 'Microsoft.Network/virtualNetworks/subnets'
export const ENVIRONMENT = 'Microsoft.App/managedEnvironments'

const everywhere = (store: ResourceStore, type: string): StoredResource[] =>
  store.all().filter(r => r.type.toLowerCase() === type.toLowerCase())

/** Container Apps environments whose infrastructure subnet is `subnetId`. */
export function environmentsOnSubnet(store: ResourceStore, subnetId: string): StoredResource[] {
  return everywhere(store, ENVIRONMENT).filter(env => {
    const subnet = asWire(props(env.body).vnetConfiguration).infrastructureSubnetId
    return typeof subnet === 'string' && sameId(subnet, subnetId)
  })
}

/** Subnets whose `field` (networkSecurityGroup, natGateway) points at `id`. */
export function subnetsReferencing(store: ResourceStore, field: string, id: string): StoredResource[] {
  return everywhere(store, SUBNET).filter(s => {
    const ref = idRef(props(s.body)[field])
    return ref !== undefined && sameId(ref, id)
  })
}

export function natGatewaysUsingIp(store: ResourceStore, ipId: string): StoredResource[] {
  return everywhere(store, 'Microsoft.Network/natGateways').filter(nat => {
    const ips = props(nat.body).publicIpAddresses
    return Array.isArray(ips) && ips.some(ip => sameId(idRef(ip) ?? '', ipId))
  })
}

export const idList = (resources: StoredResource[]): { id: string }[] => resources.map(r => ({ id: r.id }))
