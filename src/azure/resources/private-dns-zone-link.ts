/** A link from one of the team's private DNS zones (any subscription) to the runner VNet. */
import type { Clients } from '../clients.js'
import { lroAdapter } from './lro.js'
import type { ResourceAdapter } from './types.js'

export function privateDnsZoneLinkAdapter(clients: Clients): ResourceAdapter {
  return lroAdapter(clients, sub => clients.dns(sub).virtualNetworkLinks, 2)
}
