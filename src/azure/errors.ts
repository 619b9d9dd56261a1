/** Every Azure failure becomes one line a user can act on: what failed, why, and what to do next. */
import { roleForAction } from './roles.js'

/** An error whose message is already the one line to show a user. */
export class AzureError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AzureError'
  }
}

interface ErrorLike {
  message?: string
  code?: string
  statusCode?: number
  cause?: unknown
}

function asErrorLike(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) }
}

export function statusOf(error: unknown): number | undefined {
  return asErrorLike(error).statusCode
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404
}

const CONNECTION_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'REQUEST_SEND_ERROR'
]
const AUTHZ_ACTION = /perform action '([^']+)' over scope '([^']+)'/i
const LINKED_ACTION = /perform action '([^']+)' on the linked scope\(s\) '([^']+)'/i
const LRO_FAILED = /^The long-running operation has failed\.\s*([^.\s]+)\.\s*([\s\S]*)$/

/**
 * One line for `what` (e.g. "write job caj-studio") failing with `error`.
 * `endpoint` names the host in connection errors.
 */
export function describeAzureError(error: unknown, what: string, endpoint?: string): string {
  if (error instanceof AzureError) return error.message
  const e = asErrorLike(error)
  const message = oneLine(e.message ?? '')

  const authz = AUTHZ_ACTION.exec(message) ?? LINKED_ACTION.exec(message)
  if (e.statusCode === 403 || authz) {
    if (authz) {
      const [, action, scope] = authz
      return `Cannot ${what}: the signed-in identity lacks '${action}' on ${scope}. Grant it the "${roleForAction(action)}" role on that scope (or a parent), then rerun.`
    }
    return `Cannot ${what}: Azure refused access (${e.code ?? 'Forbidden'}): ${message}`
  }
  if (e.statusCode === 401) {
    return `Cannot ${what}: Azure rejected the sign-in token (${e.code ?? 'Unauthorized'}): check the tenant, client id and federated credential.`
  }
  if (e.statusCode === 429) {
    return `Cannot ${what}: Azure kept throttling it past the wait deadline (${e.code ?? 'TooManyRequests'}): ${message} Rerun later, or spread the teams over more subscriptions (each has its own read budget).`
  }
  const lro = LRO_FAILED.exec(message)
  if (lro) return `Cannot ${what}: Azure reported ${lro[1]}: ${lro[2].trim() || 'no details'}`
  const connection = connectionCode(error)
  if (connection) {
    return `Cannot ${what}: could not reach ${endpoint ?? 'Azure Resource Manager'} (${connection}); check the network and the ARM endpoint setting, then rerun.`
  }
  // ARM's own code says more than the HTTP status (and a failed Location-mode poll arrives as a plain 4xx).
  if (e.statusCode && e.code) return `Cannot ${what}: Azure reported ${e.code}: ${message}`
  if (e.statusCode) return `Cannot ${what}: HTTP ${e.statusCode}: ${message}`
  if (/AADSTS|CredentialUnavailable|AuthenticationError/i.test(`${(error as Error)?.name} ${message}`)) {
    return `Cannot ${what}: Azure sign-in failed: ${message}`
  }
  return `Cannot ${what}: ${message || 'unknown error'}`
}

function connectionCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current; depth++) {
    const e = asErrorLike(current)
    if (e.code && CONNECTION_CODES.includes(e.code)) return e.code
    const inMessage = CONNECTION_CODES.find(code => e.message?.includes(code))
    if (inMessage) return inMessage
    if (/socket hang up|other side closed|fetch failed/i.test(e.message ?? '')) return 'connection dropped'
    current = e.cause
  }
  return undefined
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

const KEY_VAULT_ACCESS = /unable to get value using managed identity|unable to fetch secret/i

/** ARM's refusal of a job whose Key Vault secret reference the identity cannot read yet (InvalidParameterValueInContainerTemplate). */
export function isKeyVaultAccessError(error: unknown): boolean {
  return KEY_VAULT_ACCESS.test(asErrorLike(error).message ?? '')
}

/**
 * Azure's answers that mean "another operation still runs here, try again": NRP refuses a second write on a VNet
 * (409 AnotherOperationInProgress, 400 ReferencedResourceNotProvisioned, as in hashicorp/terraform-provider-azurerm#2605
 * and pulumi/pulumi-azure-native#4340), RetryableError, a 409 Conflict naming an operation in progress, and 429.
 */
const TRANSIENT_CODES = new Set(['anotheroperationinprogress', 'referencedresourcenotprovisioned', 'retryableerror'])

export interface TransientAnswer {
  code: string
  /** From the answer's Retry-After (integer seconds or an HTTP date), when it sent one. */
  retryAfterMs?: number
}

export function transientAnswer(error: unknown, now = Date.now()): TransientAnswer | undefined {
  const e = asErrorLike(error)
  const message = e.message ?? ''
  const code = e.code ?? LRO_FAILED.exec(message)?.[1] ?? ''
  const transient =
    TRANSIENT_CODES.has(code.toLowerCase()) ||
    e.statusCode === 429 ||
    (e.statusCode === 409 && /in progress/i.test(message))
  if (!transient) return undefined
  const header = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers
  const retryAfter = header?.get?.('retry-after')
  const retryAfterMs = parseRetryAfter(retryAfter, now)
  return retryAfterMs === undefined
    ? { code: code || `HTTP ${e.statusCode}` }
    : { code: code || `HTTP ${e.statusCode}`, retryAfterMs }
}

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined
}

const LAST_OPERATION = /the last operation that updated\/is updating the resource is (\w+)/i
const STATUS_URI = /status of the operation use uri: (\S+?)\.?$/i

/**
 * The operation still running that a transient refusal names: NRP's ReferencedResourceNotProvisioned names the last
 * operation on the VNet ("... is DeleteVirtualNetworkLinkOperation"), AnotherOperationInProgress the status URI of the
 * running one. Such a refusal is not a race to retry into: that operation will end on Azure's schedule.
 */
export function inFlightOperation(error: unknown): string | undefined {
  if (!transientAnswer(error)) return undefined
  const message = oneLine(asErrorLike(error).message ?? '')
  const named = LAST_OPERATION.exec(message)?.[1]
  if (named) return named
  const uri = STATUS_URI.exec(message)?.[1]
  return uri && `the operation at ${uri}`
}
