import { describe, expect, it } from '@jest/globals'
import { hasRefs, isRef, ref, renderRefs, resolveRefs } from '../../src/core/refs.js'

const ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-x-runners'
const body = { a: ref(ID, 'clientId'), list: [{ name: 'n', value: ref(ID, 'principalId') }, 'plain'], n: 1 }

describe('refs', () => {
  it('recognises only well-formed refs', () => {
    expect(isRef(ref(ID, 'clientId'))).toBe(true)
    expect(isRef({ $ref: ID, property: 'tenantId' })).toBe(false)
    expect(isRef({ $ref: 1, property: 'clientId' })).toBe(false)
    expect(isRef(null)).toBe(false)
    expect(isRef('x')).toBe(false)
  })

  it('resolves every ref it can, without touching the input', () => {
    const result = resolveRefs(body, (id, property) => (id === ID ? `${property}-value` : undefined))
    expect(result).toEqual({
      body: { a: 'clientId-value', list: [{ name: 'n', value: 'principalId-value' }, 'plain'], n: 1 },
      unresolved: false
    })
    expect(body.a).toEqual({ $ref: ID, property: 'clientId' })
  })

  it('says when a ref stays unresolved, and keeps it', () => {
    const result = resolveRefs(body, (_id, property) => (property === 'clientId' ? 'c' : undefined))
    expect(result.unresolved).toBe(true)
    expect(result.body.list).toEqual([{ name: 'n', value: { $ref: ID, property: 'principalId' } }, 'plain'])
    expect(hasRefs(result.body)).toBe(true)
    expect(hasRefs(resolveRefs(body, () => 'v').body)).toBe(false)
  })

  it('renders refs for display by the resource name', () => {
    expect(renderRefs(body)).toEqual({
      a: '(known after apply: id-x-runners.clientId)',
      list: [{ name: 'n', value: '(known after apply: id-x-runners.principalId)' }, 'plain'],
      n: 1
    })
  })
})
