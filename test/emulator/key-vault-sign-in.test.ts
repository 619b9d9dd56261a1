/**
 * The Key Vault double read by a signed-in app (as verify reads the App key): an Entra token from the real
 * ClientAssertionCredential for https://vault.azure.net, and a grant on the secret. A token for ARM is refused
 * (Key Vault checks the audience: AKV10022), as is a principal without a grant (403 ForbiddenByRbac).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { request } from 'node:https'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { createGitHubServices, type GitHubAdmin } from '../../emulator/github/index.js'
import { credentialFor } from './support.js'

let emulator: Emulator
let github: GitHubAdmin

beforeAll(async () => {
  emulator = await startEmulator()
  const services = createGitHubServices({ signedIn: emulator.signedIn })
  for (const service of services.services) emulator.addService(service)
  github = services.admin
  github.keyVaults.setSecret('kv-team', 'gh-app-key', 'PEM')
})
afterAll(async () => emulator.close())

function readSecret(
  token: string
): Promise<{ status: number; body: { value?: string; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    request(
      `${emulator.url}/keyvault/kv-team/secrets/gh-app-key?api-version=7.4`,
      { ca: emulator.caPem, headers: { authorization: `Bearer ${token}` } },
      res => {
        let data = ''
        res.on('data', (c: Buffer) => (data += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(data) }))
      }
    )
      .on('error', reject)
      .end()
  })
}

describe('Key Vault read by a signed-in app', () => {
  it('refuses it without a grant on the secret, then serves it with one', async () => {
    const token = (await credentialFor(emulator).getToken('https://vault.azure.net/.default'))!.token
    const refused = await readSecret(token)
    expect(refused.status).toBe(403)
    expect(refused.body.error?.message).toContain(`oid=${emulator.principalObjectId}`)

    github.keyVaults.grant(emulator.principalObjectId, 'kv-team', 'gh-app-key')
    expect(await readSecret(token)).toMatchObject({ status: 200, body: { value: 'PEM' } })
  })

  it('refuses a token issued for ARM (another audience)', async () => {
    github.keyVaults.grant(emulator.principalObjectId, 'kv-team', 'gh-app-key')
    const arm = (await credentialFor(emulator).getToken(`${emulator.url}/.default`))!.token
    const refused = await readSecret(arm)
    expect(refused.status).toBe(401)
    expect(refused.body.error?.message).toContain('AKV10022')
  })
})
