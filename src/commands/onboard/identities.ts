/**
 * What onboarding prepares for one team, as desired resources planned and applied like everything else: the team's
 * resource group, and per platform identity of the team (today: setup) a user-assigned identity in the platform's
 * resource group, its federated credential for the team's repository and environment, and its least role grants.
 * The identity list is data: another per-team identity (an image build identity, say) is one more entry.
 */
import type { RoleAssignmentCreateParameters } from '@azure/arm-authorization'
import type { FederatedIdentityCredential, Identity } from '@azure/arm-msi'
import type { TeamConfig } from '../../config/types.js'
import { teamLayout, type TeamLayout } from '../../core/layout.js'
import { roleAssignmentName } from '../../core/names.js'
import { ref, type WithRefs } from '../../core/refs.js'
import { API_VERSION, desired, teamTags } from '../../core/resources/common.js'
import { teamResourceGroup } from '../../core/desired.js'
import type { DesiredResource } from '../../core/types.js'
import { roleDefinitionId, secretsUserOnlyCondition, type RoleName } from './roles.js'

/** Where the platform keeps the teams' identities, and whom they trust. */
export interface OnboardTarget {
  /** ARM id of the platform's resource group for the teams' identities (never a team's runner group). */
  platformGroupId: string
  /** `owner/name` of the repository that runs the team's setup workflow. */
  repository: string
  /** The GitHub environment its setup jobs run in. */
  environment: string
  /** The OIDC issuer GitHub signs its tokens with. */
  issuer: string
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
export const DEFAULT_ENVIRONMENT = 'runner-setup'
export const FEDERATED_AUDIENCE = 'api://AzureADTokenExchange'
export const PURPOSE_TAG = 'runner-setup-purpose'

export interface Grant {
  role: RoleName
  scope: string
  why: string
  condition?: string
}

export interface TeamIdentitySpec {
  purpose: string
  /** What signs in as it, in one line. */
  usedBy: string
  grants(config: TeamConfig, layout: TeamLayout): Grant[]
}

/** The least the team's setup, verify and teardown workflows need, each grant with its reason. */
export const SETUP_IDENTITY: TeamIdentitySpec = {
  purpose: 'setup',
  usedBy: "the team's setup, verify and teardown workflows",
  grants: (config, layout) => [
    {
      role: 'Contributor',
      scope: layout.resourceGroupId,
      why: 'VNet, NSG, NAT gateway, the runner identity, environment and job'
    },
    ...config.network.peerings.map(p => ({
      role: 'Network Contributor' as const,
      scope: p.remoteVnetId,
      why: "the peering on the team's side"
    })),
    ...config.network.privateDnsZones.map(zoneId => ({
      role: 'Private DNS Zone Contributor' as const,
      scope: zoneId,
      why: "the zone's link to the runner VNet"
    })),
    {
      role: 'Role Based Access Control Administrator',
      scope: layout.keySecretScope,
      why: 'lets apply grant the runner identity (made by apply) Key Vault Secrets User on this one secret, and nothing else',
      condition: secretsUserOnlyCondition()
    },
    { role: 'Reader', scope: config.github.app.keyVaultId, why: "preflight reads the vault's permission model" },
    ...(config.logs.workspaceId
      ? [
          {
            role: 'Log Analytics Contributor' as const,
            scope: config.logs.workspaceId,
            why: "the environment's diagnostic setting sends runner logs there"
          }
        ]
      : [])
  ]
}

export const TEAM_IDENTITIES: TeamIdentitySpec[] = [SETUP_IDENTITY]

export function identityName(team: string, purpose: string): string {
  return `id-${team}-${purpose}`
}

export function federatedSubject(target: Pick<OnboardTarget, 'repository' | 'environment'>): string {
  return `repo:${target.repository}:environment:${target.environment}`
}

export interface OnboardLayout {
  resourceGroupId: string
  identities: { spec: TeamIdentitySpec; id: string; credentialId: string; grants: (Grant & { id: string })[] }[]
}

export function onboardLayout(config: TeamConfig, target: OnboardTarget): OnboardLayout {
  const layout = teamLayout(config)
  return {
    resourceGroupId: layout.resourceGroupId,
    identities: TEAM_IDENTITIES.map(spec => {
      const id = `${target.platformGroupId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${identityName(config.team, spec.purpose)}`
      return {
        spec,
        id,
        credentialId: `${id}/federatedIdentityCredentials/github-${target.environment}`,
        grants: spec.grants(config, layout).map(grant => ({
          ...grant,
          id: `${grant.scope}/providers/Microsoft.Authorization/roleAssignments/${roleAssignmentName(grant.scope, id, roleDefinitionId(grant.scope, grant.role))}`
        }))
      }
    })
  }
}

/** Desired resources, in dependency order: group, identities, their credentials, their grants. */
export function onboardingResources(config: TeamConfig, target: OnboardTarget): DesiredResource[] {
  const layout = onboardLayout(config, target)
  const resources: DesiredResource[] = [teamResourceGroup(config)]
  for (const identity of layout.identities) {
    const body: Identity = {
      location: config.azure.location,
      tags: teamTags(config, { [PURPOSE_TAG]: identity.spec.purpose })
    }
    resources.push(
      desired({
        kind: 'identity',
        id: identity.id,
        type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
        apiVersion: API_VERSION.msi,
        dependsOn: [],
        ownership: 'tagged',
        body
      })
    )
    const credential: FederatedIdentityCredential = {
      issuer: target.issuer,
      subject: federatedSubject(target),
      audiences: [FEDERATED_AUDIENCE]
    }
    resources.push(
      desired({
        kind: 'federatedCredential',
        id: identity.credentialId,
        type: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
        apiVersion: API_VERSION.msi,
        dependsOn: [identity.id],
        ownership: 'child',
        body: credential
      })
    )
    for (const grant of identity.grants) {
      const assignment: WithRefs<RoleAssignmentCreateParameters> = {
        roleDefinitionId: roleDefinitionId(grant.scope, grant.role),
        principalId: ref(identity.id, 'principalId'),
        principalType: 'ServicePrincipal',
        ...(grant.condition ? { condition: grant.condition, conditionVersion: '2.0' } : {})
      }
      const inGroup = grant.scope.toLowerCase() === layout.resourceGroupId.toLowerCase()
      resources.push(
        desired({
          kind: 'roleAssignment',
          id: grant.id,
          type: 'Microsoft.Authorization/roleAssignments',
          apiVersion: API_VERSION.authorization,
          dependsOn: [identity.id, ...(inGroup ? [layout.resourceGroupId] : [])],
          ownership: 'marked',
          body: assignment
        })
      )
    }
  }
  return resources
}
