/**
 * JSON over HTTPS with node:https, so an in-process caller can trust a test CA (`ca`) while a bundle run relies on
 * NODE_EXTRA_CA_CERTS. Same shape as the entrypoint's client, so its GitHub calls can be reused here.
 */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { parseJson, type HttpClient, type HttpResponse } from '../entrypoint/http.js'

export interface HttpOptions {
  /** Extra CA (PEM) to trust; in-process tests only. */
  ca?: string
  timeoutMs?: number
}

export function createHttp(options: HttpOptions = {}): HttpClient {
  return req =>
    new Promise<HttpResponse>((resolve, reject) => {
      const url = new URL(req.url)
      const payload = req.body === undefined ? undefined : JSON.stringify(req.body)
      const headers: Record<string, string> = {
        accept: 'application/json',
        'user-agent': 'runner-setup',
        ...req.headers,
        ...(payload === undefined
          ? {}
          : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) })
      }
      const send = url.protocol === 'http:' ? httpRequest : httpsRequest
      const call = send(
        url,
        {
          method: req.method,
          headers,
          ...(options.ca ? { ca: options.ca } : {}),
          timeout: options.timeoutMs ?? 30_000
        },
        res => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const answer = new Headers()
            for (const [name, value] of Object.entries(res.headers))
              if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(', ') : value)
            resolve({ status: res.statusCode ?? 0, headers: answer, body: parseJson(Buffer.concat(chunks).toString()) })
          })
          res.on('error', reject)
        }
      )
      call.on('timeout', () =>
        call.destroy(new Error(`no answer from ${url.host} within ${options.timeoutMs ?? 30_000} ms`))
      )
      call.on('error', error =>
        reject(new Error(`cannot reach ${url.host}: ${(error as NodeJS.ErrnoException).code ?? error.message}`))
      )
      call.end(payload)
    })
}
