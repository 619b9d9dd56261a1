import { describe, expect, it } from '@jest/globals'
import { fingerprint } from '../../src/core/actual.js'

describe('fingerprint: what a saved plan saw', () => {
  const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/jobs/caj-studio'

  it('is the etag when there is one, so any write (which changes it) is seen', () => {
    const a = fingerprint({ id, body: { etag: 'W/"1"', tags: { a: '1' } } })
    expect(fingerprint({ id, body: { etag: 'W/"1"', tags: { a: '2' } } })).toBe(a)
    expect(fingerprint({ id, body: { etag: 'W/"2"', tags: { a: '1' } } })).not.toBe(a)
  })

  it('is the body otherwise, in any key order, leaving out systemData', () => {
    const a = fingerprint({ id, body: { x: 1, y: { b: 2, a: 1 } } })
    expect(fingerprint({ id, body: { y: { a: 1, b: 2 }, x: 1, systemData: { lastModifiedAt: 'now' } } })).toBe(a)
    expect(fingerprint({ id, body: { x: 2, y: { a: 1, b: 2 } } })).not.toBe(a)
    expect(fingerprint(undefined)).toBe('absent')
  })
})
