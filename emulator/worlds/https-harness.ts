/**
 * A tiny HTTPS server for these tests (the shared emulator mounts the same services): one self-signed cert for
 * 127.0.0.1, its PEM written to a file for the child's NODE_EXTRA_CA_CERTS.
 */
import { writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import type { EmuRequest, Service } from '../http.js'

export interface Harness {
  url: string
  caFile: string
  close(): Promise<void>
}

export async function startHarness(services: Service[], dir: string): Promise<Harness> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' }
        ]
      }
    ]
  })
  const caFile = join(dir, 'ca.pem')
  writeFileSync(caFile, pems.cert)
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const rawBody = Buffer.concat(chunks).toString()
      const url = new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`)
      let body: unknown
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined
      } catch {
        body = undefined
      }
      const request: EmuRequest = { method: req.method ?? 'GET', url, headers: req.headers, body, rawBody }
      for (const service of services) {
        const answer = await service.handle(request)
        if (!answer) continue
        const text =
          answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
        res.end(text)
        return
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no service answers this"}')
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `https://127.0.0.1:${port}`,
    caFile,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
