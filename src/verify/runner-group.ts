/** Org scope: the team's runner group exists, takes only the team's repositories and, unless allowed, no public ones. */
import type { TeamConfig } from '../config/types.js'
import { findRunnerGroup, runnerGroupRepositories, type RunnerGroup } from '../github/runners.js'
import type { GitHubApi } from '../github/api.js'
import type { VerifyCheck } from './verify-check.js'

export const RUNNER_GROUP_CHECK = 'runner group'

export async function checkRunnerGroup(api: GitHubApi, config: TeamConfig): Promise<VerifyCheck> {
  const { owner, runnerGroup, scope } = config.github
  if (scope === 'repo')
    return {
      name: RUNNER_GROUP_CHECK,
      status: 'pass',
      detail: "repository scope: runners join each repository's Default group"
    }
  const group = await findRunnerGroup(api.gh, api.token, owner, runnerGroup)
  if (!group) {
    return {
      name: RUNNER_GROUP_CHECK,
      status: 'fail',
      detail: `no runner group "${runnerGroup}" in ${owner}: create it (organization settings → Actions → Runner groups) for selected repositories ${config.github.repos.join(', ')}`
    }
  }
  const repos = group.visibility === 'selected' ? await runnerGroupRepositories(api.gh, api.token, owner, group.id) : []
  const problems = runnerGroupProblems(group, repos, config)
  const { runnerGroupId } = config.github
  if (runnerGroupId !== undefined && runnerGroupId !== group.id) {
    problems.push(
      `its id is ${group.id}, but the config says github.runnerGroupId: ${runnerGroupId}: fix the config and re-run apply`
    )
  }
  if (problems.length === 0) {
    const tip =
      runnerGroupId === undefined ? ` (tip: github.runnerGroupId: ${group.id} saves every runner one GitHub call)` : ''
    return {
      name: RUNNER_GROUP_CHECK,
      status: 'pass',
      detail: `"${group.name}" is restricted to ${config.github.repos.join(', ')}${tip}`
    }
  }
  return { name: RUNNER_GROUP_CHECK, status: 'fail', detail: `"${group.name}" in ${owner}: ${problems.join('; ')}` }
}

/** Each way the group differs from the config, phrased as the fix. */
export function runnerGroupProblems(group: RunnerGroup, selectedRepos: string[], config: TeamConfig): string[] {
  const problems: string[] = []
  if (group.visibility !== 'selected') {
    problems.push(
      `visibility is "${group.visibility}": set it to selected repositories (${config.github.repos.join(', ')})`
    )
  } else {
    const wanted = new Set(config.github.repos.map(r => r.toLowerCase()))
    const actual = new Set(selectedRepos.map(r => r.toLowerCase()))
    const missing = config.github.repos.filter(r => !actual.has(r.toLowerCase()))
    const extra = selectedRepos.filter(r => !wanted.has(r.toLowerCase()))
    if (missing.length > 0) problems.push(`add ${missing.join(', ')} to its repositories`)
    if (extra.length > 0) problems.push(`remove ${extra.join(', ')} from its repositories (not the team's)`)
  }
  if (group.allows_public_repositories && !config.github.allowPublicRepos) {
    problems.push('it allows public repositories: turn that off, or set github.allowPublicRepos: true in the config')
  }
  return problems
}
