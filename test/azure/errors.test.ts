import { describe, expect, it } from '@jest/globals'
import { AzureError, describeAzureError, inFlightOperation, isNotFound } from '../../src/azure/errors.js'
import { roleForAction } from '../../src/azure/roles.js'

function restError(statusCode: number, code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'RestError', statusCode, code })
}

const denied = (action: string, scope: string) =>
  restError(
    403,
    'AuthorizationFailed',
    `The client '11111111-2222-3333-4444-555555555555' with object id '66666666-7777-8888-9999-000000000000' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
  )

describe('describeAzureError', () => {
  it('names the role and scope of a 403 AuthorizationFailed on a remote peering', () => {
    const scope =
      '/subscriptions/00000000-0000-0000-0000-0000000000bb/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/virtualNetworkPeerings/runner-setup-studio'
    const line = describeAzureError(
      denied('Microsoft.Network/virtualNetworks/virtualNetworkPeerings/write', scope),
      'create remote peering runner-setup-studio'
    )
    expect(line).toBe(
      `Cannot create remote peering runner-setup-studio: the signed-in identity lacks 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings/write' on ${scope}. Grant it the "Network Contributor" role on that scope (or a parent), then rerun.`
    )
  })

  it('names the RBAC administrator role for a role assignment write', () => {
    const line = describeAzureError(
      denied(
        'Microsoft.Authorization/roleAssignments/write',
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/secrets/app-key'
      ),
      'create role assignment x'
    )
    expect(line).toContain('"Role Based Access Control Administrator (or User Access Administrator)"')
    expect(line).toContain(
      'on /subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/secrets/app-key.'
    )
  })

  it('reports a linked-scope refusal (peering to a VNet in another subscription) with its role', () => {
    const error = restError(
      403,
      'LinkedAuthorizationFailed',
      "The client has permission to perform action 'Microsoft.Network/virtualNetworks/peer/action' on the linked scope(s) '/subscriptions/b/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/vnet-hub' or the linked scope(s) are invalid."
    )
    expect(describeAzureError(error, 'create peering p')).toBe(
      `Cannot create peering p: the signed-in identity lacks 'Microsoft.Network/virtualNetworks/peer/action' on /subscriptions/b/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/vnet-hub. Grant it the "Network Contributor" role on that scope (or a parent), then rerun.`
    )
  })

  it('keeps ARM code and message of a failed long-running operation, on one line', () => {
    const error = new Error(
      'The long-running operation has failed. ManagedEnvironmentSubnetDelegationError. The subnet\nis not delegated to Microsoft.App/environments.'
    )
    expect(describeAzureError(error, 'create environment cae-studio-runners')).toBe(
      'Cannot create environment cae-studio-runners: Azure reported ManagedEnvironmentSubnetDelegationError: The subnet is not delegated to Microsoft.App/environments.'
    )
  })

  it('names the endpoint on a connection error', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    expect(describeAzureError(error, 'read job caj-studio', 'https://127.0.0.1:1')).toBe(
      'Cannot read job caj-studio: could not reach https://127.0.0.1:1 (ECONNREFUSED); check the network and the ARM endpoint setting, then rerun.'
    )
  })

  it('passes an AzureError through unchanged and treats only 404 as not found', () => {
    expect(describeAzureError(new AzureError('already one line'), 'x')).toBe('already one line')
    expect(isNotFound(restError(404, 'ResourceNotFound', 'gone'))).toBe(true)
    expect(isNotFound(restError(409, 'Conflict', 'busy'))).toBe(false)
  })
})

describe('roleForAction', () => {
  it.each([
    ['Microsoft.Network/virtualNetworks/subnets/write', 'Network Contributor'],
    ['Microsoft.Network/privateDnsZones/virtualNetworkLinks/write', 'Private DNS Zone Contributor'],
    ['Microsoft.App/jobs/write', 'Contributor'],
    ['Microsoft.ManagedIdentity/userAssignedIdentities/write', 'Managed Identity Contributor'],
    ['Microsoft.ManagedIdentity/userAssignedIdentities/assign/action', 'Managed Identity Operator'],
    ['Microsoft.Insights/diagnosticSettings/write', 'Monitoring Contributor'],
    ['Microsoft.Resources/subscriptions/resourceGroups/write', 'Contributor (on the subscription)'],
    ['Microsoft.KeyVault/vaults/read', 'Reader']
  ])('%s → %s', (action, role) => {
    expect(roleForAction(action)).toBe(role)
  })
})

describe('other ARM refusals', () => {
  it("lead with ARM's code, not the HTTP status", () => {
    const error = restError(
      409,
      'InUseSubnetCannotBeDeleted',
      'Subnet snet-runners is in use by /subscriptions/s/.../cae-studio-runners and cannot be deleted.'
    )
    expect(describeAzureError(error, 'delete subnet snet-runners')).toBe(
      'Cannot delete subnet snet-runners: Azure reported InUseSubnetCannotBeDeleted: Subnet snet-runners is in use by /subscriptions/s/.../cae-studio-runners and cannot be deleted.'
    )
  })
})

describe('inFlightOperation', () => {
  it("names the operation Azure's refusal says is still running, and nothing for other answers", () => {
    const vnet = '/subscriptions/s/resourcegroups/rg/providers/microsoft.network/virtualnetworks/vnet-studio-runners'
    const referenced = restError(
      400,
      'ReferencedResourceNotProvisioned',
      `Cannot proceed with operation because resource ${vnet} used by resource ${vnet}/x is not in Succeeded state. Resource is in Updating state and the last operation that updated/is updating the resource is DeleteVirtualNetworkLinkOperation.`
    )
    expect(inFlightOperation(referenced)).toBe('DeleteVirtualNetworkLinkOperation')
    const another = restError(
      409,
      'AnotherOperationInProgress',
      'Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: https://management.azure.com/subscriptions/s/providers/Microsoft.Network/locations/norwayeast/operations/abc?api-version=2024-05-01.'
    )
    expect(inFlightOperation(another)).toBe(
      'the operation at https://management.azure.com/subscriptions/s/providers/Microsoft.Network/locations/norwayeast/operations/abc?api-version=2024-05-01'
    )
    expect(inFlightOperation(restError(429, 'TooManyRequests', 'slow down'))).toBeUndefined()
    expect(
      inFlightOperation(restError(400, 'InvalidParameter', 'the last operation ... is PutSubnetOperation'))
    ).toBeUndefined()
  })
})
