/** The few GitHub REST calls a JIT runner needs, at org or repo scope, against github.com or GHES. */
import type { Target } from './config.js'
import { EntrypointError } from './errors.js'
import { detail, type HttpClient, type HttpResponse } from './http.js'

export interface GitHub {
  apiUrl: string
  http: HttpClient
}

export interface InstallationToken {
  token: string
  expiresAtMs: number
}

export interface JitRunner {
  runnerId: number
  jitConfig: string
}

function call(gh: GitHub, method: string, path: string, auth: string, body?: unknown): Promise<HttpResponse> {
  return gh.http({
    method,
    url: gh.apiUrl + path,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${auth}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'runner-setup-entrypoint'
    },
    body
  })
}

function targetPath(target: Target): string {
  return target.scope === 'org' ? `/orgs/${enc(target.owner)}` : `/repos/${enc(target.owner)}/${enc(target.repo)}`
}

function targetName(target: Target): string {
  return target.scope === 'org' ? `organization ${target.owner}` : `repository ${target.owner}/${target.repo}`
}

/** Narrowed to registration only: job steps never see this token, and it could not do more if they did. */
export function registrationScope(target: Target): { permissions: Record<string, string>; repositories?: string[] } {
  return target.scope === 'org'
    ? { permissions: { organization_self_hosted_runners: 'write' } }
    : { permissions: { administration: 'write' }, repositories: [target.repo] }
}

export async function mintInstallationToken(
  gh: GitHub,
  appJwt: string,
  installationId: string,
  target: Target
): Promise<InstallationToken> {
  const response = await call(
    gh,
    'POST',
    `/app/installations/${enc(installationId)}/access_tokens`,
    appJwt,
    registrationScope(target)
  )
  const body = response.body as { token?: unknown; expires_at?: unknown } | undefined
  if (response.status === 201 && typeof body?.token === 'string') {
    const expires = Date.parse(String(body.expires_at))
    return { token: body.token, expiresAtMs: Number.isFinite(expires) ? expires : Date.now() + 50 * 60_000 }
  }
  const hint =
    response.status === 401
      ? 'the App key in Key Vault does not belong to this App id, or the clock is off: store the current .pem of the App'
      : response.status === 404
        ? `no installation ${installationId} for this App: install the App on the ${targetName(target)} and fix github.app.installationId`
        : response.status === 422 || response.status === 403
          ? `the App installation lacks ${Object.keys(registrationScope(target).permissions)[0]} write${target.scope === 'repo' ? ` or access to ${target.owner}/${target.repo}` : ''}: grant it in the App's settings and accept the new permissions`
          : 'GitHub may be down; the job will be retried by the next execution'
  throw new EntrypointError(`installation token failed (HTTP ${response.status}${detail(response.body)}): ${hint}`)
}

export async function findRunnerGroupId(gh: GitHub, token: string, org: string, name: string): Promise<number> {
  for (let page = 1; page <= 50; page++) {
    const response = await call(gh, 'GET', `/orgs/${enc(org)}/actions/runner-groups?per_page=100&page=${page}`, token)
    if (response.status !== 200)
      throw new EntrypointError(
        `listing runner groups of ${org} failed (HTTP ${response.status}${detail(response.body)})`
      )
    const groups = (response.body as { runner_groups?: { id: number; name: string }[] }).runner_groups ?? []
    const found = groups.find(g => g.name.toLowerCase() === name.toLowerCase())
    if (found) return found.id
    if (groups.length < 100) break
  }
  throw new EntrypointError(
    `runner group "${name}" does not exist in ${org}: ask an organisation owner to create it (restricted to the team's repositories), then run verify`
  )
}

export async function generateJitConfig(
  gh: GitHub,
  token: string,
  target: Target,
  request: { name: string; runnerGroupId: number; labels: string[] }
): Promise<JitRunner> {
  const response = await call(gh, 'POST', `${targetPath(target)}/actions/runners/generate-jitconfig`, token, {
    name: request.name,
    runner_group_id: request.runnerGroupId,
    labels: request.labels,
    work_folder: '_work'
  })
  const body = response.body as { runner?: { id?: unknown }; encoded_jit_config?: unknown } | undefined
  if (response.status === 201 && typeof body?.encoded_jit_config === 'string' && typeof body.runner?.id === 'number') {
    return { runnerId: body.runner.id, jitConfig: body.encoded_jit_config }
  }
  const hint =
    response.status === 404
      ? `runner group ${request.runnerGroupId} does not exist in the ${targetName(target)}: create it, or fix github.runnerGroup and re-run apply`
      : response.status === 403
        ? `runner group ${request.runnerGroupId} cannot take self-hosted runners from this App: check the group in the ${targetName(target)} settings and re-run apply`
        : response.status === 409
          ? `a runner named ${request.name} already exists: remove it (verify --fix) and let the next execution register`
          : 'check the runner group and labels of the job template (re-run apply)'
  throw new EntrypointError(`JIT runner registration failed (HTTP ${response.status}${detail(response.body)}): ${hint}`)
}

/** undefined when the runner no longer exists (it took its job and GitHub removed it). */
export async function getRunnerBusy(
  gh: GitHub,
  token: string,
  target: Target,
  runnerId: number
): Promise<boolean | undefined> {
  const response = await call(gh, 'GET', `${targetPath(target)}/actions/runners/${runnerId}`, token)
  if (response.status === 404) return undefined
  if (response.status !== 200)
    throw new EntrypointError(`reading runner ${runnerId} failed (HTTP ${response.status}${detail(response.body)})`)
  return (response.body as { busy?: boolean }).busy === true
}

/** true when deleted, false when it was already gone. */
export async function deleteRunner(gh: GitHub, token: string, target: Target, runnerId: number): Promise<boolean> {
  const response = await call(gh, 'DELETE', `${targetPath(target)}/actions/runners/${runnerId}`, token)
  if (response.status === 204) return true
  if (response.status === 404) return false
  throw new EntrypointError(
    `deleting runner ${runnerId} failed (HTTP ${response.status}${detail(response.body)}): verify --fix removes it later`
  )
}

function enc(part: string): string {
  return encodeURIComponent(part)
}
