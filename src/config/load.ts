/** Public API: team config files in, validated TeamConfig out, or one ConfigError with every problem of every file. */
import { formatCidr, overlaps, parseCidr } from './cidr.js'
import { crossCheck } from './cross-checks.js'
import { applyDerivedDefaults } from './defaults.js'
import { ConfigError, type ConfigProblem } from './errors.js'
import { parseYaml, type ParsedYaml } from './parse-yaml.js'
import { nearestPosition, parentPath, related } from './positions.js'
import { listConfigFiles, readConfigText } from './read-file.js'
import { TEAM_CONFIG } from './schema.js'
import { findSecretsInText } from './secrets-in-config.js'
import type { SourcePosition, TeamConfig } from './types.js'
import { validateTree, type Finding } from './validate.js'

/** Parses and validates one file's text; `file` is only used in messages and `source`. */
export function parseTeamConfig(text: string, file: string): TeamConfig {
  const parsed = parseYaml(text)
  const problems: ConfigProblem[] = parsed.problems.map(({ message, hint, position }) => ({
    file,
    ...position,
    message,
    hint
  }))
  const poisoned = new Set<string>()
  for (const { offset, issue } of findSecretsInText(text)) {
    const scalar = parsed.scalars.find(({ start, end }) => offset >= start && offset < end)
    if (scalar) poisoned.add(scalar.path)
    problems.push({ file, ...parsed.lineCounter.linePos(offset), ...issue })
  }
  if (parsed.syntaxError) throw new ConfigError(sortProblems(problems))

  const { value, findings } = validateTree(TEAM_CONFIG, parsed.value, poisoned)
  const flagged = [...parsed.problems.map(({ path }) => path), ...findings.map(({ path }) => path), ...poisoned]
  const usable = (path: string) => !flagged.some(other => related(path, other))
  const all = isRecord(value) ? [...findings, ...crossCheck(value, usable)] : findings
  problems.push(
    ...all.map(finding => ({
      file,
      ...positionOfFinding(parsed, finding),
      message: finding.message,
      hint: finding.hint
    }))
  )
  if (problems.length > 0) throw new ConfigError(sortProblems(problems))

  return applyDerivedDefaults(value, { file, positions: Object.fromEntries(parsed.keyPositions) })
}

export interface LoadOptions {
  /** Where a symbolic link named directly as a config must lead: the repository (default: the working directory). */
  repository?: string
}

/**
 * Files and folders (their *.yaml and *.yml files, sorted), read safely (read-file.ts); also refuses two files for
 * one team and overlapping address spaces.
 */
export function loadTeamConfigs(paths: string[], options: LoadOptions = {}): TeamConfig[] {
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
  if (problems.length > 0) throw new ConfigError(problems)
  return configs
}

export function unreadable(file: string, error: unknown): ConfigProblem {
  return {
    file,
    line: 1,
    col: 1,
    message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    hint: 'check the config path (CLI --config, action input config) and its permissions'
  }
}

/** Where a key path is in the file: the nearest ancestor present, else 1:1. */
export function positionOf(config: TeamConfig, path: string): { file: string; line: number; col: number } {
  const { file, positions } = config.source
  return { file, ...nearestPosition(at => (Object.hasOwn(positions, at) ? positions[at] : undefined), path) }
}

function isRecord(value: unknown): value is Record<string, never> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function positionOfFinding(parsed: ParsedYaml, { path, at }: Finding): SourcePosition {
  const lookup = (p: string) => parsed.keyPositions.get(p) ?? parsed.valuePositions.get(p)
  if (at === 'key') return nearestPosition(lookup, path)
  if (at === 'value') return nearestPosition(p => parsed.valuePositions.get(p) ?? parsed.keyPositions.get(p), path)
  return nearestPosition(lookup, parentPath(path))
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col)
}

function betweenTeams(configs: TeamConfig[]): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  configs.forEach((config, i) => {
    for (const earlier of configs.slice(0, i)) {
      if (earlier.team === config.team) {
        problems.push({
          ...positionOf(config, 'team'),
          message: `team: \`${config.team}\` is also the team in ${earlier.source.file}`,
          hint: 'each team has exactly one config file; merge them or rename one team'
        })
      }
      const mine = parseCidr(config.network.addressSpace)
      const theirs = parseCidr(earlier.network.addressSpace)
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
