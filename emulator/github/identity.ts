/**
 * The Container Apps managed identity endpoint (`IDENTITY_ENDPOINT`, api-version 2019-08-01): tokens only for
 * callers that present `X-IDENTITY-HEADER`, and only for identities assigned to the app.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { EmuRequest, EmuResponse } from '../http.js'

export interface IdentityToken {
  clientId: string
  principalId: string
  resource: string
  expiresAtMs: number
}

export class ManagedIdentities {
  /** The secret header value Container Apps injects as IDENTITY_HEADER. */
  readonly header = randomBytes(16).toString('hex')
  readonly identities = new Map<string, { principalId: string }>()
  readonly tokens = new Map<string, IdentityToken>()

  constructor(readonly now: () => number = Date.now) {}

  assign(clientId: string = randomUUID()): { clientId: string; principalId: string } {
    const principalId = randomUUID()
    this.identities.set(clientId, { principalId })
    return { clientId, principalId }
  }

  /** The identity behind a bearer token for `resource`, if it is valid. */
  check(token: string | undefined, resource: string): IdentityToken | undefined {
    const found = token ? this.tokens.get(token) : undefined
    return found && found.expiresAtMs > this.now() && found.resource.replace(/\/$/, '') === resource ? found : undefined
  }
}

const bad = (status: number, error: string, description: string): EmuResponse => ({
  status,
  body: { error, error_description: description }
})

export function handleIdentity(identities: ManagedIdentities, req: EmuRequest): EmuResponse {
  if (req.method !== 'GET') return bad(405, 'invalid_request', 'Only GET is supported.')
  if (req.headers['x-identity-header'] !== identities.header)
    return bad(401, 'invalid_request', 'The X-IDENTITY-HEADER header is missing or does not match.')
  const query = req.url.searchParams
  if (query.get('api-version') !== '2019-08-01') return bad(400, 'invalid_request', 'api-version must be 2019-08-01.')
  const resource = query.get('resource')
  if (!resource) return bad(400, 'invalid_request', 'The resource parameter is required.')
  const clientId = query.get('client_id') ?? [...identities.identities.keys()][0]
  const identity = clientId ? identities.identities.get(clientId) : undefined
  if (!clientId || !identity)
    return bad(400, 'invalid_request', `No user-assigned identity with client id ${clientId} is assigned to this app.`)
  const token = `mi_${randomBytes(24).toString('hex')}`
  const expiresAtMs = identities.now() + 24 * 3600_000
  identities.tokens.set(token, {
    clientId,
    principalId: identity.principalId,
    resource: resource.replace(/\/$/, ''),
    expiresAtMs
  })
  return {
    status: 200,
    body: {
      access_token: token,
      expires_on: String(Math.floor(expiresAtMs / 1000)),
      resource,
      token_type: 'Bearer',
      client_id: clientId
    }
  }
}
