/**
 * One token request at a time per scope, shared by every SDK client: a cold start fans out to many clients at once,
 * and each would otherwise mint its own GitHub ID token and Entra token.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth'

/** Renew this long before expiry, like the SDK's own bearer policy does. */
const REFRESH_MARGIN_MS = 5 * 60_000

export function sharedTokens(credential: TokenCredential, now: () => number = Date.now): TokenCredential {
  const cached = new Map<string, AccessToken>()
  const inFlight = new Map<string, Promise<AccessToken | null>>()
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      // Claims challenges and tenant hops must reach the real credential.
      if (options?.claims || options?.tenantId) return credential.getToken(scopes, options)
      const key = ([] as string[]).concat(scopes).join(' ')
      const token = cached.get(key)
      if (token && token.expiresOnTimestamp - REFRESH_MARGIN_MS > now()) return token
      let pending = inFlight.get(key)
      if (!pending) {
        pending = credential.getToken(scopes, options).then(
          (fresh) => {
            inFlight.delete(key)
            if (fresh) cached.set(key, fresh)
            return fresh
          },
          (error: unknown) => {
            inFlight.delete(key)
            throw error
          }
        )
        inFlight.set(key, pending)
      }
      return pending
    }
  }
}
