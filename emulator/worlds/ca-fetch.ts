/**
 * A `fetch` for in-process tests that trusts the emulator's CA (a bundle run gets NODE_EXTRA_CA_CERTS instead),
 * and a retrying client on it with short delays.
 */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { createHttpClient, type Fetch, type HttpClient } from '../../src/http/json-client.js'
import type { GitHubClientOptions } from '../../src/github/octokit.js'
import type { GitHub, GitHubFor } from '../../src/github/rest.js'
import { actionsGitHub } from '../../src/github/client.js'

export function caFetch(ca: string): Fetch {
  return (target, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(target)
      const send = url.protocol === 'http:' ? httpRequest : httpsRequest
      const headers = {
        ...init.headers,
        ...(init.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(init.body)) })
      }
      const call = send(url, { method: init.method, headers, ca }, res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const answer = new Headers()
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(', ') : value)
          const status = res.statusCode ?? 0
          const body = status === 204 || status === 304 ? null : Buffer.concat(chunks)
          resolve(new Response(body, { status, headers: answer }))
        })
        res.on('error', reject)
      })
      call.on('error', reject)
      call.end(init.body)
    })
}

/** The shared client, trusting `ca`, retrying with millisecond delays. */
export function testHttp(ca: string, sleeps: number[] = []): HttpClient {
  const sleep = async (ms: number): Promise<void> => void sleeps.push(ms)
  return createHttpClient({ maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, sleep }, { fetch: caFetch(ca) })
}

/**
 * The action's GitHub client, trusting `ca`: every wait GitHub asks for shrunk to a millisecond a second, writes not
 * spaced (a test of the spacing passes `spaceWrites: true`), request lines into `lines` when given.
 */
export function testGitHubFor(ca: string, options: GitHubClientOptions & { lines?: string[] } = {}): GitHubFor {
  const fetch = caFetch(ca)
  return actionsGitHub({
    fetch: (url, init) =>
      fetch(url, {
        method: init.method ?? 'GET',
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        ...(typeof init.body === 'string' ? { body: init.body } : {}),
        ...(init.signal ? { signal: init.signal } : {})
      }),
    msPerSecond: 1,
    spaceWrites: false,
    ...(options.lines ? { debug: (line: string) => void options.lines!.push(line) } : {}),
    ...options
  })
}

export function testGitHub(
  apiUrl: string,
  ca: string,
  options: GitHubClientOptions & { lines?: string[] } = {}
): GitHub {
  return testGitHubFor(ca, options)(apiUrl)
}
