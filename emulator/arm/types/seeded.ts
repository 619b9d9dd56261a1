/**
 * Types the tool only reads but tests seed: Key Vault vaults and Log Analytics workspaces.
 * A workspace answers `POST .../sharedKeys` with keys derived from its id (never stored on the resource).
 */
import { createHash } from 'node:crypto'
import type { ResourceType } from './resource-type.js'
import { envelope, props, stableGuid } from './resource-type.js'

export const keyVaults: ResourceType = {
  type: 'Microsoft.KeyVault/vaults',
  put: 'sync',
  delete: 'sync',
  busyState: 'Succeeded',
  requiresLocation: true,
  build: (ctx, input) => {
    const given = props(input.body)
    return envelope(input, 'Microsoft.KeyVault/vaults', {
      tenantId: given.tenantId ?? ctx.tenantId,
      sku: given.sku ?? { family: 'A', name: 'standard' },
      enableRbacAuthorization: given.enableRbacAuthorization ?? true,
      vaultUri: given.vaultUri ?? `https://${input.target.name}.vault.azure.net/`
    })
  }
}

export function workspaceKey(id: string, which: string): string {
  return createHash('sha512').update(`${id.toLowerCase()}:${which}`).digest('base64')
}

export const workspaces: ResourceType = {
  type: 'Microsoft.OperationalInsights/workspaces',
  put: 'sync',
  delete: 'sync',
  busyState: 'Succeeded',
  requiresLocation: true,
  build: (_ctx, input) => {
    const given = props(input.body)
    const existing = input.existing === undefined ? {} : props(input.existing.body)
    return envelope(input, 'Microsoft.OperationalInsights/workspaces', {
      customerId: existing.customerId ?? given.customerId ?? stableGuid(input.target.id.toLowerCase()),
      sku: given.sku ?? { name: 'PerGB2018' },
      retentionInDays: given.retentionInDays ?? 30
    })
  },
  actions: {
    sharedKeys: (_ctx, stored) => ({
      response: {
        status: 200,
        body: {
          primarySharedKey: workspaceKey(stored.id, 'primary'),
          secondarySharedKey: workspaceKey(stored.id, 'secondary')
        }
      }
    })
  }
}
