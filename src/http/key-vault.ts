/**
 * One Key Vault secret read, with a token from the Container Apps managed identity endpoint (the runner) or from
 * the caller's own Azure sign-in (verify).
 */
import { CallError } from './errors.js'
import { detail, type HttpClient } from './json-client.js'

export const KEY_VAULT_RESOURCE = 'https://vault.azure.net'

export interface IdentityEndpoint {
  endpoint: string
  header: string
  clientId: string
}

export async function getManagedIdentityToken(
  http: HttpClient,
  identity: IdentityEndpoint,
  resource: string
): Promise<string> {
  const url = new URL(identity.endpoint)
  // Container Apps gives http://localhost:<port>/...: the loopback address it means, never a name lookup, which may
  // answer ::1 first, where any unprivileged process of the container can listen on the same port.
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1'
  url.searchParams.set('resource', resource)
  url.searchParams.set('api-version', '2019-08-01')
  url.searchParams.set('client_id', identity.clientId)
  const response = await http({ method: 'GET', url: url.href, headers: { 'x-identity-header': identity.header } })
  const token = (response.body as { access_token?: unknown } | undefined)?.access_token
  if (response.status !== 200 || typeof token !== 'string') {
    throw new CallError(
      `managed identity token failed (HTTP ${response.status}${detail(response.body)}): check that the identity with client id ${identity.clientId} is assigned to the Container Apps job (re-run apply)`
    )
  }
  return token
}

export async function readKeyVaultSecret(http: HttpClient, secretUri: string, token: string): Promise<string> {
  const url = new URL(secretUri)
  url.searchParams.set('api-version', '7.4')
  const response = await http({ method: 'GET', url: url.href, headers: { authorization: `Bearer ${token}` } })
  const value = (response.body as { value?: unknown } | undefined)?.value
  if (response.status === 200 && typeof value === 'string' && value !== '') return value
  const where = `${url.origin}${url.pathname}`
  if (response.status === 401 || response.status === 403) {
    throw new CallError(
      `Key Vault refused to read ${where} (HTTP ${response.status}${detail(response.body)}): grant the job's identity "Key Vault Secrets User" on that secret (apply does this; a new grant takes a few minutes)`,
      response.status
    )
  }
  if (response.status === 404)
    throw new CallError(
      `Key Vault has no secret ${where}: store the GitHub App private key there or fix github.app.privateKeySecretUri`,
      404
    )
  throw new CallError(
    `reading ${where} from Key Vault failed (HTTP ${response.status}${detail(response.body)})`,
    response.status
  )
}
