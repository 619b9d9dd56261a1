/**
 * Parses ARM URL paths into resource ids, collections and actions. ARM ids are case-insensitive;
 * we keep the caller's casing for display and compare lowercased.
 */
export interface ArmTarget {
  subscriptionId: string
  resourceGroup: string | undefined
  /** `resource`: an addressable resource; `collection`: the last segment names child items or a POST action. */
  kind: 'resource' | 'collection'
  /** The resource id, or for a collection the owner's id (resource, resource group or subscription). */
  id: string
  /** Resource type, e.g. `Microsoft.Network/virtualNetworks/subnets` (for a collection: the items' type). */
  type: string
  /** Resource name, or for a collection its last segment (`executions`, `listSecrets`). */
  name: string
  /** What must exist first: the parent resource, the scope of an extension resource, or the resource group. */
  parentId: string
}

export const lower = (s: string): string => s.toLowerCase()
export const sameId = (a: string, b: string): boolean => lower(a) === lower(b)
/** True when `id` is `ancestor` itself or lies under it. */
export const isUnder = (id: string, ancestor: string): boolean =>
  sameId(id, ancestor) || lower(id).startsWith(lower(ancestor) + '/')

export function parseArmPath(pathname: string): ArmTarget | undefined {
  const segments = pathname
    .split('/')
    .filter(s => s !== '')
    .map(decodeURIComponent)
  if (segments.length < 3 || lower(segments[0]!) !== 'subscriptions') return undefined
  const subscriptionId = segments[1]!
  const subscriptionPath = `/subscriptions/${subscriptionId}`
  const rgName = lower(segments[2]!) === 'resourcegroups' ? segments[3] : undefined
  const providerIndex = segments.map(lower).lastIndexOf('providers')

  if (providerIndex < 0) {
    if (lower(segments[2]!) !== 'resourcegroups') return undefined
    const type = 'Microsoft.Resources/resourceGroups'
    if (rgName === undefined)
      return {
        subscriptionId,
        resourceGroup: undefined,
        kind: 'collection',
        id: subscriptionPath,
        type,
        name: 'resourceGroups',
        parentId: subscriptionPath
      }
    const rgId = `${subscriptionPath}/resourceGroups/${rgName}`
    if (segments.length === 4)
      return {
        subscriptionId,
        resourceGroup: rgName,
        kind: 'resource',
        id: rgId,
        type,
        name: rgName,
        parentId: subscriptionPath
      }
    if (segments.length === 5)
      return {
        subscriptionId,
        resourceGroup: rgName,
        kind: 'collection',
        id: rgId,
        type: `${type}/${segments[4]}`,
        name: segments[4]!,
        parentId: rgId
      }
    return undefined
  }

  const scopeSegments = segments.slice(0, providerIndex)
  if (scopeSegments.length >= 3) scopeSegments[2] = 'resourceGroups'
  const scope = '/' + scopeSegments.join('/')
  const namespace = segments[providerIndex + 1]
  const rest = segments.slice(providerIndex + 2)
  if (namespace === undefined || rest.length === 0) return undefined
  const typeNames = rest.filter((_, i) => i % 2 === 0)
  const type = [namespace, ...typeNames].join('/')
  const base = { subscriptionId, resourceGroup: rgName }

  if (rest.length % 2 === 0) {
    const id = `${scope}/providers/${namespace}/${rest.join('/')}`
    const parentId = rest.length === 2 ? scope : `${scope}/providers/${namespace}/${rest.slice(0, -2).join('/')}`
    return { ...base, kind: 'resource', id, type, name: rest.at(-1)!, parentId }
  }
  const ownerId = rest.length === 1 ? scope : `${scope}/providers/${namespace}/${rest.slice(0, -1).join('/')}`
  return { ...base, kind: 'collection', id: ownerId, type, name: rest.at(-1)!, parentId: ownerId }
}

/** The resource type of an id (`Microsoft.Resources/resourceGroups` for a resource group). */
export function typeOfId(id: string): string | undefined {
  const target = parseArmPath(id)
  return target?.kind === 'resource' ? target.type : undefined
}

/** The top-level resource an id belongs to (the id itself for a top-level resource). */
export function topLevelId(id: string): string {
  const segments = id.split('/').filter(s => s !== '')
  const providerIndex = segments.map(lower).lastIndexOf('providers')
  if (providerIndex < 0) return id
  return '/' + segments.slice(0, providerIndex + 4).join('/')
}
