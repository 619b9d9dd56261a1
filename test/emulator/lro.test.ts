import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { armFailure, clients, fetchIdToken, LOCATION, net, RG } from './support.js'
import { createNetwork, environmentBody, environmentId, seedTeam } from './fixtures.js'

let emulator: Emulator
let c: ReturnType<typeof clients>

beforeAll(async () => {
  emulator = await startEmulator({ lroPolls: 3 })
  c = clients(emulator)
  seedTeam(emulator)
})
afterAll(async () => emulator.close())

describe('long-running operations', () => {
  it('polls InProgress until the configured number of polls, and shows the busy state on GET meanwhile', async () => {
    const seen: string[] = []
    const started = Date.now()
    // No updateIntervalInMs: the emulator's Retry-After alone must keep polls fast (core-lro's default is 2 s).
    const poller = c.network.natGateways.createOrUpdate(RG, 'nat-slow', { location: LOCATION })
    await poller.submitted()
    seen.push(
      (emulator.admin.getResource(net('natGateways', 'nat-slow'))!.properties as { provisioningState: string })
        .provisioningState
    )
    const result = await poller
    expect(seen).toEqual(['Updating'])
    expect(result.provisioningState).toBe('Succeeded')
    const polls = emulator.requests().filter(r => r.path.includes('/operationStatuses/'))
    expect(polls).toHaveLength(3)
    // Not a timing figure: at core-lro's 2 s default the three polls alone would take 6 s; any load stays under that.
    expect(Date.now() - started).toBeLessThan(5500)
  })

  it('lets a client that stopped polling find the work done on its next reads', async () => {
    const poller = c.network.publicIPAddresses.createOrUpdate(RG, 'pip-left', { location: LOCATION })
    await poller.submitted()
    const states: (string | undefined)[] = []
    for (let i = 0; i < 3; i++) states.push((await c.network.publicIPAddresses.get(RG, 'pip-left')).provisioningState)
    expect(states).toEqual(['Updating', 'Updating', 'Succeeded'])
  })

  it('refuses a second write to an environment while its operation still runs', async () => {
    await createNetwork(c)
    emulator.admin.fault({ kind: 'lro-hang', method: 'PUT', path: 'managedEnvironments/cae-team$', times: 1 })
    const abort = new AbortController()
    const first = c.apps.managedEnvironments.createOrUpdate(RG, 'cae-team', environmentBody(), {
      abortSignal: abort.signal
    })
    const settled = first.then(
      () => 'done',
      () => 'aborted'
    )
    await first.submitted()
    expect(
      (emulator.admin.getResource(environmentId)!.properties as { provisioningState: string }).provisioningState
    ).toBe('InfrastructureSetupInProgress')
    const second = await armFailure(c.apps.managedEnvironments.createOrUpdate(RG, 'cae-team', environmentBody()))
    expect(second.statusCode).toBe(409)
    expect(second.code).toBe('ManagedEnvironmentOperationInProgress')
    abort.abort()
    expect(await settled).toBe('aborted')
  })
})

describe('Entra refusals', () => {
  it('refuses an unknown client id with AADSTS700016', async () => {
    const { ClientAssertionCredential } = await import('@azure/identity')
    const credential = new ClientAssertionCredential(
      emulator.tenantId,
      '00000000-1111-2222-3333-444444444444',
      () => fetchIdToken(emulator),
      {
        authorityHost: emulator.url,
        disableInstanceDiscovery: true,
        tlsOptions: { ca: emulator.caPem }
      }
    )
    const failure = await armFailure(clients(emulator, credential).network.natGateways.get(RG, 'nat-slow'))
    expect(failure.message).toContain('AADSTS700016')
  })
})
