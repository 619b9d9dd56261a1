/** Opaque bearer tokens that Entra issues and ARM accepts. */
import { randomBytes } from 'node:crypto'
import { armError, type ArmError } from './arm/errors.js'
import type { Caller } from './arm/rbac.js'

interface Issued extends Caller {
  expiresAt: number
  /** The resource of the `/.default` scope it was issued for (`https://vault.azure.net`, ARM's, ...). */
  resource?: string
}

export class TokenBook {
  private readonly tokens = new Map<string, Issued>()

  issue(caller: Caller, lifetimeSeconds: number, resource?: string): string {
    const token = randomBytes(32).toString('base64url')
    this.tokens.set(token, { ...caller, expiresAt: Date.now() + lifetimeSeconds * 1000, resource })
    return token
  }

  /** The caller of a live token issued for `resource` (a data plane such as Key Vault checks the audience). */
  callerFor(token: string, resource: string): Caller | undefined {
    const issued = this.tokens.get(token)
    const audience = issued?.resource?.replace(/\/+$/, '')
    if (issued === undefined || issued.expiresAt <= Date.now() || audience !== resource) return undefined
    return { clientId: issued.clientId, objectId: issued.objectId }
  }

  /** The caller for an `Authorization` header, or ARM's 401 error. */
  check(authorization: string | undefined): Caller | ArmError {
    if (authorization === undefined)
      return armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.")
    const match = /^Bearer\s+(\S+)$/i.exec(authorization)
    if (match === null)
      return armError(
        401,
        'AuthenticationFailed',
        "Authentication failed. The 'Authorization' header is provided in an invalid format."
      )
    const issued = this.tokens.get(match[1]!)
    if (issued === undefined) return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.')
    if (issued.expiresAt <= Date.now()) {
      return armError(
        401,
        'ExpiredAuthenticationToken',
        'The access token expiry UTC time is earlier than current UTC time.'
      )
    }
    return { clientId: issued.clientId, objectId: issued.objectId }
  }
}
