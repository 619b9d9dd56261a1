/**
 * Run as a child by proxy.test.ts, with HTTPS_PROXY set and NODE_EXTRA_CA_CERTS trusting the emulator: one
 * request of each kind the doors make, printed as `name status` lines.
 * argv: emulator port, an ARM token.
 */
import { createClients } from '../../src/azure/clients.js'
import { createCoreGitHub } from '../../src/github/core-client.js'
import { createHttpClient, DEFAULT_RETRY } from '../../src/http/json-client.js'
import { getManagedIdentityToken } from '../../src/http/key-vault.js'
import { useProxyFromEnv } from '../../src/http/proxy.js'
import { call } from '../../src/github/rest.js'
import { actionsGitHub } from '../../src/github/client.js'

const [port, armToken] = process.argv.slice(2)
const identity = `https://localhost:${port}/msi/token`
useProxyFromEnv(process.env, [identity])

const out = (name: string, status: unknown): void => void process.stdout.write(`${name} ${String(status)}\n`)
const named = (host: string): string => `https://${host}.emulator.test:${port}`

out('github-action', (await call(actionsGitHub()(`${named('github')}/api/v3`), 'GET', '/rate_limit', 'x')).status)
out('github-runner', (await call(createCoreGitHub(`${named('ghes')}/api/v3`), 'GET', '/rate_limit', 'x')).status)
const clients = createClients({
  credential: { getToken: async () => ({ token: armToken!, expiresOnTimestamp: Date.now() + 3_600_000 }) },
  endpoint: named('management'),
  retryOptions: { maxRetries: 0 }
})
const groups = []
for await (const group of clients.resources('00000000-0000-0000-0000-000000000001').resourceGroups.list())
  groups.push(group)
out('arm', groups.length)
const http = createHttpClient({ ...DEFAULT_RETRY, maxAttempts: 1 })
const token = await getManagedIdentityToken(
  http,
  { endpoint: identity, header: 'wrong', clientId: 'none' },
  'https://vault.azure.net'
).catch((error: Error) => /HTTP (\d+)/.exec(error.message)?.[1])
out('identity', token)
const loopback = `https://127.0.0.1:${port}/api/v3`
out('loopback-action', (await call(actionsGitHub()(loopback), 'GET', '/rate_limit', 'x')).status)
out('loopback-runner', (await call(createCoreGitHub(loopback), 'GET', '/rate_limit', 'x')).status)
