/**
 * What Container Apps accepts of workload profiles (learn.microsoft.com/azure/container-apps/workload-profiles-overview):
 * the profile types, GPU types only when the environment is created, no node counts on Consumption, a job's
 * `workloadProfileName` naming one of the environment's profiles, and its containers' total size: one of the
 * Consumption pairs, or within the Dedicated node.
 */
import { armError, type ArmError } from '../errors.js'
import { lower } from '../router.js'
import type { Wire } from '../store.js'
import { asWire } from './resource-type.js'

/** Node sizes of the Dedicated types (vCPU, GiB), GPU ones marked. */
const DEDICATED: Record<string, { cpu: number; memory: number; gpu?: true }> = {
  d4: { cpu: 4, memory: 16 },
  d8: { cpu: 8, memory: 32 },
  d16: { cpu: 16, memory: 64 },
  d32: { cpu: 32, memory: 128 },
  e4: { cpu: 4, memory: 32 },
  e8: { cpu: 8, memory: 64 },
  e16: { cpu: 16, memory: 128 },
  e32: { cpu: 32, memory: 256 },
  'nc24-a100': { cpu: 24, memory: 220, gpu: true },
  'nc48-a100': { cpu: 48, memory: 440, gpu: true },
  'nc96-a100': { cpu: 96, memory: 880, gpu: true }
}

function profilesOf(body: Wire | undefined): Wire[] {
  const list = body === undefined ? undefined : asWire(body.properties).workloadProfiles
  return Array.isArray(list) ? list.map(asWire) : []
}

/** The environment's profiles as a PUT sets them; `before` is the stored environment (undefined on create). */
export function validateProfiles(body: Wire, before: Wire | undefined): ArmError | undefined {
  const existing = new Set(profilesOf(before).map(p => lower(String(p.workloadProfileType))))
  for (const profile of profilesOf(body)) {
    const type = String(profile.workloadProfileType)
    if (lower(type) === 'consumption') {
      // hashicorp/terraform-provider-azurerm#31961: Azure refuses node counts on the Consumption profile.
      for (const [key, property] of [
        ['minimumCount', 'MinimumCount'],
        ['maximumCount', 'MaximumCount']
      ] as const)
        if (profile[key] !== undefined && profile[key] !== null)
          return armError(
            400,
            'WorkloadProfilePropertyNotSupported',
            `Workload Profile property '${property}' is not supported for Consumption`
          )
      continue
    }
    const node = DEDICATED[lower(type)]
    if (node === undefined)
      return armError(
        400,
        'WorkloadProfileTypeNotSupported',
        `Workload profile type '${type}' is not supported. Supported types: Consumption, ${Object.keys(DEDICATED)
          .map(t => t.toUpperCase())
          .join(', ')}.`
      )
    // The overview's note: GPU profiles can only be added to an environment when it is created.
    if (node.gpu && before !== undefined && !existing.has(lower(type)))
      return armError(
        400,
        'WorkloadProfileGpuNotAllowedOnUpdate',
        `Workload profile type '${type}' can only be added when the environment is created.`
      )
  }
  return undefined
}

/** A job's profile must be one of its environment's, and its containers' total a size that profile offers. */
export function validateJobProfile(job: Wire, environment: Wire): ArmError | undefined {
  const given = asWire(job.properties)
  const name = String(given.workloadProfileName ?? 'Consumption')
  const profile = profilesOf(environment).find(p => lower(String(p.name)) === lower(name))
  if (profile === undefined)
    return armError(
      400,
      'WorkloadProfileNameNotFound',
      `Workload profile '${name}' was not found in managed environment ${String(environment.name)}.`
    )
  const containers = asWire(given.template).containers
  let cpu = 0
  let memory = 0
  for (const c of Array.isArray(containers) ? containers.map(asWire) : []) {
    const resources = asWire(c.resources)
    cpu += Number(resources.cpu ?? 0)
    memory += parseFloat(String(resources.memory ?? '0'))
  }
  const node = DEDICATED[lower(String(profile.workloadProfileType))]
  if (node === undefined) {
    // Azure/bicep#10821 quotes this refusal: the Consumption pairs, 0.25 to 4 vCPU with twice the memory.
    const pairs = Array.from(
      { length: 16 },
      (_, i) => `[cpu: ${((i + 1) / 4).toFixed(2).replace(/0$/, '')}, memory: ${((i + 1) / 2).toFixed(1)}Gi]`
    )
    if (cpu * 4 === Math.round(cpu * 4) && cpu >= 0.25 && cpu <= 4 && memory === cpu * 2) return undefined
    return armError(
      400,
      'ContainerAppInvalidResourceTotal',
      `The total requested CPU and memory resources for this application (CPU: ${cpu}, memory: ${memory}) is invalid. Total CPU and memory for all containers defined in a Container App must add up to one of the following CPU - Memory combinations: ${pairs.join('; ')}`
    )
  }
  if (cpu <= node.cpu - 0.5 && memory <= node.memory - 2) return undefined
  return armError(
    400,
    'ContainerAppInvalidResourceTotal',
    `The total requested CPU and memory resources for this application (CPU: ${cpu}, memory: ${memory}) exceed what a node of workload profile '${name}' (${String(profile.workloadProfileType)}) can allocate.`
  )
}
