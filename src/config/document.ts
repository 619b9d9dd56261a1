/** One YAML file checked against a schema (team config or platform policy): the checked tree and its key positions, or every problem. */
import { ConfigError, type ConfigProblem } from './errors.js'
import { parseYaml, type ParsedYaml } from './parse-yaml.js'
import { nearestPosition, parentPath, related } from './positions.js'
import { findSecretsInText } from './secrets-in-config.js'
import type { ObjectSpec } from './spec.js'
import type { SourcePosition } from './types.js'
import { validateTree, type Finding } from './validate.js'

export interface CheckedDocument {
  /** The tree with static defaults filled in; it passed every check. */
  value: unknown
  /** Position of every key path present in the file. */
  positions: Record<string, SourcePosition>
}

export interface DocumentKind {
  spec: ObjectSpec
  /** `a team config`, `a platform policy`: for messages about the file as a whole. */
  noun: string
  /** Rules between keys, run on a tree whose sections may be missing; `usable(path)` says a value passed its checks. */
  crossCheck?: (tree: Record<string, never>, usable: (path: string) => boolean) => Finding[]
}

/** Parses and checks one file's text; `file` is only used in messages. Throws a ConfigError with every problem. */
export function checkDocument(text: string, file: string, kind: DocumentKind): CheckedDocument {
  const parsed = parseYaml(text, kind.noun)
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

  const { value, findings } = validateTree(kind.spec, parsed.value, poisoned)
  const flagged = [...parsed.problems.map(({ path }) => path), ...findings.map(({ path }) => path), ...poisoned]
  const usable = (path: string) => !flagged.some(other => related(path, other))
  const all = isRecord(value) && kind.crossCheck ? [...findings, ...kind.crossCheck(value, usable)] : findings
  problems.push(
    ...all.map(finding => ({
      file,
      ...positionOfFinding(parsed, finding),
      message: finding.message,
      hint: finding.hint
    }))
  )
  if (problems.length > 0) throw new ConfigError(sortProblems(problems))
  return { value, positions: Object.fromEntries(parsed.keyPositions) }
}

/** Where a key path is in a checked file: the nearest ancestor present, else 1:1. */
export function positionIn(positions: Record<string, SourcePosition>, path: string): SourcePosition {
  return nearestPosition(at => (Object.hasOwn(positions, at) ? positions[at] : undefined), path)
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
