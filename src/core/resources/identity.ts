/** The job's user-assigned identity and its read access to the GitHub App key's secret, nothing wider. */
import type { RoleAssignmentCreateParameters } from '@azure/arm-authorization'
import type { Identity } from '@azure/arm-msi'
import type { TeamConfig } from '../../config/types.js'
import type { TeamLayout } from '../layout.js'
import { ref, type WithRefs } from '../refs.js'
import type { DesiredResource } from '../types.js'
import { API_VERSION, desired, teamTags } from './common.js'

export function identity(config: TeamConfig, layout: TeamLayout, groupDeps: string[]): DesiredResource {
  const body: Identity = { location: config.azure.location, tags: teamTags(config) }
  return desired({
    kind: 'identity',
    id: layout.identityId,
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    apiVersion: API_VERSION.msi,
    dependsOn: groupDeps,
    ownership: 'tagged',
    body
  })
}

/** "Key Vault Secrets User" on the one secret; the principal id exists only once the identity does. */
export function keySecretRoleAssignment(layout: TeamLayout): DesiredResource {
  const body: WithRefs<RoleAssignmentCreateParameters> = {
    roleDefinitionId: layout.roleDefinitionId,
    principalId: ref(layout.identityId, 'principalId'),
    principalType: 'ServicePrincipal'
  }
  return desired({
    kind: 'roleAssignment',
    id: layout.roleAssignmentId,
    type: 'Microsoft.Authorization/roleAssignments',
    apiVersion: API_VERSION.authorization,
    dependsOn: [layout.identityId],
    ownership: 'marked',
    body
  })
}
