/** Microsoft.ManagedIdentity/userAssignedIdentities: sync PUT; Azure assigns the clientId/principalId once. */
import { armError } from '../errors.js'
import { sameId } from '../router.js'
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

/**
 * Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials: sync PUT (200/201, per the REST
 * reference "Federated Identity Credentials - Create Or Update", api-version 2024-11-30).
 * - At most 20 per identity (Microsoft Learn, "Important considerations and restrictions for federated identity
 *   credentials": "A maximum of 20 federated identity credentials can be added to an application or user-assigned
 *   managed identity"). Azure's error code for the 21st is not published; the message states the documented limit.
 * - The issuer and subject pair is unique on one identity (same page), and Entra matches the subject exactly,
 *   case-sensitively (see `entra.ts`).
 * - Writes to one identity's credentials must not overlap: see `CREDENTIAL_WRITE` in `service.ts`.
 */
export const MAX_CREDENTIALS_PER_IDENTITY = 20

export const federatedCredentials: ResourceType = {
  type: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
  put: 'sync',
  delete: 'sync',
  validate: (ctx, { target, body, existing }) => {
    const given = props(body)
    const audiences = given.audiences
    if (typeof given.issuer !== 'string' || typeof given.subject !== 'string' || !Array.isArray(audiences))
      return armError(
        400,
        'BadRequest',
        'The request must contain properties.issuer, properties.subject and properties.audiences.'
      )
    const siblings = ctx.store.list(federatedCredentials.type, target.parentId).filter(r => !sameId(r.id, target.id))
    const clash = siblings.find(r => props(r.body).issuer === given.issuer && props(r.body).subject === given.subject)
    if (clash !== undefined)
      return armError(
        409,
        'Conflict',
        `A federated identity credential with issuer '${String(given.issuer)}' and subject '${String(given.subject)}' already exists on this identity (${clash.id.split('/').at(-1)}).`
      )
    if (existing === undefined && siblings.length >= MAX_CREDENTIALS_PER_IDENTITY)
      return armError(
        400,
        'BadRequest',
        `The managed identity '${target.parentId}' already has ${siblings.length} federated identity credentials; at most ${MAX_CREDENTIALS_PER_IDENTITY} are allowed.`
      )
    return undefined
  },
  build: (_ctx, input) =>
    envelope(input, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials')
}
