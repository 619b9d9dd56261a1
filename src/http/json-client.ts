/**
 * JSON over HTTPS with bounded retries, for the Azure endpoints both the runner and verify read directly (the
 * managed identity endpoint, Key Vault); GitHub goes through Octokit (octokit.ts). Rate-limit answers (429, or
 * 403 with retry-after) were not acted on, so every method retries them; 5xx and network errors may hide a request
 * that did act, so only idempotent requests retry those. Delays and `fetch` are injectable for tests.
 */
import { CallError } from './errors.js'

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
  /** A POST that may be repeated without effect (minting a token); GET, PUT and DELETE always may. */
  idempotent?: boolean
}

export interface HttpResponse {
  status: number
  headers: Headers
  body: unknown
}

export interface HttpClient {
  (request: HttpRequest): Promise<HttpResponse>
  /** The policy's wait before attempt `attempt + 1`, for a caller that retries a POST on its own. */
  backoff(attempt: number): Promise<void>
  readonly maxAttempts: number
}

/** The subset of `fetch` used here; the global one fits, and tests pass one that trusts their CA. */
export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }
) => Promise<Response>

export interface HttpOptions {
  fetch?: Fetch
  now?: () => number
  timeoutMs?: number
}

export const defaultSleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** The action's policy: four attempts, 1 s doubling to at most 30 s (a secondary rate limit asks for about 60 s). */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, sleep: defaultSleep }

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])

/** How long to wait before retrying this answer, or undefined when it must not be retried. */
export function retryDelayMs(
  status: number,
  header: (name: string) => string | null,
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  nowMs: number,
  idempotent = true
): number | undefined {
  const retryAfter = Number(header('retry-after'))
  const exhausted = header('x-ratelimit-remaining') === '0'
  const reset = Number(header('x-ratelimit-reset'))
  const rateLimited = status === 429 || (status === 403 && (header('retry-after') !== null || exhausted))
  if (!rateLimited && !(status >= 500 && idempotent)) return undefined
  let delay = backoffMs(attempt, policy)
  if (header('retry-after') !== null && Number.isFinite(retryAfter)) delay = retryAfter * 1000
  else if (exhausted && Number.isFinite(reset)) delay = reset * 1000 - nowMs
  return Math.min(Math.max(delay, 0), policy.maxDelayMs)
}

function backoffMs(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs)
}

export function createHttpClient(policy: RetryPolicy, options: HttpOptions = {}): HttpClient {
  const send = options.fetch ?? fetch
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? 30_000
  const client = async (request: HttpRequest): Promise<HttpResponse> => {
    const idempotent = request.idempotent ?? IDEMPOTENT.has(request.method.toUpperCase())
    for (let attempt = 1; ; attempt++) {
      let response: Response
      try {
        response = await send(request.url, {
          method: request.method,
          headers: {
            accept: 'application/json',
            'user-agent': 'runner-setup',
            ...request.headers,
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' })
          },
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          signal: AbortSignal.timeout(timeoutMs)
        })
      } catch (error) {
        if (!idempotent || attempt >= policy.maxAttempts)
          throw new CallError(`cannot reach ${hostOf(request.url)}: ${causeOf(error)}`)
        await policy.sleep(backoffMs(attempt, policy))
        continue
      }
      const text = await response.text()
      const header = (name: string): string | null => response.headers.get(name)
      const delay = retryDelayMs(response.status, header, attempt, policy, now(), idempotent)
      if (delay !== undefined && attempt < policy.maxAttempts) {
        await policy.sleep(delay)
        continue
      }
      return { status: response.status, headers: response.headers, body: parseJson(text) }
    }
  }
  return Object.assign(client, {
    backoff: (attempt: number) => policy.sleep(backoffMs(attempt, policy)),
    maxAttempts: policy.maxAttempts
  })
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
  if ((error as { name?: string }).name === 'TimeoutError') return 'no answer in time'
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
