/**
 * The Actions ID-token endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL`/`_TOKEN`): answers `{ value: <JWT> }`
 * signed by the emulator's GitHub issuer key, for the audience in the query.
 */
import { randomBytes } from 'node:crypto'
import type { EmuResponse, Service } from './http.js'
import { signJwt, type JwtClaims, type RsaKeys } from './jwt.js'

export const ID_TOKEN_PATH = '/_actions/idtoken'
export const DEFAULT_SUBJECT = 'repo:altinn/platform:environment:prod'

export interface ActionsOidc {
  service: Service
  issuer: string
  requestUrl: string
  requestToken: string
  /** Mints an ID token; tests override claims to make expired or wrong-audience tokens. */
  mint(audience: string, overrides?: JwtClaims): string
  /** Another request token whose ID tokens carry these claims: a job of another repository or environment. */
  requestTokenFor(claims: JwtClaims): string
}

export function createActionsOidc(origin: string, keys: RsaKeys): ActionsOidc {
  const issuer = `${origin}/_actions`
  const requestToken = randomBytes(24).toString('base64url')
  const others = new Map<string, JwtClaims>()
  const mint = (audience: string, overrides: JwtClaims = {}): string => {
    const now = Math.floor(Date.now() / 1000)
    return signJwt(
      {
        jti: crypto.randomUUID(),
        sub: DEFAULT_SUBJECT,
        aud: audience,
        iss: issuer,
        iat: now,
        nbf: now - 5,
        exp: now + 300,
        repository: 'altinn/platform',
        repository_owner: 'altinn',
        environment: 'prod',
        ref: 'refs/heads/main',
        ...overrides
      },
      keys
    )
  }
  const denied = (message: string): EmuResponse => ({ status: 401, body: { message } })
  const service: Service = {
    name: 'actions-oidc',
    handle(req) {
      if (req.url.pathname === `${ID_TOKEN_PATH}/.well-known/jwks`)
        return {
          status: 200,
          body: { keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: keys.kid, use: 'sig', alg: 'RS256' }] }
        }
      if (req.url.pathname !== ID_TOKEN_PATH) return undefined
      if (req.method !== 'GET') return { status: 405, body: { message: 'Method not allowed' } }
      const given = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
      const claims = given === requestToken ? {} : given === undefined ? undefined : others.get(given)
      if (claims === undefined) return denied('Bad credentials: the request token is missing or wrong.')
      const audience = req.url.searchParams.get('audience') ?? `${origin}/_actions`
      return { status: 200, body: { count: 1, value: mint(audience, claims) } }
    }
  }
  const requestTokenFor = (claims: JwtClaims): string => {
    const token = randomBytes(24).toString('base64url')
    others.set(token, claims)
    return token
  }
  return {
    service,
    issuer,
    requestUrl: `${origin}${ID_TOKEN_PATH}?api-version=2.0`,
    requestToken,
    mint,
    requestTokenFor
  }
}
