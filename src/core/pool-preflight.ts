/**
 * Preflight for pools: Consumption cores and subnet addresses summed over the pools, the Dedicated cores quota, GPU
 * profiles (Azure adds them only when it creates an environment), and each private registry: it exists and the
 * caller may grant the runner identity its pull role there.
 */
import { nearestPosition } from '../config/positions.js'
import type { TeamConfig } from '../config/types.js'
import { dedicatedType } from '../config/workload-profiles.js'
import { dedicatedProfiles, runnerPools } from './pools.js'
import { ABAC_MODE, teamRegistries } from './resources/registry.js'
import type { PreflightFinding } from './types.js'

/** Container Apps quotas per environment (learn.microsoft.com/azure/container-apps/quotas, Dedicated profiles). */
export const DEFAULT_GENERAL_PURPOSE_CORES = 100
export const DEFAULT_MEMORY_OPTIMIZED_CORES = 50

export interface RegistryFact {
  id: string
  /** false: Azure said it does not exist; undefined: it could not be read. */
  exists: boolean | undefined
  roleAssignmentMode?: string
  /** May the caller write role assignments there (Microsoft.Authorization/roleAssignments/write)? */
  mayGrant: boolean | undefined
}

export interface PoolFacts {
  registries: RegistryFact[]
  /** The Dedicated types the live environment already has (GPU ones can only come with a new environment). */
  liveProfileTypes: string[]
  generalPurposeCores?: { current: number; limit: number }
  memoryOptimizedCores?: { current: number; limit: number }
}

function at(config: TeamConfig, path: string): string {
  const { positions, file } = config.source
  const { line, col } = nearestPosition(p => (Object.hasOwn(positions, p) ? positions[p] : undefined), path)
  return `${file}:${line}:${col}`
}

/** Runners that may run at once in each pool: `max` per job, one job per repository at repo scope. */
export function poolReplicas(
  config: TeamConfig
): { pool: string; replicas: number; cores: number; dedicated: boolean }[] {
  const jobsPerPool = config.github.scope === 'repo' ? config.github.repos.length : 1
  return runnerPools(config).map(pool => ({
    pool: pool.name ?? 'default',
    replicas: jobsPerPool * pool.max,
    cores: jobsPerPool * pool.max * pool.cpu,
    dedicated: dedicatedType(pool.workloadProfile) !== undefined
  }))
}

/** Nodes the Dedicated profiles may grow to: one subnet address each. */
export function dedicatedNodes(config: TeamConfig): number {
  return dedicatedProfiles(config).reduce((sum, p) => sum + p.maximumCount, 0)
}

export function poolFindings(config: TeamConfig, facts: PoolFacts, environmentExists: boolean): PreflightFinding[] {
  return [...profileFindings(config, facts, environmentExists), ...registryFindings(config, facts)]
}

function profileFindings(config: TeamConfig, facts: PoolFacts, environmentExists: boolean): PreflightFinding[] {
  const findings: PreflightFinding[] = []
  const pools = runnerPools(config)
  for (const profile of dedicatedProfiles(config)) {
    const type = dedicatedType(profile.workloadProfileType)!
    const pool = pools.find(p => p.workloadProfile.toLowerCase() === type.type.toLowerCase())!
    const live = facts.liveProfileTypes.some(t => t.toLowerCase() === type.type.toLowerCase())
    if (type.gpu && environmentExists && !live)
      findings.push({
        check: 'workloadProfile',
        status: 'fail',
        message:
          `${at(config, `${pool.path}.workloadProfile`)}: ${pool.path}.workloadProfile: ${type.type} is a GPU profile, and Azure adds GPU profiles only when it creates an environment; the team's environment exists. ` +
          'Use a D or E type, or destroy the team (its environment) and apply again with the GPU pool in the config.'
      })
  }
  const families = [
    {
      family: 'D',
      name: 'ManagedEnvironmentGeneralPurposeCores',
      usage: facts.generalPurposeCores,
      fallback: DEFAULT_GENERAL_PURPOSE_CORES
    },
    {
      family: 'E',
      name: 'ManagedEnvironmentMemoryOptimizedCores',
      usage: facts.memoryOptimizedCores,
      fallback: DEFAULT_MEMORY_OPTIMIZED_CORES
    }
  ]
  for (const { family, name, usage, fallback } of families) {
    const profiles = dedicatedProfiles(config).filter(p => p.workloadProfileType.startsWith(family))
    if (profiles.length === 0) continue
    const cores = profiles.reduce((sum, p) => sum + p.maximumCount * dedicatedType(p.workloadProfileType)!.cpu, 0)
    const limit = usage?.limit ?? fallback
    const pool = pools.find(p => p.workloadProfile.startsWith(family))!
    findings.push(
      cores > limit
        ? {
            check: 'dedicatedCoreQuota',
            status: 'fail',
            message:
              `${at(config, `${pool.path}.max`)}: runners.pools: the ${profiles.map(p => `${p.maximumCount} ${p.workloadProfileType} nodes`).join(' and ')} the pools may need hold ${cores} cores, over the environment's quota of ${limit} (${name}); runners past it would never start. ` +
              "Lower the pools' max, or request a quota increase for the environment."
          }
        : {
            check: 'dedicatedCoreQuota',
            status: 'ok',
            message: `${cores} of ${limit} ${family}-series Dedicated cores`
          }
    )
  }
  return findings
}

/** The role a registry needs, by name: what preflight tells the platform to grant when the caller cannot. */
function roleName(fact: RegistryFact | undefined): string {
  return fact?.roleAssignmentMode === ABAC_MODE ? 'Container Registry Repository Reader' : 'AcrPull'
}

function registryFindings(config: TeamConfig, facts: PoolFacts): PreflightFinding[] {
  const pools = runnerPools(config)
  return teamRegistries(config).map(id => {
    const fact = facts.registries.find(r => r.id.toLowerCase() === id.toLowerCase())
    const pool = pools.find(p => p.registry?.toLowerCase() === id.toLowerCase())!
    const where = at(
      config,
      config.runners.pools?.[Number(/\[(\d+)\]/.exec(pool.path)?.[1])]?.registry
        ? `${pool.path}.registry`
        : 'runners.registry'
    )
    const name = id.slice(id.lastIndexOf('/') + 1)
    if (fact?.exists === false)
      return {
        check: 'registry' as const,
        status: 'fail' as const,
        message: `${where}: registry: container registry ${name} does not exist (${id}). Fix the id, or create the registry first.`
      }
    if (fact?.mayGrant === false)
      return {
        check: 'registry' as const,
        status: 'fail' as const,
        message:
          `${where}: registry: the caller may not grant roles on container registry ${name}, so the runners could not pull from it. ` +
          `Have the platform grant the team's identity ${roleName(fact)} on ${id} (or give the caller Role Based Access Control Administrator there, conditioned to ${roleName(fact)} and service principals), then rerun.`
      }
    if (fact?.exists === undefined)
      return {
        check: 'registry' as const,
        status: 'unchecked' as const,
        message: `could not read container registry ${name} (Microsoft.ContainerRegistry/registries/read): it must exist, and the runners pull with ${roleName(fact)}`
      }
    return {
      check: 'registry' as const,
      status: 'ok' as const,
      message: `container registry ${name} exists; the runners pull with ${roleName(fact)}`
    }
  })
}
