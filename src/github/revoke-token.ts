/** Ending an installation token before it expires: `DELETE /installation/token`, authenticated with the token itself. */
import { call, type GitHub } from './rest.js'

/**
 * Revokes the token (docs.github.com REST "Revoke an installation access token": 204). Best effort: a token that
 * could not be revoked still expires within the hour, so a failure is returned, not thrown.
 */
export async function revokeInstallationToken(gh: GitHub, token: string): Promise<number | string> {
  try {
    return (await call(gh, 'DELETE', '/installation/token', token)).status
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
