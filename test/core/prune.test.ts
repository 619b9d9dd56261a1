/** What the config no longer wants: null fields, absent resources, orphans found by listing, and where their deletes go. */
import { describe, expect, it } from '@jest/globals'
import type { TeamConfig } from '../../src/config/types.js'
import { desiredResources } from '../../src/core/desired.js'
import { diffResource } from '../../src/core/diff.js'
import { localPeeringName } from '../../src/core/names.js'
import { orphanResources } from '../../src/core/orphans.js'
import { ownershipProblem } from '../../src/core/ownership.js'
import { planApply, planDestroy, planOffline } from '../../src/core/plan.js'
import { resolveRefs } from '../../src/core/refs.js'
import type { ActualState, PlanEntry } from '../../src/core/types.js'
import { PRIVATE_VNET, RG, observed, orgTeam } from './fixtures.js'

const NAT = `${RG}/providers/Microsoft.Network/natGateways/ng-studio-runners`
const PIP = `${RG}/providers/Microsoft.Network/publicIPAddresses/pip-studio-runners`
const VNET = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-studio-runners`
const ENV = `${RG}/providers/Microsoft.App/managedEnvironments/cae-studio-runners`
const OURS = { 'managed-by': 'runner-setup', 'runner-setup-team': 'studio' }

/** Azure after a successful apply of `config`: each wanted body plus what Azure adds; nothing unwanted. */
function appliedState(config: TeamConfig): ActualState {
  const state: ActualState = new Map()
  for (const r of desiredResources(config).filter(d => !d.absent)) {
    const { body } = resolveRefs(r.body, (_id, p) => `${p}-value`)
    const extra = r.kind === 'identity' ? { clientId: 'clientId-value', principalId: 'principalId-value' } : {}
    state.set(r.id, { id: r.id, body: { ...body, ...extra, id: r.id, name: r.name, provisioningState: 'Succeeded' } })
  }
  return state
}

const changed = (entries: PlanEntry[]) =>
  entries.filter(e => e.action !== 'noop').map(e => `${e.level} ${e.action} ${e.kind}`)

function withoutNat(): TeamConfig {
  const config = orgTeam()
  config.network = { ...config.network, natGateway: false }
  return config
}

describe('diff: null means "must not be set"', () => {
  const subnet = desiredResources(withoutNat()).find(r => r.kind === 'subnet')!
  const actualWith = (natGateway: unknown) => ({ id: subnet.id, body: { ...structuredClone(subnet.body), natGateway } })

  it('is a change when Azure still has a value, from that value to absent', () => {
    expect(diffResource(subnet, actualWith({ id: NAT }))).toEqual({
      action: 'update',
      changes: [{ path: 'natGateway', from: { id: NAT }, to: undefined }]
    })
  })

  it('is no change when Azure leaves the field out or says null', () => {
    const { natGateway: _, ...without } = actualWith(null).body
    expect(diffResource(subnet, { id: subnet.id, body: without }).action).toBe('noop')
    expect(diffResource(subnet, actualWith(null)).action).toBe('noop')
  })

  it('deletes an absent resource that exists, and leaves one that does not', () => {
    const nat = desiredResources(withoutNat()).find(r => r.kind === 'natGateway')!
    expect(nat.absent).toBe(true)
    expect(diffResource(nat, { id: NAT, body: { tags: OURS } })).toEqual({ action: 'delete', changes: [] })
    expect(diffResource(nat, undefined)).toEqual({ action: 'noop', changes: [] })
  })
})

describe('planApply after the config turned something off', () => {
  it('NAT off: the subnet lets go of the gateway first, then the gateway goes, then its public IP', () => {
    const plan = planApply(
      desiredResources(withoutNat()),
      observed(desiredResources(withoutNat()), appliedState(orgTeam()))
    )
    expect(changed(plan.entries)).toEqual(['1 update subnet', '4 delete natGateway', '5 delete publicIpAddress'])
    const subnet = plan.entries.find(e => e.kind === 'subnet')!
    expect(subnet.changes).toEqual([{ path: 'natGateway', from: { id: NAT }, to: undefined }])
    expect(subnet.body!.natGateway).toBeNull()
    // Deletes come after every write: the highest write level is the job's.
    const highestWrite = Math.max(...plan.entries.filter(e => e.action !== 'delete').map(e => e.level))
    expect(plan.entries.filter(e => e.action === 'delete').every(e => e.level > highestWrite)).toBe(true)
    expect(plan.entries.filter(e => e.action === 'delete').map(e => e.id)).toEqual([NAT, PIP])
  })

  it('logs removed: the environment clears its destination and the diagnostic setting is deleted', () => {
    const config = orgTeam()
    config.logs = {}
    const plan = planApply(desiredResources(config), observed(desiredResources(config), appliedState(orgTeam())))
    expect(changed(plan.entries)).toEqual(['3 update managedEnvironment', '5 delete diagnosticSetting'])
    expect(plan.entries.find(e => e.kind === 'managedEnvironment')!.changes).toEqual([
      { path: 'appLogsConfiguration.destination', from: 'azure-monitor', to: undefined }
    ])
  })

  it('once converged, plans nothing and leaves the absent resources out of the plan', () => {
    const desired = desiredResources(withoutNat())
    const plan = planApply(desired, observed(desired, appliedState(withoutNat())))
    expect(changed(plan.entries)).toEqual([])
    expect(plan.entries).toHaveLength(desired.filter(r => !r.absent).length)
    expect(plan.entries.some(e => e.kind === 'natGateway' || e.kind === 'publicIpAddress')).toBe(false)
  })

  it('offline shows only what the config wants', () => {
    expect(
      planOffline(desiredResources(withoutNat())).entries.some(
        e => e.kind === 'natGateway' || e.kind === 'publicIpAddress'
      )
    ).toBe(false)
  })
})

describe('planDestroy with absent resources', () => {
  it('deletes the ones that still exist too: the subnet before the NAT gateway, the gateway before its IP', () => {
    const kinds = planDestroy(
      desiredResources(withoutNat()),
      observed(desiredResources(withoutNat()), appliedState(orgTeam()))
    ).entries.map(e => e.kind)
    expect(kinds).toContain('natGateway')
    expect(kinds.indexOf('subnet')).toBeLessThan(kinds.indexOf('natGateway'))
    expect(kinds.indexOf('natGateway')).toBeLessThan(kinds.indexOf('publicIpAddress'))
  })
})

describe('orphanResources', () => {
  const config = orgTeam()
  const wanted = desiredResources(config)
  const OTHER_VNET = PRIVATE_VNET.replace('vnet-studio-private', 'vnet-old')
  const ourPeering = wanted.find(r => r.kind === 'peering')!
  const dropped = {
    id: `${VNET}/virtualNetworkPeerings/${localPeeringName(OTHER_VNET)}`,
    name: localPeeringName(OTHER_VNET),
    remoteVnetId: OTHER_VNET
  }
  const JOBS = `${RG}/providers/Microsoft.App/jobs`

  it('turns a peering we made to a VNet no longer listed into both sides, absent, the far side pointing back at us', () => {
    const orphans = orphanResources(config, wanted, {
      peerings: [{ id: ourPeering.id, name: ourPeering.name, remoteVnetId: PRIVATE_VNET }, dropped],
      jobs: []
    }).resources
    expect(orphans.map(o => [o.kind, o.id, o.ownership, o.absent])).toEqual([
      ['peering', dropped.id, 'child', true],
      ['remotePeering', `${OTHER_VNET}/virtualNetworkPeerings/runner-setup-studio`, 'marked', true]
    ])
    expect(orphans[1].body).toEqual({ remoteVirtualNetwork: { id: VNET } })
    // Deletes on our VNet wait for the wanted peering's write, never run beside it.
    expect(orphans[0].dependsOn).toEqual([ourPeering.id])
  })

  it('leaves a peering someone added by hand (a name we never derive) alone', () => {
    expect(
      orphanResources(config, wanted, {
        peerings: [{ ...dropped, id: `${VNET}/virtualNetworkPeerings/manual`, name: 'manual' }],
        jobs: []
      }).resources
    ).toEqual([])
  })

  it("turns jobs tagged as this team's that the config no longer names into absent jobs; others' and untagged ones stay out", () => {
    const jobs = [
      { id: wanted.find(r => r.kind === 'job')!.id.toUpperCase(), tags: OURS },
      { id: `${JOBS}/cajr-abc123-studio`, tags: { ...OURS, 'runner-setup-repo': 'gone' }, environmentId: ENV },
      { id: `${JOBS}/caj-apps`, tags: { ...OURS, 'runner-setup-team': 'apps' }, environmentId: ENV },
      { id: `${JOBS}/hand-made`, tags: undefined, environmentId: ENV },
      // Our tags are not enough: a name we never give, or another environment, is not ours.
      { id: `${JOBS}/nightly-export`, tags: OURS, environmentId: ENV },
      { id: `${JOBS}/caj-studio-2`, tags: OURS, environmentId: `${ENV}-other` },
      { id: `${JOBS}/cajr-abc124-studio`, tags: OURS, environmentId: `${ENV}-other` }
    ]
    const { resources: orphans, warnings } = orphanResources(config, wanted, { peerings: [], jobs })
    expect(orphans.map(o => [o.kind, o.name, o.absent])).toEqual([['job', 'cajr-abc123-studio', true]])
    expect(orphans[0].dependsOn[0]).toBe(ENV)
    const notOurs = "not provably the team's, left alone"
    expect(warnings).toEqual([
      `Microsoft.App/jobs ${JOBS}/nightly-export carries team studio's tags but its name is not one runner-setup gives this team: ${notOurs}`,
      `Microsoft.App/jobs ${JOBS}/caj-studio-2 carries team studio's tags but its name is not one runner-setup gives this team: ${notOurs}`,
      `Microsoft.App/jobs ${JOBS}/cajr-abc124-studio carries team studio's tags but it runs in ${ENV}-other, not in the team's environment: ${notOurs}`
    ])
  })

  it('an orphan that is not provably ours is not deleted, and says so', () => {
    const [, remote] = orphanResources(config, wanted, { peerings: [dropped], jobs: [] }).resources
    const elsewhere = { id: remote.id, body: { remoteVirtualNetwork: { id: `${VNET}-other` } } }
    expect(ownershipProblem(remote, elsewhere, 'studio')).toBe(
      "Microsoft.Network/virtualNetworks/virtualNetworkPeerings runner-setup-studio is no longer in the config but is not provably team studio's: not deleting it"
    )
    expect(
      ownershipProblem(remote, { id: remote.id, body: { remoteVirtualNetwork: { id: VNET.toLowerCase() } } }, 'studio')
    ).toBeUndefined()
  })
})
