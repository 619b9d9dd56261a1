import type { TeamOutputs } from '../result.js'
import type { PoolCost } from '../core/warm-pool.js'
import { DEFAULT_POOL, describePoolCost } from '../core/pool-cost.js'
import { formatMoney } from '../core/prices.js'

/** One line for plan and the job summary: what the warm pool holds and costs per month. */
export function describePool(pool: PoolCost & { pool?: string }): string {
  const where = pool.jobs === 1 ? '' : ` in each of ${pool.jobs} jobs`
  return `Warm pool${pool.pool ? ` of pool ${pool.pool}` : ''}: ${pool.size} idle runner${pool.size === 1 ? '' : 's'}${where}, ${pool.hoursPerMonth} h/month → ${pool.vcpuSeconds.toLocaleString('en-US')} vCPU-s and ${pool.gibSeconds.toLocaleString('en-US')} GiB-s, about ${formatMoney(pool.amount, pool.currency)} per month`
}

/** With named pools: a line per pool, its shape and price per hour. Without: nothing (the one pool is the team). */
export function poolCostLines(outputs: TeamOutputs): string[] {
  const lines = outputs.poolCosts ?? []
  return lines.some(line => line.pool !== DEFAULT_POOL) ? lines.map(describePoolCost) : []
}

/** Each warm pool's monthly cost: per pool with pools, else the team's one. */
export function warmPoolLines(outputs: TeamOutputs): string[] {
  if (outputs.warmPools) return outputs.warmPools.map(describePool)
  return outputs.warmPool ? [describePool(outputs.warmPool)] : []
}
