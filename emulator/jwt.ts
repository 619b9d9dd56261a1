/** Minimal RS256 JWTs with node:crypto: enough to mint and check GitHub-style ID tokens. */
import { createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto'

export type JwtClaims = Record<string, unknown>

export interface RsaKeys {
  privateKey: KeyObject
  publicKey: KeyObject
  kid: string
}

export function makeRsaKeys(kid: string): RsaKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { privateKey, publicKey, kid }
}

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url')

export function signJwt(claims: JwtClaims, keys: RsaKeys): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: keys.kid }))
  const payload = b64url(JSON.stringify(claims))
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(keys.privateKey)
  return `${header}.${payload}.${b64url(signature)}`
}

/** The claims when the signature is valid RS256 by `publicKey`; undefined for anything malformed or forged. */
export function verifyJwt(token: string, publicKey: KeyObject): JwtClaims | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const [header, payload, signature] = parts as [string, string, string]
  try {
    const alg = (JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string }).alg
    if (alg !== 'RS256') return undefined
    const ok = createVerify('RSA-SHA256')
      .update(`${header}.${payload}`)
      .verify(publicKey, Buffer.from(signature, 'base64url'))
    if (!ok) return undefined
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString())
    return typeof claims === 'object' && claims !== null ? (claims as JwtClaims) : undefined
  } catch {
    return undefined
  }
}
