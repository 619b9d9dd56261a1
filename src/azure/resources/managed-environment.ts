/** The Container Apps environment inside the runner subnet; creating one takes minutes, hence the progress. */
import type { ManagedEnvironment } from '@azure/arm-appcontainers'
import { parseArmId, rgAndNames } from '../arm-id.js'
import type { Clients } from '../clients.js'
import { callOptions, deleteIgnoringNotFound, getOrUndefined, toActual, waitFor } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function managedEnvironmentAdapter(clients: Clients): ResourceAdapter {
  const api = (id: string) => clients.apps(parseArmId(id).subscriptionId).managedEnvironments
  return {
    get: id => {
      const [rg, name] = rgAndNames(id, 1)
      return getOrUndefined(id, () => api(id).get(rg, name))
    },
    put: async (id, body, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return toActual(
        id,
        await waitFor(
          api(id).createOrUpdate(rg, name, body as unknown as ManagedEnvironment, callOptions(clients, ctx)),
          ctx
        )
      )
    },
    delete: (id, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx))
    }
  }
}
