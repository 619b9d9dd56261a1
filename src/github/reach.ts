/**
 * What an App installation reaches (verify's blast radius and API budget; the runner never needs it): its
 * permissions and repository selection, the repositories a token of it can see, and its hourly limit.
 */
import { CallError } from '../http/errors.js'
import { detail } from '../http/json-client.js'
import { call, enc, paginate, type GitHub } from './rest.js'

export interface InstallationView {
  account: string
  /** `all`: every repository of the account, present and future; `selected`: a list. */
  repositorySelection: 'all' | 'selected'
  permissions: Record<string, string>
}

/** GET /app/installations/{id} with the App JWT. */
export async function getInstallation(gh: GitHub, appJwt: string, installationId: string): Promise<InstallationView> {
  const response = await call(gh, 'GET', `/app/installations/${enc(installationId)}`, appJwt)
  const body = response.body as
    { account?: { login?: unknown }; repository_selection?: unknown; permissions?: Record<string, string> } | undefined
  if (response.status !== 200 || !body)
    throw new CallError(
      `reading installation ${installationId} failed (HTTP ${response.status}${detail(response.body)})`,
      response.status
    )
  return {
    account: String(body.account?.login ?? ''),
    repositorySelection: body.repository_selection === 'selected' ? 'selected' : 'all',
    permissions: body.permissions ?? {}
  }
}

/** Names (`owner/name`) of every repository an installation token reaches: GET /installation/repositories. */
export async function listInstallationRepositories(gh: GitHub, token: string): Promise<string[]> {
  const repos = await paginate<{ full_name: string }>(gh, '/installation/repositories', token, 'repositories')
  return repos.map(r => r.full_name)
}

/**
 * The core hourly limit of the token's owner and what the current hour has used of it; for an installation token,
 * the installation's, which every team's KEDA polling on that installation spends.
 */
export async function coreRateLimit(gh: GitHub, token: string): Promise<{ limit: number; used: number } | undefined> {
  const response = await call(gh, 'GET', '/rate_limit', token)
  const core = (response.body as { resources?: { core?: { limit?: unknown; used?: unknown } } } | undefined)?.resources
    ?.core
  if (response.status !== 200 || typeof core?.limit !== 'number' || core.limit <= 0) return undefined
  return { limit: core.limit, used: typeof core.used === 'number' ? core.used : 0 }
}
