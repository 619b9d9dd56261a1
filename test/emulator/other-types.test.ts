import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { armFailure, clients, LOCATION, RG, rgId, SUB } from './support.js'
import { createNetwork, seedTeam, vaultId, workspaceId } from './fixtures.js'

let emulator: Emulator
let c: ReturnType<typeof clients>
const SECRETS_USER = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6`

beforeAll(async () => {
  emulator = await startEmulator()
  c = clients(emulator)
  seedTeam(emulator)
})
afterAll(async () => emulator.close())

describe('resource groups', () => {
  it('creates, reads, checks and deletes a resource group with everything in it', async () => {
    const rg = await c.resources.resourceGroups.createOrUpdate('rg-extra', {
      location: LOCATION,
      tags: { owner: 'team' }
    })
    expect(rg.id).toBe(`/subscriptions/${SUB}/resourceGroups/rg-extra`)
    expect(rg.properties?.provisioningState).toBe('Succeeded')
    expect((await c.resources.resourceGroups.checkExistence('rg-extra')).body).toBe(true)
    await c.network.networkSecurityGroups.createOrUpdate('rg-extra', 'nsg', { location: LOCATION })
    await c.resources.resourceGroups.delete('rg-extra')
    expect((await armFailure(c.resources.resourceGroups.get('rg-extra'))).code).toBe('ResourceGroupNotFound')
    expect((await c.resources.resourceGroups.checkExistence('rg-extra')).body).toBe(false)
    expect(emulator.admin.listResourceIds().filter(id => id.includes('rg-extra'))).toEqual([])
  })
})

describe('seeded resources', () => {
  it('serves the seeded workspace and vault with read-only fields', async () => {
    const workspace = await c.resources.resources.getById(workspaceId, '2025-02-01')
    expect((workspace.properties as { customerId: string }).customerId).toBe('0f1e2d3c-4b5a-6978-8899-aabbccddeeff')
    const vault = await c.resources.resources.getById(vaultId, '2024-11-01')
    expect((vault.properties as { vaultUri: string }).vaultUri).toBe('https://kv-team.vault.azure.net/')
  })
})

describe('managed identity', () => {
  it('assigns clientId and principalId once and keeps them on update', async () => {
    const created = await c.msi.userAssignedIdentities.createOrUpdate(RG, 'id-runner', { location: LOCATION })
    expect(created.clientId).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.tenantId).toBe(emulator.tenantId)
    const updated = await c.msi.userAssignedIdentities.createOrUpdate(RG, 'id-runner', {
      location: LOCATION,
      tags: { a: 'b' }
    })
    expect([updated.clientId, updated.principalId]).toEqual([created.clientId, created.principalId])
  })
})

describe('role assignments', () => {
  const secretScope = `${vaultId}/secrets/github-app-key`

  it('creates one on a Key Vault secret and refuses the same grant under another name', async () => {
    const identity = await c.msi.userAssignedIdentities.get(RG, 'id-runner')
    const name = '6f1c2b3a-0000-4000-8000-000000000001'
    const created = await c.auth.roleAssignments.create(secretScope, name, {
      roleDefinitionId: SECRETS_USER,
      principalId: identity.principalId!,
      principalType: 'ServicePrincipal'
    })
    expect(created.scope).toBe(secretScope)
    expect(created.id).toBe(`${secretScope}/providers/Microsoft.Authorization/roleAssignments/${name}`)
    const again = await c.auth.roleAssignments.create(secretScope, name, {
      roleDefinitionId: SECRETS_USER,
      principalId: identity.principalId!
    })
    expect(again.id).toBe(created.id)
    const clash = await armFailure(
      c.auth.roleAssignments.create(secretScope, '6f1c2b3a-0000-4000-8000-000000000002', {
        roleDefinitionId: SECRETS_USER,
        principalId: identity.principalId!
      })
    )
    expect(clash.statusCode).toBe(409)
    expect(clash.code).toBe('RoleAssignmentExists')
    const listed = []
    for await (const ra of c.auth.roleAssignments.listForScope(secretScope, {
      filter: `principalId eq '${identity.principalId}'`
    }))
      listed.push(ra.name)
    expect(listed).toEqual([name])
    await c.auth.roleAssignments.delete(secretScope, name)
    expect((await armFailure(c.auth.roleAssignments.get(secretScope, name))).statusCode).toBe(404)
  })

  it('answers 404 when the scope resource does not exist', async () => {
    const failure = await armFailure(
      c.auth.roleAssignments.create(
        `${rgId}/providers/Microsoft.KeyVault/vaults/kv-missing/secrets/x`,
        '6f1c2b3a-0000-4000-8000-000000000003',
        { roleDefinitionId: SECRETS_USER, principalId: 'p' }
      )
    )
    expect(failure.statusCode).toBe(404)
  })
})

describe('diagnostic settings', () => {
  it('creates and reads a diagnostic setting on the job scope', async () => {
    await createNetwork(c)
    const scope = `${rgId}/providers/Microsoft.Network/virtualNetworks/vnet-runners`
    const setting = await c.monitor.diagnosticSettings.createOrUpdate(scope, 'to-law', {
      workspaceId,
      logs: [{ categoryGroup: 'allLogs', enabled: true }]
    })
    expect(setting.workspaceId).toBe(workspaceId)
    expect((await c.monitor.diagnosticSettings.get(scope, 'to-law')).logs?.[0]?.categoryGroup).toBe('allLogs')
  })
})

describe('private DNS', () => {
  it('links a zone to the runner VNet once, and refuses a second link to the same VNet', async () => {
    await c.dns.privateZones.createOrUpdate(RG, 'privatelink.vaultcore.azure.net', { location: 'global' })
    const vnetId = `${rgId}/providers/Microsoft.Network/virtualNetworks/vnet-runners`
    const link = await c.dns.virtualNetworkLinks.createOrUpdate(RG, 'privatelink.vaultcore.azure.net', 'runners', {
      location: 'global',
      virtualNetwork: { id: vnetId },
      registrationEnabled: false
    })
    expect(link.virtualNetworkLinkState).toBe('Completed')
    expect(link.provisioningState).toBe('Succeeded')
    const twice = await armFailure(
      c.dns.virtualNetworkLinks.createOrUpdate(RG, 'privatelink.vaultcore.azure.net', 'runners-2', {
        location: 'global',
        virtualNetwork: { id: vnetId }
      })
    )
    expect(twice.statusCode).toBe(409)
    expect((await c.dns.privateZones.get(RG, 'privatelink.vaultcore.azure.net')).numberOfVirtualNetworkLinks).toBe(1)
  })
})
