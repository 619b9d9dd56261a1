/** A small HTTPS JSON client that trusts the emulator's CA (in-process code cannot rely on NODE_EXTRA_CA_CERTS). */
import { request } from 'node:https'

export interface JsonResponse {
  status: number
  headers: Record<string, string>
  body: unknown
}

export type JsonHttp = (
  method: string,
  url: string,
  options?: { headers?: Record<string, string>; body?: unknown }
) => Promise<JsonResponse>

export function createJsonHttp(caPem: string): JsonHttp {
  return (method, url, options = {}) =>
    new Promise((resolve, reject) => {
      const payload = options.body === undefined ? undefined : JSON.stringify(options.body)
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
      if (payload !== undefined) headers['content-type'] = 'application/json'
      const req = request(url, { method, headers, ca: caPem }, res => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let body: unknown = text
          try {
            body = text === '' ? undefined : JSON.parse(text)
          } catch {
            // not JSON: keep the text
          }
          const flat: Record<string, string> = {}
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v
          resolve({ status: res.statusCode ?? 0, headers: flat, body })
        })
      })
      req.on('error', reject)
      req.end(payload)
    })
}
