/** The shared GitHub client bound to one token, with one-line errors that say which call failed and why. */
import { CallError } from '../http/errors.js'
import { detail, type HttpResponse } from '../http/json-client.js'
import { call, paginate, type GitHub } from './rest.js'

export { enc } from './rest.js'

export interface GitHubApi {
  readonly gh: GitHub
  readonly token: string
  /** Any answer, for callers that branch on the status. */
  call(method: string, path: string, body?: unknown): Promise<HttpResponse>
  /** The JSON body of a 2xx answer; anything else throws a CallError with the status. */
  json<T>(method: string, path: string, body?: unknown): Promise<T>
  /** Every item of a list (`key` holds the items, e.g. `runners`), following `Link` to the last page or `maxPages`. */
  list<T>(path: string, key?: string, maxPages?: number): Promise<T[]>
}

export function createGitHubApi(gh: GitHub, token: string): GitHubApi {
  return {
    gh,
    token,
    call: (method, path, body) => call(gh, method, path, token, body),
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await call(gh, method, path, token, body)
      if (response.status >= 200 && response.status < 300) return response.body as T
      throw new CallError(
        `${method} ${path.split('?')[0]} answered HTTP ${response.status}${detail(response.body)}`,
        response.status
      )
    },
    list: (path, key, maxPages) => paginate(gh, path, token, key, maxPages)
  }
}
