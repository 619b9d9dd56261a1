import { describe, expect, it } from '@jest/globals'
import { createdFilter } from '../../emulator/github/workflows.js'

const at = (iso: string) => Date.parse(iso)

describe("the GitHub double's `created` filter on workflow runs (search date syntax)", () => {
  it('reads >=, >, <=, < with dates, a bare date and a range', () => {
    const match = (filter: string, iso: string) => (createdFilter(filter) as (t: number) => boolean)(at(iso))
    expect(match('>=2026-11-22', '2026-11-22T00:00:00Z')).toBe(true)
    expect(match('>=2026-11-22', '2026-11-21T23:59:59Z')).toBe(false)
    expect(match('>2026-11-22', '2026-11-22T12:00:00Z')).toBe(false)
    expect(match('>2026-11-22', '2026-11-23T00:00:00Z')).toBe(true)
    expect(match('<=2026-11-22', '2026-11-22T23:00:00Z')).toBe(true)
    expect(match('<2026-11-22', '2026-11-22T00:00:00Z')).toBe(false)
    expect(match('2026-11-22', '2026-11-22T08:00:00Z')).toBe(true)
    expect(match('2026-11-22', '2026-11-23T08:00:00Z')).toBe(false)
    expect(match('2026-11-20..2026-11-22', '2026-11-22T23:00:00Z')).toBe(true)
    expect(match('2026-11-20..2026-11-22', '2026-11-19T23:00:00Z')).toBe(false)
  })

  it('no filter, and a date GitHub would refuse', () => {
    expect(createdFilter(null)).toBeUndefined()
    expect(createdFilter('>=yesterday')).toBe('invalid')
  })
})
