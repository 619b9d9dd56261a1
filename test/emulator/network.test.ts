import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { armFailure, clients, LOCATION, net, RG, rgId, SUB } from './support.js'

let emulator: Emulator
let c: ReturnType<typeof clients>

beforeAll(async () => {
  emulator = await startEmulator()
  c = clients(emulator)
  emulator.admin.seedResourceGroup(SUB, RG, LOCATION)
})
afterAll(async () => emulator.close())

describe('network resources through the real SDK', () => {
  it('creates a VNet with an Azure-AsyncOperation LRO and reads it back', async () => {
    const vnet = await c.network.virtualNetworks.createOrUpdate(RG, 'vnet-a', {
      location: LOCATION,
      addressSpace: { addressPrefixes: ['10.10.0.0/24'] },
      dhcpOptions: { dnsServers: ['10.0.0.4'] }
    })
    expect(vnet.id).toBe(net('virtualNetworks', 'vnet-a'))
    expect(vnet.provisioningState).toBe('Succeeded')
    expect(vnet.etag).toMatch(/^W\/"/)
    const got = await c.network.virtualNetworks.get(RG, 'vnet-a')
    expect(got.dhcpOptions?.dnsServers).toEqual(['10.0.0.4'])
    const log = emulator.requests().map(r => `${r.method} ${r.path} ${r.status}`)
    expect(log).toContain(`PUT ${net('virtualNetworks', 'vnet-a')} 201`)
    expect(log.some(l => /GET .*\/operationStatuses\/.* 200/.test(l))).toBe(true)
  })

  it('answers 404 ResourceNotFound for a missing VNet', async () => {
    const failure = await armFailure(c.network.virtualNetworks.get(RG, 'nope'))
    expect(failure.statusCode).toBe(404)
    expect(failure.code).toBe('ResourceNotFound')
  })

  it('refuses a write into an unknown resource group', async () => {
    const failure = await armFailure(
      c.network.networkSecurityGroups.createOrUpdate('rg-missing', 'nsg', { location: LOCATION })
    )
    expect(failure.statusCode).toBe(404)
    expect(failure.code).toBe('ResourceGroupNotFound')
    expect(failure.message).toBe("Resource group 'rg-missing' could not be found.")
  })

  it('creates a delegated subnet and lists it on the VNet; deletes it', async () => {
    const subnet = await c.network.subnets.createOrUpdate(RG, 'vnet-a', 'snet-runners', {
      addressPrefix: '10.10.0.0/27',
      delegations: [{ name: 'aca', serviceName: 'Microsoft.App/environments' }]
    })
    expect(subnet.delegations?.[0]?.serviceName).toBe('Microsoft.App/environments')
    const vnet = await c.network.virtualNetworks.get(RG, 'vnet-a')
    expect(vnet.subnets?.map(s => s.name)).toEqual(['snet-runners'])
    await c.network.subnets.delete(RG, 'vnet-a', 'snet-runners')
    expect((await armFailure(c.network.subnets.get(RG, 'vnet-a', 'snet-runners'))).statusCode).toBe(404)
    expect(rgId).toContain(RG)
  })
})

describe('network semantics', () => {
  it('keeps subnets on a VNet PUT without subnets, and replaces them when subnets are given', async () => {
    await c.network.subnets.createOrUpdate(RG, 'vnet-a', 'keep-me', { addressPrefix: '10.10.0.32/27' })
    await c.network.virtualNetworks.createOrUpdate(RG, 'vnet-a', {
      location: LOCATION,
      addressSpace: { addressPrefixes: ['10.10.0.0/24'] },
      tags: { x: '1' }
    })
    expect((await c.network.virtualNetworks.get(RG, 'vnet-a')).subnets?.map(s => s.name)).toEqual(['keep-me'])
    await c.network.virtualNetworks.createOrUpdate(RG, 'vnet-a', {
      location: LOCATION,
      addressSpace: { addressPrefixes: ['10.10.0.0/24'] },
      subnets: [{ name: 'other', addressPrefix: '10.10.0.64/27' }]
    })
    expect((await c.network.virtualNetworks.get(RG, 'vnet-a')).subnets?.map(s => s.name)).toEqual(['other'])
    expect((await armFailure(c.network.subnets.get(RG, 'vnet-a', 'keep-me'))).code).toBe('NotFound')
  })

  it('answers 404 for a subnet on a missing VNet', async () => {
    const failure = await armFailure(
      c.network.subnets.createOrUpdate(RG, 'vnet-missing', 'snet', { addressPrefix: '10.0.0.0/27' })
    )
    expect(failure.statusCode).toBe(404)
    expect(failure.code).toBe('ResourceNotFound')
  })

  it('refuses a subnet that references a missing NSG', async () => {
    const failure = await armFailure(
      c.network.subnets.createOrUpdate(RG, 'vnet-a', 'snet-x', {
        addressPrefix: '10.10.0.96/27',
        networkSecurityGroup: { id: net('networkSecurityGroups', 'ghost') }
      })
    )
    expect(failure.statusCode).toBe(400)
    expect(failure.code).toBe('InvalidResourceReference')
  })

  it('wires NSG, public IP and NAT gateway to a subnet, shows back-references and refuses deletes while in use', async () => {
    const nsg = await c.network.networkSecurityGroups.createOrUpdate(RG, 'nsg-a', {
      location: LOCATION,
      securityRules: [
        {
          name: 'deny-internet-in',
          protocol: '*',
          access: 'Deny',
          direction: 'Inbound',
          priority: 100,
          sourceAddressPrefix: 'Internet',
          sourcePortRange: '*',
          destinationAddressPrefix: '*',
          destinationPortRange: '*'
        }
      ]
    })
    expect(nsg.defaultSecurityRules?.length).toBe(6)
    expect(nsg.securityRules?.[0]?.id).toBe(`${net('networkSecurityGroups', 'nsg-a')}/securityRules/deny-internet-in`)
    const pip = await c.network.publicIPAddresses.createOrUpdate(RG, 'pip-a', {
      location: LOCATION,
      sku: { name: 'Standard' },
      publicIPAllocationMethod: 'Static'
    })
    expect(pip.ipAddress).toMatch(/^20\.\d+\.\d+\.\d+$/)
    const nat = await c.network.natGateways.createOrUpdate(RG, 'nat-a', {
      location: LOCATION,
      sku: { name: 'Standard' },
      publicIpAddresses: [{ id: pip.id }]
    })
    await c.network.subnets.createOrUpdate(RG, 'vnet-a', 'snet-wired', {
      addressPrefix: '10.10.0.128/27',
      networkSecurityGroup: { id: nsg.id },
      natGateway: { id: nat.id }
    })
    expect((await c.network.networkSecurityGroups.get(RG, 'nsg-a')).subnets?.map(s => s.id)).toEqual([
      `${net('virtualNetworks', 'vnet-a')}/subnets/snet-wired`
    ])
    expect((await c.network.publicIPAddresses.get(RG, 'pip-a')).natGateway?.id).toBe(nat.id)
    expect((await armFailure(c.network.networkSecurityGroups.delete(RG, 'nsg-a'))).code).toBe(
      'InUseNetworkSecurityGroupCannotBeDeleted'
    )
    expect((await armFailure(c.network.natGateways.delete(RG, 'nat-a'))).code).toBe('InUseNatGatewayCannotBeDeleted')
    expect((await armFailure(c.network.publicIPAddresses.delete(RG, 'pip-a'))).code).toBe(
      'PublicIPAddressCannotBeDeleted'
    )
    await c.network.subnets.delete(RG, 'vnet-a', 'snet-wired')
    await c.network.natGateways.delete(RG, 'nat-a')
    await c.network.publicIPAddresses.delete(RG, 'pip-a')
    await c.network.networkSecurityGroups.delete(RG, 'nsg-a')
    expect(emulator.admin.listResourceIds('Microsoft.Network/natGateways')).toEqual([])
  })

  it('reports peering state Initiated, then Connected once both sides exist, Disconnected when the remote goes', async () => {
    const hub = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/vnet-hub`
    await c.network.virtualNetworks.createOrUpdate(RG, 'vnet-hub', {
      location: LOCATION,
      addressSpace: { addressPrefixes: ['10.99.0.0/16'] }
    })
    const first = await c.network.virtualNetworkPeerings.createOrUpdate(RG, 'vnet-a', 'a-to-hub', {
      remoteVirtualNetwork: { id: hub },
      allowVirtualNetworkAccess: true
    })
    expect(first.peeringState).toBe('Initiated')
    expect(first.remoteAddressSpace?.addressPrefixes).toEqual(['10.99.0.0/16'])
    await c.network.virtualNetworkPeerings.createOrUpdate(RG, 'vnet-hub', 'hub-to-a', {
      remoteVirtualNetwork: { id: net('virtualNetworks', 'vnet-a') }
    })
    expect((await c.network.virtualNetworkPeerings.get(RG, 'vnet-a', 'a-to-hub')).peeringState).toBe('Connected')
    expect(
      (await c.network.virtualNetworks.get(RG, 'vnet-a')).virtualNetworkPeerings?.map(p => p.peeringState)
    ).toEqual(['Connected'])
    await c.network.virtualNetworks.delete(RG, 'vnet-hub')
    expect((await c.network.virtualNetworkPeerings.get(RG, 'vnet-a', 'a-to-hub')).peeringState).toBe('Disconnected')
  })

  it('answers 204 when deleting something that is already gone', async () => {
    emulator.clearRequests()
    await c.network.networkSecurityGroups.delete(RG, 'never-existed')
    expect(emulator.requests().map(r => r.status)).toEqual([204])
  })
})

describe('address space checks', () => {
  it('refuses a subnet outside the VNet or overlapping a sibling', async () => {
    await c.network.virtualNetworks.createOrUpdate(RG, 'vnet-cidr', {
      location: LOCATION,
      addressSpace: { addressPrefixes: ['10.30.0.0/24'] }
    })
    await c.network.subnets.createOrUpdate(RG, 'vnet-cidr', 'one', { addressPrefix: '10.30.0.0/27' })
    expect(
      (await armFailure(c.network.subnets.createOrUpdate(RG, 'vnet-cidr', 'out', { addressPrefix: '10.31.0.0/27' })))
        .code
    ).toBe('NetcfgSubnetRangeOutsideVnet')
    expect(
      (await armFailure(c.network.subnets.createOrUpdate(RG, 'vnet-cidr', 'two', { addressPrefix: '10.30.0.16/28' })))
        .code
    ).toBe('NetcfgSubnetRangesOverlap')
    expect(
      (await c.network.subnets.createOrUpdate(RG, 'vnet-cidr', 'one', { addressPrefix: '10.30.0.0/27' })).name
    ).toBe('one')
  })

  it('refuses to peer VNets whose address spaces overlap', async () => {
    await c.network.virtualNetworks.createOrUpdate(RG, 'vnet-twin', {
      location: LOCATION,
      addressSpace: { addressPrefixes: ['10.30.0.128/25'] }
    })
    const failure = await armFailure(
      c.network.virtualNetworkPeerings.createOrUpdate(RG, 'vnet-cidr', 'to-twin', {
        remoteVirtualNetwork: { id: net('virtualNetworks', 'vnet-twin') }
      })
    )
    expect(failure.code).toBe('VnetAddressSpacesOverlap')
  })
})
