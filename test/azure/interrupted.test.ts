/**
 * An environment write that never finishes: apply gives up after its bounded wait with one clear line; a rerun while
 * Azure is still working waits and says so; once Azure finishes, a rerun converges and the next apply writes nothing.
 * (Own emulator: the hung operation stays on the environment for the rest of the emulator's life.)
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { studioConfig } from './fixture.js'
import { engineFor, startHarness, type Harness } from './harness.js'

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
