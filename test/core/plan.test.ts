import { describe, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { blockers, levels, planApply, planDestroy, planOffline } from '../../src/core/plan.js'
import { renderPlanText } from '../../src/render/plan-text.js'
import { resolveRefs } from '../../src/core/refs.js'
import type { TeamConfig } from '../../src/config/types.js'
import type { ActualState, DesiredResource, PlanEntry } from '../../src/core/types.js'
import { observed, orgTeam, repoTeam } from './fixtures.js'

const CLIENT_ID = '0f0e0d0c-0b0a-0908-0706-050403020100'
const PRINCIPAL_ID = '00112233-4455-6677-8899-aabbccddeeff'

/** Org scope, no NAT, no peering, no logs, existing resource group: the smallest graph. */
function minimalTeam() {
  const config = orgTeam()
  config.network = { ...config.network, natGateway: false, peerings: [], dnsServers: [], privateDnsZones: [] }
  config.logs = {}
  return config
}

/** What apply writes: the desired resources without those the config turned off. */
const wantedResources = (config: TeamConfig) => desiredResources(config).filter(r => !r.absent)

function levelsByName(desired: DesiredResource[]): Record<string, number | undefined> {
  const byId = levels(desired)
  return Object.fromEntries(desired.map(r => [`${r.kind}:${r.name}`, byId.get(r.id)]))
}

/** Everything as Azure would return it after a successful apply: our bodies plus what Azure adds, nothing unwanted. */
function appliedState(desired: DesiredResource[]): ActualState {
  const state: ActualState = new Map()
  for (const r of desired.filter(d => !d.absent)) {
    const { body } = resolveRefs(r.body, (_id, p) => (p === 'clientId' ? CLIENT_ID : PRINCIPAL_ID))
    const extra = r.kind === 'identity' ? { clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: 't' } : {}
    state.set(r.id, { id: r.id, body: { ...body, ...extra, id: r.id, name: r.name, provisioningState: 'Succeeded' } })
  }
  return state
}

const summary = (entries: PlanEntry[]) => entries.map(e => `${e.level} ${e.action} ${e.kind}:${e.name}`)

describe('levels', () => {
  it('puts NSG, VNet and identity at 0, subnet and role at 1, environment at 2, job at 3 in the smallest graph', () => {
    expect(levelsByName(wantedResources(minimalTeam()))).toEqual({
      'networkSecurityGroup:nsg-studio-runners': 0,
      'virtualNetwork:vnet-studio-runners': 0,
      'subnet:snet-runners': 1,
      'identity:id-studio-runners': 0,
      [`roleAssignment:${desiredResources(minimalTeam()).find(r => r.kind === 'roleAssignment')!.name}`]: 1,
      'managedEnvironment:cae-studio-runners': 2,
      'job:caj-studio': 3
    })
  })

  it('pushes the subnet behind the NAT gateway, serializes peerings behind it, and logs behind the environment', () => {
    const desired = desiredResources(orgTeam())
    const byKind = Object.fromEntries(desired.map(r => [r.kind, levels(desired).get(r.id)]))
    expect(byKind).toEqual({
      networkSecurityGroup: 0,
      publicIpAddress: 0,
      natGateway: 1,
      virtualNetwork: 0,
      subnet: 2,
      peering: 3,
      remotePeering: 1,
      privateDnsZoneLink: 1,
      identity: 0,
      roleAssignment: 1,
      managedEnvironment: 3,
      diagnosticSetting: 4,
      job: 4
    })
  })

  it('chains several local peerings one after another', () => {
    const config = minimalTeam()
    config.network.peerings = ['a', 'b', 'c'].map(v => ({
      remoteVnetId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-${v}`,
      allowForwardedTraffic: true,
      useRemoteGateways: false
    }))
    const desired = wantedResources(config)
    const levelOf = levels(desired)
    expect(desired.filter(r => r.kind === 'peering').map(r => levelOf.get(r.id))).toEqual([2, 3, 4])
    expect(desired.filter(r => r.kind === 'remotePeering').map(r => levelOf.get(r.id))).toEqual([1, 1, 1])
  })

  it('puts a created resource group under everything', () => {
    const desired = desiredResources(repoTeam())
    expect(
      summary(planOffline(desired).entries).map(line =>
        line.replace(/cajr-[0-9a-f]{6}/, 'cajr-*').replace(/roleAssignment:\S+/, 'roleAssignment')
      )
    ).toEqual([
      '0 create resourceGroup:rg-apps-runners',
      '1 create networkSecurityGroup:nsg-apps-team-runners',
      '1 create virtualNetwork:vnet-apps-team-runners',
      '1 create identity:id-apps-team-runners',
      '2 create subnet:snet-runners',
      '2 create roleAssignment',
      '3 create managedEnvironment:cae-apps-team-runners',
      '4 create job:cajr-*-apps-team',
      '4 create job:cajr-*-apps-team'
    ])
  })

  it('throws on a cycle, naming it', () => {
    const make = (name: string, dependsOn: string[]): DesiredResource => ({
      kind: 'subnet',
      id: `/x/${name}`,
      type: 't',
      apiVersion: 'v',
      name,
      dependsOn,
      ownership: 'child',
      body: {}
    })
    expect(() => levels([make('a', ['/x/c']), make('b', ['/x/a']), make('c', ['/x/b'])])).toThrow(
      'Dependency cycle between desired resources: a → c → b → a'
    )
    expect(levels([make('a', ['/x/not-desired'])]).get('/x/a')).toBe(0)
  })
})

describe('planOffline', () => {
  const plan = planOffline(desiredResources(orgTeam()))

  it('creates everything in level order, each with its body and level', () => {
    expect(plan.team).toBe('studio')
    expect(plan.entries).toHaveLength(13)
    expect(plan.entries.every(e => e.action === 'create' && e.body !== undefined && e.changes === undefined)).toBe(true)
    const seen = plan.entries.map(e => e.level)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })

  it('shows values Azure assigns as known after apply', () => {
    const role = plan.entries.find(e => e.kind === 'roleAssignment')!
    expect(role.body!.principalId).toBe('(known after apply: id-studio-runners.principalId)')
    const text = JSON.stringify(plan)
    expect(text).not.toContain('$ref')
    expect(text).toContain(
      '"name":"RUNNER_SETUP_IDENTITY_CLIENT_ID","value":"(known after apply: id-studio-runners.clientId)"'
    )
  })
})

describe('planApply', () => {
  const desired = desiredResources(orgTeam())

  it('is all no-ops, without bodies, once Azure holds everything', () => {
    const plan = planApply(desired, observed(desired, appliedState(desired)))
    expect(plan.entries.map(e => e.action)).toEqual(Array(13).fill('noop'))
    expect(plan.entries.some(e => e.body !== undefined || e.changes !== undefined)).toBe(false)
  })

  it('resolves refs from the existing identity into the bodies it writes', () => {
    const actual = appliedState(desired)
    const job = desired.find(r => r.kind === 'job')!
    actual.delete(job.id)
    const entry = planApply(desired, observed(desired, actual)).entries.find(e => e.id === job.id)!
    expect(entry).toMatchObject({ action: 'create', level: 4, name: 'caj-studio', type: 'Microsoft.App/jobs' })
    expect(JSON.stringify(entry.body)).toContain(`"name":"RUNNER_SETUP_IDENTITY_CLIENT_ID","value":"${CLIENT_ID}"`)
  })

  it('keeps refs for apply to resolve when the identity does not exist yet', () => {
    const plan = planApply(desired, observed(desired, new Map()))
    expect(plan.entries.every(e => e.action === 'create')).toBe(true)
    expect(plan.entries.find(e => e.kind === 'roleAssignment')!.body!.principalId).toEqual({
      $ref: desired.find(r => r.kind === 'identity')!.id,
      property: 'principalId'
    })
  })

  it('carries the changes and, read-modify-write, the live body with our fields applied', () => {
    const actual = appliedState(desired)
    const vnet = desired.find(r => r.kind === 'virtualNetwork')!
    const live = actual.get(vnet.id)!.body
    actual.set(vnet.id, {
      id: vnet.id,
      body: {
        ...live,
        addressSpace: { addressPrefixes: ['10.90.0.0/25'] },
        enableDdosProtection: false,
        subnets: [{ id: `${vnet.id}/subnets/snet-runners` }],
        tags: { ...(live.tags as object), 'policy-owner': 'platform' }
      }
    })
    const entry = planApply(desired, observed(desired, actual)).entries.find(e => e.id === vnet.id)!
    expect(entry.action).toBe('update')
    expect(entry.changes).toEqual([
      { path: 'addressSpace.addressPrefixes', from: ['10.90.0.0/25'], to: ['10.90.0.0/24'] }
    ])
    // What others set (a policy tag, a VNet setting) is sent back; subnets, written on their own, are left out.
    expect(entry.body).toEqual({
      ...live,
      ...vnet.body,
      enableDdosProtection: false,
      tags: { ...(vnet.body.tags as object), 'policy-owner': 'platform' }
    })
    expect(entry.reason).toBe('1 field differs')
  })

  it('finds actual state keyed by an id in another case', () => {
    const actual: ActualState = new Map([...appliedState(desired)].map(([id, r]) => [id.toUpperCase(), r]))
    expect(planApply(desired, observed(desired, actual)).entries.every(e => e.action === 'noop')).toBe(true)
  })
})

describe('planDestroy', () => {
  it('deletes what exists, dependents first, never the resource group', () => {
    const desired = desiredResources(repoTeam())
    const actual = appliedState(desired)
    actual.delete(desired.find(r => r.kind === 'roleAssignment')!.id)
    const plan = planDestroy(desired, observed(desired, actual, 'apps-team'))
    expect(plan.team).toBe('apps-team')
    expect(summary(plan.entries).map(line => line.replace(/cajr-[0-9a-f]{6}/, 'cajr-*'))).toEqual([
      '4 delete job:cajr-*-apps-team',
      '4 delete job:cajr-*-apps-team',
      '3 delete managedEnvironment:cae-apps-team-runners',
      '2 delete subnet:snet-runners',
      '1 delete identity:id-apps-team-runners',
      '1 delete virtualNetwork:vnet-apps-team-runners',
      '1 delete networkSecurityGroup:nsg-apps-team-runners'
    ])
    expect(plan.entries.every(e => e.body === undefined)).toBe(true)
  })

  it('deletes the peerings and zone links before the VNet, the diagnostic setting before the environment', () => {
    const desired = desiredResources(orgTeam())
    const entries = planDestroy(desired, observed(desired, appliedState(desired))).entries
    const position = (kind: DesiredResource['kind']) => entries.findIndex(e => e.kind === kind)
    expect(entries).toHaveLength(13)
    for (const [first, then] of [
      ['job', 'managedEnvironment'],
      ['diagnosticSetting', 'managedEnvironment'],
      ['managedEnvironment', 'subnet'],
      ['peering', 'subnet'],
      ['subnet', 'virtualNetwork'],
      ['remotePeering', 'virtualNetwork'],
      ['privateDnsZoneLink', 'virtualNetwork'],
      ['subnet', 'natGateway'],
      ['natGateway', 'publicIpAddress'],
      ['job', 'roleAssignment'],
      ['roleAssignment', 'identity']
    ] as const) {
      expect([first, position(first) < position(then)]).toEqual([first, true])
    }
  })

  it('is empty when nothing exists', () => {
    expect(planDestroy(desiredResources(orgTeam()), observed([], new Map())).entries).toEqual([])
  })
})

describe('planApply decides refusals and waits, and plan text shows them', () => {
  const desired = desiredResources(orgTeam())

  it('refuses a foreign resource (blocking), waits for one mid-operation, and says why for each', () => {
    const actual = appliedState(desired)
    const nsg = desired.find(r => r.kind === 'networkSecurityGroup')!
    const env = desired.find(r => r.kind === 'managedEnvironment')!
    actual.set(nsg.id, { id: nsg.id, body: { ...actual.get(nsg.id)!.body, tags: { owner: 'platform' } } })
    actual.set(env.id, { id: env.id, body: { ...actual.get(env.id)!.body, provisioningState: 'Waiting' } })
    const plan = planApply(desired, observed(desired, actual))
    const refused = plan.entries.find(e => e.id === nsg.id)!
    expect([refused.action, refused.blocking]).toEqual(['refuse', true])
    expect(plan.entries.find(e => e.id === env.id)!.action).toBe('wait')
    expect(blockers(plan)).toEqual([refused.reason])
    const text = renderPlanText(plan, 'Plan for team studio:')
    expect(text).toContain(`  ! refuse  ${nsg.type}`)
    expect(text).toContain(`      ${refused.reason}`)
    expect(text).toContain(
      '      Waiting: an earlier operation is still running; apply waits until it settles, then writes it if it still differs'
    )
    expect(text.split('\n').at(-1)).toMatch(/, 1 to wait for, 1 refused$/)
  })
})
