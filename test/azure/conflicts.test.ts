/**
 * Azure runs one operation at a time per VNet. Against an emulator that refuses overlapping writes on one VNet and
 * keeps every long-running operation in flight for a while: apply from nothing and destroy converge without one
 * refusal of our own making, a second apply writes nothing, and an operation someone else runs on the VNet (named by
 * Azure's refusal) is waited for, logged.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { clients } from '../emulator/support.js'
import { SUB, RG, studioConfig } from '../../emulator/worlds/azure-fixture.js'
import { startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'

const config = studioConfig()
const desired = desiredResources(config)
const subnet = desired.find(r => r.kind === 'subnet')!
let h: Harness

beforeAll(async () => {
  h = await startHarness({ lroDurationMs: 120 })
})
afterAll(async () => {
  await h.emulator.close()
})

const refusals = (mark: number) =>
  h.writesSince(mark).filter(w => w.status === 409 || (w.status === 400 && w.method !== 'GET'))

it('applies from nothing and destroys with every VNet write serialised: no conflict, nothing written twice', async () => {
  const mark = h.mark()
  const applied = await h.engine.apply(config)
  expect(applied.writes).toHaveLength(desired.length)
  expect(refusals(mark)).toEqual([])
  expect(applied.writes.every(w => w.attempts === 1)).toBe(true)

  const again = h.mark()
  expect((await h.engine.apply(config)).writes).toEqual([])
  expect(h.writesSince(again)).toEqual([])

  const before = h.mark()
  const destroyed = await h.engine.destroy(config)
  expect(destroyed.refused).toEqual([])
  expect(destroyed.deleted).toHaveLength(desired.length)
  expect(refusals(before)).toEqual([])
  for (const r of desired) expect(h.emulator.admin.getResource(r.id)).toBeUndefined()
})

it("waits, logged, while someone else's operation holds the VNet, and writes once it ends", async () => {
  await h.engine.apply(config)
  h.emulator.admin.patchResource(subnet.id, { properties: { networkSecurityGroup: null } })
  // The platform adds a subnet of its own to the team's VNet: an operation on it that Azure runs for a while.
  const platform = clients(h.emulator, undefined, SUB)
  const theirs = platform.network.subnets.createOrUpdate(RG, 'vnet-studio-runners', 'snet-platform', {
    addressPrefix: '10.90.0.64/27'
  })
  await theirs.submitted()
  h.log.length = 0
  const applied = await h.engine.apply(config)
  expect(applied.writes.map(w => w.kind)).toEqual(['subnet'])
  expect(applied.writes[0].attempts).toBeGreaterThan(1)
  expect(h.log).toContainEqual(
    expect.stringMatching(
      /^subnet snet-runners: Azure answered AnotherOperationInProgress: the operation at https:\/\/\S+\/operationStatuses\/[0-9a-f-]{36}\?api-version=[\d-]+ still runs there; waiting for it to end \(\d+s so far\)$/
    )
  )
  await theirs
  expect((await h.engine.apply(config)).writes).toEqual([])
  h.emulator.admin.deleteResource(`${desired.find(r => r.kind === 'virtualNetwork')!.id}/subnets/snet-platform`)
  await h.engine.destroy(config)
})
