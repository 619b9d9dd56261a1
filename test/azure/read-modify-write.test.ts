/**
 * An update sends the live resource with our fields applied: what other owners added (a route table and a service
 * endpoint on the subnet, a tag Azure Policy appended to the VNet) survives, and drift still names only our fields.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { RG_ID, studioConfig } from '../../emulator/worlds/azure-fixture.js'
import { startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'

const config = studioConfig()
const desired = desiredResources(config)
const vnet = desired.find(r => r.kind === 'virtualNetwork')!
const subnet = desired.find(r => r.kind === 'subnet')!
const routeTable = `${RG_ID}/providers/Microsoft.Network/routeTables/rt-platform-egress`
let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.emulator.close()
})

interface Wire {
  tags?: Record<string, string>
  properties: Record<string, unknown>
}

it('keeps a route table, a service endpoint and a policy tag through an update of the VNet and the subnet', async () => {
  await h.engine.apply(config)
  h.emulator.admin.seed(routeTable, { location: 'norwayeast', properties: { routes: [] } })
  // Out of band: the platform attaches its route table and a service endpoint; policy appends a tag; and someone
  // changes two fields we own, so both resources are updated.
  h.emulator.admin.patchResource(subnet.id, {
    properties: {
      routeTable: { id: routeTable },
      serviceEndpoints: [{ service: 'Microsoft.Storage', locations: ['norwayeast'] }],
      networkSecurityGroup: null
    }
  })
  h.emulator.admin.patchResource(vnet.id, {
    tags: { 'policy-cost-center': '4711' },
    properties: { dhcpOptions: { dnsServers: ['10.9.9.9'] } }
  })

  const drift = await h.engine.drift(config)
  expect(drift.items.map(i => [i.kind, i.changes.map(c => c.path)])).toEqual([
    ['virtualNetwork', ['dhcpOptions.dnsServers']],
    ['subnet', ['networkSecurityGroup.id']]
  ])

  const applied = await h.engine.apply(config)
  expect(applied.writes.map(w => `${w.action} ${w.kind}`)).toEqual(['update virtualNetwork', 'update subnet'])
  const liveSubnet = h.emulator.admin.getResource(subnet.id) as unknown as Wire
  expect(liveSubnet.properties.routeTable).toEqual({ id: routeTable })
  expect(liveSubnet.properties.serviceEndpoints).toEqual([
    expect.objectContaining({ service: 'Microsoft.Storage', locations: ['norwayeast'] })
  ])
  expect(liveSubnet.properties.networkSecurityGroup).toEqual({
    id: desired.find(r => r.kind === 'networkSecurityGroup')!.id
  })
  const liveVnet = h.emulator.admin.getResource(vnet.id) as unknown as Wire
  expect(liveVnet.tags).toMatchObject({ 'policy-cost-center': '4711', 'runner-setup-team': 'studio' })
  expect(liveVnet.properties.dhcpOptions).toEqual({ dnsServers: ['10.0.0.4'] })
  expect((await h.engine.apply(config)).writes).toEqual([])
})
