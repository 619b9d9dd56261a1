/**
 * verify acting as the team's GitHub App: the App key read from Key Vault with the signed-in Azure identity (only
 * when Key Vault lets it), then App JWTs on demand. The JIT, blast-radius and budget checks build on it.
 */
import type { TokenCredential } from '@azure/core-auth'
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import { createAppJwt } from '../github/app-jwt.js'
import { CallError, oneLine } from '../http/errors.js'
import type { HttpClient } from '../http/json-client.js'
import { KEY_VAULT_RESOURCE, readKeyVaultSecret } from '../http/key-vault.js'
import type { GitHub, Target } from '../github/rest.js'
import { teamTargets } from '../github/targets.js'

export interface AppAccess {
  gh: GitHub
  target: Target
  installationId: string
  /** A fresh App JWT (valid 9 minutes). */
  jwt(): string
}

export interface AppAccessDeps {
  gh: GitHub
  /** Key Vault reads. */
  http: HttpClient
  credential: TokenCredential
  /** Read `https://<vault>.vault.azure.net/...` at `<endpoint>/<vault>/...` instead (the key-vault-endpoint setting). */
  keyVaultEndpoint?: string
  now: () => number
}

/** Why the App could not be acted as: `warn` when the signed-in identity may not read the key, `fail` otherwise. */
export interface NoAppAccess {
  status: 'warn' | 'fail'
  why: string
}

export async function openAppAccess(config: TeamConfig, deps: AppAccessDeps): Promise<AppAccess | NoAppAccess> {
  const grant = `grant the signed-in identity "Key Vault Secrets User" on ${teamLayout(config).keySecretScope}`
  let token: string
  try {
    const access = await deps.credential.getToken(`${KEY_VAULT_RESOURCE}/.default`)
    if (!access) return { status: 'warn', why: `no Key Vault token for the signed-in identity; ${grant}` }
    token = access.token
  } catch (error) {
    return { status: 'warn', why: `no Key Vault token for the signed-in identity (${oneLine(error)}); ${grant}` }
  }
  let pem: string
  try {
    pem = await readKeyVaultSecret(
      deps.http,
      keyVaultUrl(config.github.app.privateKeySecretUri, deps.keyVaultEndpoint),
      token
    )
  } catch (error) {
    const status = error instanceof CallError ? error.status : undefined
    if (status === 401 || status === 403)
      return { status: 'warn', why: `Key Vault refused to give it the App key (HTTP ${status}); ${grant}` }
    return { status: 'fail', why: oneLine(error) }
  }
  const appId = String(config.github.app.id)
  return {
    gh: deps.gh,
    // One target is enough to act as the App: at repo scope, the first repository's.
    target: teamTargets(config)[0]!,
    installationId: String(config.github.app.installationId),
    jwt: () => createAppJwt(appId, pem, Math.floor(deps.now() / 1000))
  }
}

export function hasAccess(access: AppAccess | NoAppAccess): access is AppAccess {
  return 'jwt' in access
}

/** The secret's URL, or its emulated stand-in under `endpoint`. */
export function keyVaultUrl(secretUri: string, endpoint?: string): string {
  if (!endpoint) return secretUri
  const uri = new URL(secretUri)
  const vault = uri.hostname.split('.')[0]
  return `${endpoint.replace(/\/+$/, '')}/${vault}${uri.pathname}`
}
