/**
 * What each runner pool costs while it runs. Consumption bills each runner's vCPU-seconds and GiB-seconds; a Dedicated
 * profile bills its nodes per hour, whatever they run, plus one management fee per hour for the environment's Dedicated
 * plan (learn.microsoft.com/azure/container-apps/billing, "Dedicated plan"). The Dedicated defaults are the public
 * pay-as-you-go list price in USD (azure.microsoft.com/pricing/details/container-apps/): $0.0571 per vCPU-hour,
 * $0.0050 per GiB-hour and $0.10 per hour of management; a team's own prices replace them in its config's price.
 */
import type { TeamConfig } from '../config/types.js'
import { dedicatedType, runnersPerNode } from '../config/workload-profiles.js'
import { runnerPools } from './pools.js'
import { formatMoney, type PriceTable } from './prices.js'

export const DEDICATED_LIST_PRICE = { vcpuHour: 0.0571, gibHour: 0.005, managementHour: 0.1 }

export interface PoolCostLine {
  /** The pool's name; `default` for the one pool of a config without pools. */
  pool: string
  labels: string[]
  workloadProfile: string
  cpu: number
  memoryGi: number
  max: number
  /** Consumption: one runner for an hour. Dedicated: one node for an hour (management fee apart). */
  perHour: number
  /** Dedicated only: runners per node, and the plan's management fee per hour (once per environment). */
  runnersPerNode?: number
  managementPerHour?: number
  currency: string
}

export const DEFAULT_POOL = 'default'

export function poolCosts(config: TeamConfig, prices: PriceTable): PoolCostLine[] {
  return runnerPools(config).map(pool => {
    const memoryGi = parseFloat(pool.memory)
    const base = {
      pool: pool.name ?? DEFAULT_POOL,
      labels: pool.labels,
      workloadProfile: pool.workloadProfile,
      cpu: pool.cpu,
      memoryGi,
      max: pool.max,
      currency: prices.currency
    }
    const type = dedicatedType(pool.workloadProfile)
    if (!type) return { ...base, perHour: round((pool.cpu * prices.vcpuSecond + memoryGi * prices.gibSecond) * 3600) }
    return {
      ...base,
      perHour: round(type.cpu * DEDICATED_LIST_PRICE.vcpuHour + type.memoryGi * DEDICATED_LIST_PRICE.gibHour),
      runnersPerNode: runnersPerNode(type, pool.cpu, memoryGi),
      managementPerHour: DEDICATED_LIST_PRICE.managementHour
    }
  })
}

function round(amount: number): number {
  return Math.round(amount * 10000) / 10000
}

/** One line per pool for plan and the job summary. */
export function describePoolCost(line: PoolCostLine): string {
  const shape = `${line.cpu} vCPU / ${line.memoryGi}Gi, at most ${line.max}, runs-on: ${JSON.stringify(line.labels)}`
  if (line.runnersPerNode === undefined)
    return `Pool ${line.pool}: ${shape} on Consumption, about ${formatMoney(line.perHour, line.currency)} per runner-hour`
  return (
    `Pool ${line.pool}: ${shape} on ${line.workloadProfile} nodes (${line.runnersPerNode} runner${line.runnersPerNode === 1 ? '' : 's'} per node), ` +
    `about ${formatMoney(line.perHour, 'USD')} per node-hour plus the Dedicated plan's ${formatMoney(line.managementPerHour!, 'USD')} per hour`
  )
}
