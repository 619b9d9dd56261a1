import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth'

/** Renew this long before expiry, like the SDK's own bearer policy. */
const REFRESH_MARGIN_MS = 5 * 60_000

/**
 * One token for every SDK client. Each ARM client has its own bearer policy and would sign in on its own: with
 * OIDC that is a GitHub token request plus an Entra exchange per client. Sharing the token (and the request in
 * flight) makes sign-in one exchange per run, so reads start after one sign-in instead of eight.
 */
export function sharedTokenCredential(inner: TokenCredential, now: () => number = Date.now): TokenCredential {
  const cache = new Map<string, Promise<AccessToken | null>>()
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const key = [scopes].flat().join(' ')
      const cached = cache.get(key)
      if (cached) {
        const token = await cached.catch(() => null)
        if (token && token.expiresOnTimestamp - REFRESH_MARGIN_MS > now()) return token
      }
      const pending = inner.getToken(scopes, options)
      cache.set(key, pending)
      pending.catch(() => cache.delete(key))
      return pending
    }
  }
}
