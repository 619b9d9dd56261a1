/**
 * Azure's network resource provider runs one operation at a time per virtual network. A write while another operation
 * touches the same VNet is refused:
 * - on the VNet itself or a child (subnet, peering): 409 AnotherOperationInProgress, "Another operation on this or
 *   dependent resource is in progress" (hashicorp/terraform-provider-azurerm#2605);
 * - on a resource that only points at it (a peering from another VNet, an environment in its subnet, a DNS zone
 *   link): 400 ReferencedResourceNotProvisioned, "... is not in Succeeded state. Resource is in Updating state and
 *   the last operation that updated/is updating the resource is PutSubnetOperation"
 *   (pulumi/pulumi-azure-native#4340, hashicorp/terraform-provider-azurerm#2605).
 * Neither answer carries Retry-After; the SDK does not retry either.
 */
import { armError, type ArmError } from './errors.js'
import { lower } from './router.js'
import type { Wire } from './store.js'

const VNET =
  /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.network\/virtualnetworks\/[^/]+)(\/|$)/i

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach(item => strings(item, out))
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach(item => strings(item, out))
  return out
}

/** The VNets (lowercased ids) a write or delete of `id` with `body` touches: where it lives and what it points at. */
export function vnetsTouched(id: string, body: Wire | undefined): string[] {
  const found = new Set<string>()
  for (const text of [id, ...strings(body ?? {}, [])]) {
    const match = VNET.exec(text)
    if (match) found.add(lower(match[1]!))
  }
  return [...found]
}

/** The name NRP gives an operation, e.g. `PutSubnetOperation`, `DeleteVirtualNetworkPeeringOperation`. */
export function operationName(method: string, type: string): string {
  const last = type.split('/').at(-1) ?? 'Resource'
  const noun =
    last.charAt(0).toUpperCase() +
    last
      .slice(1)
      .replace(/s$/, '')
      .replace(/Addresse$/, 'Address')
  return `${method === 'DELETE' ? 'Delete' : 'Put'}${noun}Operation`
}

export function vnetConflict(
  targetId: string,
  vnet: string,
  running: { operation: string; statusUrl: string }
): ArmError {
  if (lower(targetId).startsWith(vnet))
    return armError(
      409,
      'AnotherOperationInProgress',
      `Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: ${running.statusUrl}.`
    )
  return armError(
    400,
    'ReferencedResourceNotProvisioned',
    `Cannot proceed with operation because resource ${vnet} used by resource ${targetId} is not in Succeeded state. Resource is in Updating state and the last operation that updated/is updating the resource is ${running.operation}.`
  )
}
