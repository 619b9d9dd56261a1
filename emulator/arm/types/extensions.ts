/**
 * Extension resources that live under any scope: role assignments (incl. on a Key Vault secret)
 * and diagnostic settings.
 */
import { armError } from '../errors.js'
import { lower, sameId } from '../router.js'
import type { ResourceType } from './resource-type.js'
import { envelope, props } from './resource-type.js'

export const roleAssignments: ResourceType = {
  type: 'Microsoft.Authorization/roleAssignments',
  put: 'sync',
  delete: 'sync',
  extension: true,
  validate: (ctx, { target, body, existing }) => {
    const given = props(body)
    if (typeof given.roleDefinitionId !== 'string' || typeof given.principalId !== 'string') {
      return armError(
        400,
        'InvalidRoleAssignmentRequest',
        'The role assignment request must contain properties.roleDefinitionId and properties.principalId.'
      )
    }
    if (existing !== undefined) {
      const before = props(existing.body)
      if (
        lower(String(before.principalId)) !== lower(given.principalId) ||
        lower(String(before.roleDefinitionId)) !== lower(given.roleDefinitionId)
      ) {
        return armError(
          400,
          'RoleAssignmentUpdateNotPermitted',
          'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.'
        )
      }
      return undefined
    }
    const duplicate = ctx.store.list('Microsoft.Authorization/roleAssignments', target.parentId).find(r => {
      const p = props(r.body)
      return (
        sameId(String(p.scope), target.parentId) &&
        lower(String(p.principalId)) === lower(String(given.principalId)) &&
        roleGuid(String(p.roleDefinitionId)) === roleGuid(String(given.roleDefinitionId))
      )
    })
    if (duplicate !== undefined) return armError(409, 'RoleAssignmentExists', 'The role assignment already exists.')
    return undefined
  },
  build: (_ctx, input) => {
    const given = props(input.body)
    const now = new Date().toISOString()
    const before = input.existing === undefined ? {} : props(input.existing.body)
    const body = envelope(input, 'Microsoft.Authorization/roleAssignments', {
      principalType: given.principalType ?? 'ServicePrincipal',
      scope: input.target.parentId,
      createdOn: before.createdOn ?? now,
      updatedOn: now
    })
    return body
  },
  deleteAnswer: stored => ({ status: 200, body: stored.body })
}

const roleGuid = (roleDefinitionId: string): string => lower(roleDefinitionId.split('/').at(-1) ?? '')

export const diagnosticSettings: ResourceType = {
  type: 'Microsoft.Insights/diagnosticSettings',
  put: 'sync',
  createdStatus: 200,
  delete: 'sync',
  extension: true,
  build: (_ctx, input) => envelope(input, 'Microsoft.Insights/diagnosticSettings')
}
