/**
 * A team config against the platform policy. Each violation points at the team config's line and names the rule
 * it breaks by the policy's own `FILE:LINE:COL`, so both sides of the disagreement can be found.
 */
import type { ConfigProblem } from '../config/errors.js'
import { normalizeGitHubUrl } from '../config/formats.js'
import { positionIn } from '../config/document.js'
import { positionOf } from '../config/load.js'
import type { TeamConfig } from '../config/types.js'
import type { PlatformPolicy } from './load.js'
import { checkRunnerRules } from './pools.js'

export interface PolicyViolation extends ConfigProblem {
  /** The rule broken, as `FILE:LINE:COL: key.path` of the policy file. */
  rule: string
}

/** `value` starts with `prefix` at a boundary: `…/runner` allows `…/runner:1` and `…/runner@sha256:…`, not `…/runner-x`. */
export function hasPrefix(value: string, prefix: string, ignoreCase = false): boolean {
  const [v, p] = ignoreCase ? [value.toLowerCase(), prefix.toLowerCase()] : [value, prefix]
  if (!v.startsWith(p)) return false
  return v.length === p.length || /[/:@]$/.test(p) || /^[/:@]/.test(v.slice(p.length))
}

/** The policy lets this image run (always, without an image rule). The config's and the live jobs' share it. */
export function allowsImage(policy: PlatformPolicy, image: string): boolean {
  const prefixes = policy.runners.imagePrefixes
  return !prefixes || prefixes.some(prefix => hasPrefix(image, prefix))
}

/** The policy lets runners register with this GitHub (always, without a URL rule). */
export function allowsGitHubUrl(policy: PlatformPolicy, url: string): boolean {
  const urls = policy.github.urls
  return !urls || urls.some(allowed => normalizeGitHubUrl(allowed) === normalizeGitHubUrl(url))
}

export function ruleAt(policy: PlatformPolicy, path: string): string {
  const { line, col } = positionIn(policy.source.positions, path)
  return `${policy.source.file}:${line}:${col}: ${path}`
}

export function violation(
  config: TeamConfig,
  configPath: string,
  policy: PlatformPolicy,
  rulePath: string,
  what: string,
  allowed: readonly (string | number)[] | string
): PolicyViolation {
  const rule = ruleAt(policy, rulePath)
  const listed = typeof allowed === 'string' ? allowed : allowed.length ? allowed.join(', ') : 'nothing'
  return {
    ...positionOf(config, configPath),
    message: `${what}, which the platform policy does not allow (${rule})`,
    hint: `allowed: ${listed}; change the config, or ask the platform team to change the policy`,
    rule
  }
}

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
