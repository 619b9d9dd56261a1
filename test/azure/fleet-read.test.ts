/**
 * Drift over a fleet through Azure Resource Graph: a few paged queries instead of a GET per resource, a GET only for
 * what Graph lacks (diagnostic settings) and to confirm a drift before it is reported; dropped DNS zones' links found
 * by a search and pruned; ARM's throttling waited out until a deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { teamLayout } from '../../src/core/layout.js'
import { recordingLogger, startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'
import { DNS_ZONE_ID, HUB_RG_ID, studioConfig } from '../../emulator/worlds/azure-fixture.js'

const OTHER_ZONE_ID = `${HUB_RG_ID}/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net`

describe('drift over a fleet through Resource Graph', () => {
  let h: Harness
  const config = studioConfig({
    network: { ...studioConfig().network, privateDnsZones: [DNS_ZONE_ID, OTHER_ZONE_ID] }
  })
  const desired = desiredResources(config)
  const idOf = (kind: string) => desired.find(r => r.kind === kind)!.id

  beforeAll(async () => {
    h = await startHarness()
    h.emulator.admin.seed(OTHER_ZONE_ID, { location: 'global', properties: {} })
    await h.engine.apply(config)
  }, 60_000)
  afterAll(() => h?.emulator.close())

  const armSince = (mark: number) =>
    h.emulator
      .requests()
      .slice(mark)
      .filter(r => r.path.startsWith('/subscriptions/') || r.path.startsWith('/providers/'))

  it('reads a clean team from Graph queries and GETs only its diagnostic setting', async () => {
    const mark = h.mark()
    await h.engine.prefetch([config])
    const drift = await h.engine.drift(config)
    expect(drift.items).toEqual([])
    const requests = armSince(mark)
    const graph = requests.filter(r => r.path === '/providers/Microsoft.ResourceGraph/resources')
    expect(graph).toHaveLength(4)
    expect(requests.filter(r => r.method === 'GET').map(r => r.path)).toEqual([
      `${idOf('managedEnvironment')}/providers/Microsoft.Insights/diagnosticSettings/runner-setup`
    ])
  })

  it('says how far a long run got: teams done, reads, Graph queries and throttled waits', async () => {
    const { fleetProgress } = await import('../../src/commands/fleet-runs.js')
    const lines: string[] = []
    const progress = fleetProgress(h.engine, recordingLogger(lines), 'drift', 2, 10)
    await h.engine.prefetch([config])
    await h.engine.drift(config)
    progress.teamDone()
    await new Promise(resolve => setTimeout(resolve, 50))
    progress.stop()
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.at(-1)).toMatch(
      /^drift: 1\/2 teams, \d+ reads, \d+ Resource Graph queries, 0 throttled answers waited out, [\d.]+ s waiting for ARM's read budget, \d+ s$/
    )
  })

  it('reports a drift Graph shows only after a GET confirms it, with the GET value', async () => {
    h.emulator.admin.patchResource(idOf('job'), {
      properties: { configuration: { eventTriggerConfig: { scale: { maxExecutions: 3 } } } }
    })
    await h.engine.prefetch([config])
    const mark = h.mark()
    const drift = await h.engine.drift(config)
    expect(drift.items.map(i => [i.kind, i.changes])).toEqual([
      ['job', [{ path: 'configuration.eventTriggerConfig.scale.maxExecutions', from: 3, to: 10 }]]
    ])
    expect(armSince(mark).filter(r => r.path.toLowerCase() === idOf('job').toLowerCase())).toHaveLength(1)
    await h.engine.apply(config)
  })

  it('does not report a drift Graph shows when the GET contradicts it (the index lags)', async () => {
    h.emulator.admin.patchResource(idOf('job'), {
      properties: { configuration: { eventTriggerConfig: { scale: { maxExecutions: 4 } } } }
    })
    h.emulator.limits.graph.settings.lagMs = 60_000
    try {
      await h.engine.apply(config) // repaired, but Graph still shows 4 for another minute
      await h.engine.prefetch([config])
      const mark = h.mark()
      const drift = await h.engine.drift(config)
      expect(drift.items).toEqual([])
      // Graph showed every resource as missing or old; each was read again, and the GETs won.
      expect(armSince(mark).filter(r => r.method === 'GET').length).toBeGreaterThan(desired.length / 2)
    } finally {
      h.emulator.limits.graph.settings.lagMs = 0
    }
  })

  it('finds and deletes the link of a zone dropped from the config, and leaves a link that is not ours', async () => {
    const dropped = studioConfig()
    const link = `${OTHER_ZONE_ID}/virtualNetworkLinks/${teamLayout(dropped).names.privateDnsZoneLink}`
    const foreign = `${OTHER_ZONE_ID}/virtualNetworkLinks/someone-elses`
    h.emulator.admin.seed(foreign, {
      location: 'global',
      properties: { virtualNetwork: { id: teamLayout(dropped).virtualNetworkId }, registrationEnabled: false }
    })
    await h.engine.prefetch([dropped])
    const drift = await h.engine.drift(dropped)
    expect(drift.items.map(i => [i.action, i.id])).toEqual([['delete', link]])
    // apply reads the same search: the link is deleted under the ownership rule, the foreign one stays.
    const applied = await h.engine.apply(dropped)
    expect(applied.writes.map(w => [w.action, w.id])).toEqual([['delete', link]])
    expect(h.emulator.admin.getResource(link)).toBeUndefined()
    expect(h.emulator.admin.getResource(foreign)).toBeDefined()
  })
})

describe('a dropped zone whose role was removed', () => {
  let h: Harness
  const both = studioConfig({ network: { ...studioConfig().network, privateDnsZones: [DNS_ZONE_ID, OTHER_ZONE_ID] } })
  beforeAll(async () => {
    h = await startHarness()
    h.emulator.admin.seed(OTHER_ZONE_ID, { location: 'global', properties: {} })
    await h.engine.apply(both)
  }, 60_000)
  afterAll(() => h?.emulator.close())

  it('is reported in a warning and its link left alone: apply does not fail', async () => {
    const dropped = studioConfig()
    const link = `${OTHER_ZONE_ID}/virtualNetworkLinks/${teamLayout(dropped).names.privateDnsZoneLink}`
    h.emulator.admin.denyAction('Microsoft.Network/privateDnsZones/virtualNetworkLinks/.*', OTHER_ZONE_ID)
    try {
      const applied = await h.engine.apply(dropped)
      expect(applied.writes).toEqual([])
      expect(h.log).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^warning: Cannot read private DNS zone link ${link}: the signed-in identity lacks .+; not pruned$`
          )
        )
      )
      expect(h.emulator.admin.getResource(link)).toBeDefined()
    } finally {
      h.emulator.admin.clearDenials()
    }
  })
})

describe('Resource Graph paging and quota', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  }, 60_000)
  afterAll(() => h?.emulator.close())

  it('follows $skipToken past 1,000 rows and waits out the 15-per-5-s quota', async () => {
    const sub = '00000000-0000-0000-0000-0000000000cc'
    h.emulator.admin.seedResourceGroup(sub, 'rg-many', 'norwayeast')
    for (let i = 0; i < 2100; i++)
      h.emulator.admin.seed(
        `/subscriptions/${sub}/resourceGroups/rg-many/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-${i}`,
        { location: 'norwayeast', properties: {} }
      )
    h.emulator.limits.limited = true
    try {
      const { graphReader } = await import('../../src/azure/resource-graph.js')
      const { FLEET_QUERIES } = await import('../../src/azure/fleet-snapshot.js')
      // 3 pages a query, 6 queries: 18 queries, past the quota of 15 in 5 s.
      const reader = graphReader(await graphClientFor(h), { sleep: ms => new Promise(r => setTimeout(r, ms)) })
      const started = Date.now()
      const counts: number[] = []
      for (let i = 0; i < 6; i++) counts.push((await reader.query(FLEET_QUERIES.resources, [sub])).length)
      expect(counts).toEqual([2100, 2100, 2100, 2100, 2100, 2100])
      expect(h.emulator.limits.graph.stats.queries).toBe(18)
      expect(Date.now() - started).toBeGreaterThanOrEqual(4000)
    } finally {
      h.emulator.limits.limited = false
    }
  }, 60_000)

  it('refuses a query outside the implemented subset, loudly', async () => {
    const { graphReader } = await import('../../src/azure/resource-graph.js')
    const reader = graphReader(await graphClientFor(h), { sleep: async () => {} })
    await expect(reader.query('resources | summarize count() by type')).rejects.toThrow(
      /does not implement 'summarize count\(\) by type'/
    )
  })
})

async function graphClientFor(h: Harness) {
  const { createClients } = await import('../../src/azure/clients.js')
  const token = h.emulator.admin.issueToken()
  const clients = createClients({
    credential: { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) },
    endpoint: h.emulator.url,
    tlsOptions: { ca: h.emulator.caPem },
    retryOptions: { maxRetries: 0 }
  })
  return clients.graph()
}
