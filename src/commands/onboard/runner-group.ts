/**
 * Org scope: the team's runner group, created or restricted through the team's GitHub App (which holds the
 * organisation's self-hosted runners permission): selected repositories only (the team's), public repositories off
 * unless the config allows them. A group that already matches is not written. Without the App key (not stored yet)
 * the step is skipped, saying so: run onboard again once the key is in Key Vault.
 */
import type { TeamConfig } from '../../config/types.js'
import { hasAccess, type AppAccess, type NoAppAccess } from '../../verify/app-access.js'
import { runnerGroupProblems } from '../../verify/runner-group.js'
import { oneLine } from '../../http/errors.js'
import { mintInstallationToken } from '../../github/installation.js'
import { createRunnerGroup, installationRepositoryIds, restrictRunnerGroup } from '../../github/runner-group-admin.js'
import { findRunnerGroup, runnerGroupRepositories } from '../../github/runners.js'

export interface RunnerGroupOutcome {
  action: 'create' | 'update' | 'noop' | 'skipped' | 'error'
  detail: string
}

export async function ensureRunnerGroup(
  config: TeamConfig,
  access: AppAccess | NoAppAccess,
  dryRun: boolean
): Promise<RunnerGroupOutcome> {
  const { owner, runnerGroup, repos, allowPublicRepos } = config.github
  if (config.github.scope === 'repo')
    return { action: 'noop', detail: "repository scope: runners join each repository's Default group" }
  if (!hasAccess(access))
    return {
      action: 'skipped',
      detail: `runner group "${runnerGroup}" not checked: ${access.why}; once the App key is stored, run onboard again`
    }
  try {
    const target = { scope: 'org' as const, owner }
    const { token } = await mintInstallationToken(access.gh, access.jwt(), access.installationId, target, {
      permissions: { organization_self_hosted_runners: 'write' }
    })
    const ids = await installationRepositoryIds(access.gh, token)
    const unreachable = repos.filter(r => !ids.has(r.toLowerCase()))
    if (unreachable.length > 0)
      return {
        action: 'error',
        detail: `the App installation ${access.installationId} does not reach ${unreachable.join(', ')}: add them to the installation, then run onboard again`
      }
    const restriction = { repositoryIds: repos.map(r => ids.get(r.toLowerCase())!), allowPublicRepos }
    const group = await findRunnerGroup(access.gh, token, owner, runnerGroup)
    if (!group) {
      if (!dryRun) await createRunnerGroup(access.gh, token, owner, runnerGroup, restriction)
      return { action: 'create', detail: `runner group "${runnerGroup}" in ${owner} for ${repos.join(', ')}` }
    }
    const selected =
      group.visibility === 'selected' ? await runnerGroupRepositories(access.gh, token, owner, group.id) : []
    const problems = runnerGroupProblems(group, selected, config)
    if (problems.length === 0)
      return { action: 'noop', detail: `runner group "${runnerGroup}" is restricted to ${repos.join(', ')}` }
    if (!dryRun) await restrictRunnerGroup(access.gh, token, owner, group.id, restriction)
    return { action: 'update', detail: `runner group "${runnerGroup}": ${problems.join('; ')}` }
  } catch (error) {
    return { action: 'error', detail: `runner group "${runnerGroup}": ${oneLine(error)}` }
  }
}
