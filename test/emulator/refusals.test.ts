/**
 * The refusals Azure makes that the emulator models, through the real SDK: overlapping writes on one VNet, LROs that
 * complete by elapsed time, Canceled, the missing remote gateway, the quotas and their usage lists, and a resource
 * provider the subscription has not registered.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { armFailure, clients, LOCATION, net, RG, rgId, SUB } from './support.js'

let emulator: Emulator
let c: ReturnType<typeof clients>
const vnet = net('virtualNetworks', 'vnet-a')
const hub = net('virtualNetworks', 'vnet-hub')

beforeAll(async () => {
  // Operations stay in flight for 300 ms whether or not anyone polls, as ARM's do.
  emulator = await startEmulator({ lroDurationMs: 300 })
  c = clients(emulator)
  emulator.admin.seedResourceGroup(SUB, RG, LOCATION)
  emulator.admin.seed(vnet, { location: LOCATION, properties: { addressSpace: { addressPrefixes: ['10.10.0.0/24'] } } })
  emulator.admin.seed(hub, { location: LOCATION, properties: { addressSpace: { addressPrefixes: ['10.20.0.0/24'] } } })
})
afterAll(async () => emulator.close())

describe('one operation at a time per VNet', () => {
  it('refuses a second write on the VNet while a subnet PUT runs, and a peering pointing at it', async () => {
    const subnet = c.network.subnets.createOrUpdate(RG, 'vnet-a', 'snet-a', { addressPrefix: '10.10.0.0/27' })
    await new Promise(r => setTimeout(r, 50))
    const sibling = await armFailure(
      c.network.subnets.createOrUpdate(RG, 'vnet-a', 'snet-b', { addressPrefix: '10.10.0.32/27' })
    )
    expect(sibling.statusCode).toBe(409)
    expect(sibling.code).toBe('AnotherOperationInProgress')
    expect(sibling.message).toMatch(/^Another operation on this or dependent resource is in progress\./)
    const fromHub = await armFailure(
      c.network.virtualNetworkPeerings.createOrUpdate(RG, 'vnet-hub', 'to-a', { remoteVirtualNetwork: { id: vnet } })
    )
    expect(fromHub.statusCode).toBe(400)
    expect(fromHub.code).toBe('ReferencedResourceNotProvisioned')
    expect(fromHub.message).toBe(
      `Cannot proceed with operation because resource ${vnet.toLowerCase()} used by resource ${hub}/virtualNetworkPeerings/to-a is not in Succeeded state. Resource is in Updating state and the last operation that updated/is updating the resource is PutSubnetOperation.`
    )
    await subnet
    // Once it has finished, the same write goes through.
    await c.network.subnets.createOrUpdate(RG, 'vnet-a', 'snet-b', { addressPrefix: '10.10.0.32/27' })
  })

  it('completes an operation by elapsed time, without being polled', async () => {
    const started = Date.now()
    const poller = c.network.subnets.delete(RG, 'vnet-a', 'snet-b', { updateIntervalInMs: 10_000 })
    await poller.submitted()
    // Reading does not hurry it...
    for (let i = 0; i < 5; i++)
      expect((await c.network.subnets.get(RG, 'vnet-a', 'snet-b')).provisioningState).toBe('Deleting')
    // ...time does.
    await new Promise(r => setTimeout(r, 350))
    expect((await armFailure(c.network.subnets.get(RG, 'vnet-a', 'snet-b'))).statusCode).toBe(404)
    await poller
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
  })
})

describe('other refusals', () => {
  it('a canceled operation ends Canceled, and the resource says so', async () => {
    emulator.admin.fault({ kind: 'lro-cancel', method: 'PUT', path: '/networkSecurityGroups/nsg-c$', times: 1 })
    await expect(
      c.network.networkSecurityGroups.createOrUpdate(RG, 'nsg-c', { location: LOCATION }, { updateIntervalInMs: 10 })
    ).rejects.toThrow('Operation was canceled')
    const nsg = await c.network.networkSecurityGroups.get(RG, 'nsg-c')
    expect(nsg.provisioningState).toBe('Canceled')
  })

  it('useRemoteGateways towards a VNet without a gateway: RemoteVnetHasNoGateways', async () => {
    const failure = await armFailure(
      c.network.virtualNetworkPeerings.createOrUpdate(RG, 'vnet-a', 'to-hub', {
        remoteVirtualNetwork: { id: hub },
        useRemoteGateways: true
      })
    )
    expect(failure.statusCode).toBe(400)
    expect(failure.code).toBe('RemoteVnetHasNoGateways')
  })

  it('lists the Container Apps usages and refuses an environment past the regional quota', async () => {
    emulator.admin.setQuotas({ environmentsPerRegion: 0 })
    const usages = []
    for await (const u of c.apps.usages.list(LOCATION)) usages.push(u)
    expect(usages.map(u => [u.name.value, u.currentValue, u.limit])).toEqual([['ManagedEnvironmentCount', 0, 0]])
    const failure = await armFailure(c.apps.managedEnvironments.createOrUpdate(RG, 'cae-x', { location: LOCATION }))
    expect(failure.code).toBe('MaxNumberOfRegionalEnvironmentsInSubExceeded')
    expect(failure.message).toBe(`The subscription '${SUB}' cannot have more than 0 environments in norwayeast.`)
    emulator.admin.setQuotas({ environmentsPerRegion: 15 })
  })

  it("lists a resource group's resources by tag, without their tags", async () => {
    emulator.admin.seed(net('networkSecurityGroups', 'nsg-tagged'), { location: LOCATION, tags: { team: 'x' } })
    const found = []
    for await (const r of c.resources.resources.listByResourceGroup(RG, {
      filter: "tagName eq 'team' and tagValue eq 'x'"
    }))
      found.push(r)
    expect(found.map(r => [r.id, r.tags])).toEqual([[net('networkSecurityGroups', 'nsg-tagged'), undefined]])
    expect(rgId).toContain(RG)
  })
})

describe('resource provider registration', () => {
  it('answers registrationState, refuses a write in an unregistered namespace, and registers it', async () => {
    emulator.admin.setProviderRegistration(SUB, 'Microsoft.App', 'NotRegistered')
    expect((await c.resources.providers.get('Microsoft.App')).registrationState).toBe('NotRegistered')
    expect((await c.resources.providers.get('Microsoft.Network')).registrationState).toBe('Registered')
    const refused = await armFailure(
      c.apps.managedEnvironments.beginCreateOrUpdateAndWait(RG, 'cae-unregistered', { location: LOCATION })
    )
    expect(refused).toMatchObject({
      statusCode: 409,
      code: 'MissingSubscriptionRegistration',
      message:
        "The subscription is not registered to use namespace 'Microsoft.App'. See https://aka.ms/rps-not-found for how to register subscriptions."
    })
    await c.resources.providers.register('Microsoft.App')
    expect((await c.resources.providers.get('Microsoft.App')).registrationState).toBe('Registered')
  })
})
