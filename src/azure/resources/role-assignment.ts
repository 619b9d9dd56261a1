/** The identity's role assignment on the App key's secret: an extension resource, addressed by scope and GUID name. */
import type { RoleAssignmentCreateParameters } from '@azure/arm-authorization'
import { extensionScope, parseArmId } from '../arm-id.js'
import type { Clients } from '../clients.js'
import { deleteIgnoringNotFound, getOrUndefined, signalOf, toActual } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function roleAssignmentAdapter(clients: Clients): ResourceAdapter {
  const locate = (id: string) => {
    const { scope, name } = extensionScope(id)
    // The SDK's path is `/{scope}/providers/...` with the scope unescaped: it goes in without its leading slash.
    return {
      api: clients.authorization(parseArmId(id).subscriptionId).roleAssignments,
      scope: scope.replace(/^\/+/, ''),
      name
    }
  }
  return {
    get: id => {
      const { api, scope, name } = locate(id)
      return getOrUndefined(id, () => api.get(scope, name))
    },
    put: async (id, body, ctx) => {
      const { api, scope, name } = locate(id)
      return toActual(
        id,
        await api.create(scope, name, body as unknown as RoleAssignmentCreateParameters, signalOf(ctx))
      )
    },
    delete: id => {
      const { api, scope, name } = locate(id)
      return deleteIgnoringNotFound(() => api.delete(scope, name))
    }
  }
}
