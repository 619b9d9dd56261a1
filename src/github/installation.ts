/** Installation tokens: the App JWT traded for a token narrowed to what the caller needs. */
import { CallError } from '../http/errors.js'
import { detail } from '../http/json-client.js'
import { call, enc, targetName, type GitHub, type Target } from './rest.js'

export interface InstallationToken {
  token: string
  expiresAtMs: number
}

/** The body of POST /app/installations/{id}/access_tokens: what the token may do, and where. */
export interface TokenScope {
  permissions: Record<string, 'read' | 'write'>
  repositories?: string[]
}

/** Narrowed to registration only: job steps never see this token, and it could not do more if they did. */
export function registrationScope(target: Target): TokenScope {
  return target.scope === 'org'
    ? { permissions: { organization_self_hosted_runners: 'write' } }
    : { permissions: { administration: 'write' }, repositories: [target.repo] }
}

export async function mintInstallationToken(
  gh: GitHub,
  appJwt: string,
  installationId: string,
  target: Target,
  scope: TokenScope = registrationScope(target)
): Promise<InstallationToken> {
  // A second token is harmless, so a lost answer may be retried.
  const response = await call(gh, 'POST', `/app/installations/${enc(installationId)}/access_tokens`, appJwt, scope, {
    idempotent: true
  })
  const body = response.body as { token?: unknown; expires_at?: unknown } | undefined
  if (response.status === 201 && typeof body?.token === 'string') {
    const expires = Date.parse(String(body.expires_at))
    return { token: body.token, expiresAtMs: Number.isFinite(expires) ? expires : Date.now() + 50 * 60_000 }
  }
  const wanted = Object.entries(scope.permissions)
    .map(([name, level]) => `${name} ${level}`)
    .join(', ')
  const hint =
    response.status === 401
      ? 'the App key in Key Vault does not belong to this App id, or the clock is off: store the current .pem of the App'
      : response.status === 404
        ? `no installation ${installationId} for this App: install the App on the ${targetName(target)} and fix github.app.installationId`
        : response.status === 422 || response.status === 403
          ? `the App installation lacks ${wanted}${scope.repositories ? ` or access to ${target.owner}/${scope.repositories.join(', ')}` : ''}: grant it in the App's settings and accept the new permissions`
          : 'GitHub may be down; the job will be retried by the next execution'
  throw new CallError(
    `installation token failed (HTTP ${response.status}${detail(response.body)}): ${hint}`,
    response.status
  )
}
