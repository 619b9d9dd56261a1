import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { AccessToken, TokenCredential } from '@azure/core-auth'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { armFailure, clients, credentialFor, LOCATION, RG, SUB } from './support.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ lroPolls: 1 }) // the logged exchange: each operation ends at its first poll
  emulator.admin.seedResourceGroup(SUB, RG, LOCATION)
})
afterAll(async () => emulator.close())

const staticCredential = (token: string): TokenCredential => ({
  getToken: async (): Promise<AccessToken> => ({ token, expiresOnTimestamp: Date.now() + 3600_000 })
})

describe('Entra sign-in with a federated GitHub token', () => {
  it('signs in with the real ClientAssertionCredential and logs the whole exchange', async () => {
    emulator.clearRequests()
    const c = clients(emulator)
    await c.network.virtualNetworks.createOrUpdate(RG, 'vnet-auth', {
      location: LOCATION,
      addressSpace: { addressPrefixes: ['10.1.0.0/24'] }
    })
    const log = emulator.requests()
    const paths = log.map(r => `${r.method} ${r.path}`)
    const vnet = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/vnet-auth`
    // MSAL calls the assertion callback twice per token acquisition (once for its config, once for the request).
    expect(paths.map(p => p.replace(/operationStatuses\/[0-9a-f-]+$/, 'operationStatuses/ID'))).toEqual([
      'GET /_actions/idtoken',
      `GET /${emulator.tenantId}/v2.0/.well-known/openid-configuration`,
      'GET /_actions/idtoken',
      `POST /${emulator.tenantId}/oauth2/v2.0/token`,
      `PUT ${vnet}`,
      `GET /subscriptions/${SUB}/providers/Microsoft.Network/locations/norwayeast/operationStatuses/ID`,
      `GET ${vnet}`
    ])
    expect(log.every(r => r.status < 300 && r.durationMs >= 0 && r.startedAt > 0)).toBe(true)
  })

  it('refuses an expired assertion with AADSTS700024', async () => {
    const expired = emulator.admin.mintIdToken({ exp: Math.floor(Date.now() / 1000) - 60 })
    const c = clients(
      emulator,
      credentialFor(emulator, async () => expired)
    )
    const failure = await armFailure(c.network.virtualNetworks.get(RG, 'vnet-auth'))
    expect(failure.message).toContain('AADSTS700024')
  })

  it('refuses an assertion for another audience with AADSTS700212', async () => {
    const wrongAudience = emulator.admin.mintIdToken({}, 'https://github.com/altinn')
    const c = clients(
      emulator,
      credentialFor(emulator, async () => wrongAudience)
    )
    const failure = await armFailure(c.network.virtualNetworks.get(RG, 'vnet-auth'))
    expect(failure.message).toContain('AADSTS700212')
  })

  it('refuses an assertion whose signature does not verify', async () => {
    const token = emulator.admin.mintIdToken()
    const [header, payload] = token.split('.')
    const forged = `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`
    const c = clients(
      emulator,
      credentialFor(emulator, async () => forged)
    )
    const failure = await armFailure(c.network.virtualNetworks.get(RG, 'vnet-auth'))
    expect(failure.message).toContain('AADSTS50027')
  })

  it('answers 401 InvalidAuthenticationToken for a token Entra never issued', async () => {
    const c = clients(emulator, staticCredential('made-up'))
    const failure = await armFailure(c.network.virtualNetworks.get(RG, 'vnet-auth'))
    expect(failure.statusCode).toBe(401)
    expect(failure.code).toBe('InvalidAuthenticationToken')
  })

  it('accepts a static admin token for in-process tests', async () => {
    const c = clients(emulator, staticCredential(emulator.admin.issueToken()))
    expect((await c.network.virtualNetworks.get(RG, 'vnet-auth')).name).toBe('vnet-auth')
  })
})
