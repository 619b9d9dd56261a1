/**
 * What a fully compromised runner of this team could reach through its GitHub App: the installation's repositories
 * and whether it may manage the organisation's self-hosted runners (then it can register runners in any runner
 * group, so other teams' jobs could land on them). Anyone who can run the team's setup workflow reaches the same.
 */
import type { TeamConfig } from '../config/types.js'
import { oneLine } from '../http/errors.js'
import { mintInstallationToken } from '../github/installation.js'
import { getInstallation, listInstallationRepositories, type InstallationView } from '../github/reach.js'
import { createGitHubApi, type GitHubApi } from '../github/api.js'
import type { AppAccess } from './app-access.js'
import type { VerifyCheck } from './verify-check.js'

export const BLAST_RADIUS_CHECK = 'blast radius'
const ORG_RUNNERS = 'organization_self_hosted_runners'

/** The installation as GitHub describes it, and a read-only token of it (repositories, rate limit, runs). */
export interface InstallationReading {
  view: InstallationView
  reader: GitHubApi
}

export async function readInstallation(app: AppAccess): Promise<InstallationReading> {
  const view = await getInstallation(app.gh, app.jwt(), app.installationId)
  // Only read permissions the installation has: metadata for its repositories, actions for the runs KEDA counts.
  const permissions = Object.fromEntries(
    ['metadata', 'actions'].filter(p => view.permissions[p]).map(p => [p, 'read' as const])
  )
  const { token } = await mintInstallationToken(app.gh, app.jwt(), app.installationId, app.target, { permissions })
  return { view, reader: createGitHubApi(app.gh, token) }
}

export async function checkBlastRadius(config: TeamConfig, reading: InstallationReading): Promise<VerifyCheck> {
  try {
    const repos = await listInstallationRepositories(reading.reader.gh, reading.reader.token)
    return blastRadiusCheck(config, reading.view, repos)
  } catch (error) {
    return { name: BLAST_RADIUS_CHECK, status: 'warn', detail: `not checked: ${oneLine(error)}` }
  }
}

/** `pass` when the App reaches only the team's repositories and no organisation-wide runner permission. */
export function blastRadiusCheck(config: TeamConfig, installation: InstallationView, repos: string[]): VerifyCheck {
  const { owner, repos: teamRepos } = config.github
  const own = new Set(teamRepos.map(r => `${owner}/${r}`.toLowerCase()))
  const beyond = repos.filter(r => !own.has(r.toLowerCase()))
  const orgRunners = installation.permissions[ORG_RUNNERS]
  const reach = `App ${config.github.app.id} installation ${config.github.app.installationId} reaches ${repos.length} repositor${repos.length === 1 ? 'y' : 'ies'}${installation.repositorySelection === 'all' ? ` (all of ${installation.account || owner}, present and future)` : ''}`
  const problems: string[] = []
  if (beyond.length > 0) {
    const shown = beyond.slice(0, 5).join(', ')
    problems.push(
      `${beyond.length} beyond the team's (${shown}${beyond.length > 5 ? `, and ${beyond.length - 5} more` : ''})`
    )
  }
  if (orgRunners)
    problems.push(
      `it holds ${ORG_RUNNERS} ${orgRunners}, so it can register runners in any runner group of ${installation.account || owner}`
    )
  if (problems.length === 0)
    return {
      name: BLAST_RADIUS_CHECK,
      status: 'pass',
      detail: `${reach}, all the team's; no organisation-wide runner permission`
    }
  return {
    name: BLAST_RADIUS_CHECK,
    status: 'warn',
    detail: `${reach}: ${problems.join('; ')}. A compromised runner of this team, or anyone who can run its setup workflow, reaches that far: for containment install a team-own App on the team's repositories only, with repository-scope runners`
  }
}
