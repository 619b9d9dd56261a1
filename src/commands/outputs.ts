import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import { poolMonthlyCost, type PoolCost } from '../core/warm-pool.js'
import { priceTable } from '../report/prices.js'

/** What a caller needs to use a team's runners, derived from the config alone (no Azure call). */
export interface TeamOutputs {
  environmentId: string
  jobNames: string[]
  labels: string[]
  /** A `runs-on:` value as JSON (also valid YAML): every job label must be a runner label for KEDA to count it. */
  runsOn: string
  /** The warm pool's size and what it costs per month at the team's price table; absent without a pool. */
  warmPool?: PoolCost
}

export function teamOutputs(config: TeamConfig): TeamOutputs {
  const layout = teamLayout(config)
  return {
    environmentId: layout.managedEnvironmentId,
    jobNames: layout.jobs.map(job => job.name),
    labels: config.github.labels,
    runsOn: JSON.stringify(config.github.labels),
    warmPool: poolMonthlyCost(config, priceTable(config.runners.price))
  }
}
