/**
 * Microsoft.Network: NSGs, public IPs, NAT gateways, VNets, subnets and peerings. Writes are
 * Azure-AsyncOperation LROs with provisioningState `Updating`; deletes are refused while in use.
 */
import { armError, type ArmError } from '../errors.js'
import { sameId } from '../router.js'
import type { ResourceStore, StoredResource, Wire } from '../store.js'
import type { ResourceType, TypeContext } from './resource-type.js'
import { asWire, envelope, idRef, newEtag, props, stableBytes, stableGuid } from './resource-type.js'
import { environmentsOnSubnet, idList, natGatewaysUsingIp, SUBNET, subnetsReferencing } from './network-usage.js'
import { contains, overlaps, ranges } from './cidr.js'

const NETWORK_WRITE = { put: 'async', patch: 'sync', delete: 'async', busyState: 'Updating', etag: true } as const

const invalidReference = (ref: string, by: string): ArmError =>
  armError(
    400,
    'InvalidResourceReference',
    `Resource ${ref} referenced by resource ${by} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`
  )

function checkRef(store: ResourceStore, value: unknown, by: string): ArmError | undefined {
  const ref = idRef(value)
  return ref !== undefined && !store.has(ref) ? invalidReference(ref, by) : undefined
}

const DEFAULT_RULES: [string, string, number, string, string][] = [
  ['AllowVnetInBound', 'Inbound', 65000, 'VirtualNetwork', 'VirtualNetwork'],
  ['AllowAzureLoadBalancerInBound', 'Inbound', 65001, 'AzureLoadBalancer', '*'],
  ['DenyAllInBound', 'Inbound', 65500, '*', '*'],
  ['AllowVnetOutBound', 'Outbound', 65000, 'VirtualNetwork', 'VirtualNetwork'],
  ['AllowInternetOutBound', 'Outbound', 65001, '*', 'Internet'],
  ['DenyAllOutBound', 'Outbound', 65500, '*', '*']
]

function withChildIds(items: unknown, parentId: string, childType: string): Wire[] {
  if (!Array.isArray(items)) return []
  return items.map(item => {
    const rule = asWire(item)
    return {
      ...rule,
      id: `${parentId}/${childType.split('/').at(-1)}/${String(rule.name)}`,
      type: childType,
      etag: newEtag(),
      properties: { ...props(rule), provisioningState: 'Succeeded' }
    }
  })
}

export const networkSecurityGroups: ResourceType = {
  type: 'Microsoft.Network/networkSecurityGroups',
  ...NETWORK_WRITE,
  requiresLocation: true,
  build: (_ctx, input) => {
    const id = input.target.id
    return envelope(input, 'Microsoft.Network/networkSecurityGroups', {
      resourceGuid: stableGuid(id.toLowerCase()),
      securityRules: withChildIds(
        props(input.body).securityRules,
        id,
        'Microsoft.Network/networkSecurityGroups/securityRules'
      ),
      defaultSecurityRules: DEFAULT_RULES.map(([name, direction, priority, source, destination]) => ({
        name,
        id: `${id}/defaultSecurityRules/${name}`,
        type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules',
        properties: {
          protocol: '*',
          sourcePortRange: '*',
          destinationPortRange: '*',
          sourceAddressPrefix: source,
          destinationAddressPrefix: destination,
          access: name.startsWith('Deny') ? 'Deny' : 'Allow',
          priority,
          direction,
          provisioningState: 'Succeeded'
        }
      }))
    })
  },
  view: (ctx, stored) =>
    withProps(stored, { subnets: idList(subnetsReferencing(ctx.store, 'networkSecurityGroup', stored.id)) }),
  validateDelete: (ctx, stored) => {
    const users = subnetsReferencing(ctx.store, 'networkSecurityGroup', stored.id)
    if (users.length === 0) return undefined
    return armError(
      400,
      'InUseNetworkSecurityGroupCannotBeDeleted',
      `Network security group ${stored.id} cannot be deleted because it is in use by the following resources: ${users.map(u => u.id).join(', ')}. In order to delete the Network security group, remove the association with the resource(s).`
    )
  }
}

export const publicIPAddresses: ResourceType = {
  type: 'Microsoft.Network/publicIPAddresses',
  ...NETWORK_WRITE,
  requiresLocation: true,
  build: (_ctx, input) => {
    const given = props(input.body)
    const bytes = stableBytes(input.target.id.toLowerCase())
    const wire = envelope(input, 'Microsoft.Network/publicIPAddresses', {
      publicIPAllocationMethod: given.publicIPAllocationMethod ?? 'Static',
      publicIPAddressVersion: given.publicIPAddressVersion ?? 'IPv4',
      idleTimeoutInMinutes: given.idleTimeoutInMinutes ?? 4,
      ipAddress: `20.${bytes[0]! % 200}.${bytes[1]}.${(bytes[2]! % 250) + 1}`,
      resourceGuid: stableGuid(input.target.id.toLowerCase())
    })
    wire.sku ??= { name: 'Standard', tier: 'Regional' }
    return wire
  },
  view: (ctx, stored) => {
    const nat = natGatewaysUsingIp(ctx.store, stored.id)[0]
    return withProps(stored, nat === undefined ? {} : { natGateway: { id: nat.id } })
  },
  validateDelete: (ctx, stored) => {
    const nat = natGatewaysUsingIp(ctx.store, stored.id)[0]
    if (nat === undefined) return undefined
    return armError(
      400,
      'PublicIPAddressCannotBeDeleted',
      `Public IP address ${stored.id} can not be deleted since it is still allocated to resource ${nat.id}. In order to delete the public IP, disassociate/detach the Public IP address from the resource.`
    )
  }
}

export const natGateways: ResourceType = {
  type: 'Microsoft.Network/natGateways',
  ...NETWORK_WRITE,
  requiresLocation: true,
  validate: (ctx, { target, body }) => {
    const ips = props(body).publicIpAddresses
    for (const ip of Array.isArray(ips) ? ips : []) {
      const bad = checkRef(ctx.store, ip, target.id)
      if (bad) return bad
    }
    return undefined
  },
  build: (_ctx, input) => {
    const wire = envelope(input, 'Microsoft.Network/natGateways', {
      idleTimeoutInMinutes: props(input.body).idleTimeoutInMinutes ?? 4,
      resourceGuid: stableGuid(input.target.id.toLowerCase())
    })
    wire.sku ??= { name: 'Standard' }
    return wire
  },
  view: (ctx, stored) => withProps(stored, { subnets: idList(subnetsReferencing(ctx.store, 'natGateway', stored.id)) }),
  validateDelete: (ctx, stored) => {
    const users = subnetsReferencing(ctx.store, 'natGateway', stored.id)
    if (users.length === 0) return undefined
    return armError(
      400,
      'InUseNatGatewayCannotBeDeleted',
      `Nat Gateway ${stored.id} is in use by subnet(s) ${users.map(u => u.id).join(', ')} and cannot be deleted. Please remove the Nat Gateway from the subnet(s) before deleting it.`
    )
  }
}

function subnetInUse(store: ResourceStore, subnetId: string): ArmError | undefined {
  const env = environmentsOnSubnet(store, subnetId)[0]
  if (env === undefined) return undefined
  const name = subnetId.split('/').at(-1)
  return armError(
    400,
    'InUseSubnetCannotBeDeleted',
    `Subnet ${name} is in use by ${env.id} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.`
  )
}

/** Subnet ranges must lie inside the VNet's address space and not overlap their siblings. */
function checkSubnetRange(
  id: string,
  given: Wire,
  vnetSpace: unknown,
  siblings: { id: string; prefixes: unknown }[]
): ArmError | undefined {
  const name = id.split('/').at(-1)
  const vnetName = id.split('/').at(-3)
  const own = ranges(given.addressPrefix === undefined ? given.addressPrefixes : [given.addressPrefix])
  const space = ranges(asWire(vnetSpace).addressPrefixes)
  for (const range of own) {
    if (space.length > 0 && !space.some(s => contains(s, range))) {
      return armError(
        400,
        'NetcfgSubnetRangeOutsideVnet',
        `Subnet '${name}' is not valid because its IP address range is outside the IP address range of virtual network '${vnetName}'.`
      )
    }
    const clash = siblings.find(s => !sameId(s.id, id) && ranges(s.prefixes).some(r => overlaps(r, range)))
    if (clash !== undefined) {
      return armError(
        400,
        'NetcfgSubnetRangesOverlap',
        `Subnet '${name}' is not valid because its IP address range overlaps with that of an existing subnet '${clash.id.split('/').at(-1)}' in virtual network '${vnetName}'.`
      )
    }
  }
  return undefined
}

const prefixesOf = (p: Wire): unknown => (p.addressPrefix === undefined ? p.addressPrefixes : [p.addressPrefix])

/** Checks a subnet write (standalone or embedded in a VNet PUT) against references and its users. */
function validateSubnet(
  store: ResourceStore,
  id: string,
  body: Wire,
  vnetSpace?: unknown,
  siblings?: { id: string; prefixes: unknown }[]
): ArmError | undefined {
  const given = props(body)
  if (typeof given.addressPrefix !== 'string' && !Array.isArray(given.addressPrefixes)) {
    return armError(
      400,
      'NoAddressPrefixOrPoolProvided',
      `Subnet ${id} must have an address prefix or a pool of addresses.`
    )
  }
  const vnetId = id.split('/subnets/')[0]!
  const vnet = store.get(vnetId)
  const space = vnetSpace ?? (vnet === undefined ? undefined : props(vnet.body).addressSpace)
  const others = siblings ?? store.list(SUBNET, vnetId).map(s => ({ id: s.id, prefixes: prefixesOf(props(s.body)) }))
  const badRange = checkSubnetRange(id, given, space, others)
  if (badRange) return badRange
  const bad = checkRef(store, given.networkSecurityGroup, id) ?? checkRef(store, given.natGateway, id)
  if (bad) return bad
  const existing = store.get(id)
  const env = environmentsOnSubnet(store, id)[0]
  if (existing === undefined || env === undefined) return undefined
  const before = props(existing.body)
  if (before.addressPrefix !== given.addressPrefix) {
    return armError(
      400,
      'InUseSubnetCannotBeUpdated',
      `Subnet ${id.split('/').at(-1)} is in use by ${env.id} and its address prefix cannot be changed.`
    )
  }
  if (!delegatedTo(given, 'Microsoft.App/environments')) {
    return armError(
      400,
      'SubnetDelegationsCannotChangeWhenSubnetUsedByResource',
      `Delegations of subnet ${id} cannot be changed from Microsoft.App/environments because it is being used by the resource ${env.id}.`
    )
  }
  return undefined
}

export function delegatedTo(subnetProps: Wire, service: string): boolean {
  const delegations = subnetProps.delegations
  return (
    Array.isArray(delegations) &&
    delegations.some(
      d => String(props(asWire(d)).serviceName ?? asWire(d).serviceName).toLowerCase() === service.toLowerCase()
    )
  )
}

function subnetBody(id: string, body: Wire): Wire {
  const given = props(body)
  const delegations = (Array.isArray(given.delegations) ? given.delegations : []).map(d => {
    const delegation = asWire(d)
    const name = String(delegation.name ?? 'delegation')
    return {
      ...delegation,
      name,
      id: `${id}/delegations/${name}`,
      type: 'Microsoft.Network/virtualNetworks/subnets/delegations',
      properties: {
        ...props(delegation),
        actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'],
        provisioningState: 'Succeeded'
      }
    }
  })
  return {
    name: id.split('/').at(-1),
    id,
    type: SUBNET,
    etag: newEtag(),
    properties: {
      privateEndpointNetworkPolicies: 'Disabled',
      privateLinkServiceNetworkPolicies: 'Enabled',
      ...given,
      delegations
    }
  }
}

export const subnets: ResourceType = {
  type: SUBNET,
  ...NETWORK_WRITE,
  validate: (ctx, { target, body }) => validateSubnet(ctx.store, target.id, body),
  linkedActions: ({ body }) =>
    linked(props(body).networkSecurityGroup, 'Microsoft.Network/networkSecurityGroups/join/action').concat(
      linked(props(body).natGateway, 'Microsoft.Network/natGateways/join/action'),
      // Associating a route table needs join on it (learn.microsoft.com/azure/virtual-network/manage-route-table, permissions).
      linked(props(body).routeTable, 'Microsoft.Network/routeTables/join/action')
    ),
  build: (_ctx, { target, body }) => subnetBody(target.id, body),
  validateDelete: (ctx, stored) => subnetInUse(ctx.store, stored.id)
}

export function linked(value: unknown, action: string): { action: string; scope: string }[] {
  const ref = idRef(value)
  return ref === undefined ? [] : [{ action, scope: ref }]
}

/** A VNet PUT without `subnets` keeps the existing ones; with `subnets` it makes the children match. */
export const virtualNetworks: ResourceType = {
  type: 'Microsoft.Network/virtualNetworks',
  ...NETWORK_WRITE,
  requiresLocation: true,
  validate: (ctx, { target, body }) => {
    const given = props(body)
    if (!Array.isArray(given.subnets)) return undefined
    const wanted = new Set(given.subnets.map(s => String(asWire(s).name).toLowerCase()))
    for (const child of ctx.store.list(SUBNET, target.id)) {
      if (!wanted.has(String(child.body.name).toLowerCase())) {
        const inUse = subnetInUse(ctx.store, child.id)
        if (inUse) return inUse
      }
    }
    const siblings = given.subnets.map(s => ({
      id: `${target.id}/subnets/${String(asWire(s).name)}`,
      prefixes: prefixesOf(props(asWire(s)))
    }))
    for (const s of given.subnets) {
      const bad = validateSubnet(
        ctx.store,
        `${target.id}/subnets/${String(asWire(s).name)}`,
        asWire(s),
        given.addressSpace,
        siblings
      )
      if (bad) return bad
    }
    return undefined
  },
  build: (_ctx, input) => {
    const wire = envelope(input, 'Microsoft.Network/virtualNetworks', {
      resourceGuid: stableGuid(input.target.id.toLowerCase())
    })
    const properties = asWire(wire.properties)
    delete properties.subnets
    delete properties.virtualNetworkPeerings
    properties.enableDdosProtection ??= false
    return wire
  },
  afterPut: (ctx, stored, { body }) => {
    const given = props(body).subnets
    if (!Array.isArray(given)) return
    const wanted = new Map(given.map(s => [String(asWire(s).name).toLowerCase(), asWire(s)]))
    for (const child of ctx.store.list(SUBNET, stored.id))
      if (!wanted.has(String(child.body.name).toLowerCase())) ctx.store.delete(child.id)
    for (const s of wanted.values()) {
      const id = `${stored.id}/subnets/${String(s.name)}`
      const body = subnetBody(id, s)
      asWire(body.properties).provisioningState = 'Succeeded'
      ctx.store.put({ id, type: SUBNET, body })
    }
  },
  view: (ctx, stored) =>
    withProps(stored, {
      subnets: ctx.store.list(SUBNET, stored.id).map(s => structuredClone(s.body)),
      virtualNetworkPeerings: ctx.store.list(PEERING, stored.id).map(p => peeringView(ctx, p))
    }),
  validateDelete: (ctx, stored) => {
    for (const child of ctx.store.list(SUBNET, stored.id)) {
      const inUse = subnetInUse(ctx.store, child.id)
      if (inUse) return inUse
    }
    return undefined
  }
}

const PEERING = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings'

/** A VNet gateway's IP configuration lives on the VNet's subnet named GatewaySubnet. */
function hasGateway(ctx: TypeContext, vnetId: string): boolean {
  const gatewaySubnet = ctx.store.get(`${vnetId}/subnets/GatewaySubnet`)
  const configs = gatewaySubnet === undefined ? undefined : props(gatewaySubnet.body).ipConfigurations
  return Array.isArray(configs) && configs.length > 0
}

function peeringView(ctx: TypeContext, stored: StoredResource): Wire {
  const localVnet = stored.id.split('/virtualNetworkPeerings/')[0]!
  const remoteId = idRef(props(stored.body).remoteVirtualNetwork)
  const remote = remoteId === undefined ? undefined : ctx.store.get(remoteId)
  let peeringState = 'Disconnected'
  if (remote !== undefined) {
    const back = ctx.store
      .list(PEERING, remote.id)
      .some(p => sameId(idRef(props(p.body).remoteVirtualNetwork) ?? '', localVnet))
    peeringState = back ? 'Connected' : 'Initiated'
  }
  const space = remote === undefined ? undefined : props(remote.body).addressSpace
  return withProps(stored, {
    peeringState,
    peeringSyncLevel: remote === undefined ? 'LocalNotInSync' : 'FullyInSync',
    ...(space === undefined ? {} : { remoteAddressSpace: space, remoteVirtualNetworkAddressSpace: space })
  })
}

export const virtualNetworkPeerings: ResourceType = {
  type: PEERING,
  ...NETWORK_WRITE,
  validate: (ctx, { target, body }) => {
    const remoteId = idRef(props(body).remoteVirtualNetwork)
    if (remoteId === undefined) {
      return armError(
        400,
        'InvalidRequestFormat',
        `Peering ${target.id} must specify properties.remoteVirtualNetwork.id.`
      )
    }
    const local = ctx.store.get(target.parentId)
    const remote = ctx.store.get(remoteId)
    if (local === undefined || remote === undefined) return undefined
    const mine = ranges(asWire(props(local.body).addressSpace).addressPrefixes)
    const theirs = ranges(asWire(props(remote.body).addressSpace).addressPrefixes)
    if (mine.some(a => theirs.some(b => overlaps(a, b)))) {
      return armError(
        400,
        'VnetAddressSpacesOverlap',
        `Cannot create or update peering ${target.id}. Virtual networks ${local.id} and ${remote.id} cannot be peered because their address spaces overlap.`
      )
    }
    // useRemoteGateways needs a gateway in the remote VNet (it sits in its GatewaySubnet), or NRP refuses the peering
    // (hashicorp/terraform-provider-azurerm#30569).
    if (props(body).useRemoteGateways === true && !hasGateway(ctx, remote.id)) {
      return armError(
        400,
        'RemoteVnetHasNoGateways',
        `Peering ${target.id} cannot have UseRemoteGateway flag set to true because remote virtual network ${remote.id} referenced by the peering does not have any gateways.`
      )
    }
    return undefined
  },
  linkedActions: ({ body }) =>
    linked(props(body).remoteVirtualNetwork, 'Microsoft.Network/virtualNetworks/peer/action'),
  build: (_ctx, input) => {
    const given = props(input.body)
    const wire = envelope(input, PEERING, {
      allowVirtualNetworkAccess: given.allowVirtualNetworkAccess ?? true,
      allowForwardedTraffic: given.allowForwardedTraffic ?? false,
      allowGatewayTransit: given.allowGatewayTransit ?? false,
      useRemoteGateways: given.useRemoteGateways ?? false
    })
    return wire
  },
  view: peeringView
}

function withProps(stored: StoredResource, extra: Wire): Wire {
  const body = structuredClone(stored.body)
  body.properties = { ...props(body), ...extra }
  return body
}
