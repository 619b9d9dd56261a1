/** The job's user-assigned managed identity (arm-msi: plain request/response, no long-running operation). */
import type { Identity } from '@azure/arm-msi'
import { parseArmId, rgAndNames } from '../arm-id.js'
import type { Clients } from '../clients.js'
import { deleteIgnoringNotFound, getOrUndefined, signalOf, toActual } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function identityAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.identities(parseArmId(id).subscriptionId).userAssignedIdentities
  return {
    get: id => {
      const [rg, name] = rgAndNames(id, 1)
      return getOrUndefined(id, () => api(id).get(rg, name))
    },
    put: async (id, body, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return toActual(id, await api(id).createOrUpdate(rg, name, body as unknown as Identity, signalOf(ctx)))
    },
    delete: id => {
      const [rg, name] = rgAndNames(id, 1)
      return deleteIgnoringNotFound(() => api(id).delete(rg, name))
    }
  }
}
