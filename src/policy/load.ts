/** The platform policy file in, a checked PlatformPolicy out (or a ConfigError with `FILE:LINE:COL` problems). */
import { realpathSync } from 'node:fs'
import { checkDocument } from '../config/document.js'
import { ConfigError } from '../config/errors.js'
import { readConfigText, unreadable } from '../config/read-file.js'
import type { ConfigSource } from '../config/types.js'
import { PLATFORM_POLICY } from './schema.js'

/** What one team may name; a rule that is absent allows anything. */
export interface TeamRules {
  resourceGroups?: string[]
  /** Prefixes of the VNet ids a peering may point at. */
  peeringTargets?: string[]
  privateDnsZones?: string[]
  /** The registries the team's build identity may build into (the image-build action; granted at onboarding). */
  buildRegistries?: string[]
}

export interface PlatformPolicy {
  github: { urls?: string[] }
  /** `registries`: the ARM ids of the container registries pools may pull from. */
  runners: { imagePrefixes?: string[]; registries?: string[] }
  /** `maxRunners` bounds the sum of the pools' max; `maxPools` their count (default 5). */
  limits: { maxRunners?: number; maxCpu?: number; maxPools?: number }
  /** When present, every team must have an entry. */
  teams?: Record<string, TeamRules>
  source: ConfigSource
}

export function parsePolicy(text: string, file: string): PlatformPolicy {
  const { value, positions } = checkDocument(text, file, { spec: PLATFORM_POLICY, noun: 'a platform policy' })
  return { ...(value as Omit<PlatformPolicy, 'source'>), source: { file, positions } }
}

/** Read as safely as team configs: a regular file, at most 1 MiB, UTF-8; a link only to a file inside the repository. */
export function loadPolicy(path: string, repository = process.cwd()): PlatformPolicy {
  let text: string
  try {
    text = readConfigText({ path, root: realpathSync(repository), rootLabel: 'the repository' })
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError([unreadable(path, error)])
  }
  return parsePolicy(text, path)
}
