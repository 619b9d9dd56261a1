/** The emulator's workload-profile rules: what Container Apps refuses of an environment's profiles and a job's size. */
import { describe, expect, it } from '@jest/globals'
import { validateJobProfile, validateProfiles } from '../../emulator/arm/types/workload-profiles.js'

const env = (...profiles: Record<string, unknown>[]) => ({ name: 'cae-x', properties: { workloadProfiles: profiles } })
const CONSUMPTION = { name: 'Consumption', workloadProfileType: 'Consumption' }
const D8 = { name: 'D8', workloadProfileType: 'D8', minimumCount: 0, maximumCount: 3 }
const job = (profile: string, cpu: number, memory: string) => ({
  properties: { workloadProfileName: profile, template: { containers: [{ resources: { cpu, memory } }] } }
})

describe('workload profiles in the emulator', () => {
  it('adds a Dedicated profile to an existing environment', () => {
    expect(validateProfiles(env(CONSUMPTION, D8), env(CONSUMPTION))).toBeUndefined()
  })

  it('refuses node counts on Consumption, as Azure words it', () => {
    expect(validateProfiles(env({ ...CONSUMPTION, minimumCount: 0 }), undefined)).toEqual({
      status: 400,
      code: 'WorkloadProfilePropertyNotSupported',
      message: "Workload Profile property 'MinimumCount' is not supported for Consumption"
    })
  })

  it('refuses an unknown type, and a GPU type added after creation', () => {
    expect(validateProfiles(env(CONSUMPTION, { name: 'D6', workloadProfileType: 'D6' }), undefined)?.code).toBe(
      'WorkloadProfileTypeNotSupported'
    )
    const gpu = { name: 'gpu', workloadProfileType: 'NC24-A100' }
    expect(validateProfiles(env(CONSUMPTION, gpu), undefined)).toBeUndefined()
    expect(validateProfiles(env(CONSUMPTION, gpu), env(CONSUMPTION))?.code).toBe('WorkloadProfileGpuNotAllowedOnUpdate')
  })

  it("checks a job's profile and size against its environment", () => {
    const environment = env(CONSUMPTION, D8)
    expect(validateJobProfile(job('Consumption', 2, '4Gi'), environment)).toBeUndefined()
    expect(validateJobProfile(job('D8', 6, '24Gi'), environment)).toBeUndefined()
    expect(validateJobProfile(job('E4', 2, '4Gi'), environment)?.code).toBe('WorkloadProfileNameNotFound')
    const wrongPair = validateJobProfile(job('Consumption', 2, '2Gi'), environment)
    expect(wrongPair?.code).toBe('ContainerAppInvalidResourceTotal')
    expect(wrongPair?.message).toContain('[cpu: 0.25, memory: 0.5Gi]; [cpu: 0.5, memory: 1.0Gi]')
    expect(validateJobProfile(job('D8', 8, '32Gi'), environment)?.code).toBe('ContainerAppInvalidResourceTotal')
  })
})
