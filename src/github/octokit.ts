/**
 * The one GitHub client policy, on Octokit with its throttling and retry plugins, for the action and CLI
 * (`@actions/github`'s Octokit) and the runner's registering process (`@octokit/core`, which keeps that bundle
 * small). The caller passes the Octokit class, so this module pulls neither into a bundle that does not need it.
 *
 * - Retries (plugin-retry): 5xx, timeouts and network errors, three times, 1, 4 and 9 s apart. A request that may
 *   have acted and cannot be repeated (a POST: JIT registration, a new issue) and the runner DELETE pass
 *   `request.retries: 0`; the JIT POST has its own find-and-delete retry instead.
 * - Limits (plugin-throttling): at most 10 requests in flight per process, writes 1 s apart and issue writes 3 s
 *   apart (GitHub's best practices for secondary limits). A secondary-limit answer (403 or 429 saying "secondary
 *   rate limit") waits `retry-after`, or 60 s without it, as GitHub asks; a spent primary limit (403/429 with
 *   `x-ratelimit-remaining: 0`) waits for `x-ratelimit-reset` when that is near, else is answered at once (its
 *   debug line says when the limit resets).
 *   https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
 * - Every attempt has a timeout and a debug line with its status and `x-github-request-id`.
 */
import type { Octokit } from '@octokit/core'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'
import type { GitHubFor } from './rest.js'

export type OctokitClass = typeof Octokit
export type GitHubOctokit = Octokit

/** The subset of `fetch` Octokit calls; the global one fits, and tests pass one that trusts their CA. */
export type OctokitFetch = (url: string, init: RequestInit) => Promise<Response>

export interface GitHubClientOptions {
  /** A `fetch` for tests (trusting the emulator's CA); production uses the global one, proxied as configured. */
  fetch?: OctokitFetch
  /** Per attempt. */
  timeoutMs?: number
  /** Receives one line per attempt and per rate-limit wait. */
  debug?: (line: string) => void
  /** Retries of a failed idempotent request (5xx, timeout, network). */
  retries?: number
  /** Retries of a rate-limited request (secondary or primary). */
  rateLimitRetries?: number
  /** The longest wait for a primary limit's reset before failing instead. */
  maxResetWaitSeconds?: number
  /** Milliseconds per second of every wait GitHub asks for; tests shrink it. */
  msPerSecond?: number
  /** Space writes 1 s and issue writes 3 s apart (default); tests of other things turn it off. */
  spaceWrites?: boolean
}

export const DEFAULT_GITHUB_CLIENT: Required<Omit<GitHubClientOptions, 'fetch' | 'debug' | 'spaceWrites'>> = {
  timeoutMs: 30_000,
  retries: 3,
  rateLimitRetries: 3,
  maxResetWaitSeconds: 120,
  msPerSecond: 1000
}

interface Attempt {
  method: string
  url: string
  request?: { retryCount?: number; signal?: AbortSignal }
}

/** An Octokit of `Base` with the project's policy. Authentication is per request (App JWT or a token). */
export function createOctokit(Base: OctokitClass, options: GitHubClientOptions = {}): GitHubOctokit {
  const policy = { ...DEFAULT_GITHUB_CLIENT, ...options }
  const debug = options.debug ?? (() => {})
  // Registered first, so it runs innermost: once per attempt, retries included.
  const observe = (octokit: Octokit): void => {
    octokit.hook.wrap('request', async (request, options) => {
      const attempt = options as unknown as Attempt
      attempt.request = { ...attempt.request, signal: AbortSignal.timeout(policy.timeoutMs) }
      const started = performance.now()
      const line = (status: string, headers?: Record<string, unknown>): void => {
        const retryCount = attempt.request?.retryCount ?? 0
        const id = headers?.['x-github-request-id']
        debug(
          `GitHub ${attempt.method} ${pathOf(attempt.url)}${retryCount ? ` (retry ${retryCount})` : ''}: ${status} in ${Math.round(performance.now() - started)} ms${id ? `, x-github-request-id ${String(id)}` : ''}`
        )
      }
      try {
        const response = await request(options)
        line(String(response.status), response.headers)
        return response
      } catch (error) {
        const failed = error as { status?: number; message?: string; response?: { headers?: Record<string, unknown> } }
        const timedOut = attempt.request?.signal?.aborted === true
        line(
          failed.response
            ? String(failed.status)
            : `no answer (${timedOut ? 'timed out' : (failed.message ?? 'error')})`,
          failed.response?.headers
        )
        throw error
      }
    })
  }
  const Client = Base.plugin(observe, throttling, retry)
  return new Client({
    userAgent: 'runner-setup',
    // The global fetch, looked up per call, so Node's proxy settings (proxy.ts) apply to every Octokit alike, not
    // @actions/github's own proxy fetch, which decides once for GITHUB_API_URL.
    request: { fetch: options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init)) },
    // Rate limits (403, 429) are the throttling plugin's: it knows how long GitHub asks to wait.
    retry: {
      retries: policy.retries,
      retryAfterBaseValue: policy.msPerSecond,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    throttle: {
      ...(options.spaceWrites === false ? { write: UNSPACED, notifications: UNSPACED, search: UNSPACED } : {}),
      retryAfterBaseValue: policy.msPerSecond,
      fallbackSecondaryRateRetryAfter: 60,
      // The plugin matches issue and comment paths as github.com spells them; GHES puts /api/v3 before them.
      // (an option the plugin reads but does not declare).
      ...({
        triggersNotification: (pathname: string) =>
          throttling.triggersNotification(pathname.replace(/^\/api\/v3(?=\/)/, ''))
      } as object),
      onSecondaryRateLimit: (retryAfter: number, request: Attempt, _octokit: unknown, retryCount: number) => {
        const again = retryCount < policy.rateLimitRetries
        debug(
          `GitHub ${request.method} ${pathOf(request.url)}: secondary rate limit, ${again ? `waiting ${retryAfter} s as asked` : 'giving up'}`
        )
        return again
      },
      onRateLimit: (retryAfter: number, request: Attempt, _octokit: unknown, retryCount: number) => {
        const again = retryCount < policy.rateLimitRetries && retryAfter <= policy.maxResetWaitSeconds
        debug(
          `GitHub ${request.method} ${pathOf(request.url)}: hourly rate limit spent, ${again ? `waiting ${retryAfter} s for its reset` : `resets in ${retryAfter} s; not waiting`}`
        )
        return again
      }
    }
  })
}

/** Stands in for plugin-throttling's spacing groups (Bottleneck groups): runs each job at once. */
const UNSPACED = {
  key: () => ({
    schedule: (_options: unknown, job: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve(job(...args))
  })
} as unknown as ThrottlingOptions['write']

function pathOf(url: string): string {
  try {
    return new URL(url, 'https://api.github.com').pathname
  } catch {
    return url
  }
}

/**
 * GitHub APIs (github.com, `*.ghe.com` or GHES `/api/v3`, one per team's `github.url`) on one Octokit of `Base`,
 * so the process shares one concurrency bound and one write spacing.
 */
export function gitHubFactory(Base: OctokitClass, options: GitHubClientOptions = {}): GitHubFor {
  const msPerSecond = options.msPerSecond ?? DEFAULT_GITHUB_CLIENT.msPerSecond
  const octokit = createOctokit(Base, options)
  return apiUrl => ({
    apiUrl: apiUrl.replace(/\/+$/, ''),
    octokit,
    retryWaitMs: attempt => msPerSecond * attempt ** 2
  })
}
