/**
 * Where the policy applies, before any Azure call: plan, apply and verify refuse a config that breaks it; drift
 * reports violations per team instead (with what runs live); destroy may always clean up. Without a policy, plan
 * and apply say what trust an unusual GitHub URL or image implies.
 */
import { ConfigError } from '../config/errors.js'
import type { TeamConfig } from '../config/types.js'
import type { Logger } from '../core/logger.js'
import type { ActualResource } from '../core/types.js'
import type { CommandName } from './settings.js'
import { checkPolicy } from '../policy/check.js'
import type { PolicyViolation } from '../policy/rules.js'
import { checkLiveJobs } from '../policy/live.js'
import { sharedBuildRegistries, sharedRegistryWarning } from '../policy/build-registries.js'
import type { PlatformPolicy } from '../policy/load.js'
import { trustWarnings } from '../policy/trust.js'

export function gatePolicy(
  command: CommandName,
  configs: TeamConfig[],
  policy: PlatformPolicy | undefined,
  logger: Logger
): void {
  if (!policy) {
    if (command === 'plan' || command === 'apply')
      for (const c of configs) for (const w of trustWarnings(c)) logger.warning(w)
    return
  }
  // drift over the platform's folder is where a shared build registry is worth saying (one line each).
  if (command === 'drift')
    for (const shared of sharedBuildRegistries(policy)) logger.warning(sharedRegistryWarning(shared))
  // Cleaning up is never blocked by the policy: destroy and offboard, like drift, run whatever the config says.
  if (command === 'drift' || command === 'destroy' || command === 'offboard') return
  const violations = configs.flatMap(config => checkPolicy(config, policy))
  if (violations.length > 0) throw new ConfigError(violations)
}

/** drift: the config's violations, then the live jobs'. */
export function driftViolations(
  config: TeamConfig,
  policy: PlatformPolicy,
  liveJobs: ActualResource[]
): PolicyViolation[] {
  return [...checkPolicy(config, policy), ...checkLiveJobs(config, policy, liveJobs)]
}
