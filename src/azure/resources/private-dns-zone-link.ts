/** A link from one of the team's private DNS zones (any subscription) to the runner VNet. */
import type { VirtualNetworkLink } from '@azure/arm-privatedns'
import { parseArmId, rgAndNames } from '../arm-id.js'
import type { Clients } from '../clients.js'
import { callOptions, deleteIgnoringNotFound, getOrUndefined, toActual, waitFor } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function privateDnsZoneLinkAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.dns(parseArmId(id).subscriptionId).virtualNetworkLinks
  return {
    get: id => {
      const [rg, zone, name] = rgAndNames(id, 2)
      return getOrUndefined(id, () => api(id).get(rg, zone, name))
    },
    put: async (id, body, ctx) => {
      const [rg, zone, name] = rgAndNames(id, 2)
      return toActual(
        id,
        await waitFor(
          api(id).createOrUpdate(rg, zone, name, body as VirtualNetworkLink, callOptions(clients, ctx)),
          ctx
        )
      )
    },
    delete: (id, ctx) => {
      const [rg, zone, name] = rgAndNames(id, 2)
      return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, zone, name, callOptions(clients, ctx)), ctx))
    }
  }
}
