/** The GitHub App JWT: RS256, issued 60 s in the past against clock drift, valid 9 minutes (GitHub allows 10). */
import { createPrivateKey, sign } from 'node:crypto'
import { CallError } from '../http/errors.js'

export function createAppJwt(appId: string, privateKeyPem: string, nowSeconds: number): string {
  let key
  try {
    key = createPrivateKey(privateKeyPem)
  } catch {
    throw new CallError(
      "the GitHub App private key read from Key Vault is not a PEM private key: store the App's downloaded .pem file as the secret value"
    )
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new CallError(
      `the GitHub App private key read from Key Vault is ${key.asymmetricKeyType}, not RSA: store the App's downloaded .pem file as the secret value`
    )
  }
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))
  const payload = base64url(JSON.stringify({ iat: nowSeconds - 60, exp: nowSeconds + 9 * 60, iss: appId }))
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key).toString('base64url')
  return `${header}.${payload}.${signature}`
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}
