/**
 * The policy's rules on runners, per pool: each pool's image and size, the sum of the pools' `max` under
 * `limits.maxRunners`, their count under `limits.maxPools`, and the registries pools may pull from.
 */
import type { TeamConfig } from '../config/types.js'
import { runnerPools, type RunnerPool } from '../core/pools.js'
import { allowsImage, violation, type PolicyViolation } from './rules.js'
import type { PlatformPolicy } from './load.js'

/** `limits.maxPools` when the policy leaves it out. */
export const DEFAULT_MAX_POOLS = 5

/** The key a pool's value comes from: its own, or the `runners` one it inherits. */
function keyOf(config: TeamConfig, pool: RunnerPool, key: string): string {
  const own = config.runners.pools?.[Number(/\[(\d+)\]/.exec(pool.path)?.[1])]
  return own && (own as Record<string, unknown>)[key] !== undefined ? `${pool.path}.${key}` : `runners.${key}`
}

export function checkRunnerRules(config: TeamConfig, policy: PlatformPolicy): PolicyViolation[] {
  const found: PolicyViolation[] = []
  const pools = runnerPools(config)
  const reported = new Set<string>()
  const once = (at: string) => !reported.has(at) && reported.add(at) !== undefined
  for (const pool of pools) {
    const at = keyOf(config, pool, 'image')
    if (!allowsImage(policy, pool.image) && once(at))
      found.push(
        violation(config, at, policy, 'runners.imagePrefixes', `${at}: ${pool.image}`, policy.runners.imagePrefixes!)
      )
  }
  const { maxRunners, maxCpu } = policy.limits
  const total = pools.reduce((sum, pool) => sum + pool.max, 0)
  if (maxRunners !== undefined && total > maxRunners) {
    const named = config.runners.pools !== undefined
    const what = named
      ? `runners.pools: ${pools.map(p => `${p.name} ${p.max}`).join(' + ')} = ${total} runners at most`
      : `runners.max: ${total}`
    const at = named ? 'runners.pools' : 'runners.max'
    found.push(violation(config, at, policy, 'limits.maxRunners', what, `at most ${maxRunners}`))
  }
  for (const pool of pools) {
    const at = keyOf(config, pool, 'cpu')
    if (maxCpu !== undefined && pool.cpu > maxCpu && once(at))
      found.push(violation(config, at, policy, 'limits.maxCpu', `${at}: ${pool.cpu}`, `at most ${maxCpu}`))
    const registries = policy.runners.registries
    if (pool.registry && registries && !registries.some(r => r.toLowerCase() === pool.registry!.toLowerCase())) {
      const at = keyOf(config, pool, 'registry')
      found.push(violation(config, at, policy, 'runners.registries', `${at}: ${pool.registry}`, registries))
    }
  }
  const maxPools = policy.limits.maxPools ?? DEFAULT_MAX_POOLS
  if (pools.length > maxPools) {
    const what = `runners.pools: ${pools.length} pools`
    found.push(violation(config, `runners.pools[${maxPools}]`, policy, 'limits.maxPools', what, `at most ${maxPools}`))
  }
  return found
}
