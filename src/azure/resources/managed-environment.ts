/** The Container Apps environment inside the runner subnet; creating one takes minutes, hence the progress. */
import type { Clients } from '../clients.js'
import { lroAdapter } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function managedEnvironmentAdapter(clients: Clients): ResourceAdapter {
  return lroAdapter(clients, sub => clients.apps(sub).managedEnvironments, 1)
}
