/** A federated credential of a user-assigned identity (arm-msi: plain request/response, no long-running operation). */
import type { FederatedIdentityCredential } from '@azure/arm-msi'
import { parseArmId, rgAndNames } from '../arm-id.js'
import type { Clients } from '../clients.js'
import { deleteIgnoringNotFound, getOrUndefined, signalOf, toActual } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function federatedCredentialAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.identities(parseArmId(id).subscriptionId).federatedIdentityCredentials
  return {
    get: id => {
      const [rg, identity, name] = rgAndNames(id, 2)
      return getOrUndefined(id, () => api(id).get(rg, identity, name))
    },
    put: async (id, body, ctx) => {
      const [rg, identity, name] = rgAndNames(id, 2)
      const written = await api(id).createOrUpdate(
        rg,
        identity,
        name,
        body as unknown as FederatedIdentityCredential,
        signalOf(ctx)
      )
      return toActual(id, written)
    },
    delete: id => {
      const [rg, identity, name] = rgAndNames(id, 2)
      return deleteIgnoringNotFound(() => api(id).delete(rg, identity, name))
    }
  }
}
