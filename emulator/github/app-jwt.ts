/**
 * GitHub App JWTs on the emulator's side: the verifier GitHub runs (RS256 with the App's registered key, iat/exp
 * against now), and a signer for the doubles that act as an App (the KEDA scaler), written apart from the product's
 * so a bug in the product's signer is caught by the verifier rather than mirrored.
 */
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto'
import type { App, GitHubState } from './state.js'

export type JwtCheck = { app: App } | { error: string }

export function verifyAppJwt(state: GitHubState, jwt: string): JwtCheck {
  const [header, payload, signature] = jwt.split('.')
  if (!header || !payload || !signature) return { error: 'A JSON web token could not be decoded' }
  let claims: { iss?: unknown; iat?: unknown; exp?: unknown }
  let alg: unknown
  try {
    alg = JSON.parse(Buffer.from(header, 'base64url').toString()).alg
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
  } catch {
    return { error: 'A JSON web token could not be decoded' }
  }
  if (alg !== 'RS256') return { error: 'A JSON web token could not be decoded' }
  const app = [...state.apps.values()].find(a => String(a.id) === String(claims.iss) || a.clientId === claims.iss)
  if (!app) return { error: 'Integration not found' }
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey(app.publicKeyPem),
    Buffer.from(signature, 'base64url')
  )
  if (!valid) return { error: 'A JSON web token could not be decoded' }
  // GitHub's rules ("Generating a JSON Web Token (JWT) for a GitHub App",
  // https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app):
  // iat not in the future (the docs advise 60 s in the past against clock drift, so up to 60 s ahead passes here),
  // exp in the future and no more than 10 minutes after now.
  const now = Math.floor(state.now() / 1000)
  if (typeof claims.iat !== 'number' || claims.iat > now + 60) {
    return {
      error: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued."
    }
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now) {
    return {
      error:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires."
    }
  }
  if (claims.exp > now + 600) return { error: "'Expiration time' claim ('exp') is too far in the future." }
  return { app }
}

/** An App JWT for the scaler double: RS256 by the App's key, `iss` the App ID, issued a minute back, valid 9 minutes. */
export function signAppJwt(appId: string, privateKeyPem: string, nowSeconds: number): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const signingInput = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iat: nowSeconds - 60, exp: nowSeconds + 9 * 60, iss: appId })}`
  const signature = sign('sha256', Buffer.from(signingInput), createPrivateKey(privateKeyPem)).toString('base64url')
  return `${signingInput}.${signature}`
}
