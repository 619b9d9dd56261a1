/**
 * Key Vault secrets (`GET /keyvault/{vault}/secrets/{name}[/{version}]?api-version=7.4`), readable with a managed
 * identity token for https://vault.azure.net whose identity holds a grant on the secret (RBAC "Key Vault Secrets User"),
 * or with an Entra token for that resource (a signed-in app, as verify reads the App key) when `signedIn` knows it.
 */
import { randomBytes } from 'node:crypto'
import type { EmuRequest, EmuResponse } from '../http.js'
import type { ManagedIdentities } from './identity.js'

export const KEY_VAULT_PATH = /^\/keyvault\/([^/]+)\/secrets\/([^/]+)(?:\/([^/]+))?\/?$/

interface SecretVersion {
  version: string
  value: string
  createdSeconds: number
}

const kvError = (status: number, code: string, message: string, inner?: string): EmuResponse => ({
  status,
  body: { error: { code, message, ...(inner ? { innererror: { code: inner } } : {}) } }
})

/** The principal an Entra access token for `resource` was issued to, if the emulator's Entra issued it. */
export type SignedIn = (token: string, resource: string) => { clientId: string; objectId: string } | undefined

export class KeyVaults {
  private secrets = new Map<string, SecretVersion[]>()
  private grants = new Set<string>()

  constructor(readonly now: () => number = Date.now) {}

  /** Adds a version (random id unless given) and makes it current; returns the version id. */
  setSecret(vault: string, name: string, value: string, version = randomBytes(16).toString('hex')): string {
    const id = `${vault}/${name}`.toLowerCase()
    this.secrets.set(id, [
      ...(this.secrets.get(id) ?? []),
      { version, value, createdSeconds: Math.floor(this.now() / 1000) }
    ])
    return version
  }

  /** Key Vault Secrets User for this identity (by principal id) on one secret. */
  grant(principalId: string, vault: string, name: string): void {
    this.grants.add(`${principalId} ${vault}/${name}`.toLowerCase())
  }

  revoke(principalId: string, vault: string, name: string): void {
    this.grants.delete(`${principalId} ${vault}/${name}`.toLowerCase())
  }

  handle(identities: ManagedIdentities, req: EmuRequest, signedIn?: SignedIn): EmuResponse {
    const [, vault, name, version] = KEY_VAULT_PATH.exec(req.url.pathname) ?? []
    if (!vault || !name) return kvError(404, 'NotFound', 'The requested resource was not found.')
    if (req.method !== 'GET') return kvError(405, 'MethodNotAllowed', 'Only GET is emulated.')
    if (!req.url.searchParams.get('api-version'))
      return kvError(400, 'BadParameter', 'The api-version query parameter is required.')
    const auth = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]
    if (!auth) {
      return {
        ...kvError(401, 'Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.'),
        headers: {
          'www-authenticate':
            'Bearer authorization="https://login.microsoftonline.com/common", resource="https://vault.azure.net"'
        }
      }
    }
    const entra = signedIn?.(auth, 'https://vault.azure.net')
    const caller =
      identities.check(auth, 'https://vault.azure.net') ??
      (entra ? { clientId: entra.clientId, principalId: entra.objectId } : undefined)
    if (!caller) return kvError(401, 'Unauthorized', 'AKV10022: Invalid audience or expired token.')
    if (!this.grants.has(`${caller.principalId} ${vault}/${name}`.toLowerCase())) {
      return kvError(
        403,
        'Forbidden',
        `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid=${caller.clientId};oid=${caller.principalId}\r\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\nResource: '${vault}/secrets/${name}'\r\nAssignment: (not found)`,
        'ForbiddenByRbac'
      )
    }
    const versions = this.secrets.get(`${vault}/${name}`.toLowerCase()) ?? []
    const found = version ? versions.find(v => v.version === version) : versions.at(-1)
    if (!found)
      return kvError(
        404,
        'SecretNotFound',
        `A secret with (name/id) ${name}${version ? `/${version}` : ''} was not found in this key vault.`
      )
    return {
      status: 200,
      body: {
        value: found.value,
        id: `${req.url.origin}/keyvault/${vault}/secrets/${name}/${found.version}`,
        attributes: {
          enabled: true,
          created: found.createdSeconds,
          updated: found.createdSeconds,
          recoveryLevel: 'Recoverable+Purgeable'
        },
        tags: {}
      }
    }
  }
}
