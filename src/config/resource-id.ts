/** Checks that a string is the ARM id of one resource type: /subscriptions/<guid>/resourceGroups/<rg>/providers/<ns>/<type>/<name>. */
import { show, type Issue } from './issue.js'

export interface ResourceType {
  /** e.g. `Microsoft.Network/virtualNetworks` */
  type: string
  /** What a person calls it, e.g. `virtual network`. */
  noun: string
  /** Placeholder for the name in the example id. */
  example: string
}

export const VIRTUAL_NETWORK: ResourceType = {
  type: 'Microsoft.Network/virtualNetworks',
  noun: 'virtual network',
  example: 'vnet-name'
}
export const PRIVATE_DNS_ZONE: ResourceType = {
  type: 'Microsoft.Network/privateDnsZones',
  noun: 'private DNS zone',
  example: 'privatelink.vaultcore.azure.net'
}
export const LOG_ANALYTICS_WORKSPACE: ResourceType = {
  type: 'Microsoft.OperationalInsights/workspaces',
  noun: 'Log Analytics workspace',
  example: 'log-name'
}
export const ROUTE_TABLE: ResourceType = {
  type: 'Microsoft.Network/routeTables',
  noun: 'route table',
  example: 'rt-hub-egress'
}
export const CONTAINER_REGISTRY: ResourceType = {
  type: 'Microsoft.ContainerRegistry/registries',
  noun: 'container registry',
  example: 'crname'
}
export const KEY_VAULT: ResourceType = { type: 'Microsoft.KeyVault/vaults', noun: 'Key Vault', example: 'kv-name' }

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
const ID = new RegExp(
  `^/subscriptions/${GUID}/resourceGroups/[-\\w.()]{1,90}/providers/([A-Za-z]+\\.[A-Za-z.]+)/([A-Za-z]+)/([^/\\s]+)$`,
  'i'
)

export function exampleId(kind: ResourceType): string {
  return `/subscriptions/<subscription-id>/resourceGroups/<group>/providers/${kind.type}/${kind.example}`
}

/** The name (last segment) of a valid id of this type, or undefined. */
export function resourceName(id: string, kind: ResourceType): string | undefined {
  const m = ID.exec(id)
  return m && `${m[1]}/${m[2]}`.toLowerCase() === kind.type.toLowerCase() ? m[3] : undefined
}

export function checkResourceId(id: string, kind: ResourceType): Issue | undefined {
  const m = ID.exec(id)
  if (!m) return { message: `${show(id)} is not an Azure resource id`, hint: `expected ${exampleId(kind)}` }
  const type = `${m[1]}/${m[2]}`
  if (type.toLowerCase() !== kind.type.toLowerCase()) {
    return { message: `is the id of a ${type}, not of a ${kind.noun}`, hint: `expected ${exampleId(kind)}` }
  }
  return undefined
}
