/**
 * ARM's front: Resource Graph's query endpoint and the subscription throttle, in front of the ARM service. Limits
 * are off unless asked for (quick tests keep their speed); the bench turns them on.
 */
import type { EmuRequest, EmuResponse, Service } from '../http.js'
import { errorResponse, type ArmError } from './errors.js'
import { ARM_LIMITS, ArmThrottle, type ThrottleLimits } from './throttle.js'
import type { ResourceGraph } from './resource-graph.js'
import type { Caller } from './rbac.js'

export interface ArmLimits {
  /** On: ARM's buckets, the providers' windows and Graph's quota apply. */
  limited: boolean
  throttle: ArmThrottle
  graph: ResourceGraph
}

export function createArmLimits(graph: ResourceGraph, limits: ThrottleLimits = ARM_LIMITS): ArmLimits {
  return { limited: false, throttle: new ArmThrottle(limits), graph }
}

export function limitedArmService(
  arm: Service,
  limits: ArmLimits,
  authenticate: (authorization: string | undefined) => Caller | ArmError
): Service {
  return {
    name: 'arm-limits',
    async handle(req: EmuRequest): Promise<EmuResponse | undefined> {
      const path = req.url.pathname.toLowerCase()
      const isGraph = path.startsWith('/providers/microsoft.resourcegraph/')
      if (!isGraph && !path.startsWith('/subscriptions/')) return undefined
      const authorization = req.headers.authorization
      const caller = authenticate(Array.isArray(authorization) ? authorization[0] : authorization)
      if ('code' in caller) return errorResponse(caller)
      limits.graph.settings.limited = limits.limited
      if (isGraph) return limits.graph.handle(req, caller.objectId)
      if (!limits.limited) return arm.handle(req)
      const subscriptionId = req.url.pathname.split('/')[2] ?? ''
      const taken = limits.throttle.take(caller.objectId, subscriptionId, req.method, req.url.pathname)
      if (taken.refused) return taken.refused
      const answer = await arm.handle(req)
      return answer && { ...answer, headers: { ...answer.headers, ...taken.headers } }
    }
  }
}
