import { describe, expect, it } from '@jest/globals'
import { kedaCheck } from '../../src/verify/keda-check.js'

describe('kedaCheck', () => {
  it('passes from 2.16 on, where noDefaultLabels exists', () => {
    expect(kedaCheck('2.18.1')).toEqual({ name: 'keda version', status: 'pass', detail: 'KEDA 2.18.1' })
    expect(kedaCheck('2.17.2').status).toBe('pass')
    expect(kedaCheck('2.16.0').status).toBe('pass')
    expect(kedaCheck('3.0.0').status).toBe('pass')
  })

  it('warns below 2.16, saying what is silently ignored', () => {
    expect(kedaCheck('2.15.1')).toEqual({
      name: 'keda version',
      status: 'warn',
      detail:
        "KEDA 2.15.1 is older than 2.16: the scale rule's noDefaultLabels is silently ignored, so jobs labelled only self-hosted may start this team's runners; Azure upgrades KEDA itself, so this should pass later"
    })
    expect(kedaCheck(undefined).status).toBe('warn')
  })
})
