/** The team's resource group: read always, created only when the config asks, never deleted. */
import type { ResourceGroup } from '@azure/arm-resources'
import { parseArmId, requireResourceGroup } from '../arm-id.js'
import type { Clients } from '../clients.js'
import { AzureError } from '../errors.js'
import { getOrUndefined, signalOf, toActual } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function resourceGroupAdapter(clients: Clients): ResourceAdapter {
  const locate = (id: string) => {
    const parsed = parseArmId(id)
    return { api: clients.resources(parsed.subscriptionId).resourceGroups, name: requireResourceGroup(parsed, id) }
  }
  return {
    get: id => {
      const { api, name } = locate(id)
      return getOrUndefined(id, () => api.get(name))
    },
    put: async (id, body, ctx) => {
      const { api, name } = locate(id)
      return toActual(id, await api.createOrUpdate(name, body as unknown as ResourceGroup, signalOf(ctx)))
    },
    delete: async id => {
      throw new AzureError(`Refusing to delete resource group ${id}: runner-setup never deletes a resource group.`)
    }
  }
}
