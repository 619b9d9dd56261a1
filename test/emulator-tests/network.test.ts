import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../emulator/index.js'
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
    const log = emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`)
    expect(log).toContain(`PUT ${net('virtualNetworks', 'vnet-a')} 201`)
    expect(log.some((l) => /GET .*\/operationStatuses\/.* 200/.test(l))).toBe(true)
  })

  it('answers 404 ResourceNotFound for a missing VNet', async () => {
    const failure = await armFailure(c.network.virtualNetworks.get(RG, 'nope'))
    expect(failure.statusCode).toBe(404)
    expect(failure.code).toBe('ResourceNotFound')
  })

  it('refuses a write into an unknown resource group', async () => {
    const failure = await armFailure(c.network.networkSecurityGroups.createOrUpdate('rg-missing', 'nsg', { location: LOCATION }))
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
    expect(vnet.subnets?.map((s) => s.name)).toEqual(['snet-runners'])
    await c.network.subnets.delete(RG, 'vnet-a', 'snet-runners')
    expect((await armFailure(c.network.subnets.get(RG, 'vnet-a', 'snet-runners'))).statusCode).toBe(404)
    expect(rgId).toContain(RG)
  })
})
