/**
 * Ownership that cannot be spoofed: our tags are not enough. A job in another environment of the team's resource
 * group with a name we never give, an NSG with our tags but not our name, and a hand-made peering on our VNet survive
 * apply and destroy, and a warning names each.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { HUB_VNET_ID, RG_ID, studioConfig } from '../../emulator/worlds/azure-fixture.js'
import { startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'

const config = studioConfig()
const desired = desiredResources(config)
const vnetId = desired.find(r => r.kind === 'virtualNetwork')!.id
const OURS = { 'managed-by': 'runner-setup', 'runner-setup-team': 'studio' }
const otherEnv = `${RG_ID}/providers/Microsoft.App/managedEnvironments/cae-batch`
const job = `${RG_ID}/providers/Microsoft.App/jobs/nightly-export`
const nsg = `${RG_ID}/providers/Microsoft.Network/networkSecurityGroups/nsg-legacy`
const peering = `${vnetId}/virtualNetworkPeerings/manual-to-hub`
let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.emulator.close()
})

it('leaves resources with our tags but not our names alone through apply and destroy, naming each', async () => {
  await h.engine.apply(config)
  h.emulator.admin.seed(otherEnv, { location: 'norwayeast', tags: OURS, properties: {} })
  h.emulator.admin.seed(job, {
    location: 'norwayeast',
    tags: OURS,
    properties: { environmentId: otherEnv, configuration: { triggerType: 'Manual', replicaTimeout: 60 } }
  })
  h.emulator.admin.seed(nsg, { location: 'norwayeast', tags: OURS, properties: { securityRules: [] } })
  h.emulator.admin.seed(peering, { properties: { remoteVirtualNetwork: { id: HUB_VNET_ID } } })

  const applied = await h.engine.apply(config)
  expect(applied.writes).toEqual([])
  const warnings = h.log.filter(l => l.startsWith('warning: '))
  const expected = [
    `warning: Microsoft.App/jobs ${job} carries team studio's tags but its name is not one runner-setup gives this team: not provably the team's, left alone`,
    `warning: Peering ${peering} on the team's VNet has a name runner-setup never gives: not the team's, left alone (and destroy keeps the VNet while it is there)`,
    `warning: Microsoft.App/managedEnvironments ${otherEnv} carries team studio's tags but its name is not one runner-setup gives this team: not provably the team's, left alone`,
    `warning: Microsoft.Network/networkSecurityGroups ${nsg} carries team studio's tags but its name is not one runner-setup gives this team: not provably the team's, left alone`
  ]
  expect(warnings).toEqual(expect.arrayContaining(expected))

  h.log.length = 0
  const destroyed = await h.engine.destroy(config)
  for (const id of [otherEnv, job, nsg, peering, vnetId]) expect(h.emulator.admin.getResource(id)).toBeDefined()
  expect(h.log).toEqual(expect.arrayContaining(expected))
  // The VNet stays: deleting it would delete the hand-made peering with it.
  expect(destroyed.refused).toEqual([
    {
      id: vnetId,
      reason: `it holds ${peering}, which runner-setup did not make: deleting it would delete them too; remove them first`
    }
  ])
  expect(destroyed.deleted.map(d => d.kind)).toContain('job')
  expect(destroyed.deleted.map(d => d.kind)).toContain('subnet')
})
