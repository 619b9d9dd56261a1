/** GitHub REST with one token: JSON calls, pagination, and one-line errors that say which call failed and why. */
import { detail, type HttpClient, type HttpResponse } from '../entrypoint/http.js'

export class GitHubApiError extends Error {
  override name = 'GitHubApiError'
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message)
  }
}

export interface GitHubApi {
  /** Any answer, for callers that branch on the status. */
  call(method: string, path: string, body?: unknown): Promise<HttpResponse>
  /** The JSON body of a 2xx answer; anything else throws a GitHubApiError. */
  json<T>(method: string, path: string, body?: unknown): Promise<T>
  /** Every item of a paginated list (`key` holds the items, e.g. `runners`), at most `maxPages` of 100. */
  list<T>(path: string, key: string, maxPages?: number): Promise<T[]>
}

export function createGitHubApi(http: HttpClient, baseUrl: string, token: string): GitHubApi {
  const base = baseUrl.replace(/\/+$/, '')
  const call = (method: string, path: string, body?: unknown): Promise<HttpResponse> =>
    http({
      method,
      url: base + path,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28'
      },
      ...(body === undefined ? {} : { body })
    })
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await call(method, path, body)
    if (response.status >= 200 && response.status < 300) return response.body as T
    throw new GitHubApiError(
      `${method} ${path.split('?')[0]} answered HTTP ${response.status}${detail(response.body)}`,
      response.status
    )
  }
  return {
    call,
    json,
    async list<T>(path: string, key: string, maxPages = 20): Promise<T[]> {
      const items: T[] = []
      const joiner = path.includes('?') ? '&' : '?'
      for (let page = 1; page <= maxPages; page++) {
        const body = await json<Record<string, unknown>>('GET', `${path}${joiner}per_page=100&page=${page}`)
        const batch = (Array.isArray(body) ? body : (body[key] ?? [])) as T[]
        items.push(...batch)
        if (batch.length < 100) break
      }
      return items
    }
  }
}

export function enc(part: string): string {
  return encodeURIComponent(part)
}
