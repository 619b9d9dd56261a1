/**
 * A small HTTP proxy for tests: CONNECT tunnels (HTTPS) and absolute-form requests (plain HTTP), each logged as
 * `host:port`. Every name is "resolved" to `target` (the emulator), as a proxy resolves names for its clients.
 */
import { createServer, request, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'

export interface ConnectProxy {
  url: string
  seen: string[]
  close(): Promise<void>
}

export async function startConnectProxy(target: { host: string; port: number }): Promise<ConnectProxy> {
  const seen: string[] = []
  // Tunnels leave the HTTP server's bookkeeping once established: close() ends them itself.
  const tunnels = new Set<{ destroy(): void }>()
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/')
    seen.push(url.host)
    const upstream = request(
      {
        host: target.host,
        port: target.port,
        method: req.method,
        path: url.pathname + url.search,
        headers: req.headers
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  server.on('connect', (req, client, head) => {
    seen.push(req.url ?? '')
    tunnels.add(client)
    const upstream = connect(target.port, target.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    tunnels.add(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise(resolve => {
        for (const socket of tunnels) socket.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
