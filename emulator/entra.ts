/**
 * Entra ID (v2 endpoints) for one tenant and one app with a federated credential for GitHub:
 * OpenID configuration, and client_credentials with a client assertion from the emulated
 * Actions ID-token issuer. Errors look like Entra's (`error`, `error_description: 'AADSTS…'`).
 */
import type { KeyObject } from 'node:crypto'
import type { EmuResponse, Service } from './http.js'
import { verifyJwt } from './jwt.js'
import type { TokenBook } from './tokens.js'

export const FEDERATED_AUDIENCE = 'api://AzureADTokenExchange'
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
export const TOKEN_LIFETIME_SECONDS = 3599

export interface EntraConfig {
  origin: string
  tenantId: string
  clientId: string
  /** Object id of the app's service principal, named in ARM's 403 messages. */
  objectId: string
  /** Who may sign assertions (the emulated GitHub issuer). */
  assertionIssuer: string
  assertionKey: KeyObject
  tokens: TokenBook
  /** A user-assigned managed identity by client id, with its federated credentials (read from ARM's store). */
  managedIdentity?: (clientId: string) => FederatedIdentity | undefined
}

export interface FederatedIdentity {
  principalId: string
  credentials: { issuer: string; subject: string; audiences: string[] }[]
}

function entraError(status: number, error: string, code: number, description: string): EmuResponse {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${crypto.randomUUID()}\r\nCorrelation ID: ${crypto.randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: crypto.randomUUID(),
      correlation_id: crypto.randomUUID(),
      error_uri: `https://login.microsoftonline.com/error?code=${code}`
    }
  }
}

export function createEntra(config: EntraConfig): Service {
  const { origin, tenantId, clientId } = config
  const openIdConfiguration = (tenant: string): EmuResponse => ({
    status: 200,
    body: {
      token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${origin}/${tenant}/v2.0`,
      authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com'
    }
  })

  function token(tenant: string, form: Record<string, string>): EmuResponse {
    if (tenant.toLowerCase() !== tenantId.toLowerCase()) {
      return entraError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`
      )
    }
    if (form.grant_type !== 'client_credentials')
      return entraError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`
      )
    const identity = form.client_id === clientId ? undefined : config.managedIdentity?.(form.client_id ?? '')
    if (form.client_id !== clientId && identity === undefined) {
      return entraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.client_id ?? ''}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant.`
      )
    }
    if (typeof form.scope !== 'string' || !form.scope.split(' ').some(s => s.endsWith('/.default'))) {
      return entraError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${form.scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`
      )
    }
    if (form.client_assertion_type !== JWT_BEARER || typeof form.client_assertion !== 'string') {
      return entraError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
      )
    }
    const refusal =
      checkAssertion(form.client_assertion) ?? (identity && checkFederated(form.client_assertion, identity))
    if (refusal) return refusal
    const caller = identity
      ? { clientId: form.client_id!, objectId: identity.principalId }
      : { clientId, objectId: config.objectId }
    const resource = form.scope
      .split(' ')
      .find(s => s.endsWith('/.default'))!
      .replace(/\/\.default$/, '')
    const access = config.tokens.issue(caller, TOKEN_LIFETIME_SECONDS, resource)
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: TOKEN_LIFETIME_SECONDS,
        ext_expires_in: TOKEN_LIFETIME_SECONDS,
        access_token: access
      }
    }
  }

  function checkAssertion(assertion: string): EmuResponse | undefined {
    const claims = verifyJwt(assertion, config.assertionKey)
    if (claims === undefined) return entraError(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.')
    if (claims.iss !== config.assertionIssuer) {
      return entraError(
        400,
        'invalid_request',
        700211,
        `No matching federated identity record found for presented assertion issuer '${String(claims.iss)}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`
      )
    }
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!audiences.includes(FEDERATED_AUDIENCE)) {
      return entraError(
        400,
        'invalid_request',
        700212,
        `No matching federated identity record found for presented assertion audience '${String(claims.aud)}'. Please note that the matching is done using a case-sensitive comparison.`
      )
    }
    if (typeof claims.sub !== 'string' || !claims.sub.startsWith('repo:')) {
      return entraError(
        400,
        'invalid_request',
        700213,
        `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'. Please note that the matching is done using a case-sensitive comparison.`
      )
    }
    const now = Math.floor(Date.now() / 1000)
    const exp = typeof claims.exp === 'number' ? claims.exp : 0
    const nbf = typeof claims.nbf === 'number' ? claims.nbf : 0
    if (exp <= now || nbf > now + 300) {
      const iso = (s: number): string => new Date(s * 1000).toISOString()
      return entraError(
        400,
        'invalid_client',
        700024,
        `Client assertion is not within its valid time range. Current time: ${iso(now)}, assertion valid from ${iso(nbf)}, expiry time of assertion ${iso(exp)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`
      )
    }
    return undefined
  }

  /**
   * A managed identity trusts only its own federated credentials: issuer, subject and audience must each match one
   * exactly, case-sensitively (Microsoft Learn, "Workload identity federation": AADSTS70021 otherwise).
   */
  function checkFederated(assertion: string, identity: FederatedIdentity): EmuResponse | undefined {
    const claims = verifyJwt(assertion, config.assertionKey)!
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    const match = identity.credentials.some(
      c => c.issuer === claims.iss && c.subject === claims.sub && c.audiences.some(a => audiences.includes(a))
    )
    if (match) return undefined
    return entraError(
      400,
      'invalid_request',
      70021,
      `No matching federated identity record found for presented assertion. Assertion Issuer: '${String(claims.iss)}'. Assertion Subject: '${String(claims.sub)}'. Assertion Audience: '${audiences.join(',')}'.`
    )
  }

  return {
    name: 'entra',
    handle(req) {
      const config = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.url.pathname)
      if (config !== null && req.method === 'GET') return openIdConfiguration(config[1]!)
      const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(req.url.pathname)
      if (tokenPath !== null && req.method === 'POST') {
        const form = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, string>) : {}
        return token(tokenPath[1]!, form)
      }
      return undefined
    }
  }
}
