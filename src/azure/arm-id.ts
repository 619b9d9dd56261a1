/** Parsing ARM resource ids: the adapters need the subscription, resource group and names inside an id. */

export interface ArmId {
  subscriptionId: string
  resourceGroup?: string
  /** `type/name` pairs after the last `providers/<namespace>`, e.g. [['virtualNetworks','vnet-x'],['subnets','snet']]. */
  names: string[]
}

const SUBSCRIPTION = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?/i

export function parseArmId(id: string): ArmId {
  const match = SUBSCRIPTION.exec(id)
  if (!match) throw new Error(`Not an ARM resource id: ${id}`)
  const providerAt = id.toLowerCase().lastIndexOf('/providers/')
  const tail =
    providerAt >= 0
      ? id
          .slice(providerAt + '/providers/'.length)
          .split('/')
          .slice(1)
      : []
  const names = tail.filter((_, i) => i % 2 === 1)
  return { subscriptionId: match[1], resourceGroup: match[2], names }
}

/** The scope an extension resource (role assignment, diagnostic setting) hangs under: everything before its last `/providers/`. */
export function extensionScope(id: string): { scope: string; name: string } {
  const providerAt = id.toLowerCase().lastIndexOf('/providers/')
  const name = id.slice(id.lastIndexOf('/') + 1)
  return { scope: id.slice(0, providerAt), name }
}

export function requireResourceGroup(parsed: ArmId, id: string): string {
  if (!parsed.resourceGroup) throw new Error(`ARM id has no resource group: ${id}`)
  return parsed.resourceGroup
}

/** `[rg, name1, name2, ...]` for a resource-group-scoped id, ready to spread into SDK calls. */
export function rgAndNames(id: string, count: number): string[] {
  const parsed = parseArmId(id)
  const names = parsed.names
  if (names.length < count) throw new Error(`ARM id needs ${count} name segment(s): ${id}`)
  return [requireResourceGroup(parsed, id), ...names.slice(0, count)]
}
