/**
 * A team config against the platform policy. Each violation points at the team config's line and names the rule
 * it breaks by the policy's own `FILE:LINE:COL`, so both sides of the disagreement can be found.
 */
import type { TeamConfig } from '../config/types.js'
import type { PlatformPolicy } from './load.js'
import { checkRunnerRules } from './pools.js'
import { hasPrefix, allowsGitHubUrl, violation, type PolicyViolation } from './rules.js'

export function checkPolicy(config: TeamConfig, policy: PlatformPolicy): PolicyViolation[] {
  const found: PolicyViolation[] = []
  if (!allowsGitHubUrl(policy, config.github.url)) {
    const what = `github.url: ${config.github.url}`
    found.push(violation(config, 'github.url', policy, 'github.urls', what, policy.github.urls!))
  }
  found.push(...checkRunnerRules(config, policy))
  return [...found, ...checkTeamRules(config, policy)]
}

function checkTeamRules(config: TeamConfig, policy: PlatformPolicy): PolicyViolation[] {
  if (!policy.teams) return []
  const team = config.team
  if (!Object.hasOwn(policy.teams, team)) {
    const what = `team: ${team} has no entry in the policy's teams`
    return [violation(config, 'team', policy, 'teams', what, Object.keys(policy.teams))]
  }
  const rules = policy.teams[team]
  const at = `teams.${team}`
  const found: PolicyViolation[] = []
  const group = config.azure.resourceGroup
  if (rules.resourceGroups && !rules.resourceGroups.some(g => g.toLowerCase() === group.toLowerCase())) {
    const what = `azure.resourceGroup: ${group}`
    found.push(violation(config, 'azure.resourceGroup', policy, `${at}.resourceGroups`, what, rules.resourceGroups))
  }
  const targets = rules.peeringTargets
  config.network.peerings.forEach(({ remoteVnetId }, i) => {
    if (targets && !targets.some(prefix => hasPrefix(remoteVnetId, prefix, true))) {
      const path = `network.peerings[${i}].remoteVnetId`
      found.push(violation(config, path, policy, `${at}.peeringTargets`, `${path}: ${remoteVnetId}`, targets))
    }
  })
  const zones = rules.privateDnsZones
  config.network.privateDnsZones.forEach((zone, i) => {
    if (zones && !zones.some(z => z.toLowerCase() === zone.toLowerCase())) {
      const path = `network.privateDnsZones[${i}]`
      found.push(violation(config, path, policy, `${at}.privateDnsZones`, `${path}: ${zone}`, zones))
    }
  })
  return found
}
