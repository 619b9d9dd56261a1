import { describe, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { planOffline } from '../../src/core/plan.js'
import { serialised } from '../../src/azure/execute.js'
import { transientAnswer } from '../../src/azure/errors.js'
import { subnetReplicaCapacity } from '../../src/core/preflight.js'
import { PRIVATE_VNET, orgTeam } from './fixtures.js'

const plan = planOffline(desiredResources(orgTeam()))
const entry = (kind: string) => plan.entries.find(e => e.kind === kind)!
const ours = entry('virtualNetwork').id.toLowerCase()

describe('which VNets a write touches', () => {
  it('its own, and every VNet its body points at', () => {
    expect(entry('virtualNetwork').exclusive).toEqual([ours])
    expect(entry('subnet').exclusive).toEqual([ours])
    expect(entry('peering').exclusive).toEqual([ours, PRIVATE_VNET.toLowerCase()].sort())
    expect(entry('remotePeering').exclusive).toEqual([ours, PRIVATE_VNET.toLowerCase()].sort())
    expect(entry('managedEnvironment').exclusive).toEqual([ours])
    expect(entry('privateDnsZoneLink').exclusive).toEqual([ours])
    expect(entry('networkSecurityGroup').exclusive).toEqual([])
    expect(entry('job').exclusive).toEqual([])
  })

  it('puts writes sharing a VNet in one lane and leaves the rest parallel', () => {
    const level = [entry('managedEnvironment'), entry('job'), entry('peering'), entry('networkSecurityGroup')]
    const lanes = serialised(level).map(lane => lane.map(e => e.kind))
    expect(lanes).toHaveLength(3)
    expect(lanes).toEqual(
      expect.arrayContaining([['managedEnvironment', 'peering'], ['job'], ['networkSecurityGroup']])
    )
  })
})

describe("Azure's transient answers", () => {
  const now = Date.parse('2026-11-29T12:00:00Z')
  const withRetryAfter = (value: string) => ({ get: (name: string) => (name === 'retry-after' ? value : undefined) })

  it('recognises the per-VNet conflicts, RetryableError, a 409 naming an operation in progress and 429', () => {
    expect(transientAnswer({ statusCode: 409, code: 'AnotherOperationInProgress', message: 'x' })).toEqual({
      code: 'AnotherOperationInProgress'
    })
    expect(transientAnswer({ statusCode: 400, code: 'ReferencedResourceNotProvisioned', message: 'x' })).toBeDefined()
    expect(
      transientAnswer(new Error('The long-running operation has failed. RetryableError. Try again later.'))
    ).toEqual({ code: 'RetryableError' })
    expect(
      transientAnswer({ statusCode: 409, code: 'Conflict', message: 'An operation is in progress.' })
    ).toBeDefined()
    expect(transientAnswer({ statusCode: 409, code: 'Conflict', message: 'Name taken.' })).toBeUndefined()
    expect(transientAnswer({ statusCode: 400, code: 'RemoteVnetHasNoGateways', message: 'x' })).toBeUndefined()
  })

  it('honours Retry-After in integer seconds or as an HTTP date', () => {
    const throttled = (value: string) => ({
      statusCode: 429,
      message: 'slow down',
      response: { headers: withRetryAfter(value) }
    })
    expect(transientAnswer(throttled('7'), now)).toEqual({ code: 'HTTP 429', retryAfterMs: 7000 })
    expect(transientAnswer(throttled('Sun, 29 Nov 2026 12:00:03 GMT'), now)).toEqual({
      code: 'HTTP 429',
      retryAfterMs: 3000
    })
  })
})

describe('subnet capacity estimate', () => {
  it('keeps 17 addresses and counts about 10 Consumption replicas per address', () => {
    expect(subnetReplicaCapacity('10.0.0.0/27')).toBe(150)
    expect(subnetReplicaCapacity('10.0.0.0/26')).toBe(470)
    expect(subnetReplicaCapacity('10.0.0.0/29')).toBe(0)
  })
})
