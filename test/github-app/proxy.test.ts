/**
 * HTTPS_PROXY honoured alike by GitHub (both Octokits) and Azure (the ARM SDK), and never used for the managed
 * identity endpoint or loopback whatever NO_PROXY says: a child process with HTTPS_PROXY set talks to the emulator
 * by non-loopback names, through a small CONNECT proxy that logs every host it is asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { isPrivateAddress, noProxyList } from '../../src/http/proxy.js'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { createGitHubServices } from '../../emulator/github/index.js'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'

let emulator: Emulator
let proxy: ConnectProxy
let port: string

beforeAll(async () => {
  emulator = await startEmulator()
  const github = createGitHubServices({ basePaths: ['/api/v3'] })
  for (const service of github.services) emulator.addService(service)
  port = new URL(emulator.url).port
  proxy = await startConnectProxy({ host: '127.0.0.1', port: Number(port) })
})
afterAll(async () => {
  await proxy.close()
  await emulator.close()
})

describe('with HTTPS_PROXY set', () => {
  it('GitHub and ARM go through the proxy; the identity endpoint and loopback never do, even with NO_PROXY empty', async () => {
    const child = await run(['--import', 'tsx', 'test/github-app/proxy-child.ts', port, emulator.admin.issueToken()], {
      PATH: process.env.PATH,
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: '',
      NODE_EXTRA_CA_CERTS: emulator.caPath
    })
    expect(child.stderr).toBe('')
    // Answers prove each request arrived: a refused token, an empty subscription, a refused identity header.
    expect(child.stdout.trim().split('\n')).toEqual([
      'github-action 401',
      'github-runner 401',
      'arm 0',
      expect.stringMatching(/^identity 4\d\d$/),
      'loopback-action 401',
      'loopback-runner 401'
    ])
    expect(proxy.seen).toEqual([
      `github.emulator.test:${port}`,
      `ghes.emulator.test:${port}`,
      `management.emulator.test:${port}`
    ])
  })
})

/** The emulator and proxy live in this process, so the child must not block it (no spawnSync). */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise(resolve => child.on('close', () => resolve({ stdout, stderr })))
}

describe('the never-proxied list', () => {
  it("adds loopback, the metadata endpoint and the caller's hosts to NO_PROXY, once each", () => {
    expect(noProxyList(' .corp.example, localhost ', ['http://localhost:42356/msi/token', 'kv.vault.azure.net'])).toBe(
      '.corp.example,localhost,127.0.0.1,::1,[::1],169.254.169.254,kv.vault.azure.net'
    )
  })

  it('knows a private endpoint address', () => {
    for (const address of ['10.1.2.3', '172.16.0.4', '172.31.255.1', '192.168.0.9', '100.64.0.1', 'fd00::5'])
      expect([address, isPrivateAddress(address)]).toEqual([address, true])
    for (const address of ['20.1.2.3', '172.32.0.1', '8.8.8.8', '2603:1030::1'])
      expect([address, isPrivateAddress(address)]).toEqual([address, false])
  })
})
