/** Refusals and waits: foreign resources, missing permissions, a missing resource group, role propagation, hung operations. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createCredential } from '../../src/azure/credential.js'
import { desiredResources } from '../../src/core/desired.js'
import { HUB_VNET_ID, RG_ID, studioConfig } from '../../emulator/worlds/azure-fixture.js'
import { engineFor, startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'

const config = studioConfig()
const desired = desiredResources(config)
const byKind = (kind: string) => desired.find(r => r.kind === kind)!
let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterEach(async () => {
  h.emulator.admin.clearFaults()
  h.emulator.admin.clearDenials()
  h.emulator.admin.setLatency(0)
  await h.engine.destroy(config)
})
afterAll(async () => {
  await h.emulator.close()
})

describe('sign-in', () => {
  it('says how to fix a job without id-token: write', () => {
    expect(() =>
      createCredential(
        { signIn: 'oidc', tenantId: 't', clientId: 'c', authorityHost: 'https://login.microsoftonline.com' },
        { env: {} }
      )
    ).toThrow(
      'The workflow job needs `permissions: id-token: write` to sign in to Azure with OIDC: add `permissions: { id-token: write, contents: read }` to the job that runs runner-setup.'
    )
  })
})

describe('ownership', () => {
  const nsg = byKind('networkSecurityGroup')

  it('apply refuses to take over an untagged resource with our name, before any write', async () => {
    h.emulator.admin.seed(nsg.id, { location: 'norwayeast', properties: { securityRules: [] } })
    const mark = h.mark()
    await expect(h.engine.apply(config)).rejects.toThrow(
      `${nsg.type} ${nsg.name} exists but is not tagged as team studio's: refusing to take it over`
    )
    expect(h.writesSince(mark)).toEqual([])
  })

  it('destroy leaves the foreign resource alone and reports it', async () => {
    h.emulator.admin.seed(nsg.id, { location: 'norwayeast', properties: { securityRules: [] } })
    const result = await h.engine.destroy(config)
    expect(result.refused.map(r => r.id)).toEqual([nsg.id])
    expect(result.deleted).toEqual([])
    expect(h.emulator.admin.getResource(nsg.id)).toBeDefined()
    h.emulator.admin.deleteResource(nsg.id)
  })
})

describe('refusals', () => {
  it('a 403 on the remote peering names the role and the scope; after the grant a rerun converges', async () => {
    h.emulator.admin.denyAction('Microsoft.Network/virtualNetworks/virtualNetworkPeerings/write', HUB_VNET_ID)
    const error = await h.engine.apply(config).then(
      () => undefined,
      (e: Error) => e
    )
    expect(error?.message).toMatch(
      /^Cannot create remote peering runner-setup-studio: the signed-in identity lacks 'Microsoft\.Network\/virtualNetworks\/virtualNetworkPeerings\/write' on \/subscriptions\/00000000-0000-0000-0000-0000000000bb\/resourceGroups\/rg-hub\/providers\/Microsoft\.Network\/virtualNetworks\/vnet-hub.*\. Grant it the "Network Contributor" role on that scope \(or a parent\), then rerun\.$/i
    )
    expect(error?.message).not.toContain('\n')
    h.emulator.admin.clearDenials()
    await h.engine.apply(config)
    const again = await h.engine.apply(config)
    expect(again.writes).toEqual([])
  })

  it('a missing resource group is reported with what the platform must do', async () => {
    const missing = studioConfig({ azure: { ...config.azure, resourceGroup: 'rg-nobody-made' } })
    await expect(h.engine.planLive(missing)).rejects.toThrow(
      `Resource group ${RG_ID.replace(config.azure.resourceGroup, 'rg-nobody-made')} does not exist: the platform team creates each team's resource group`
    )
  })
})

describe('waits', () => {
  const job = byKind('job')
  const keyVaultRefusal = {
    kind: 'lro-fail' as const,
    code: 'InvalidParameterValueInContainerTemplate',
    message: `The following field(s) are either invalid or missing. Field 'configuration.secrets' is invalid with details: 'Invalid value: "github-app-key": Unable to get value using Managed identity ${byKind('identity').id} for secret github-app-key.'`
  }

  it('the job write waits while the new role assignment propagates, saying why', async () => {
    h.emulator.admin.fault({ ...keyVaultRefusal, method: 'PUT', path: `/jobs/${job.name}$`, times: 2 })
    const result = await h.engine.apply(config)
    expect(result.writes.find(w => w.kind === 'job')?.attempts).toBe(3)
    expect(h.log.filter(l => l.includes('cannot read the GitHub App key in Key Vault yet')).length).toBe(2)
  })

  it('gives up on Key Vault access after the bounded wait with ARM code and message', async () => {
    h.emulator.admin.fault({ ...keyVaultRefusal, method: 'PUT', path: `/jobs/${job.name}$` })
    const engine = engineFor(h.emulator, [], { keyVaultWaitMs: 100 })
    await expect(engine.apply(config)).rejects.toThrow(
      `Cannot create job ${job.name}: Azure reported InvalidParameterValueInContainerTemplate:`
    )
  })
})

describe('destroy with runners at work', () => {
  it('stops running executions before deleting the job, and leaves finished ones be', async () => {
    await h.engine.apply(config)
    const job = byKind('job')
    h.emulator.admin.seed(`${job.id}/executions/${job.name}-run1`, { properties: { status: 'Running' } })
    h.emulator.admin.seed(`${job.id}/executions/${job.name}-run2`, { properties: { status: 'Processing' } })
    h.emulator.admin.seed(`${job.id}/executions/${job.name}-done`, { properties: { status: 'Succeeded' } })
    const mark = h.mark()
    await h.engine.destroy(config)
    const writes = h.writesSince(mark).map(w => `${w.method} ${w.path}`)
    const stops = writes.filter(w => /\/executions\/[^/]+\/stop$/.test(w))
    expect(stops.sort()).toEqual([
      `POST ${job.id}/executions/${job.name}-run1/stop`,
      `POST ${job.id}/executions/${job.name}-run2/stop`
    ])
    const jobDelete = writes.indexOf(`DELETE ${job.id}`)
    expect(jobDelete).toBeGreaterThan(-1)
    for (const stop of stops) expect(writes.indexOf(stop)).toBeLessThan(jobDelete)
    expect(h.emulator.admin.getResource(job.id)).toBeUndefined()
  })
})

describe('a resource group the config creates', () => {
  const own = studioConfig({ azure: { ...config.azure, resourceGroup: 'rg-studio-own', createResourceGroup: true } })
  const groupId = `/subscriptions/${config.azure.subscriptionId}/resourceGroups/rg-studio-own`

  it("is created tagged as the team's, and destroy leaves it in place", async () => {
    const applied = await h.engine.apply(own)
    expect(applied.writes[0]).toMatchObject({ kind: 'resourceGroup', action: 'create', level: 0 })
    const group = h.emulator.admin.getResource(groupId) as { tags: Record<string, string> }
    expect(group.tags).toMatchObject({
      'managed-by': 'runner-setup',
      'runner-setup-team': 'studio',
      costCenter: 'studio'
    })
    const destroyed = await h.engine.destroy(own)
    expect(destroyed.deleted.some(d => d.kind === 'resourceGroup')).toBe(false)
    expect(h.emulator.admin.getResource(groupId)).toBeDefined()
  })

  it('is not taken over when it exists without our tags', async () => {
    const foreign = studioConfig({ azure: { ...config.azure, createResourceGroup: true } })
    await expect(h.engine.apply(foreign)).rejects.toThrow(
      `Microsoft.Resources/resourceGroups ${config.azure.resourceGroup} exists but is not tagged as team studio's: refusing to take it over; set azure.createResourceGroup: false to use the existing group`
    )
  })
})
