/**
 * Seeds what a team config expects to exist before `apply`: the resource group, the team's private
 * VNets (peering targets, with their resource groups), private DNS zones, the Log Analytics workspace
 * and the Key Vault that holds the GitHub App key. Reads the config loosely so it stays test tooling.
 */
import type { EmulatorAdmin } from './admin.js'

interface LooseTeam {
  azure?: { subscriptionId?: string; resourceGroup?: string; location?: string }
  network?: { peerings?: { remoteVnetId?: string; useRemoteGateways?: boolean }[]; privateDnsZones?: string[] }
  github?: { app?: { privateKeySecretUri?: string; keyVaultId?: string } }
  logs?: { workspaceId?: string }
  runners?: { registry?: string; pools?: { registry?: string }[] }
}

const segment = (id: string, key: string): string | undefined => {
  const parts = id.split('/')
  const at = parts.findIndex(p => p.toLowerCase() === key.toLowerCase())
  return at < 0 ? undefined : parts[at + 1]
}

function ensureGroupOf(admin: EmulatorAdmin, id: string, location: string): void {
  const sub = segment(id, 'subscriptions')
  const rg = segment(id, 'resourceGroups')
  if (
    sub !== undefined &&
    rg !== undefined &&
    admin.getResource(`/subscriptions/${sub}/resourceGroups/${rg}`) === undefined
  ) {
    admin.seedResourceGroup(sub, rg, location)
  }
}

/** Returns the ids it seeded, in order. */
export function seedTeam(
  admin: EmulatorAdmin,
  team: LooseTeam,
  options: { createResourceGroup?: boolean } = {}
): string[] {
  const location = team.azure?.location ?? 'norwayeast'
  const sub = team.azure?.subscriptionId
  const rg = team.azure?.resourceGroup
  const seeded: string[] = []
  const seed = (id: string, body: Record<string, unknown>): void => {
    ensureGroupOf(admin, id, location)
    admin.seed(id, body)
    seeded.push(id)
  }
  if (sub !== undefined && rg !== undefined && options.createResourceGroup !== false) {
    seeded.push((admin.seedResourceGroup(sub, rg, location, { owner: 'platform' }) as { id: string }).id)
  }
  ;(team.network?.peerings ?? []).forEach((peering, i) => {
    if (peering.remoteVnetId === undefined) return
    // A team that routes through the remote VNet's gateway peers with a hub that has one (in its GatewaySubnet).
    const gatewaySubnet = {
      name: 'GatewaySubnet',
      properties: {
        addressPrefix: `10.${200 + i}.255.0/27`,
        ipConfigurations: [{ id: `${peering.remoteVnetId}-gateway/ipConfigurations/default` }]
      }
    }
    seed(peering.remoteVnetId, {
      location,
      properties: {
        addressSpace: { addressPrefixes: [`10.${200 + i}.0.0/16`] },
        ...(peering.useRemoteGateways ? { subnets: [gatewaySubnet] } : {})
      }
    })
  })
  for (const zone of team.network?.privateDnsZones ?? []) seed(zone, { location: 'global', properties: {} })
  if (team.logs?.workspaceId !== undefined) seed(team.logs.workspaceId, { location, properties: {} })
  // The container registries pools pull from, in their default (RBAC) mode.
  const registries = [team.runners?.registry, ...(team.runners?.pools ?? []).map(pool => pool.registry)]
  for (const registry of new Set(registries.flatMap(r => (r === undefined ? [] : [r]))))
    seed(registry, { location, properties: {} })
  const keyUri = team.github?.app?.privateKeySecretUri
  if (keyUri !== undefined && sub !== undefined && rg !== undefined) {
    const vault = new URL(keyUri).hostname.split('.')[0]!
    // Where the config says the vault is (github.app.keyVaultId), else its default: the team's resource group.
    const vaultId =
      team.github?.app?.keyVaultId ??
      `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${vault}`
    seed(vaultId, { location, properties: { vaultUri: `https://${new URL(keyUri).hostname}/` } })
  }
  return seeded
}
