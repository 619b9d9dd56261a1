/**
 * GitHub REST for runner registration: installation tokens (App JWT checked against the registered key),
 * runner groups, JIT configs, runners. Mounted under one or more base paths, so the API URL can look like
 * GHES (`.../api/v3`) or github.com.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { EmuRequest, EmuResponse } from '../http.js'
import { verifyAppJwt } from './app-jwt.js'
import { RateLimits } from './rate-limit.js'
import {
  sameScope,
  type GitHubState,
  type IssuedToken,
  type Permissions,
  type Runner,
  type RunnerGroup,
  type RunnerScope
} from './state.js'
import { BROKER_PATH, workflowRoutes, type Workflows } from './workflows.js'

const DOCS = 'https://docs.github.com/rest'
type Params = Record<string, string>
type Handler = (req: EmuRequest, params: Params) => EmuResponse

const error = (status: number, message: string): EmuResponse => ({
  status,
  body: { message, documentation_url: DOCS, status: String(status) }
})
const notFound = (): EmuResponse => error(404, 'Not Found')

export function createRestHandler(
  state: GitHubState,
  basePaths: string[],
  workflows?: Workflows
): { owns(req: EmuRequest): boolean; handle(req: EmuRequest): EmuResponse; limits: RateLimits } {
  const limits = new RateLimits(state.now)
  const routes: [string, RegExp, Handler][] = []
  const route = (method: string, pattern: string, handler: Handler): void => {
    routes.push([method, new RegExp('^' + pattern.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)') + '$'), handler])
  }

  const relative = (req: EmuRequest): string | undefined => {
    const base = basePaths.find(b => req.url.pathname.startsWith(b + '/'))
    return base === undefined ? undefined : req.url.pathname.slice(base.length)
  }

  route('POST', '/app/installations/{id}/access_tokens', (req, p) => {
    const check = verifyAppJwt(state, bearer(req) ?? '')
    if ('error' in check) return error(401, check.error)
    const installation = state.installations.get(Number(p.id))
    if (!installation || installation.appId !== check.app.id) return notFound()
    const body = (req.body ?? {}) as { permissions?: Permissions; repositories?: string[] }
    const permissions = body.permissions ?? installation.permissions
    for (const [name, level] of Object.entries(permissions)) {
      const granted = installation.permissions[name]
      if (!granted || (level === 'write' && granted !== 'write'))
        return error(422, 'The permissions requested are not granted to this installation.')
    }
    const repositories = body.repositories
    for (const name of repositories ?? []) {
      const known = state.repo(installation.account, name)
      const included =
        installation.repositorySelection === 'all' ||
        installation.repositories.some(r => r.toLowerCase() === name.toLowerCase())
      if (!known || !included)
        return error(
          422,
          'There is at least one repository that does not exist or is not accessible to the parent installation.'
        )
    }
    const issued = state.issueToken(installation.id, permissions, repositories)
    return {
      status: 201,
      body: {
        token: issued.token,
        expires_at: new Date(issued.expiresAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        permissions,
        repository_selection: repositories ? 'selected' : installation.repositorySelection,
        ...(repositories
          ? { repositories: repositories.map(name => repoJson(state.repo(installation.account, name)!)) }
          : {})
      }
    }
  })

  // https://docs.github.com/rest/apps/apps#get-an-installation-for-the-authenticated-app (App JWT)
  route('GET', '/app/installations/{id}', (req, p) => {
    const check = verifyAppJwt(state, bearer(req) ?? '')
    if ('error' in check) return error(401, check.error)
    const installation = state.installations.get(Number(p.id))
    if (!installation || installation.appId !== check.app.id) return notFound()
    return {
      status: 200,
      body: {
        id: installation.id,
        app_id: installation.appId,
        account: { login: installation.account },
        target_type: 'Organization',
        repository_selection: installation.repositorySelection,
        permissions: installation.permissions
      }
    }
  })

  // https://docs.github.com/rest/apps/installations#revoke-an-installation-access-token: the token revokes itself
  // (204); it is unknown from then on (401).
  route('DELETE', '/installation/token', req => {
    const token = tokenOf(req)
    if (!token) return error(401, 'Bad credentials')
    state.tokens.delete(bearer(req)!)
    return { status: 204 }
  })

  // https://docs.github.com/rest/apps/installations#list-repositories-accessible-to-the-app-installation
  // Any installation token; a token narrowed to repositories lists only those.
  route('GET', '/installation/repositories', req => {
    const token = tokenOf(req)
    if (!token) return error(401, 'Bad credentials')
    const installation = state.installations.get(token.installationId)!
    const repos = [...state.repos.values()].filter(
      r =>
        r.owner.toLowerCase() === installation.account.toLowerCase() &&
        (installation.repositorySelection === 'all' ||
          installation.repositories.some(n => n.toLowerCase() === r.name.toLowerCase())) &&
        (!token.repositories || token.repositories.some(n => n.toLowerCase() === r.name.toLowerCase()))
    )
    const { items, headers } = page(req, repos)
    return {
      status: 200,
      headers,
      body: {
        total_count: repos.length,
        repository_selection: installation.repositorySelection,
        repositories: items.map(repoJson)
      }
    }
  })

  // The installation's limits; answering does not count against them:
  // https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user
  route('GET', '/rate_limit', req => {
    const token = tokenOf(req)
    if (!token) return error(401, 'Bad credentials')
    return { status: 200, body: limits.overview(`installation:${token.installationId}`) }
  })

  const withToken = (
    authorize: (t: IssuedToken, p: Params) => EmuResponse | undefined,
    permission: string,
    needs: 'read' | 'write',
    handler: Handler
  ): Handler => {
    return (req, p) => {
      const token = tokenOf(req)
      if (!token) return error(401, 'Bad credentials')
      return authorize(token, p) ?? levelCheck(token, permission, needs) ?? handler(req, p)
    }
  }
  const orgRunners = (handler: Handler): Handler =>
    withToken((t, p) => requireOrg(t, p.org!), 'organization_self_hosted_runners', 'read', handler)

  route(
    'GET',
    '/orgs/{org}/actions/runner-groups',
    orgRunners((req, p) => {
      const groups = state.groupsOf(p.org!)
      const { items, headers } = page(req, groups)
      return {
        status: 200,
        headers,
        body: { total_count: groups.length, runner_groups: items.map(g => groupJson(req, g)) }
      }
    })
  )

  route(
    'GET',
    '/orgs/{org}/actions/runner-groups/{id}/repositories',
    orgRunners((req, p) => {
      const group = state.groupsOf(p.org!).find(g => g.id === Number(p.id))
      if (!group) return notFound()
      const repos = [...state.repos.values()].filter(r => group.selectedRepositoryIds.includes(r.id))
      const { items, headers } = page(req, repos)
      return { status: 200, headers, body: { total_count: repos.length, repositories: items.map(repoJson) } }
    })
  )

  const orgRunnersWrite = (handler: Handler): Handler =>
    withToken((t, p) => requireOrg(t, p.org!), 'organization_self_hosted_runners', 'write', handler)
  const repoIdsOf = (org: string, ids: unknown): number[] | EmuResponse => {
    if (ids === undefined) return []
    const known = new Set(
      [...state.repos.values()].filter(r => r.owner.toLowerCase() === org.toLowerCase()).map(r => r.id)
    )
    if (!Array.isArray(ids) || ids.some(id => !known.has(Number(id))))
      return error(422, 'Invalid request: selected_repository_ids must name repositories of the organization.')
    return ids.map(Number)
  }

  // https://docs.github.com/rest/actions/self-hosted-runner-groups#create-a-self-hosted-runner-group-for-an-organization
  route(
    'POST',
    '/orgs/{org}/actions/runner-groups',
    orgRunnersWrite((req, p) => {
      const body = (req.body ?? {}) as Record<string, unknown>
      if (typeof body.name !== 'string' || body.name === '') return error(422, 'Invalid request: name is required.')
      if (state.groupsOf(p.org!).some(g => g.name.toLowerCase() === String(body.name).toLowerCase()))
        return error(409, 'A runner group with this name already exists.')
      const ids = repoIdsOf(p.org!, body.selected_repository_ids)
      if (!Array.isArray(ids)) return ids
      const group = state.addRunnerGroup(p.org!, {
        name: body.name,
        visibility: (body.visibility as RunnerGroup['visibility'] | undefined) ?? 'all',
        allowsPublicRepositories: body.allows_public_repositories === true
      })
      group.selectedRepositoryIds = ids
      return { status: 201, body: groupJson(req, group) }
    })
  )

  // https://docs.github.com/rest/actions/self-hosted-runner-groups#update-a-self-hosted-runner-group-for-an-organization
  route(
    'PATCH',
    '/orgs/{org}/actions/runner-groups/{id}',
    orgRunnersWrite((req, p) => {
      const group = state.groupsOf(p.org!).find(g => g.id === Number(p.id))
      if (!group) return notFound()
      const body = (req.body ?? {}) as Record<string, unknown>
      if (typeof body.visibility === 'string') group.visibility = body.visibility as RunnerGroup['visibility']
      if (typeof body.allows_public_repositories === 'boolean')
        group.allowsPublicRepositories = body.allows_public_repositories
      return { status: 200, body: groupJson(req, group) }
    })
  )

  // https://docs.github.com/rest/actions/self-hosted-runner-groups#set-repository-access-for-a-self-hosted-runner-group-in-an-organization
  route(
    'PUT',
    '/orgs/{org}/actions/runner-groups/{id}/repositories',
    orgRunnersWrite((req, p) => {
      const group = state.groupsOf(p.org!).find(g => g.id === Number(p.id))
      if (!group) return notFound()
      const ids = repoIdsOf(p.org!, ((req.body ?? {}) as Record<string, unknown>).selected_repository_ids)
      if (!Array.isArray(ids)) return ids
      group.selectedRepositoryIds = ids
      return { status: 204 }
    })
  )

  // Org runners need `organization_self_hosted_runners`, repository runners `administration` (GitHub's App permissions).
  const scopes: [string, string, (p: Params) => RunnerScope, (t: IssuedToken, p: Params) => EmuResponse | undefined][] =
    [
      ['/orgs/{org}', 'organization_self_hosted_runners', p => ({ org: p.org! }), (t, p) => requireOrg(t, p.org!)],
      [
        '/repos/{owner}/{repo}',
        'administration',
        p => ({ owner: p.owner!, repo: p.repo! }),
        (t, p) => requireRepo(t, p.owner!, p.repo!)
      ]
    ]
  for (const [prefix, permission, scopeOf, authorize] of scopes) {
    const guarded = (
      needs: 'read' | 'write',
      handler: (req: EmuRequest, scope: RunnerScope, p: Params) => EmuResponse
    ): Handler => withToken(authorize, permission, needs, (req, p) => handler(req, scopeOf(p), p))

    route(
      'POST',
      `${prefix}/actions/runners/generate-jitconfig`,
      guarded('write', (req, scope) => generateJit(req, scope))
    )
    route(
      'GET',
      `${prefix}/actions/runners`,
      guarded('read', (req, scope) => {
        // `name` filters on the exact runner name:
        // https://docs.github.com/rest/actions/self-hosted-runners#list-self-hosted-runners-for-an-organization
        const name = req.url.searchParams.get('name')
        const runners = state.runnersIn(scope).filter(r => name === null || r.name === name)
        const { items, headers } = page(req, runners)
        return { status: 200, headers, body: { total_count: runners.length, runners: items.map(runnerJson) } }
      })
    )
    route(
      'GET',
      `${prefix}/actions/runners/{id}`,
      guarded('read', (_req, scope, p) => {
        const runner = runnerIn(scope, p.id!)
        return runner ? { status: 200, body: runnerJson(runner) } : notFound()
      })
    )
    route(
      'DELETE',
      `${prefix}/actions/runners/{id}`,
      guarded('write', (_req, scope, p) => {
        const runner = runnerIn(scope, p.id!)
        if (!runner) return notFound()
        // 422 for a runner that is running a job (the REST description lists 204 and 422):
        // https://docs.github.com/rest/actions/self-hosted-runners#delete-a-self-hosted-runner-from-an-organization
        if (runner.busy) return error(422, `Bad request - Runner "${runner.name}" is still running a job"`)
        state.runners.delete(runner.id)
        return { status: 204 }
      })
    )
  }

  for (const r of workflows ? workflowRoutes(workflows, state) : []) {
    const authorize = (t: IssuedToken, p: Params): EmuResponse | undefined =>
      r.scope === 'repo' ? requireRepo(t, p.owner!, p.repo!) : requireOrg(t, p.owner!)
    route(r.method, r.pattern, withToken(authorize, r.permission, 'read', r.handle))
  }

  function generateJit(req: EmuRequest, scope: RunnerScope): EmuResponse {
    const body = (req.body ?? {}) as {
      name?: unknown
      runner_group_id?: unknown
      labels?: unknown
      work_folder?: unknown
    }
    if (typeof body.name !== 'string' || body.name === '')
      return error(422, 'Invalid request.\n\n"name" wasn\'t supplied.')
    if (body.runner_group_id === undefined) return error(422, 'Invalid request.\n\n"runner_group_id" wasn\'t supplied.')
    if (typeof body.runner_group_id !== 'number')
      return error(422, "Invalid request.\n\nFor 'properties/runner_group_id', is not an integer.")
    const labels = body.labels
    if (
      !Array.isArray(labels) ||
      labels.length < 1 ||
      labels.length > 100 ||
      !labels.every(l => typeof l === 'string')
    ) {
      return error(422, "Invalid request.\n\nFor 'properties/labels', must have between 1 and 100 items.")
    }
    const groups: RunnerGroup[] = 'org' in scope ? state.groupsOf(scope.org) : []
    const group = 'org' in scope ? groups.find(g => g.id === body.runner_group_id) : undefined
    if ('org' in scope && !group) return notFound()
    if ('repo' in scope && body.runner_group_id !== 1) return notFound()
    if (group?.hosted) return error(403, 'Runner group is not available for self-hosted runners.')
    if (state.runnersIn(scope).some(r => r.name === body.name))
      return error(409, `Already exists - A runner with the name ${body.name} already exists.`)
    const runner = state.addRunner({
      name: body.name,
      labels: labels as string[],
      runnerGroupId: body.runner_group_id,
      scope
    })
    // Like the real one, the JIT config names the service the runner connects to (here the stand-in's broker).
    const jitConfig = Buffer.from(
      JSON.stringify({
        runnerId: runner.id,
        name: runner.name,
        serverUrl: `${req.url.origin}${BROKER_PATH}`,
        credentials: randomBytes(16).toString('hex')
      })
    ).toString('base64')
    return { status: 201, body: { runner: runnerJson(runner), encoded_jit_config: jitConfig } }
  }

  function runnerIn(scope: RunnerScope, id: string): Runner | undefined {
    const runner = state.runners.get(Number(id))
    return runner && sameScope(runner.scope, scope) ? runner : undefined
  }

  function tokenOf(req: EmuRequest): IssuedToken | undefined {
    const value = bearer(req)
    const issued = value ? state.tokens.get(value) : undefined
    return issued && issued.expiresAtMs > state.now() ? issued : undefined
  }

  function requireOrg(token: IssuedToken, org: string): EmuResponse | undefined {
    const installation = state.installations.get(token.installationId)
    if (!installation || installation.account.toLowerCase() !== org.toLowerCase() || !state.org(org)) return notFound()
    return undefined
  }

  function requireRepo(token: IssuedToken, owner: string, repo: string): EmuResponse | undefined {
    const installation = state.installations.get(token.installationId)
    const known = state.repo(owner, repo)
    if (!installation || !known || installation.account.toLowerCase() !== owner.toLowerCase()) return notFound()
    const inInstallation =
      installation.repositorySelection === 'all' ||
      installation.repositories.some(r => r.toLowerCase() === repo.toLowerCase())
    const inToken = !token.repositories || token.repositories.some(r => r.toLowerCase() === repo.toLowerCase())
    return inInstallation && inToken ? undefined : notFound()
  }

  function levelCheck(token: IssuedToken, permission: string, needs: 'read' | 'write'): EmuResponse | undefined {
    const has = token.permissions[permission]
    if (!has || (needs === 'write' && has !== 'write')) return error(403, 'Resource not accessible by integration')
    return undefined
  }

  function credentialOf(req: EmuRequest, path: string): string {
    if (path.startsWith('/app/')) return 'app'
    const token = tokenOf(req)
    return token ? `installation:${token.installationId}` : 'anonymous'
  }

  return {
    limits,
    owns: req => relative(req) !== undefined,
    handle(req) {
      const path = relative(req)!
      const resource = path.endsWith('/generate-jitconfig') ? 'actions_runner_registration' : 'core'
      const credential = credentialOf(req, path)
      const limit = path === '/rate_limit' ? { headers: {}, exceeded: false } : limits.take(credential, resource)
      const withLimits = (response: EmuResponse): EmuResponse => ({
        ...response,
        headers: { ...limit.headers, ...response.headers }
      })
      if (limit.exceeded) return withLimits(error(403, 'API rate limit exceeded for installation.'))
      for (const [method, pattern, handler] of routes) {
        const match = pattern.exec(path)
        if (match && method === req.method)
          return conditional(req, handler(req, { ...match.groups }), withLimits, () =>
            limits.refund(credential, resource)
          )
      }
      return withLimits(notFound())
    }
  }
}

/**
 * GitHub's conditional requests: a 200 GET carries an ETag; the same ETag in If-None-Match gets 304 with no body,
 * and a 304 does not count against the rate limit.
 */
function conditional(
  req: EmuRequest,
  response: EmuResponse,
  withLimits: (r: EmuResponse) => EmuResponse,
  refund: () => Record<string, string>
): EmuResponse {
  if (req.method !== 'GET' || response.status !== 200) return withLimits(response)
  const etag = `W/"${createHash('sha256')
    .update(JSON.stringify(response.body ?? null))
    .digest('hex')
    .slice(0, 32)}"`
  if (req.headers['if-none-match'] === etag) return { status: 304, headers: { ...refund(), etag } }
  return withLimits({ ...response, headers: { ...response.headers, etag } })
}

function bearer(req: EmuRequest): string | undefined {
  const header = req.headers.authorization
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''))
  return match?.[1]
}

/**
 * GitHub's pagination: `per_page` (default 30, at most 100) and `page`, with a `Link` header naming the next, last,
 * first and previous pages as absolute URLs. https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */
export function page<T>(req: EmuRequest, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(req.url.searchParams.get('per_page') ?? 30) || 30, 100)
  const pageNumber = Math.max(Number(req.url.searchParams.get('page') ?? 1) || 1, 1)
  const last = Math.max(Math.ceil(items.length / perPage), 1)
  const link = (n: number, rel: string): string => {
    const url = new URL(req.url.href)
    url.searchParams.set('per_page', String(perPage))
    url.searchParams.set('page', String(n))
    return `<${url.href}>; rel="${rel}"`
  }
  const links = [
    ...(pageNumber > 1 ? [link(pageNumber - 1, 'prev')] : []),
    ...(pageNumber < last ? [link(pageNumber + 1, 'next'), link(last, 'last')] : []),
    ...(pageNumber > 1 ? [link(1, 'first')] : [])
  ]
  return {
    items: items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  }
}

function runnerJson(runner: Runner): object {
  return {
    id: runner.id,
    name: runner.name,
    os: runner.os,
    status: runner.status,
    busy: runner.busy,
    ephemeral: runner.ephemeral,
    runner_group_id: runner.runnerGroupId,
    labels: runner.labels.map((name, i) => ({ id: i + 1, name, type: 'custom' }))
  }
}

function groupJson(req: EmuRequest, group: RunnerGroup): object {
  const base = `${req.url.origin}${req.url.pathname.replace(/\/actions\/runner-groups$/, '')}/actions/runner-groups/${group.id}`
  return {
    id: group.id,
    name: group.name,
    visibility: group.visibility,
    default: group.default,
    runners_url: `${base}/runners`,
    ...(group.visibility === 'selected' ? { selected_repositories_url: `${base}/repositories` } : {}),
    inherited: false,
    allows_public_repositories: group.allowsPublicRepositories,
    restricted_to_workflows: false,
    selected_workflows: [],
    workflow_restrictions_read_only: false
  }
}

function repoJson(repo: { id: number; owner: string; name: string; private: boolean }): object {
  return {
    id: repo.id,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private,
    owner: { login: repo.owner }
  }
}
