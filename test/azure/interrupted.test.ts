/**
 * An environment write that never finishes: apply gives up after its bounded wait with one clear line; a rerun while
 * Azure is still working waits and says so; once Azure finishes, a rerun converges and the next apply writes nothing.
 * (Own emulator: the hung operation stays on the environment for the rest of the emulator's life.)
 * A teardown killed right after Azure accepted the DNS zone link's DELETE: the next destroy waits for that delete,
 * which ends on Azure's schedule though nobody polls it, and removes everything.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parseArmId } from '../../src/azure/arm-id.js'
import { desiredResources } from '../../src/core/desired.js'
import { clients } from '../emulator/support.js'
import { HUB_SUB, studioConfig } from '../../emulator/worlds/azure-fixture.js'
import { engineFor, startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'

const config = studioConfig()
const env = desiredResources(config).find(r => r.kind === 'managedEnvironment')!
let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.emulator.close()
})

it('gives up on a hung environment, waits for it on rerun, and converges once Azure finishes', async () => {
  const log: string[] = []
  const engine = engineFor(h.emulator, log, { operationTimeoutMs: 1_500, progressIntervalMs: 20, settlePollMs: 10 })
  await engine.planLive(config) // signs in first, so the bounded waits below time only ARM
  h.emulator.admin.fault({ kind: 'lro-hang', method: 'PUT', path: `/managedEnvironments/${env.name}$`, times: 1 })

  await expect(engine.apply(config)).rejects.toThrow(
    /^Gave up on create environment cae-studio-runners after \d+s \(last state: \w+\); Azure may still finish it: rerun to converge\.$/
  )
  expect(log.some(l => /^environment cae-studio-runners: InfrastructureSetupInProgress, \d+s$/.test(l))).toBe(true)

  h.emulator.admin.clearFaults()
  await expect(engine.apply(config)).rejects.toThrow(
    /^environment cae-studio-runners is still InfrastructureSetupInProgress after \d+s from an earlier operation; Azure is still working on it: rerun later\.$/
  )
  expect(
    log.some(l =>
      /^environment cae-studio-runners: InfrastructureSetupInProgress \(an earlier operation is still running\), \d+s$/.test(
        l
      )
    )
  ).toBe(true)

  // Azure finishes the environment on its own.
  h.emulator.admin.patchResource(env.id, { properties: { provisioningState: 'Succeeded' } })
  const rerun = await engine.apply(config)
  expect(rerun.writes.map(w => w.kind).sort()).toEqual(['diagnosticSetting', 'job'])
  const mark = h.mark()
  expect((await engine.apply(config)).writes).toEqual([])
  expect(h.writesSince(mark)).toEqual([])
})

describe('a teardown killed right after Azure accepted the DNS zone link delete', () => {
  let slow: Harness
  beforeAll(async () => {
    // Operations run 400 ms on Azure's clock, polled or not.
    slow = await startHarness({ lroDurationMs: 400 })
  })
  afterAll(async () => {
    await slow.emulator.close()
  })

  it('the next destroy waits for that delete, as a plan entry, and leaves nothing of the team', async () => {
    const log: string[] = []
    const engine = engineFor(slow.emulator, log, { settlePollMs: 20, progressIntervalMs: 60_000 })
    await engine.apply(config)
    const link = desiredResources(config).find(r => r.kind === 'privateDnsZoneLink')!
    const { resourceGroup, names } = parseArmId(link.id)
    // The killed run: Azure accepted the DELETE and nobody polls it again.
    await clients(slow.emulator, undefined, HUB_SUB)
      .dns.virtualNetworkLinks.delete(resourceGroup!, names[0]!, names[1]!)
      .submitted()

    const destroyed = await engine.destroy(config)
    const wait = destroyed.plan.entries.find(e => e.id === link.id)
    expect(wait?.action).toBe('wait')
    expect(wait?.reason).toMatch(/^Deleting: an earlier operation is still running; destroy waits until it settles/)
    expect(log).toContainEqual(expect.stringContaining(`wait private DNS zone link ${link.name}`))
    expect(destroyed.deleted.map(d => d.id)).not.toContain(link.id) // Azure finished that delete, not this run
    for (const r of desiredResources(config).filter(r => r.kind !== 'resourceGroup'))
      expect({ id: r.id, left: slow.emulator.admin.getResource(r.id) !== undefined }).toEqual({ id: r.id, left: false })
  })
})
