import type { TokenCredential } from '@azure/core-auth'
import type { CredentialOptions } from '../azure/credential.js'
import type { Engine } from '../azure/engine.js'
import type { OperationsLedger } from '../azure/operations-ledger.js'
import type { Logger } from '../core/logger.js'
import type { AzureSettings } from './settings.js'

export interface AzureSession {
  /** One credential per run, shared by the engine and verify: sign-in happens once. */
  signIn(): Promise<TokenCredential>
  engine(): Promise<Engine>
}

/**
 * Loads the Azure SDKs on first use (the bundler splits them into chunks), so an offline plan or a config error
 * answers without paying for them.
 */
export function azureSession(
  azure: AzureSettings,
  logger: Logger,
  credentialOptions: CredentialOptions = {},
  ledger?: OperationsLedger
): AzureSession {
  let credential: Promise<TokenCredential> | undefined
  const signIn = (): Promise<TokenCredential> =>
    (credential ??= Promise.all([import('../azure/credential.js'), import('../azure/shared-token.js')]).then(
      ([{ createCredential }, { sharedTokenCredential }]) =>
        sharedTokenCredential(createCredential(azure, credentialOptions))
    ))
  return {
    signIn,
    async engine() {
      const [{ createEngine }, signedIn] = await Promise.all([import('../azure/engine.js'), signIn()])
      return createEngine({ credential: signedIn, endpoint: azure.armEndpoint, logger, ledger })
    }
  }
}
