/**
 * Without a platform policy, what a config points at is trusted as written. Two choices imply more trust than a
 * reader may expect, so plan says so.
 */
import { positionOf } from '../config/load.js'
import { DEFAULT_IMAGE } from '../config/schema.js'
import type { TeamConfig } from '../config/types.js'
import { runnerPools } from '../core/pools.js'
import { hasPrefix } from './rules.js'

export const GITHUB_COM = 'https://github.com'
/** The images this project publishes (runner/, .github/workflows/runner-image.yml). */
export const PROJECT_IMAGE = DEFAULT_IMAGE.replace(/:[^/]*$/, '')

/** One line per choice, as `FILE:LINE:COL: …`. */
export function trustWarnings(config: TeamConfig): string[] {
  const warnings: string[] = []
  if (config.github.url !== GITHUB_COM) {
    const { file, line, col } = positionOf(config, 'github.url')
    warnings.push(
      `${file}:${line}:${col}: github.url is ${config.github.url}, not ${GITHUB_COM}: the KEDA scale rule signs a JWT with the GitHub App's private key and sends it to ${config.github.apiUrl} for installation tokens, polls that host with them, and runners register there; trust that host as you trust GitHub, or pin it with a platform policy (github.urls)`
    )
  }
  // Each image once, named by the key it comes from: runners.image, or the pool that sets its own.
  const images = new Map<string, string>()
  for (const pool of runnerPools(config)) {
    const own = pool.path !== 'runners' && config.runners.pools?.some(p => p.name === pool.name && p.image)
    const key = own ? `${pool.path}.image` : 'runners.image'
    if (!images.has(pool.image)) images.set(pool.image, key)
  }
  for (const [image, key] of images) {
    if (hasPrefix(image, PROJECT_IMAGE)) continue
    const { file, line, col } = positionOf(config, key)
    warnings.push(
      `${file}:${line}:${col}: ${key} ${image} is not the project's image (${PROJECT_IMAGE}): it runs with the job's managed identity, which can read the GitHub App key from Key Vault; trust its registry and publisher with that key, or pin images with a platform policy (runners.imagePrefixes)`
    )
  }
  return warnings
}
