/**
 * JSON over HTTPS with bounded retries: 5xx, network errors, 429 and GitHub's secondary rate limits
 * (403 with retry-after or an exhausted x-ratelimit-remaining). Delays are injectable for tests.
 */
import { EntrypointError } from './errors.js'

export interface RetryPolicy {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  sleep(ms: number): Promise<void>
}

export interface HttpRequest {
  method: string
  url: string
  headers?: Record<string, string>
  body?: unknown
}

export interface HttpResponse {
  status: number
  headers: Headers
  body: unknown
}

export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>

export const defaultSleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** How long to wait before retrying this answer, or undefined when it must not be retried. */
export function retryDelayMs(
  status: number,
  header: (name: string) => string | null,
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  nowMs: number
): number | undefined {
  const retryAfter = Number(header('retry-after'))
  const exhausted = header('x-ratelimit-remaining') === '0'
  const reset = Number(header('x-ratelimit-reset'))
  const rateLimited = status === 429 || (status === 403 && (header('retry-after') !== null || exhausted))
  if (status < 500 && !rateLimited) return undefined
  let delay = policy.baseDelayMs * 2 ** (attempt - 1)
  if (header('retry-after') !== null && Number.isFinite(retryAfter)) delay = retryAfter * 1000
  else if (exhausted && Number.isFinite(reset)) delay = reset * 1000 - nowMs
  return Math.min(Math.max(delay, 0), policy.maxDelayMs)
}

export function createHttpClient(policy: RetryPolicy, now: () => number = Date.now): HttpClient {
  return async request => {
    for (let attempt = 1; ; attempt++) {
      let response: Response
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: {
            accept: 'application/json',
            ...request.headers,
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' })
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body)
        })
      } catch (error) {
        if (attempt >= policy.maxAttempts)
          throw new EntrypointError(`cannot reach ${hostOf(request.url)}: ${causeOf(error)}`)
        await policy.sleep(Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs))
        continue
      }
      const text = await response.text()
      const delay = retryDelayMs(response.status, name => response.headers.get(name), attempt, policy, now())
      if (delay !== undefined && attempt < policy.maxAttempts) {
        await policy.sleep(delay)
        continue
      }
      return { status: response.status, headers: response.headers, body: parseJson(text) }
    }
  }
}

/** JSON when it parses, else the first 200 characters (an HTML error page, a proxy's text), never a throw. */
export function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text.slice(0, 200)
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
}

/** The error text an API put in its body (GitHub `message`, Azure `error.message`), for one-line reports. */
export function apiMessage(body: unknown): string {
  if (typeof body === 'string') return body
  const b = body as
    | { message?: unknown; error?: { code?: unknown; message?: unknown } | string; error_description?: unknown }
    | undefined
  if (typeof b?.message === 'string') return b.message
  if (typeof b?.error === 'object' && b.error)
    return [b.error.code, b.error.message].filter(x => typeof x === 'string').join(': ')
  if (typeof b?.error_description === 'string') return b.error_description
  if (typeof b?.error === 'string') return b.error
  return ''
}

/** `: <api message>` for error lines, or nothing when the body says nothing useful. */
export function detail(body: unknown): string {
  const message = apiMessage(body)
  return message ? `: ${message}` : ''
}
