import { describe, expect, it } from '@jest/globals'
import { parseTeamConfig } from '../../src/config/load.js'
import { plus, problemsOf } from './helpers.js'

const pool = (body: string) => plus(`runners:\n  max: 3\n  warmPool:\n${body}`)
const WEEKDAYS =
  '    schedule: { days: [mon, tue, wed, thu, fri], start: "07:00", end: "17:00", timeZone: Europe/Oslo }'

describe('runners.warmPool and runners.price', () => {
  it('accepts a pool on a schedule and a price', () => {
    const config = parseTeamConfig(
      plus(
        `runners:\n  max: 3\n  warmPool:\n    size: 2\n${WEEKDAYS}\n  price: { vcpuSecond: 0.00003, gibSecond: 0.000004, currency: EUR }`
      ),
      'team.yaml'
    )
    expect(config.runners.warmPool).toEqual({
      size: 2,
      always: false,
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '17:00', timeZone: 'Europe/Oslo' }
    })
    expect(config.runners.price).toEqual({ vcpuSecond: 0.00003, gibSecond: 0.000004, currency: 'EUR' })
  })

  it('refuses a pool larger than runners.max, at the size', () => {
    expect(problemsOf(pool(`    size: 4\n    always: true`))).toEqual([
      'team.yaml:19:11: runners.warmPool.size: 4 is more than runners.max (3)'
    ])
  })

  it('refuses a bad time zone, at the value', () => {
    expect(
      problemsOf(
        pool(`    size: 1\n    schedule: { days: [mon], start: "07:00", end: "17:00", timeZone: Europe/Olso }`)
      )
    ).toEqual(['team.yaml:20:70: runners.warmPool.schedule.timeZone: `Europe/Olso` is not a time zone'])
  })

  it('refuses an empty window, no days, a bad day and a bad time', () => {
    expect(
      problemsOf(pool(`    size: 1\n    schedule: { days: [mon], start: "17:00", end: "07:00", timeZone: UTC }`))
    ).toEqual(['team.yaml:20:51: runners.warmPool.schedule: the window 17:00–07:00 is empty'])
    expect(
      problemsOf(pool(`    size: 1\n    schedule: { days: [], start: "07:00", end: "17:00", timeZone: UTC }`))
    ).toEqual(['team.yaml:20:23: runners.warmPool.schedule.days: must not be empty'])
    expect(
      problemsOf(pool(`    size: 1\n    schedule: { days: [monday], start: "7:00", end: "17:00", timeZone: UTC }`))
    ).toEqual([
      'team.yaml:20:24: runners.warmPool.schedule.days[0]: must be `mon` or `tue` or `wed` or `thu` or `fri` or `sat` or `sun`, got `monday`',
      'team.yaml:20:40: runners.warmPool.schedule.start: `7:00` is not a time of day'
    ])
  })

  it('needs always or a schedule, not both', () => {
    expect(problemsOf(pool(`    size: 1`))).toEqual([
      'team.yaml:18:3: runners.warmPool: say when the pool is held: always: true, or a schedule'
    ])
    expect(problemsOf(pool(`    size: 1\n    always: true\n${WEEKDAYS}`))).toEqual([
      'team.yaml:20:13: runners.warmPool: always and schedule exclude each other'
    ])
  })

  it('refuses a price that is not per second', () => {
    expect(problemsOf(plus(`runners:\n  price: { vcpuSecond: 2 }`))).toEqual([
      'team.yaml:17:24: runners.price.vcpuSecond: 2 is not a price per second'
    ])
  })
})
