import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import { poolMonthlyCost, type PoolCost } from '../core/warm-pool.js'
import { priceTable } from '../core/prices.js'
import { DEFAULT_POOL, poolCosts, type PoolCostLine } from '../core/pool-cost.js'
import { poolView, runnerPools } from '../core/pools.js'

/** What a caller needs to use a team's runners, derived from the config alone (no Azure call). */
export interface TeamOutputs {
  environmentId: string
  jobNames: string[]
  labels: string[]
  /** A `runs-on:` value as JSON (also valid YAML): every job label must be a runner label for KEDA to count it. */
  runsOn: string
  /** The warm pool's size and what it costs per month at the team's price table; absent without a pool. */
  warmPool?: PoolCost
  /** Each runner pool's `runs-on` labels, by pool name (`default` for a config without pools). */
  pools?: Record<string, string[]>
  /** Each pool's shape and price per hour. */
  poolCosts?: PoolCostLine[]
  /** With several pools: each warm pool's cost, by pool. */
  warmPools?: (PoolCost & { pool: string })[]
}

export function teamOutputs(config: TeamConfig): TeamOutputs {
  const layout = teamLayout(config)
  const pools = runnerPools(config)
  const warmPools = pools.flatMap(pool => {
    const view = poolView(config, pool)
    const cost = poolMonthlyCost(view, priceTable(view.runners.price))
    return cost ? [{ ...cost, pool: pool.name ?? DEFAULT_POOL }] : []
  })
  return {
    environmentId: layout.managedEnvironmentId,
    jobNames: layout.jobs.map(job => job.name),
    labels: config.github.labels,
    runsOn: JSON.stringify(config.github.labels),
    warmPool: poolMonthlyCost(config, priceTable(config.runners.price)),
    pools: Object.fromEntries(pools.map(pool => [pool.name ?? DEFAULT_POOL, pool.labels])),
    poolCosts: poolCosts(config, priceTable(config.runners.price)),
    ...(config.runners.pools ? { warmPools } : {})
  }
}
