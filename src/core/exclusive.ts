/**
 * Which VNets a write touches. Azure runs one operation at a time per VNet: a subnet PUT beside a peering that points
 * at the VNet, or an environment create in its subnet beside a peering PUT, is refused with 409
 * AnotherOperationInProgress or 400 ReferencedResourceNotProvisioned ("... last operation is PutSubnetOperation";
 * hashicorp/terraform-provider-azurerm#2605, pulumi/pulumi-azure-native#4340). A write touches the VNet it lives in
 * and every VNet its body points at (a peering's remote VNet, a DNS link's VNet, an environment's subnet).
 */
const VNET =
  /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.network\/virtualnetworks\/[^/]+)(\/|$)/i

function vnetOf(text: string): string | undefined {
  return VNET.exec(text)?.[1]?.toLowerCase()
}

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach(item => strings(item, out))
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach(item => strings(item, out))
  return out
}

export function touchedVnets(id: string, body: Record<string, unknown> | undefined): string[] {
  const found = new Set<string>()
  for (const text of [id, ...strings(body ?? {}, [])]) {
    const vnet = vnetOf(text)
    if (vnet) found.add(vnet)
  }
  return [...found].sort()
}

/**
 * Azure also refuses overlapping writes to one user-assigned identity's federated credentials (409
 * ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity: "Concurrent Federated Identity Credentials writes
 * under the same managed identity are not supported"; pulumi/pulumi-azure-native#4343, Azure/bicep-registry-modules#1447),
 * so a credential's write is exclusive on its identity.
 */
const CREDENTIAL_OF =
  /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.managedidentity\/userassignedidentities\/[^/]+)\/federatedidentitycredentials\//i

/** Everything a write must not share with a parallel write: the VNets it touches, the identity whose credential it is. */
export function exclusiveKeys(id: string, body: Record<string, unknown> | undefined): string[] {
  const identity = CREDENTIAL_OF.exec(id)?.[1]?.toLowerCase()
  return [...touchedVnets(id, body), ...(identity ? [identity] : [])]
}
