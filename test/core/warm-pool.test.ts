import { describe, expect, it } from '@jest/globals'
import type { TeamConfig, WarmPoolConfig } from '../../src/config/types.js'
import { desiredResources } from '../../src/core/desired.js'
import { inWindow, poolFloor, poolMonthlyCost } from '../../src/core/warm-pool.js'
import { LIST_PRICE } from '../../src/core/prices.js'
import { executionsToStart } from '../../emulator/lifecycle/scaled-job.js'
import { studioConfig } from '../../emulator/worlds/azure-fixture.js'

const WEEKDAYS: WarmPoolConfig = {
  size: 2,
  always: false,
  schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '17:00', timeZone: 'Europe/Oslo' }
}
const withPool = (warmPool: WarmPoolConfig): TeamConfig => {
  const base = studioConfig()
  return { ...base, runners: { ...base.runners, warmPool } }
}
const at = (iso: string) => Date.parse(iso)

describe('warm pool window', () => {
  it('follows local time in the time zone, across daylight saving', () => {
    // Monday 30 November 2026: Oslo is UTC+1.
    expect(inWindow(WEEKDAYS, at('2026-11-30T05:59:00Z'))).toBe(false)
    expect(inWindow(WEEKDAYS, at('2026-11-30T06:00:00Z'))).toBe(true)
    expect(inWindow(WEEKDAYS, at('2026-11-30T15:59:00Z'))).toBe(true)
    expect(inWindow(WEEKDAYS, at('2026-11-30T16:00:00Z'))).toBe(false)
    // Monday 1 June 2026: Oslo is UTC+2, so 07:00 local is 05:00Z.
    expect(inWindow(WEEKDAYS, at('2026-06-01T05:00:00Z'))).toBe(true)
    expect(inWindow(WEEKDAYS, at('2026-06-01T04:59:00Z'))).toBe(false)
    // Saturday.
    expect(inWindow(WEEKDAYS, at('2026-12-05T10:00:00Z'))).toBe(false)
  })

  it('sets the job floor: the size inside the window, 0 outside, the size at every hour for always', () => {
    const floorAt = (config: TeamConfig, t: number) => {
      const job = desiredResources(config, t).find(r => r.kind === 'job')!
      return (job.body as { configuration: { eventTriggerConfig: { scale: { minExecutions: number } } } }).configuration
        .eventTriggerConfig.scale.minExecutions
    }
    expect(floorAt(withPool(WEEKDAYS), at('2026-11-30T08:00:00Z'))).toBe(2)
    expect(floorAt(withPool(WEEKDAYS), at('2026-11-30T20:00:00Z'))).toBe(0)
    expect(floorAt(withPool({ size: 3, always: true }), at('2026-12-05T03:00:00Z'))).toBe(3)
    expect(floorAt(studioConfig(), at('2026-11-30T08:00:00Z'))).toBe(0)
    expect(poolFloor(withPool(WEEKDAYS), at('2026-11-30T08:00:00Z'))).toBe(2)
  })

  it('costs size × hours of the window × the runner size at the price table', () => {
    const cost = poolMonthlyCost(withPool(WEEKDAYS), LIST_PRICE)!
    const hours = (10 * 5 * 365.25) / 7 / 12 // ≈ 217 h a month
    const seconds = 2 * hours * 3600
    expect(cost).toMatchObject({ size: 2, jobs: 1, hoursPerMonth: Math.round(hours), currency: 'USD' })
    expect(cost.amount).toBeCloseTo(seconds * 2 * LIST_PRICE.vcpuSecond + seconds * 4 * LIST_PRICE.gibSecond, 1)
    expect(poolMonthlyCost(studioConfig(), LIST_PRICE)).toBeUndefined()
  })
})

describe("KEDA 2.18.1's ScaledJob decision with a floor (the emulator's model)", () => {
  const decide = (queueLength: number, running: number, minExecutions: number, maxExecutions = 5) =>
    executionsToStart({ queueLength, scalerActive: queueLength >= 1, target: 1, minExecutions, maxExecutions, running })

  it('without a floor: the queue minus what runs, up to max', () => {
    expect(decide(3, 1, 0)).toBe(2)
    expect(decide(0, 0, 0)).toBe(0)
    expect(decide(9, 0, 0)).toBe(5)
  })

  it('under the floor: exactly the difference, whatever the queue', () => {
    expect(decide(0, 0, 2)).toBe(2)
    expect(decide(5, 0, 2)).toBe(2)
    expect(decide(0, 1, 2)).toBe(1)
  })

  it('at the floor: queued and running jobs start executions on top of it, up to max in all', () => {
    expect(decide(0, 2, 2)).toBe(0) // idle pool, nothing queued
    expect(decide(1, 2, 2)).toBe(1) // a pooled runner took a job (in_progress counts): one more keeps 2 idle
    expect(decide(2, 3, 2)).toBe(1)
    expect(decide(10, 2, 2)).toBe(3) // a burst: 2 + 3 = max 5
    expect(decide(10, 5, 2)).toBe(0)
  })
})
