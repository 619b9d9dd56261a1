/** Sends the environment's logs to the team's Log Analytics workspace (no shared key in any body). */
import type { DiagnosticSettingsResource } from '@azure/arm-monitor'
import { extensionScope, parseArmId } from '../arm-id.js'
import type { Clients } from '../clients.js'
import { deleteIgnoringNotFound, getOrUndefined, signalOf, toActual } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function diagnosticSettingAdapter(clients: Clients): ResourceAdapter {
  const locate = (id: string) => {
    const { scope, name } = extensionScope(id)
    // The SDK's URL template is `/{+resourceUri}/providers/...`: the scope goes in without its leading slash.
    return {
      api: clients.monitor(parseArmId(id).subscriptionId).diagnosticSettings,
      uri: scope.replace(/^\/+/, ''),
      name
    }
  }
  return {
    get: id => {
      const { api, uri, name } = locate(id)
      return getOrUndefined(id, () => api.get(uri, name))
    },
    put: async (id, body, ctx) => {
      const { api, uri, name } = locate(id)
      return toActual(id, await api.createOrUpdate(uri, name, body as DiagnosticSettingsResource, signalOf(ctx)))
    },
    delete: id => {
      const { api, uri, name } = locate(id)
      return deleteIgnoringNotFound(() => api.delete(uri, name))
    }
  }
}
