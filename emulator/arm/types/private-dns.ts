/** Microsoft.Network/privateDnsZones (location `global`) and their virtual network links. */
import { armError } from '../errors.js'
import { sameId } from '../router.js'
import type { ResourceType } from './resource-type.js'
import { envelope, idRef, props } from './resource-type.js'
import { linked } from './network.js'

const LINK = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks'

export const privateDnsZones: ResourceType = {
  type: 'Microsoft.Network/privateDnsZones',
  put: 'async',
  patch: 'async',
  delete: 'async',
  busyState: 'Updating',
  etag: true,
  requiresLocation: true,
  build: (_ctx, input) =>
    envelope(input, 'Microsoft.Network/privateDnsZones', {
      numberOfRecordSets: 1,
      maxNumberOfRecordSets: 25000,
      numberOfVirtualNetworkLinks: 0
    }),
  view: (ctx, stored) => {
    const body = structuredClone(stored.body)
    body.properties = { ...props(body), numberOfVirtualNetworkLinks: ctx.store.list(LINK, stored.id).length }
    return body
  }
}

export const virtualNetworkLinks: ResourceType = {
  type: LINK,
  put: 'async',
  patch: 'async',
  delete: 'async',
  busyState: 'Updating',
  etag: true,
  requiresLocation: true,
  validate: (ctx, { target, body }) => {
    const vnet = idRef(props(body).virtualNetwork)
    if (vnet === undefined)
      return armError(400, 'BadRequest', 'The virtual network link must specify properties.virtualNetwork.id.')
    if (!ctx.store.has(vnet)) return armError(400, 'BadRequest', `Virtual network ${vnet} was not found.`)
    const zoneId = target.parentId
    const clash = ctx.store
      .list(LINK, zoneId)
      .find(l => !sameId(l.id, target.id) && sameId(idRef(props(l.body).virtualNetwork) ?? '', vnet))
    if (clash !== undefined) {
      return armError(
        409,
        'Conflict',
        `A virtual network cannot be linked to the same Private DNS zone more than once. Link ${clash.id} already links ${vnet}.`
      )
    }
    return undefined
  },
  linkedActions: ({ body }) => linked(props(body).virtualNetwork, 'Microsoft.Network/virtualNetworks/join/action'),
  build: (_ctx, input) =>
    envelope(input, LINK, {
      registrationEnabled: props(input.body).registrationEnabled ?? false,
      virtualNetworkLinkState: 'Completed'
    })
}
