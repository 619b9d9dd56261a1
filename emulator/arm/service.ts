/**
 * The ARM service: auth, id routing, parent checks, per-type behaviour and LROs over one generic
 * in-memory store. Per-type knowledge lives in types/*.ts.
 */
import type { EmuRequest, EmuResponse, Service } from '../http.js'
import type { FaultBook } from '../faults.js'
import {
  armError,
  childNotFound,
  errorResponse,
  resourceGroupNotFound,
  resourceNotFound,
  type ArmError
} from './errors.js'
import { Operations, type LroStyle } from './lro.js'
import { missingRegistration, providerAnswer } from './providers.js'
import { assignmentFacts, type AssignmentFacts, type Caller } from './rbac.js'
import { usagesAnswer } from './quotas.js'
import { resourceListAnswer } from './resource-list.js'
import { operationName, vnetConflict, vnetsTouched } from './vnet-conflicts.js'
import { isUnder, lower, parseArmPath, topLevelId, typeOfId, type ArmTarget } from './router.js'
import type { ResourceStore, StoredResource, Wire } from './store.js'
import { asWire, newEtag, type ResourceType, type TypeContext, type WriteStyle } from './types/resource-type.js'

export interface DenyRule {
  action: RegExp
  scopePrefix: string
}

export interface ArmDeps {
  store: ResourceStore
  operations: Operations
  faults: FaultBook
  types: Map<string, ResourceType>
  ctx: TypeContext
  /** The caller behind a bearer token, or an error to answer with. */
  authenticate: (authorization: string | undefined) => Caller | ArmError
  denies: () => DenyRule[]
  /** Azure RBAC for callers it applies to (a federated managed identity): the 403 to answer, if any. */
  authorize?: (caller: Caller, action: string, scope: string, facts?: AssignmentFacts) => ArmError | undefined
  /** How long one write to an identity's federated credentials holds that identity (default 30 ms). */
  credentialWriteMs?: number
}

const json = (status: number, body?: unknown, headers?: Record<string, string>): EmuResponse => ({
  status,
  body,
  headers
})

export function createArmService(deps: ArmDeps): Service & { view(stored: StoredResource): Wire } {
  const typeOf = (type: string): ResourceType | undefined => deps.types.get(lower(type))
  const credentialWrites = new Set<string>()
  const view = (stored: StoredResource): Wire =>
    typeOf(stored.type)?.view?.(deps.ctx, stored) ?? structuredClone(stored.body)

  return {
    name: 'arm',
    view,
    handle(req) {
      if (!req.url.pathname.toLowerCase().startsWith('/subscriptions/')) return undefined
      const caller = deps.authenticate(headerOf(req, 'authorization'))
      if ('code' in caller) return errorResponse(caller)
      const polled = deps.operations.poll(req.url.pathname)
      if (polled !== undefined) return polled
      const provider = providerAnswer(deps.ctx.providers, req.method, req.url.pathname)
      if (provider !== undefined) return provider
      const listed =
        req.method === 'GET'
          ? (usagesAnswer(deps.store, deps.ctx.quotas, req.url.pathname) ?? resourceListAnswer(deps.store, req.url))
          : undefined
      if (listed !== undefined) return listed
      if (!req.url.searchParams.has('api-version')) {
        return errorResponse(
          armError(
            400,
            'MissingApiVersionParameter',
            'The api-version query parameter (?api-version=) is required for all requests.'
          )
        )
      }
      const target = parseArmPath(req.url.pathname)
      if (target === undefined)
        return errorResponse(
          armError(
            400,
            'InvalidRequestUri',
            `The request URI '${req.url.pathname}' is not a valid Azure resource path.`
          )
        )
      const denied =
        checkDenied(deps, caller, req.method, target) ??
        deps.authorize?.(caller, actionOf(req.method, target), target.id, assignmentFactsOf(req, target))
      if (denied !== undefined) return errorResponse(denied)
      const unregistered = missingRegistration(deps.ctx.providers, req.method, target.subscriptionId, target.type)
      if (unregistered !== undefined) return errorResponse(unregistered)
      const identity = credentialIdentity(req.method, target)
      if (identity !== undefined) return holdIdentity(identity, () => resource(req, target))
      return target.kind === 'collection' ? collection(req, target) : resource(req, target)
    }
  }

  /** A role assignment's condition is judged on the request (write) or on the stored assignment (delete). */
  function assignmentFactsOf(req: EmuRequest, target: ArmTarget): AssignmentFacts | undefined {
    if (lower(target.type) !== 'microsoft.authorization/roleassignments' || target.kind !== 'resource') return undefined
    if (req.method === 'PUT') return assignmentFacts(asWire(req.body))
    if (req.method === 'DELETE') return assignmentFacts(deps.store.get(target.id)?.body)
    return undefined
  }

  /**
   * Writes to one identity's federated credentials must not overlap: Azure answers 409
   * ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity (pulumi/pulumi-azure-native#4343,
   * Azure/bicep-registry-modules#1447). Each write holds its identity for `credentialWriteMs`.
   */
  async function holdIdentity(identity: string, run: () => EmuResponse): Promise<EmuResponse> {
    if (credentialWrites.has(identity))
      return errorResponse(
        armError(
          409,
          'ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity',
          `Too many Federated Identity Credentials are written concurrently for the managed identity '${identity}'. Concurrent Federated Identity Credentials writes under the same managed identity are not supported.`
        )
      )
    credentialWrites.add(identity)
    try {
      await new Promise(resolve => setTimeout(resolve, deps.credentialWriteMs ?? 30))
      return run()
    } finally {
      credentialWrites.delete(identity)
    }
  }

  function resource(req: EmuRequest, target: ArmTarget): EmuResponse {
    const missingScope = checkScope(target)
    const existing = deps.store.get(target.id)
    switch (req.method) {
      case 'GET':
      case 'HEAD': {
        if (missingScope !== undefined) return errorResponse(missingScope)
        deps.operations.touch(target.id)
        const current = deps.store.get(target.id)
        if (current === undefined) return req.method === 'HEAD' ? json(404) : errorResponse(notFoundError(target))
        return req.method === 'HEAD' ? json(204) : json(200, view(current))
      }
      case 'PUT':
      case 'PATCH': {
        if (missingScope !== undefined) return errorResponse(missingScope)
        const type = typeOf(target.type)
        if (type === undefined) return errorResponse(unknownType(target))
        if (req.method === 'PATCH' && existing === undefined) return errorResponse(notFoundError(target))
        if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
          return errorResponse(
            armError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.')
          )
        }
        // PATCH merges into the stored body, which still holds write-only fields such as secret values.
        const body = req.method === 'PATCH' ? mergePatch(existing!.body, req.body as Wire) : (req.body as Wire)
        const style = req.method === 'PATCH' ? (type.patch ?? 'sync') : type.put
        return write(req, target, type, body, existing, style)
      }
      case 'DELETE': {
        if (
          target.resourceGroup !== undefined &&
          target.type !== 'Microsoft.Resources/resourceGroups' &&
          !deps.store.has(rgId(target))
        ) {
          return errorResponse(resourceGroupNotFound(target.resourceGroup))
        }
        if (existing === undefined) return json(204)
        const type = typeOf(existing.type)
        return remove(req, target, type, existing)
      }
      default:
        return errorResponse(
          armError(405, 'MethodNotAllowed', `The method '${req.method}' is not allowed on '${target.type}'.`)
        )
    }
  }

  function write(
    req: EmuRequest,
    target: ArmTarget,
    type: ResourceType,
    body: Wire,
    existing: StoredResource | undefined,
    style: WriteStyle
  ): EmuResponse {
    if (type.requiresLocation && typeof body.location !== 'string') {
      return errorResponse(armError(400, 'LocationRequired', 'The location property is required for this definition.'))
    }
    const input = { target, body, existing }
    if (type.busyConflict !== undefined && deps.operations.busy(target.id))
      return errorResponse(type.busyConflict(target.id))
    const vnets = vnetsTouched(target.id, body)
    const running = deps.operations.busyOn(vnets)
    if (running !== undefined) return errorResponse(vnetConflict(target.id, running.vnet, running))
    const linkedDenial = checkLinked(type.linkedActions?.(input) ?? [], req)
    if (linkedDenial !== undefined) return errorResponse(linkedDenial)
    const invalid = type.validate?.(deps.ctx, input)
    if (invalid !== undefined) return errorResponse(invalid)
    const wire = type.build(deps.ctx, input)
    if (type.busyState !== undefined)
      asWire(wire.properties).provisioningState = style === 'sync' ? 'Succeeded' : type.busyState
    if (type.etag) wire.etag = newEtag()
    const stored: StoredResource = { id: target.id, type: type.type, body: wire }
    deps.store.put(stored)
    type.afterPut?.(deps.ctx, stored, input)
    const created = existing === undefined
    if (style === 'sync') return json(created ? (type.createdStatus ?? 201) : 200, view(stored))
    const headers = startOperation(req, target, style, vnets, {
      onSucceeded: () => setState(target.id, 'Succeeded'),
      onFailed: () => setState(target.id, 'Failed'),
      onCanceled: () => setState(target.id, 'Canceled'),
      result: () => {
        const now = deps.store.get(target.id)
        return now === undefined ? errorResponse(notFoundError(target)) : json(200, view(now))
      }
    })
    if (style === 'location' && req.method === 'PATCH') return json(202, undefined, headers)
    return json(created ? 201 : 200, view(stored), headers)
  }

  function remove(
    req: EmuRequest,
    target: ArmTarget,
    type: ResourceType | undefined,
    existing: StoredResource
  ): EmuResponse {
    if (type?.busyConflict !== undefined && deps.operations.busy(existing.id))
      return errorResponse(type.busyConflict(existing.id))
    const running = deps.operations.busyOn(vnetsTouched(existing.id, existing.body))
    if (running !== undefined) return errorResponse(vnetConflict(existing.id, running.vnet, running))
    const refused = type?.validateDelete?.(deps.ctx, existing)
    if (refused !== undefined) return errorResponse(refused)
    const style = type?.delete ?? 'sync'
    if (style === 'sync') {
      deps.store.delete(existing.id)
      return type?.deleteAnswer?.(existing) ?? json(200)
    }
    if (type?.busyState !== undefined) setState(existing.id, 'Deleting')
    const headers = startOperation(req, target, style, vnetsTouched(existing.id, existing.body), {
      onSucceeded: () => deps.store.delete(existing.id),
      onFailed: () => setState(existing.id, 'Failed'),
      onCanceled: () => setState(existing.id, 'Canceled'),
      result: () => json(type?.deletedStatus ?? 204)
    })
    return json(202, undefined, headers)
  }

  /** ARM's LinkedAuthorizationFailed: allowed on the resource, but not on a resource it links to. */
  function checkLinked(links: { action: string; scope: string }[], req: EmuRequest): ArmError | undefined {
    const caller = deps.authenticate(headerOf(req, 'authorization'))
    if ('code' in caller) return caller
    for (const link of links) {
      const denied =
        deps.denies().some(d => d.action.test(link.action) && isUnder(link.scope, d.scopePrefix)) ||
        deps.authorize?.(caller, link.action, link.scope) !== undefined
      if (!denied) continue
      const target = parseArmPath(req.url.pathname)!
      return armError(
        403,
        'LinkedAuthorizationFailed',
        `The client '${caller.clientId}' with object id '${caller.objectId}' has permission to perform action '${actionOf(req.method, target)}' on scope '${target.id}'; however, it does not have permission to perform action(s) '${link.action}' on the linked scope(s) '${link.scope}' (respectively) or the linked scope(s) are invalid.`
      )
    }
    return undefined
  }

  function collection(req: EmuRequest, target: ArmTarget): EmuResponse {
    const ownerIsRg = target.resourceGroup !== undefined && lower(target.id) === lower(rgId(target))
    if (target.resourceGroup !== undefined && !deps.store.has(rgId(target)))
      return errorResponse(resourceGroupNotFound(target.resourceGroup))
    const owner = deps.store.get(target.id)
    const ownerIsResource = !ownerIsRg && target.id.split('/').length > 3
    // Extension resources (role assignments) may be listed at a scope that is not itself stored, like a Key Vault secret.
    const ownerMustExist = typeOf(target.type)?.extension ? topLevelId(target.id) : target.id
    if (ownerIsResource && !deps.store.has(ownerMustExist))
      return errorResponse(
        notFoundError({
          ...target,
          kind: 'resource',
          type: typeOfId(target.id) ?? target.type,
          name: target.id.split('/').at(-1)!
        })
      )
    if (req.method === 'POST' && owner !== undefined) {
      const action = typeOf(owner.type)?.actions?.[target.name] ?? typeOf(owner.type)?.actions?.[lower(target.name)]
      if (action !== undefined) return runAction(req, target, owner, action)
    }
    if (req.method !== 'GET')
      return errorResponse(armError(404, 'NotFound', `No action '${target.name}' on '${target.id}'.`))
    const items = deps.store
      .list(target.type, target.id)
      .filter(r => matchesFilter(r, req.url.searchParams.get('$filter')))
    return json(200, { value: items.map(view) })
  }

  function runAction(
    req: EmuRequest,
    target: ArmTarget,
    owner: StoredResource,
    action: NonNullable<ResourceType['actions']>[string]
  ): EmuResponse {
    const result = action(deps.ctx, owner, req)
    if (result.error !== undefined) return errorResponse(result.error)
    if (result.lroResult !== undefined) {
      const final = result.lroResult
      const headers = startOperation(req, { ...target, id: owner.id }, 'location', [], {
        onSucceeded: () => {},
        onFailed: () => {},
        onCanceled: () => {},
        result: () => final
      })
      return json(202, undefined, headers)
    }
    return result.response ?? json(200)
  }

  function startOperation(
    req: EmuRequest,
    target: ArmTarget,
    style: Exclude<WriteStyle, 'sync'>,
    vnets: string[],
    effects: { onSucceeded: () => void; onFailed: () => void; onCanceled: () => void; result: () => EmuResponse }
  ): Record<string, string> {
    const location = locationOf(target.id)
    return deps.operations.start({
      style: style as LroStyle,
      vnets,
      operation: operationName(req.method, target.type),
      subscriptionId: target.subscriptionId,
      namespace: target.type.split('/')[0]!,
      location,
      resourceId: target.id,
      fault: deps.faults.takeLro(req.method, req.url.pathname),
      ...effects
    })
  }

  function setState(id: string, state: string): void {
    const stored = deps.store.get(id)
    if (stored === undefined) return
    const properties = asWire(stored.body.properties)
    if (!('provisioningState' in properties)) return
    properties.provisioningState = state
    stored.body.properties = properties
    if (typeOf(stored.type)?.etag) stored.body.etag = newEtag()
    deps.store.put(stored)
  }

  function locationOf(id: string): string {
    const top = deps.store.get(topLevelId(id)) ?? deps.store.get(id)
    const location = top?.body.location
    return typeof location === 'string' ? location.replace(/\s+/g, '').toLowerCase() : 'global'
  }

  /** The resource group, and for children or extension resources the resource above, must exist. */
  function checkScope(target: ArmTarget): ArmError | undefined {
    if (target.type === 'Microsoft.Resources/resourceGroups') return undefined
    if (target.resourceGroup !== undefined && !deps.store.has(rgId(target)))
      return resourceGroupNotFound(target.resourceGroup)
    const parent = target.parentId
    if (parent.split('/').filter(Boolean).length <= 4) return undefined // subscription or resource group
    const top = topLevelId(parent)
    if (!deps.store.has(top)) {
      const segments = top.split('/')
      return resourceNotFound(typeOfId(top) ?? 'Unknown', segments.at(-1)!, target.resourceGroup)
    }
    if (!typeOf(target.type)?.extension && !deps.store.has(parent)) return childNotFound(parent)
    return undefined
  }

  function notFoundError(target: ArmTarget): ArmError {
    if (target.type === 'Microsoft.Resources/resourceGroups') return resourceGroupNotFound(target.name)
    if (lower(topLevelId(target.id)) === lower(target.id) || !deps.store.has(topLevelId(target.id))) {
      const top = topLevelId(target.id)
      return resourceNotFound(typeOfId(top) ?? target.type, top.split('/').at(-1)!, target.resourceGroup)
    }
    return childNotFound(target.id)
  }
}

function rgId(target: ArmTarget): string {
  return `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup ?? ''}`
}

function unknownType(target: ArmTarget): ArmError {
  const [namespace, ...rest] = target.type.split('/')
  return armError(
    400,
    'InvalidResourceType',
    `The resource type '${rest.join('/')}' could not be found in the namespace '${namespace}' for this emulator.`
  )
}

function headerOf(req: EmuRequest, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The ARM action a request needs, e.g. `Microsoft.Network/virtualNetworks/subnets/write`. */
export function actionOf(method: string, target: ArmTarget): string {
  if (target.kind === 'collection' && method === 'POST') {
    return `${target.type}/action`
  }
  const verb = method === 'DELETE' ? 'delete' : method === 'GET' || method === 'HEAD' ? 'read' : 'write'
  // Resource groups are authorized as a subscription child.
  const type = target.type.replace(
    /^Microsoft\.Resources\/resourceGroups/i,
    'Microsoft.Resources/subscriptions/resourceGroups'
  )
  return `${type}/${verb}`
}

function checkDenied(deps: ArmDeps, caller: Caller, method: string, target: ArmTarget): ArmError | undefined {
  const action = actionOf(method, target)
  const scope = target.id
  const rule = deps.denies().find(d => d.action.test(action) && isUnder(scope, d.scopePrefix))
  if (rule === undefined) return undefined
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${caller.clientId}' with object id '${caller.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
  )
}

/** The identity (lowercased id) whose federated credential a PUT or DELETE writes. */
function credentialIdentity(method: string, target: ArmTarget): string | undefined {
  if (method !== 'PUT' && method !== 'DELETE') return undefined
  if (lower(target.type) !== 'microsoft.managedidentity/userassignedidentities/federatedidentitycredentials')
    return undefined
  return target.kind === 'resource' ? lower(target.parentId) : undefined
}

/** JSON merge patch (RFC 7386), which is what ARM PATCH means for these types. */
export function mergePatch(target: Wire, patch: Wire): Wire {
  const out: Wire = structuredClone(target)
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]
    else if (typeof value === 'object' && !Array.isArray(value)) out[key] = mergePatch(asWire(out[key]), value as Wire)
    else out[key] = value
  }
  return out
}

/** Supports the `$filter` forms the role-assignment list uses: `principalId eq '...'` and `atScope()`. */
function matchesFilter(resource: StoredResource, filter: string | null): boolean {
  if (filter === null) return true
  const principal = /principalId\s+eq\s+'([^']+)'/i.exec(filter)
  if (principal !== null)
    return lower(String(asWire(resource.body.properties).principalId ?? '')) === lower(principal[1]!)
  return true
}
