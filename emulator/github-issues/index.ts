/**
 * GitHub REST doubles the drift check and `verify` need beyond runner registration: issues (list by label and
 * state, create, update, comments), labels and workflow-run counts (`/rate_limit` is the runners double's, per installation). Mount with
 * `emulator.addService(...)` BEFORE the runners double (`createGitHubServices`), which answers 404 for every other
 * path under the same base.
 */
import type { EmuRequest, EmuResponse, Service } from '../http.js'
import { page } from '../github/rest.js'
import { IssuesState, type Issue } from './state.js'

export { IssuesState } from './state.js'
export type { Issue, Label, Comment } from './state.js'

export interface IssuesServiceOptions {
  /** Where the REST API is mounted, e.g. `/api/v3`. */
  basePaths: string[]
  /** Which bearer tokens are valid (e.g. tokens the runners double issued). */
  acceptToken: (token: string) => boolean
}

export interface IssuesAdmin {
  state: IssuesState
  /** In-progress or queued runs per `owner/repo` (answered as `total_count`); unknown repositories have 0. */
  activeRuns: Map<string, { in_progress: number; queued: number }>
  requests: { method: string; path: string; status: number }[]
}

type Params = Record<string, string>
type Handler = (req: EmuRequest, p: Params) => EmuResponse

const error = (status: number, message: string, extra: object = {}): EmuResponse => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest', ...extra }
})

export function createIssuesService(options: IssuesServiceOptions): { service: Service; admin: IssuesAdmin } {
  const admin: IssuesAdmin = {
    state: new IssuesState(),
    activeRuns: new Map(),
    requests: []
  }
  const { state } = admin
  const routes: [string, RegExp, Handler][] = []
  const route = (method: string, pattern: string, handler: Handler): void => {
    routes.push([method, new RegExp('^' + pattern.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)') + '$'), handler])
  }
  const issueJson = (req: EmuRequest, p: Params, issue: Issue): object => ({
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.stateReason,
    labels: issue.labels.map(name => ({ name })),
    comments: issue.comments.length,
    html_url: `${req.url.origin}/${p.owner}/${p.repo}/issues/${issue.number}`
  })
  const find = (p: Params): Issue | undefined =>
    state.issues(p.owner!, p.repo!).find(i => i.number === Number(p.number))

  route('GET', '/repos/{owner}/{repo}/issues', (req, p) => {
    const wanted = (req.url.searchParams.get('labels') ?? '')
      .split(',')
      .filter(Boolean)
      .map(l => l.toLowerCase())
    const stateFilter = req.url.searchParams.get('state') ?? 'open'
    const matching = state
      .issues(p.owner!, p.repo!)
      .filter(i => stateFilter === 'all' || i.state === stateFilter)
      .filter(i => wanted.every(l => i.labels.some(x => x.toLowerCase() === l)))
      .sort((a, b) => b.number - a.number)
    const { items, headers } = page(req, matching)
    return { status: 200, headers, body: items.map(i => issueJson(req, p, i)) }
  })
  route('POST', '/repos/{owner}/{repo}/issues', (req, p) => {
    const body = (req.body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown }
    if (typeof body.title !== 'string' || body.title === '')
      return error(422, 'Validation Failed', { errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] })
    const labels = Array.isArray(body.labels) ? body.labels.map(String) : []
    const issue = state.addIssue(p.owner!, p.repo!, {
      title: body.title,
      body: typeof body.body === 'string' ? body.body : '',
      labels
    })
    return { status: 201, body: issueJson(req, p, issue) }
  })
  route('PATCH', '/repos/{owner}/{repo}/issues/{number}', (req, p) => {
    const issue = find(p)
    if (!issue) return error(404, 'Not Found')
    const body = (req.body ?? {}) as {
      title?: string
      body?: string
      state?: string
      state_reason?: string
      labels?: string[]
    }
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed')
      return error(422, 'Validation Failed')
    if (body.title !== undefined) issue.title = body.title
    if (body.body !== undefined) issue.body = body.body
    if (body.labels !== undefined) issue.labels = body.labels
    if (body.state !== undefined) {
      issue.state = body.state
      issue.stateReason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened'
    }
    return { status: 200, body: issueJson(req, p, issue) }
  })
  route('POST', '/repos/{owner}/{repo}/issues/{number}/comments', (req, p) => {
    const issue = find(p)
    if (!issue) return error(404, 'Not Found')
    const text = (req.body as { body?: unknown } | undefined)?.body
    if (typeof text !== 'string' || text === '') return error(422, 'Validation Failed')
    const comment = state.addComment(issue, text)
    return { status: 201, body: { id: comment.id, body: comment.body } }
  })
  route('GET', '/repos/{owner}/{repo}/labels/{name}', (_req, p) => {
    const label = state.repo(p.owner!, p.repo!).labels.get(decodeURIComponent(p.name!).toLowerCase())
    return label ? { status: 200, body: label } : error(404, 'Not Found')
  })
  route('POST', '/repos/{owner}/{repo}/labels', (req, p) => {
    const body = (req.body ?? {}) as { name?: unknown; color?: unknown; description?: unknown }
    if (typeof body.name !== 'string' || body.name === '') return error(422, 'Validation Failed')
    if (state.repo(p.owner!, p.repo!).labels.has(body.name.toLowerCase())) {
      return error(422, 'Validation Failed', { errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] })
    }
    return {
      status: 201,
      body: state.ensureLabel(
        p.owner!,
        p.repo!,
        body.name,
        String(body.color ?? 'ededed'),
        String(body.description ?? '')
      )
    }
  })
  route('GET', '/repos/{owner}/{repo}/actions/runs', (req, p) => {
    const counts = admin.activeRuns.get(`${p.owner}/${p.repo}`.toLowerCase()) ?? { in_progress: 0, queued: 0 }
    const status = req.url.searchParams.get('status')
    const total =
      status === 'in_progress'
        ? counts.in_progress
        : status === 'queued'
          ? counts.queued
          : counts.in_progress + counts.queued
    return { status: 200, body: { total_count: total, workflow_runs: [] } }
  })
  const service: Service = {
    name: 'github-issues',
    handle(req) {
      const base = options.basePaths.find(b => req.url.pathname.startsWith(b + '/'))
      if (base === undefined) return undefined
      const path = req.url.pathname.slice(base.length)
      for (const [method, pattern, handler] of routes) {
        const match = pattern.exec(path)
        if (!match || method !== req.method) continue
        const token = /^(?:bearer|token)\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]
        const answer =
          token && options.acceptToken(token) ? handler(req, { ...match.groups }) : error(401, 'Bad credentials')
        admin.requests.push({ method: req.method, path: req.url.pathname + req.url.search, status: answer.status })
        return answer
      }
      return undefined
    }
  }
  return { service, admin }
}
