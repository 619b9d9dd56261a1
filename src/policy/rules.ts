/** What a policy rule allows, and a violation as it reads: the config's line and the rule's own `FILE:LINE:COL`. */
import type { ConfigProblem } from '../config/errors.js'
import { normalizeGitHubUrl } from '../config/formats.js'
import { positionIn } from '../config/document.js'
import { positionOf } from '../config/load.js'
import type { TeamConfig } from '../config/types.js'
import type { PlatformPolicy } from './load.js'

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
