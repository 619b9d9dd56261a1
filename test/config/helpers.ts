/** Builds config texts from the minimal example and turns a ConfigError into `FILE:LINE:COL: message` lines. */
import { readFileSync } from 'node:fs'
import { ConfigError } from '../../src/config/errors.js'
import { parseTeamConfig } from '../../src/config/load.js'

export const MINIMAL_PATH = new URL('../../examples/teams/minimal.yaml', import.meta.url)

/**
 * The minimal example without its comment line, so line numbers read naturally:
 *  1 team  2 azure  3 subscriptionId  4 resourceGroup  5 location  6 network  7 addressSpace  8 subnet
 *  9 github  10 owner  11 repos  12 app  13 id  14 installationId  15 privateKeySecretUri
 */
export const BASE = readFileSync(MINIMAL_PATH, 'utf8').split('\n').slice(1).join('\n')

/** BASE with line `n` (1-based) replaced by `text` (which may span several lines, or be empty to drop the line). */
export function withLine(n: number, text: string): string {
  const lines = BASE.split('\n')
  lines.splice(n - 1, 1, ...(text === '' ? [] : [text]))
  return lines.join('\n')
}

/** BASE followed by `text`, which starts at line 16. */
export function plus(text: string): string {
  return `${BASE}${text}\n`
}

/** Every problem as `FILE:LINE:COL: message`; fails when the text is valid or throws anything but ConfigError. */
export function problemsOf(text: string, file = 'team.yaml'): string[] {
  try {
    parseTeamConfig(text, file)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(p => `${p.file}:${p.line}:${p.col}: ${p.message}`)
    throw error
  }
  throw new Error('expected a ConfigError, but the config is valid')
}

/** Like problemsOf, but a valid text gives []. */
export function problemsOrNone(text: string): string[] {
  try {
    parseTeamConfig(text, 'team.yaml')
    return []
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(p => `${p.file}:${p.line}:${p.col}: ${p.message}`)
    throw error
  }
}
