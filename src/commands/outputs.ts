import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import { poolMonthlyCost } from '../core/warm-pool.js'
import { priceTable } from '../core/prices.js'
import { DEFAULT_POOL, poolCosts } from '../core/pool-cost.js'
import type { TeamOutputs } from '../result.js'

export type { TeamOutputs }
import { poolView, runnerPools } from '../core/pools.js'

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
