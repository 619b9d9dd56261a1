/** apply → apply (no writes) → drift → repair → destroy, against the emulator with the real SDK and OIDC sign-in. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { countActions } from '../../src/core/plan.js'
import { writtenNamespaces } from '../../src/core/providers.js'
import { DNS_ZONE_ID, HUB_SUB, HUB_VNET_ID, RG_ID, studioConfig, SUB } from '../../emulator/worlds/azure-fixture.js'
import { isGraphQuery, startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'

const config = studioConfig()
const desired = desiredResources(config)
const idOf = (kind: string) => desired.find(r => r.kind === kind)!.id
let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.emulator.close()
})

describe('engine lifecycle', () => {
  it('plans every resource as a create before anything exists', async () => {
    const result = await h.engine.planLive(config)
    expect(result.counts).toEqual({ create: desired.length, update: 0, delete: 0, noop: 0, refuse: 0, wait: 0 })
  })

  it('applies from nothing: every desired resource is stored, refs resolved, written level by level', async () => {
    const mark = h.mark()
    const result = await h.engine.apply(config)
    expect(result.writes.map(w => w.id).sort()).toEqual(desired.map(r => r.id).sort())
    expect(result.writes.every(w => w.action === 'create' && w.attempts === 1)).toBe(true)
    for (const r of desired) expect(h.emulator.admin.getResource(r.id)).toBeDefined()

    const identity = h.emulator.admin.getResource(idOf('identity')) as {
      properties: { clientId: string; principalId: string }
    }
    const role = h.emulator.admin.getResource(idOf('roleAssignment')) as { properties: { principalId: string } }
    expect(role.properties.principalId).toBe(identity.properties.principalId)
    const job = h.emulator.admin.getResource(idOf('job')) as {
      properties: {
        configuration: {
          eventTriggerConfig: { scale: { maxExecutions: number; rules: { metadata: Record<string, string> }[] } }
        }
        template: { containers: { env: { name: string; value?: string }[] }[] }
      }
    }
    expect(job.properties.configuration.eventTriggerConfig.scale.maxExecutions).toBe(10)
    expect(job.properties.configuration.eventTriggerConfig.scale.rules[0].metadata.githubApiURL).toBe(
      'https://api.github.com'
    )
    const env = Object.fromEntries(job.properties.template.containers[0].env.map(e => [e.name, e.value]))
    expect(env.RUNNER_SETUP_IDENTITY_CLIENT_ID).toBe(identity.properties.clientId)

    // The remote side of the peering lives in the hub's subscription and points back at our VNet.
    const remote = h.emulator.admin.getResource(idOf('remotePeering')) as {
      properties: { remoteVirtualNetwork: { id: string } }
    }
    expect(remote.properties.remoteVirtualNetwork.id.toLowerCase()).toBe(idOf('virtualNetwork').toLowerCase())
    expect(idOf('remotePeering').startsWith(`${HUB_VNET_ID}/`)).toBe(true)
    expect(idOf('privateDnsZoneLink').startsWith(`${DNS_ZONE_ID}/`)).toBe(true)

    // One PUT per resource: nothing written twice.
    const puts = h
      .writesSince(mark)
      .filter(w => w.method === 'PUT')
      .map(w => w.path.toLowerCase())
    expect(new Set(puts).size).toBe(puts.length)
    expect(puts.length).toBe(desired.length)
    expect(h.log.some(l => l.startsWith('group: Level 0:'))).toBe(true)
  })

  it('a second apply writes nothing', async () => {
    const mark = h.mark()
    const result = await h.engine.apply(config)
    expect(result.writes).toEqual([])
    expect(countActions(result.plan)).toEqual({
      create: 0,
      update: 0,
      delete: 0,
      noop: desired.length,
      refuse: 0,
      wait: 0
    })
    expect(h.writesSince(mark)).toEqual([])
    // Reads only, all in one round: one GET per resource, the resource group check, the jobs and tagged-resources
    // listings (orphans, strays), preflight's three (the vault, the region's and the environment's usages) and its one
    // per provider namespace and subscription, and one Resource Graph query for links of dropped DNS zones; our VNet's
    // GET already lists its peerings. The token is reused.
    const requests = h.emulator.requests().slice(mark)
    expect(requests.every(r => r.method === 'GET' || isGraphQuery(r.path))).toBe(true)
    const namespaces = writtenNamespaces(desired)
    expect(namespaces.map(n => `${n.namespace} ${n.subscriptionId}`).sort()).toEqual([
      `Microsoft.App ${SUB}`,
      `Microsoft.Insights ${SUB}`,
      `Microsoft.ManagedIdentity ${SUB}`,
      `Microsoft.Network ${SUB}`,
      `Microsoft.Network ${HUB_SUB}`
    ])
    expect(requests.filter(r => /^\/subscriptions\/[^/]+\/providers\/[^/]+$/.test(r.path))).toHaveLength(5)
    expect(requests.length).toBe(desired.length + 7 + namespaces.length)
    expect(requests.filter(r => /\/providers\/Microsoft\.App\/jobs$/i.test(r.path))).toHaveLength(1)
  })

  it('drift reports an out-of-band change by field path, and apply repairs it', async () => {
    h.emulator.admin.patchResource(idOf('job'), {
      properties: { configuration: { eventTriggerConfig: { scale: { maxExecutions: 3 } } } }
    })
    const drift = await h.engine.drift(config)
    expect(drift.drifted).toBe(true)
    expect(drift.items).toEqual([
      {
        id: idOf('job'),
        kind: 'job',
        name: desired.find(r => r.kind === 'job')!.name,
        action: 'update',
        changes: [{ path: 'configuration.eventTriggerConfig.scale.maxExecutions', from: 3, to: 10 }]
      }
    ])
    const repaired = await h.engine.apply(config)
    expect(repaired.writes.map(w => [w.kind, w.action])).toEqual([['job', 'update']])
    expect((await h.engine.drift(config)).drifted).toBe(false)
  })

  it('destroy removes every resource it made, never the resource group or the hub VNet', async () => {
    const result = await h.engine.destroy(config)
    expect(result.refused).toEqual([])
    expect(result.deleted.map(d => d.id).sort()).toEqual(desired.map(r => r.id).sort())
    for (const r of desired) expect(h.emulator.admin.getResource(r.id)).toBeUndefined()
    expect(h.emulator.admin.getResource(RG_ID)).toBeDefined()
    expect(h.emulator.admin.getResource(HUB_VNET_ID)).toBeDefined()
    expect(h.emulator.admin.getResource(DNS_ZONE_ID)).toBeDefined()
    // Jobs go before the environment, the environment before its subnet, the subnet before its VNet.
    const order = result.deleted.map(d => d.kind)
    expect(order.indexOf('job')).toBeLessThan(order.indexOf('managedEnvironment'))
    expect(order.indexOf('managedEnvironment')).toBeLessThan(order.indexOf('subnet'))
    expect(order.indexOf('subnet')).toBeLessThan(order.indexOf('virtualNetwork'))
  })

  it('a second destroy finds nothing and deletes nothing', async () => {
    const mark = h.mark()
    const result = await h.engine.destroy(config)
    expect(result.deleted).toEqual([])
    expect(h.writesSince(mark)).toEqual([])
  })
})
