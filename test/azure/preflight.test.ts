/**
 * Preflight: what Azure would refuse half-way through an apply stops it before the first write, with one message that
 * names the config line and what to do.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { TeamConfig } from '../../src/config/types.js'
import { HUB_SUB, HUB_VNET_ID, SUB, VAULT_ID, studioConfig } from '../../emulator/worlds/azure-fixture.js'
import { startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'

const positions = {
  'github.app.keyVaultId': { line: 31, col: 7 },
  'network.peerings[0].useRemoteGateways': { line: 14, col: 9 },
  'azure.location': { line: 5, col: 3 },
  'runners.max': { line: 40, col: 3 },
  'network.subnet': { line: 10, col: 3 },
  'azure.subscriptionId': { line: 3, col: 3 },
  'network.peerings[0].remoteVnetId': { line: 13, col: 9 }
}
const base = studioConfig({ source: { file: 'teams/studio.yaml', positions } })
let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterEach(() => {
  h.emulator.admin.patchResource(VAULT_ID, { properties: { enableRbacAuthorization: true } })
  h.emulator.admin.setQuotas({ environmentsPerRegion: 15, consumptionCores: 100 })
  for (const sub of [SUB, HUB_SUB])
    for (const namespace of ['Microsoft.App', 'Microsoft.Network'])
      h.emulator.admin.setProviderRegistration(sub, namespace, 'Registered')
})
afterAll(async () => {
  await h.emulator.close()
})

/** Apply must fail with exactly `message` (one line) and write nothing. */
async function expectRefused(config: TeamConfig, message: string): Promise<void> {
  const mark = h.mark()
  const error = await h.engine.apply(config).then(
    () => undefined,
    (e: Error) => e
  )
  expect(error?.message).toBe(message)
  expect(error?.message).not.toContain('\n')
  expect(h.writesSince(mark)).toEqual([])
}

describe('preflight', () => {
  it('Microsoft.App not registered in the subscription: one read per namespace, the command that fixes it', async () => {
    h.emulator.admin.setProviderRegistration(SUB, 'Microsoft.App', 'NotRegistered')
    const mark = h.mark()
    await expectRefused(
      base,
      `teams/studio.yaml:3:3: subscription ${SUB} has not registered the resource provider Microsoft.App (NotRegistered), and apply writes cae-studio-runners, caj-studio there; Azure would refuse them with MissingSubscriptionRegistration, and an identity scoped to a resource group cannot register it. Have someone allowed to register providers in that subscription run once: az provider register --namespace Microsoft.App --subscription ${SUB}`
    )
    const reads = h.emulator
      .requests()
      .slice(mark)
      .filter(r => /^\/subscriptions\/[^/]+\/providers\/[^/]+$/.test(r.path))
      .map(r => r.path)
    expect(reads.sort()).toEqual(
      [
        `/subscriptions/${HUB_SUB}/providers/Microsoft.Network`,
        `/subscriptions/${SUB}/providers/Microsoft.App`,
        `/subscriptions/${SUB}/providers/Microsoft.Insights`,
        `/subscriptions/${SUB}/providers/Microsoft.ManagedIdentity`,
        `/subscriptions/${SUB}/providers/Microsoft.Network`
      ].sort()
    )
  })

  it('a peering target whose subscription has not registered Microsoft.Network', async () => {
    h.emulator.admin.setProviderRegistration(HUB_SUB, 'Microsoft.Network', 'NotRegistered')
    const error = await h.engine.apply(base).then(
      () => undefined,
      (e: Error) => e
    )
    expect(error?.message).toMatch(
      new RegExp(
        `^teams/studio\\.yaml:13:9: subscription ${HUB_SUB} has not registered the resource provider Microsoft\\.Network \\(NotRegistered\\), and apply writes .*az provider register --namespace Microsoft\\.Network --subscription ${HUB_SUB}$`
      )
    )
  })

  it('a Key Vault on access policies', async () => {
    h.emulator.admin.patchResource(VAULT_ID, { properties: { enableRbacAuthorization: false } })
    await expectRefused(
      base,
      "teams/studio.yaml:31:7: github.app: Key Vault kv-studio uses access policies, so the Key Vault Secrets User role runner-setup grants the runners' identity has no effect and no runner could read the GitHub App key. Switch the vault to Azure RBAC (az keyvault update --name kv-studio --enable-rbac-authorization true; first give RBAC roles to whoever relies on its access policies), then rerun."
    )
  })

  it('useRemoteGateways towards a VNet without a gateway', async () => {
    const config = studioConfig({
      ...base,
      network: {
        ...base.network,
        peerings: [{ remoteVnetId: HUB_VNET_ID, allowForwardedTraffic: true, useRemoteGateways: true }]
      }
    })
    await expectRefused(
      config,
      `teams/studio.yaml:14:9: network.peerings[0].useRemoteGateways is true but ${HUB_VNET_ID} has no gateway (Azure refuses the peering with RemoteVnetHasNoGateways). Set useRemoteGateways: false, or have the owners of that VNet deploy its VPN or ExpressRoute gateway first.`
    )
  })

  it('no environment left in the subscription and region', async () => {
    h.emulator.admin.setQuotas({ environmentsPerRegion: 0 })
    await expectRefused(
      base,
      'teams/studio.yaml:5:3: azure.location: subscription 00000000-0000-0000-0000-0000000000aa already has 0 of its 0 Container Apps environments in norwayeast (quota ManagedEnvironmentCount), and this team needs one more. Request a quota increase for Microsoft.App in that region (Azure portal, Quotas), or use another subscription or region.'
    )
  })

  it("runners.max × cpu over the environment's core quota", async () => {
    const config = studioConfig({ ...base, runners: { ...base.runners, max: 60 } })
    await expectRefused(
      config,
      "teams/studio.yaml:40:3: runners: 1 job × runners.max 60 × cpu 2 = 120 cores, over the environment's Consumption core quota of 100 (ManagedEnvironmentConsumptionCores); runners past it would never start. Lower runners.max or runners.cpu, or request a quota increase for the environment."
    )
  })

  it("more runners than the subnet's addresses can hold", async () => {
    const config = studioConfig({ ...base, runners: { ...base.runners, max: 200, cpu: 0.25, memory: '0.5Gi' } })
    await expectRefused(
      config,
      "teams/studio.yaml:10:3: network.subnet 10.90.0.0/27 holds about 150 Consumption replicas (Azure keeps 17 of its addresses, and each address serves about 10 replicas), but the team's 1 job may run 200 runners at once. Use a larger subnet (one prefix length shorter doubles it) or lower runners.max."
    )
  })

  it('plan shows every check; with all of them passing, apply goes ahead', async () => {
    const planned = await h.engine.planLive(base)
    expect(planned.plan.preflight.map(f => `${f.check} ${f.status}`)).toEqual([
      'provider ok',
      'keyVault ok',
      'environmentQuota ok',
      'coreQuota ok',
      'subnetCapacity ok'
    ])
    await h.engine.apply(base)
    await h.engine.destroy(base)
  })
})
