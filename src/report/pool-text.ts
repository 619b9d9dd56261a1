import type { PoolCost } from '../core/warm-pool.js'
import { formatMoney } from './prices.js'

/** One line for plan and the job summary: what the warm pool holds and costs per month. */
export function describePool(pool: PoolCost): string {
  const where = pool.jobs === 1 ? '' : ` in each of ${pool.jobs} jobs`
  return `Warm pool: ${pool.size} idle runner${pool.size === 1 ? '' : 's'}${where}, ${pool.hoursPerMonth} h/month → ${pool.vcpuSeconds.toLocaleString('en-US')} vCPU-s and ${pool.gibSeconds.toLocaleString('en-US')} GiB-s, about ${formatMoney(pool.amount, pool.currency)} per month`
}
