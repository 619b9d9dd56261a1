/** What neither ARM nor the App can do, printed as exact steps with the values filled in. */
import type { TeamConfig } from '../../config/types.js'
import { secretName } from '../../core/layout.js'
import type { OnboardLayout, OnboardTarget } from './identities.js'

export function onboardNextSteps(
  config: TeamConfig,
  target: OnboardTarget,
  layout: OnboardLayout,
  clientIds: Map<string, string | undefined>
): string[] {
  const { owner, repos, app } = config.github
  const vaultName = config.github.app.keyVaultId.split('/').at(-1)
  const setup = layout.identities.find(i => i.spec.purpose === 'setup')
  const clientId = (setup && clientIds.get(setup.id.toLowerCase())) ?? '<the client id printed by onboard>'
  const [repoOwner, repoName] = target.repository.split('/')
  return [
    `GitHub App ${app.id}: it must be installed on ${owner} with installation ${app.installationId} covering ${repos.join(', ')} (organisation "Self-hosted runners: read and write"; repository "Administration: read and write", "Actions: read", "Metadata: read"). Creating an App and installing it is done in GitHub's settings, not through an API onboarding can call.`,
    `Store the App's private key once: az keyvault secret set --vault-name ${vaultName} --name ${secretName(app.privateKeySecretUri)} --file <the-app-key.pem>`,
    `In ${target.repository}, create the environment "${target.environment}" and its variables: gh api -X PUT repos/${repoOwner}/${repoName}/environments/${target.environment} && gh variable set AZURE_CLIENT_ID --repo ${target.repository} --env ${target.environment} --body ${clientId} && gh variable set AZURE_TENANT_ID --repo ${target.repository} --env ${target.environment} --body <your tenant id>`
  ]
}

export function offboardNextSteps(config: TeamConfig, layout: OnboardLayout): string[] {
  const group = layout.resourceGroupId.split('/').at(-1)
  return [
    `The resource group ${group} is kept (runner-setup never deletes a resource group): az group delete --subscription ${config.azure.subscriptionId} --name ${group}, once nothing else lives in it.`
  ]
}
