import type { TeamConfig } from '../config/types.js'
import type { Target } from './rest.js'

/** Where the team's runners register: its organisation, or each of its repositories (repo scope). */
export function teamTargets(config: TeamConfig): Target[] {
  const { owner, scope, repos } = config.github
  return scope === 'org' ? [{ scope: 'org', owner }] : repos.map(repo => ({ scope: 'repo', owner, repo }))
}
