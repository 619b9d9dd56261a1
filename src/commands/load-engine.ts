import type { CredentialOptions } from '../azure/credential.js'
import type { Engine } from '../azure/engine.js'
import type { Logger } from '../core/logger.js'
import type { AzureSettings } from './settings.js'

/**
 * Loads the Azure SDKs on first use (the bundler splits them into a chunk), so an offline plan or a config error
 * answers in a fraction of the start-up time; signs in once for every client.
 */
export async function loadEngine(azure: AzureSettings, logger: Logger, credentialOptions: CredentialOptions = {}): Promise<Engine> {
  const [{ createEngine }, { createCredential }, { sharedTokenCredential }] = await Promise.all([
    import('../azure/engine.js'),
    import('../azure/credential.js'),
    import('../azure/shared-token.js')
  ])
  const credential = sharedTokenCredential(createCredential(azure, credentialOptions))
  return createEngine({ credential, endpoint: azure.armEndpoint, logger })
}
