/**
 * ARM's throttling, met by one team's reads: a 429 is waited out as Retry-After says and the read sent again, as often
 * as it takes, until the wait deadline; past it the team fails with a message that says what to do.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals'
import { ArmThrottle } from '../../emulator/arm/throttle.js'
import { engineFor, startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'
import { studioConfig } from '../../emulator/worlds/azure-fixture.js'

let h: Harness
const config = studioConfig()

beforeAll(async () => {
  h = await startHarness()
  await h.engine.apply(config)
}, 60_000)
afterAll(() => h?.emulator.close())
beforeEach(() => {
  h.emulator.limits.limited = false
})

const bucket = (size: number, refillPerSecond: number) =>
  new ArmThrottle({
    reads: { size, refillPerSecond },
    writes: { size: 200, refillPerSecond: 10 },
    deletes: { size: 200, refillPerSecond: 10 },
    providerReads: {}
  })

it('waits out every 429 and sends the read again until it succeeds: the team does not fail', async () => {
  // Three reads, then 5 a second: the team's first round of about 20 concurrent GETs overruns it.
  h.emulator.limits.throttle = bucket(3, 5)
  h.emulator.limits.limited = true
  const engine = engineFor(h.emulator, [])
  const drift = await engine.drift(config)
  expect(drift.items).toEqual([])
  const refused = h.emulator.limits.throttle.stats.throttled.reads
  expect(refused).toBeGreaterThan(3) // more 429s than the SDK's own 3 retries would survive for one read
  expect(engine.stats().throttled).toBe(refused)
})

it('fails the team only past the wait deadline, naming the throttling and what to do', async () => {
  // Two reads, then one token every 100 s: Retry-After is far past a deadline of 200 ms.
  h.emulator.limits.throttle = bucket(2, 0.01)
  h.emulator.limits.limited = true
  const engine = engineFor(h.emulator, [], {}, { limits: { maxThrottleWaitMs: 200 } })
  const started = Date.now()
  await expect(engine.drift(config)).rejects.toThrow(
    /^Cannot (read|list) .+: Azure kept throttling it past the wait deadline \(SubscriptionRequestsThrottled\): .+ Rerun later, or spread the teams over more subscriptions/
  )
  expect(Date.now() - started).toBeLessThan(20_000)
})
