/** Microsoft.Resources/resourceGroups: sync PUT, Location-polled DELETE that takes everything inside. */
import type { ResourceType } from './resource-type.js'
import { envelope } from './resource-type.js'

export const resourceGroups: ResourceType = {
  type: 'Microsoft.Resources/resourceGroups',
  put: 'sync',
  delete: 'location',
  deletedStatus: 200,
  busyState: 'Succeeded',
  requiresLocation: true,
  build: (_ctx, input) => envelope(input, 'Microsoft.Resources/resourceGroups', { provisioningState: 'Succeeded' })
}
