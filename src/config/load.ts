/** Public API: team config files in, validated TeamConfig out, or one ConfigError with every problem of every file. */
import { formatCidr, overlaps, parseCidr } from './cidr.js'
import { crossCheck } from './cross-checks.js'
import { applyDerivedDefaults } from './defaults.js'
import { ConfigError, type ConfigProblem } from './errors.js'
import { checkDocument, positionIn } from './document.js'
import { listConfigFiles, readConfigText, unreadable } from './read-file.js'
import { TEAM_CONFIG } from './schema.js'
import type { TeamConfig } from './types.js'

/** Parses and validates one file's text; `file` is only used in messages and `source`. */
export function parseTeamConfig(text: string, file: string): TeamConfig {
  const { value, positions } = checkDocument(text, file, { spec: TEAM_CONFIG, noun: 'a team config', crossCheck })
  return applyDerivedDefaults(value, { file, positions })
}

export interface LoadOptions {
  /** Where a symbolic link named directly as a config must lead: the repository (default: the working directory). */
  repository?: string
}

export interface ReadConfigs {
  configs: TeamConfig[]
  /** Every problem of every file, and those between teams (one team in two files, overlapping address spaces). */
  problems: ConfigProblem[]
}

/**
 * Files and folders (their *.yaml and *.yml files, sorted), read safely (read-file.ts): the configs that are valid,
 * and every problem found. Only a read-only command may go on with the valid ones (`loadTeamConfigs` refuses all).
 */
export function readTeamConfigs(paths: string[], options: LoadOptions = {}): ReadConfigs {
  const problems: ConfigProblem[] = []
  const configs: TeamConfig[] = []
  for (const file of listConfigFiles(paths, options.repository ?? process.cwd(), problems)) {
    try {
      configs.push(parseTeamConfig(readConfigText(file), file.path))
    } catch (error) {
      if (error instanceof ConfigError) problems.push(...error.problems)
      else problems.push(unreadable(file.path, error))
    }
  }
  problems.push(...betweenTeams(configs))
  return { configs, problems }
}

/** Every config, or one ConfigError with every problem: nothing acts on a set with a broken file in it. */
export function loadTeamConfigs(paths: string[], options: LoadOptions = {}): TeamConfig[] {
  const { configs, problems } = readTeamConfigs(paths, options)
  if (problems.length > 0) throw new ConfigError(problems)
  return configs
}

/** Where a key path is in the file: the nearest ancestor present, else 1:1. */
export function positionOf(config: TeamConfig, path: string): { file: string; line: number; col: number } {
  return { file: config.source.file, ...positionIn(config.source.positions, path) }
}

function betweenTeams(configs: TeamConfig[]): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  // Parsed once: a platform folder of thousands of teams compares every pair.
  const spaces = configs.map(c => parseCidr(c.network.addressSpace))
  configs.forEach((config, i) => {
    for (let j = 0; j < i; j++) {
      const earlier = configs[j]
      if (earlier.team === config.team) {
        problems.push({
          ...positionOf(config, 'team'),
          message: `team: \`${config.team}\` is also the team in ${earlier.source.file}`,
          hint: 'each team has exactly one config file; merge them or rename one team'
        })
      }
      const mine = spaces[i]
      const theirs = spaces[j]
      if (mine.ok && theirs.ok && overlaps(mine.cidr, theirs.cidr)) {
        problems.push({
          ...positionOf(config, 'network.addressSpace'),
          message: `network.addressSpace: ${formatCidr(mine.cidr)} overlaps ${formatCidr(theirs.cidr)} of team ${earlier.team} (${earlier.source.file})`,
          hint: 'give each team its own range, so peerings and routes between them never collide'
        })
      }
    }
  })
  return problems
}
