/** Microsoft.ManagedIdentity/userAssignedIdentities: sync PUT; Azure assigns the clientId/principalId once. */
import type { ResourceType } from './resource-type.js'
import { envelope, props } from './resource-type.js'

export const identities: ResourceType = {
  type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
  put: 'sync',
  patch: 'sync',
  delete: 'sync',
  requiresLocation: true,
  build: (ctx, input) => {
    const kept = input.existing === undefined ? {} : props(input.existing.body)
    const body = envelope(input, 'Microsoft.ManagedIdentity/userAssignedIdentities', {
      isolationScope: props(input.body).isolationScope ?? 'None',
      tenantId: ctx.tenantId,
      principalId: kept.principalId ?? crypto.randomUUID(),
      clientId: kept.clientId ?? crypto.randomUUID()
    })
    return body
  }
}
