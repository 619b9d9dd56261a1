/** How to reach and sign in to Azure; part of the run's settings, defined here so the Azure layer depends on nothing above it. */
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com'
export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com'

export interface AzureSettings {
  /** `oidc`: GitHub OIDC federated sign-in (the action); `cli`: Azure CLI / default credential chain (a laptop). */
  signIn: 'oidc' | 'cli'
  tenantId?: string
  clientId?: string
  /** Optional guard: every config's azure.subscriptionId must equal it (the action's subscription-id input). */
  subscriptionId?: string
  authorityHost: string
  armEndpoint: string
  /**
   * Where verify reads the App key: `https://<vault>.vault.azure.net/secrets/...` is read at
   * `<keyVaultEndpoint>/<vault>/secrets/...` (a Key Vault reached through a gateway, or the local emulator). Unset: the
   * secret URI as the config gives it.
   */
  keyVaultEndpoint?: string
}
