/**
 * The HTTPS front door: parses each request, applies latency and transport faults, asks the services
 * in order, writes the answer and logs it. Services never see sockets.
 */
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { EmuRequest, EmuResponse, Service } from './http.js'
import type { Certificates } from './certs.js'
import type { FaultBook } from './faults.js'
import type { RequestLog } from './request-log.js'

export interface FrontDoor {
  certs: Certificates
  /** Consulted in order; the first answer wins. Read on every request, so it may grow. */
  services: () => Service[]
  faults: FaultBook
  log: RequestLog
  latencyMs: () => number
  /** Requests under this path skip faults, latency and the log (the admin API must stay reliable and invisible). */
  unfaultedPrefix: string
}

export interface RunningServer {
  server: Server
  port: number
  close(): Promise<void>
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export async function startServer(door: FrontDoor, port = 0): Promise<RunningServer> {
  const server = createServer({ key: door.certs.key, cert: door.certs.cert }, (req, res) => {
    void serve(door, req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actualPort = (server.address() as AddressInfo).port
  return {
    server,
    port: actualPort,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

async function serve(door: FrontDoor, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = Date.now()
  const started = performance.now()
  const method = (req.method ?? 'GET').toUpperCase()
  // ARM tolerates doubled slashes (SDKs make `//subscriptions/...` from a `/{+resourceUri}` given with its leading slash).
  const url = new URL(`https://${req.headers.host ?? '127.0.0.1'}${(req.url ?? '/').replace(/^\/{2,}/, '/')}`)
  url.pathname = url.pathname.replace(/\/{2,}/g, '/')
  // Admin calls are the test talking to the emulator, not traffic under test: never logged.
  const logged = !url.pathname.startsWith(door.unfaultedPrefix)
  const done = logged ? door.log.begin() : () => {}
  const record = (status: number): void => {
    done()
    if (logged) door.log.add({ method, path: url.pathname, status, startedAt, durationMs: performance.now() - started })
  }
  try {
    const rawBytes = await readBody(req)
    const rawBody = rawBytes.toString('utf8')
    if (logged) {
      const latency = door.latencyMs()
      if (latency > 0) await sleep(latency)
      for (const fault of door.faults.takeTransport(method, url.pathname)) {
        if (fault.kind === 'latency') await sleep(fault.ms)
        else if (fault.kind === 'drop') {
          req.socket.destroy()
          record(0)
          return
        } else {
          const answer = faultResponse(fault.status, fault.retryAfterSeconds, fault.code, fault.message)
          write(res, answer)
          record(answer.status)
          return
        }
      }
    }
    const emuReq: EmuRequest = { method, url, headers: req.headers, body: parseBody(req, rawBody), rawBody, rawBytes }
    const answer = (await firstAnswer(door.services(), emuReq)) ?? notFound(url.pathname)
    write(res, answer)
    record(answer.status)
  } catch (error) {
    const answer = {
      status: 500,
      body: { error: { code: 'InternalServerError', message: `Emulator error: ${String(error)}` } }
    }
    if (!res.headersSent) write(res, answer)
    else res.end()
    record(500)
  }
}

async function firstAnswer(services: Service[], req: EmuRequest): Promise<EmuResponse | undefined> {
  for (const service of services) {
    const answer = await service.handle(req)
    if (answer !== undefined) return answer
  }
  return undefined
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function parseBody(req: IncomingMessage, raw: string): unknown {
  if (raw === '') return undefined
  const type = req.headers['content-type'] ?? ''
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw))
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

function write(res: ServerResponse, answer: EmuResponse): void {
  const headers: Record<string, string> = { 'x-ms-request-id': crypto.randomUUID(), ...answer.headers }
  let payload = ''
  if (answer.body !== undefined) {
    payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
    if (!Object.keys(headers).some(h => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = typeof answer.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8'
    }
  }
  headers['content-length'] = String(Buffer.byteLength(payload))
  res.writeHead(answer.status, headers)
  res.end(payload)
}

const FAULT_CODES: Record<number, [string, string]> = {
  429: [
    'TooManyRequests',
    'The request is being throttled as the limit has been reached for operation type. Please retry after the time given in the Retry-After header.'
  ],
  500: ['InternalServerError', 'Encountered internal server error. Please try again.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please try again later.']
}

function faultResponse(status: number, retryAfterSeconds?: number, code?: string, message?: string): EmuResponse {
  const [defaultCode, defaultMessage] = FAULT_CODES[status] ?? ['InjectedFault', `Injected fault ${status}.`]
  const headers: Record<string, string> = {}
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds)
  else if (status === 429) headers['retry-after'] = '0'
  return { status, headers, body: { error: { code: code ?? defaultCode, message: message ?? defaultMessage } } }
}

function notFound(path: string): EmuResponse {
  return { status: 404, body: { error: { code: 'NotFound', message: `The emulator has no route for '${path}'.` } } }
}
