/**
 * A team's runner pools resolved: each `runners.pools` item over the `runners` keys it leaves out (never `warmPool`),
 * or, without pools, the one pool `runners` and `github.labels` make, whose job keeps the team's job name.
 */
import { memoryFor } from '../config/pools.js'
import type { TeamConfig } from '../config/types.js'
import { CONSUMPTION, dedicatedType, runnersPerNode } from '../config/workload-profiles.js'

type Runners = Omit<TeamConfig['runners'], 'pools' | 'workloadProfile'>

export interface RunnerPool extends Runners {
  /** Absent for the one pool of a config without `runners.pools`. */
  name?: string
  labels: string[]
  /** `Consumption` or a Dedicated type such as `D8`. */
  workloadProfile: string
  /** Where the pool is in the file, for messages: `runners` or `runners.pools[1]`. */
  path: string
}

export function runnerPools(config: TeamConfig): RunnerPool[] {
  const { pools, workloadProfile, warmPool, ...defaults } = config.runners
  if (!pools) {
    return [
      {
        ...defaults,
        ...(warmPool ? { warmPool } : {}),
        labels: config.github.labels,
        workloadProfile: workloadProfile ?? CONSUMPTION,
        path: 'runners'
      }
    ]
  }
  return pools.map((pool, i) => {
    const set = Object.fromEntries(Object.entries(pool).filter(([, value]) => value !== undefined)) as typeof pool
    const ownSize = pool.cpu !== undefined || pool.memory !== undefined
    const cpu = ownSize ? (pool.cpu ?? parseFloat(pool.memory!) / 2) : defaults.cpu
    return {
      ...defaults,
      ...set,
      cpu,
      memory: ownSize ? (pool.memory ?? memoryFor(cpu)) : defaults.memory,
      workloadProfile: pool.workloadProfile ?? workloadProfile ?? CONSUMPTION,
      path: `runners.pools[${i}]`
    }
  })
}

/** The pool a config without `runners.pools` is, or the first: what `runs-on` names. */
export function defaultPool(config: TeamConfig): RunnerPool {
  return runnerPools(config)[0]!
}

/**
 * The config as a single-pool config of this pool: `runners` is the pool and `github.labels` its labels, so whatever
 * reads one pool's settings (the job body, the warm-pool floor and cost) reads this one's.
 */
export function poolView(config: TeamConfig, pool: RunnerPool): TeamConfig {
  const { name: _name, labels, path: _path, workloadProfile, ...runners } = pool
  return {
    ...config,
    github: { ...config.github, labels },
    runners: { ...runners, ...(workloadProfile === CONSUMPTION ? {} : { workloadProfile }) }
  }
}

export function findPool(config: TeamConfig, name: string | undefined): RunnerPool {
  const pool = runnerPools(config).find(p => p.name === name)
  if (!pool) throw new Error(`Team ${config.team} has no runner pool ${name ?? '(default)'}`)
  return pool
}

/** The pools' Dedicated profiles: one per type, its nodes bounded by what the pools' `max` runners need. */
export function dedicatedProfiles(
  config: TeamConfig
): { name: string; workloadProfileType: string; minimumCount: number; maximumCount: number }[] {
  const jobsPerPool = config.github.scope === 'repo' ? config.github.repos.length : 1
  const nodes = new Map<string, number>()
  for (const pool of runnerPools(config)) {
    const type = dedicatedType(pool.workloadProfile)
    if (!type) continue
    const perNode = runnersPerNode(type, pool.cpu, parseFloat(pool.memory))
    nodes.set(type.type, (nodes.get(type.type) ?? 0) + Math.ceil((pool.max * jobsPerPool) / perNode))
  }
  // Zero nodes while no runner runs: a Dedicated profile scales in like Consumption, and is billed per node.
  return [...nodes].map(([type, count]) => ({
    name: type,
    workloadProfileType: type,
    minimumCount: 0,
    maximumCount: count
  }))
}
