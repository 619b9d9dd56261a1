/** Writing an organisation's runner group (onboarding): create it, restrict it, set its repositories. */
import { CallError } from '../http/errors.js'
import { detail, type HttpResponse } from '../http/json-client.js'
import { call, enc, paginate, type GitHub } from './rest.js'
import type { RunnerGroup } from './runners.js'

/** Repository ids by lowercased name, of every repository the installation token reaches. */
export async function installationRepositoryIds(gh: GitHub, token: string): Promise<Map<string, number>> {
  const repos = await paginate<{ name: string; id: number }>(gh, '/installation/repositories', token, 'repositories')
  return new Map(repos.map(r => [r.name.toLowerCase(), r.id]))
}

/** The restriction onboarding wants: selected repositories only, public repositories as the config allows. */
export interface RunnerGroupRestriction {
  repositoryIds: number[]
  allowPublicRepos: boolean
}

export async function createRunnerGroup(
  gh: GitHub,
  token: string,
  org: string,
  name: string,
  restriction: RunnerGroupRestriction
): Promise<RunnerGroup> {
  const response = await call(gh, 'POST', `/orgs/${enc(org)}/actions/runner-groups`, token, {
    name,
    visibility: 'selected',
    selected_repository_ids: restriction.repositoryIds,
    allows_public_repositories: restriction.allowPublicRepos
  })
  expectStatus(response, 201, `creating runner group "${name}" in ${org}`)
  return response.body as RunnerGroup
}

export async function restrictRunnerGroup(
  gh: GitHub,
  token: string,
  org: string,
  id: number,
  restriction: RunnerGroupRestriction
): Promise<void> {
  const group = `/orgs/${enc(org)}/actions/runner-groups/${id}`
  const patched = await call(
    gh,
    'PATCH',
    group,
    token,
    { visibility: 'selected', allows_public_repositories: restriction.allowPublicRepos },
    { idempotent: true }
  )
  expectStatus(patched, 200, `restricting runner group ${id} in ${org}`)
  const set = await call(
    gh,
    'PUT',
    `${group}/repositories`,
    token,
    { selected_repository_ids: restriction.repositoryIds },
    { idempotent: true }
  )
  expectStatus(set, 204, `setting the repositories of runner group ${id} in ${org}`)
}

function expectStatus(response: HttpResponse, status: number, what: string): void {
  if (response.status !== status)
    throw new CallError(`${what} failed (HTTP ${response.status}${detail(response.body)})`, response.status)
}
