/** GitHub REST on Octokit (see octokit.ts): one request shape, lists followed through their `Link` headers to the end. */
import { CallError } from '../http/errors.js'
import { detail, type HttpResponse } from '../http/json-client.js'
import type { Octokit } from '@octokit/core'

export interface GitHub {
  apiUrl: string
  /** Only `request` is used: a caller may wrap it (report counts its requests). */
  octokit: Pick<Octokit, 'request'>
  /** The wait before attempt `attempt + 1` of a request retried by its caller (the JIT POST); 1, 4, 9 s by default. */
  retryWaitMs?: (attempt: number) => number
}

/** The GitHub API at `apiUrl` (a team's `github.url`) on the process's one Octokit. */
export type GitHubFor = (apiUrl: string) => GitHub

/** Where runners register: an organisation, or one repository. */
export type Target = { scope: 'org'; owner: string } | { scope: 'repo'; owner: string; repo: string }

/** Beyond any real list (100 items a page); a server that never ends its `Link` chain is an error, not a hang. */
const MAX_PAGES = 10_000

/** One call; `pathOrUrl` is a path under the API URL, or a `Link` URL GitHub handed out (same origin only). */
export async function call(
  gh: GitHub,
  method: string,
  pathOrUrl: string,
  auth: string,
  body?: unknown,
  options: { idempotent?: boolean; retries?: number } = {}
): Promise<HttpResponse> {
  const base = gh.apiUrl.replace(/\/+$/, '')
  const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : base + pathOrUrl
  // The token goes only to the API it was minted for, whatever a Link header says.
  if (new URL(url).origin !== new URL(base).origin)
    throw new CallError(`GitHub pointed a list at ${new URL(url).origin}, not ${new URL(base).origin}; refused`)
  // A request that may have acted is never repeated blindly (plugin-retry would retry a POST on a 5xx).
  const retries = options.retries ?? (options.idempotent || IDEMPOTENT.has(method.toUpperCase()) ? undefined : 0)
  try {
    const response = await gh.octokit.request({
      method,
      url,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${auth}`,
        'x-github-api-version': '2022-11-28'
      },
      ...(body === undefined ? {} : { data: body }),
      request: retries === undefined ? {} : { retries }
    })
    return { status: response.status, headers: toHeaders(response.headers), body: emptyAsUndefined(response.data) }
  } catch (error) {
    const failed = error as { status?: number; response?: { status: number; headers: object; data?: unknown } }
    if (failed.response)
      return {
        status: failed.response.status,
        headers: toHeaders(failed.response.headers),
        body: emptyAsUndefined(failed.response.data)
      }
    throw new CallError(`cannot reach ${new URL(url).host}: ${causeOf(error)}`)
  }
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])

function toHeaders(headers: object): Headers {
  const result = new Headers()
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) result.set(name, String(value))
  return result
}

/** No body is undefined; a text body (an HTML error page, a proxy's text) keeps its first 200 characters. */
function emptyAsUndefined(data: unknown): unknown {
  if (data === '' || data === null) return undefined
  return typeof data === 'string' ? data.slice(0, 200) : data
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { name?: string; code?: string; message?: string; cause?: { code?: string } } })
    .cause
  if (cause?.name === 'TimeoutError') return 'no answer in time'
  return cause?.cause?.code ?? cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
}

/**
 * Every item of a list: `per_page=100`, then each `rel="next"` link until there is none. `key` names the array
 * in an object body (`runners`); a plain array body is the list itself. `maxPages` stops early on purpose, for
 * listings GitHub itself caps (a filtered runs listing returns at most 1,000 runs).
 */
export async function paginate<T>(
  gh: GitHub,
  path: string,
  auth: string,
  key?: string,
  maxPages?: number
): Promise<T[]> {
  const items: T[] = []
  let next: string | undefined = `${path}${path.includes('?') ? '&' : '?'}per_page=100`
  for (let page = 1; next && (maxPages === undefined || page <= maxPages); page++) {
    if (page > MAX_PAGES) throw new CallError(`GET ${path.split('?')[0]} did not end after ${MAX_PAGES} pages`)
    const response = await call(gh, 'GET', next, auth)
    if (response.status !== 200)
      throw new CallError(
        `GET ${path.split('?')[0]} answered HTTP ${response.status}${detail(response.body)}`,
        response.status
      )
    const body = response.body as Record<string, unknown> | unknown[] | undefined
    const batch = Array.isArray(body) ? body : key ? body?.[key] : undefined
    if (!Array.isArray(batch)) throw new CallError(`GET ${path.split('?')[0]} answered without a list`)
    items.push(...(batch as T[]))
    next = nextLink(response.headers.get('link'))
  }
  return items
}

/** The `rel="next"` URL of a `Link` header (RFC 8288), as GitHub sends it on paginated lists. */
export function nextLink(link: string | null): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /^<([^>]+)>(.*)$/.exec(part.trim())
    const rel = match ? /;\s*rel="?([^";]*)"?/.exec(match[2]!)?.[1] : undefined
    if (rel?.split(/\s+/).includes('next')) return match![1]
  }
  return undefined
}

export function targetPath(target: Target): string {
  return target.scope === 'org' ? `/orgs/${enc(target.owner)}` : `/repos/${enc(target.owner)}/${enc(target.repo)}`
}

export function targetName(target: Target): string {
  return target.scope === 'org' ? `organization ${target.owner}` : `repository ${target.owner}/${target.repo}`
}

export function enc(part: string): string {
  return encodeURIComponent(part)
}
