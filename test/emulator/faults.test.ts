import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { armFailure, clients, LOCATION, net, RG, SUB } from './support.js'
import { createNetwork, environmentBody, seedTeam } from './fixtures.js'

let emulator: Emulator
let c: ReturnType<typeof clients>
const nsgPath = net('networkSecurityGroups', 'nsg-faults')

beforeAll(async () => {
  emulator = await startEmulator()
  c = clients(emulator)
  seedTeam(emulator)
  await c.network.networkSecurityGroups.createOrUpdate(RG, 'nsg-faults', { location: LOCATION })
})
afterEach(() => {
  emulator.admin.clearFaults()
  emulator.admin.clearDenials()
  emulator.admin.setLatency(0)
})
afterAll(async () => emulator.close())

const hits = (method: string, path: string) => emulator.requests().filter(r => r.method === method && r.path === path)

describe('transport faults are retried by the SDK', () => {
  it('honours Retry-After on 429', async () => {
    emulator.clearRequests()
    emulator.admin.fault({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      method: 'GET',
      path: 'networkSecurityGroups/nsg-faults$',
      times: 1
    })
    expect((await c.network.networkSecurityGroups.get(RG, 'nsg-faults')).name).toBe('nsg-faults')
    const [throttled, retried] = hits('GET', nsgPath)
    expect([throttled?.status, retried?.status]).toEqual([429, 200])
    expect(retried!.startedAt - throttled!.startedAt).toBeGreaterThanOrEqual(950)
  })

  it.each([500, 503])('retries %i until it succeeds', async status => {
    emulator.clearRequests()
    emulator.admin.fault({ kind: 'status', status, method: 'GET', path: 'networkSecurityGroups/nsg-faults$', times: 2 })
    expect((await c.network.networkSecurityGroups.get(RG, 'nsg-faults')).name).toBe('nsg-faults')
    expect(hits('GET', nsgPath).map(r => r.status)).toEqual([status, status, 200])
  })

  it('retries a dropped connection', async () => {
    emulator.clearRequests()
    emulator.admin.fault({ kind: 'drop', method: 'GET', path: 'networkSecurityGroups/nsg-faults$', times: 1 })
    expect((await c.network.networkSecurityGroups.get(RG, 'nsg-faults')).name).toBe('nsg-faults')
    expect(hits('GET', nsgPath).map(r => r.status)).toEqual([0, 200])
  })

  it('gives up with the ARM error after the retries run out', async () => {
    emulator.admin.fault({ kind: 'status', status: 500, method: 'GET', path: 'networkSecurityGroups/nsg-faults$' })
    const failure = await armFailure(c.network.networkSecurityGroups.get(RG, 'nsg-faults'))
    expect(failure.statusCode).toBe(500)
    expect(failure.code).toBe('InternalServerError')
  })

  it('adds latency to matching requests and to every request', async () => {
    emulator.clearRequests()
    emulator.admin.fault({ kind: 'latency', ms: 40, method: 'GET', path: 'nsg-faults$', times: 1 })
    await c.network.networkSecurityGroups.get(RG, 'nsg-faults')
    emulator.admin.setLatency(25)
    await c.network.networkSecurityGroups.get(RG, 'nsg-faults')
    expect(hits('GET', nsgPath).map(r => r.durationMs >= 25)).toEqual([true, true])
    expect(hits('GET', nsgPath)[0]!.durationMs).toBeGreaterThanOrEqual(40)
  })
})

describe('long-running operation faults', () => {
  it('surfaces a failed Azure-AsyncOperation with its ARM code and message, and leaves the resource Failed', async () => {
    emulator.admin.fault({
      kind: 'lro-fail',
      code: 'InternalServerError',
      message: 'NSG update failed in the region.',
      method: 'PUT',
      path: 'nsg-faults$',
      times: 1
    })
    const failure = await armFailure(
      c.network.networkSecurityGroups.createOrUpdate(RG, 'nsg-faults', { location: LOCATION, tags: { a: 'b' } })
    )
    expect(failure.message).toContain('InternalServerError')
    expect(failure.message).toContain('NSG update failed in the region.')
    expect((await c.network.networkSecurityGroups.get(RG, 'nsg-faults')).provisioningState).toBe('Failed')
    const repaired = await c.network.networkSecurityGroups.createOrUpdate(RG, 'nsg-faults', {
      location: LOCATION,
      tags: { a: 'b' }
    })
    expect(repaired.provisioningState).toBe('Succeeded')
  })

  it('surfaces a failed operation on the environment', async () => {
    await createNetwork(c)
    emulator.admin.fault({
      kind: 'lro-fail',
      code: 'ManagedEnvironmentProvisioningError',
      message: 'Infrastructure setup failed.',
      method: 'PUT',
      path: 'managedEnvironments/cae-team$',
      times: 1
    })
    const failure = await armFailure(c.apps.managedEnvironments.createOrUpdate(RG, 'cae-team', environmentBody()))
    expect(failure.message).toContain('ManagedEnvironmentProvisioningError')
    expect(failure.message).toContain('Infrastructure setup failed.')
    expect((await c.apps.managedEnvironments.get(RG, 'cae-team')).provisioningState).toBe('Failed')
  })

  it('keeps a hung operation running until the caller gives up', async () => {
    emulator.admin.fault({ kind: 'lro-hang', method: 'PUT', path: 'publicIPAddresses/pip-hang$', times: 1 })
    const abort = new AbortController()
    const poller = c.network.publicIPAddresses.createOrUpdate(
      RG,
      'pip-hang',
      { location: LOCATION },
      { abortSignal: abort.signal, updateIntervalInMs: 5 }
    )
    setTimeout(() => abort.abort(), 60)
    await expect(poller).rejects.toThrow()
    expect((await c.network.publicIPAddresses.get(RG, 'pip-hang')).provisioningState).toBe('Updating')
    const polls = emulator.requests().filter(r => r.path.includes('/operationStatuses/'))
    expect(polls.length).toBeGreaterThan(1)
  })
})

describe('authorization', () => {
  it("answers 403 AuthorizationFailed with ARM's message", async () => {
    const scope = `/subscriptions/${SUB}/resourceGroups/${RG}`
    emulator.admin.denyAction('^Microsoft.Network/natGateways/write$', scope)
    const failure = await armFailure(c.network.natGateways.createOrUpdate(RG, 'nat-denied', { location: LOCATION }))
    expect(failure.statusCode).toBe(403)
    expect(failure.code).toBe('AuthorizationFailed')
    expect(failure.message).toBe(
      `The client '${emulator.clientId}' with object id '${emulator.principalObjectId}' does not have authorization to perform action 'Microsoft.Network/natGateways/write' over scope '${net('natGateways', 'nat-denied')}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
    )
  })

  it('answers 403 LinkedAuthorizationFailed when the remote VNet of a peering may not be peered', async () => {
    const remoteSub = '99999999-0000-0000-0000-000000000000'
    emulator.admin.seedResourceGroup(remoteSub, 'rg-hub', LOCATION)
    const remote = `/subscriptions/${remoteSub}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub`
    emulator.admin.seed(remote, {
      location: LOCATION,
      properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
    })
    emulator.admin.denyAction('virtualNetworks/peer/action', `/subscriptions/${remoteSub}`)
    const failure = await armFailure(
      c.network.virtualNetworkPeerings.createOrUpdate(RG, 'vnet-runners', 'to-hub', {
        remoteVirtualNetwork: { id: remote }
      })
    )
    expect(failure.statusCode).toBe(403)
    expect(failure.code).toBe('LinkedAuthorizationFailed')
    expect(failure.message).toContain(
      `'Microsoft.Network/virtualNetworks/peer/action' on the linked scope(s) '${remote}'`
    )
  })
})
