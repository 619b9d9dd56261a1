import { describe, expect, it } from '@jest/globals'
import { azureCheck } from '../../src/verify/verify.js'

describe('verify: the Azure check line', () => {
  it('passes with the resource count when nothing differs', () => {
    expect(azureCheck([], 7)).toEqual({
      name: expect.any(String),
      status: 'pass',
      detail: '7 resources exist, Succeeded and match the config'
    })
  })

  it('names missing, changed and extra resources, each as the user would fix it', () => {
    const check = azureCheck(
      [
        { id: '/a', kind: 'job', name: 'caj-studio', action: 'create', changes: [] },
        {
          id: '/b',
          kind: 'subnet',
          name: 'snet-runners',
          action: 'update',
          changes: [{ path: 'natGateway', from: { id: '/x' }, to: null }]
        },
        { id: '/c', kind: 'job', name: 'cajr-abc123-studio', action: 'delete', changes: [] }
      ],
      9
    )
    expect(check.status).toBe('fail')
    expect(check.detail).toBe(
      '3 resources differ from the config: missing job caj-studio; subnet snet-runners (natGateway); extra job cajr-abc123-studio (not in the config): run apply (drift shows every field)'
    )
  })
})
