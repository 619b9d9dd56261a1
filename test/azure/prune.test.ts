/**
 * What the config stops wanting is removed (real SDK against the emulator): NAT egress, a peering, logs, the org job
 * after a switch to repo scope, a dropped repository's job. Drift shows each before apply; a rerun writes nothing.
 * Steps build on each other, as a team's config changes over time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { TeamConfig } from '../../src/config/types.js'
import { teamOutputs } from '../../src/commands/outputs.js'
import { desiredResources } from '../../src/core/desired.js'
import { driftTable } from '../../src/render/drift-table.js'
import { renderText } from '../../src/render/text.js'
import { HUB_RG_ID, HUB_VNET_ID, RG_ID, studioConfig } from '../../emulator/worlds/azure-fixture.js'
import { startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'

const OLD_VNET_ID = `${HUB_RG_ID}/providers/Microsoft.Network/virtualNetworks/vnet-old`
const JOBS = `${RG_ID}/providers/Microsoft.App/jobs`
const HAND_MADE_JOB = `${JOBS}/hand-made`
const OTHER_TEAMS_JOB = `${JOBS}/caj-apps`

const base = studioConfig()
const hub = base.network.peerings[0]
const old = { remoteVnetId: OLD_VNET_ID, allowForwardedTraffic: false, useRemoteGateways: false }
/** Each step's config: the one before with one more thing turned off. */
const full: TeamConfig = { ...base, network: { ...base.network, peerings: [hub, old] } }
const noNat: TeamConfig = { ...full, network: { ...full.network, natGateway: false } }
const onePeering: TeamConfig = { ...noNat, network: { ...noNat.network, peerings: [hub] } }
const noLogs: TeamConfig = { ...onePeering, logs: {} }
const repoScope: TeamConfig = { ...noLogs, github: { ...noLogs.github, scope: 'repo' } }
const oneRepo: TeamConfig = { ...repoScope, github: { ...repoScope.github, repos: ['altinn-studio'] } }

const idOf = (config: TeamConfig, kind: string) => desiredResources(config).find(r => r.kind === kind)!.id
const idsOf = (config: TeamConfig, kind: string) =>
  desiredResources(config)
    .filter(r => r.kind === kind)
    .map(r => r.id)
const stored = (id: string) => h.emulator.admin.getResource(id) as { properties: Record<string, unknown> } | undefined

let h: Harness

beforeAll(async () => {
  h = await startHarness()
  h.emulator.admin.seed(OLD_VNET_ID, {
    location: 'norwayeast',
    properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] } }
  })
  // Jobs in the same group that are not this team's: one made by hand, one of another team (in its own environment).
  const otherEnv = `${RG_ID}/providers/Microsoft.App/managedEnvironments/cae-apps-runners`
  h.emulator.admin.seed(HAND_MADE_JOB, { location: 'norwayeast', properties: { environmentId: otherEnv } })
  h.emulator.admin.seed(OTHER_TEAMS_JOB, {
    location: 'norwayeast',
    tags: { 'managed-by': 'runner-setup', 'runner-setup-team': 'apps' },
    properties: { environmentId: otherEnv }
  })
  await h.engine.apply(full)
})
afterAll(async () => {
  await h.emulator.close()
})

/** drift items and apply writes as `action kind` lines, in order. */
async function driftOf(config: TeamConfig): Promise<string[]> {
  return (await h.engine.drift(config)).items.map(i => `${i.action} ${i.kind}`)
}

async function applied(config: TeamConfig): Promise<string[]> {
  return (await h.engine.apply(config)).writes.map(w => `${w.action} ${w.kind}`)
}

async function expectConverged(config: TeamConfig): Promise<void> {
  const mark = h.mark()
  expect(await applied(config)).toEqual([])
  expect(h.writesSince(mark)).toEqual([])
}

describe('apply removes what the config no longer wants', () => {
  it('NAT off: the subnet lets go of the gateway, then the gateway and its public IP are deleted', async () => {
    const nat = idOf(full, 'natGateway')
    const drift = await h.engine.drift(noNat)
    expect(drift.items.map(i => `${i.action} ${i.kind}`)).toEqual([
      'update subnet',
      'delete natGateway',
      'delete publicIpAddress'
    ])
    const change = drift.items[0].changes[0]
    expect([change.path, String((change.from as { id: string }).id).toLowerCase(), change.to]).toEqual([
      'natGateway',
      nat.toLowerCase(),
      undefined
    ])

    // The job summary and the drift issue show a delete as a whole-resource row, the unset field as absent.
    const table = driftTable(drift.items)
    expect(table).toContain('| natGateway `ng-studio-runners` | (not in the config: apply deletes it) | | |')
    expect(
      table.find(row => row.startsWith('| subnet `snet-runners` | `natGateway` | `(absent)` | `{"id":'))
    ).toBeDefined()

    const result = await h.engine.apply(noNat)
    expect(result.writes.map(w => `${w.action} ${w.kind}`)).toEqual([
      'update subnet',
      'delete natGateway',
      'delete publicIpAddress'
    ])
    const text = renderText({
      command: 'apply',
      exitCode: 0,
      teams: [{ team: 'studio', file: 'studio.yaml', writes: result.writes, outputs: teamOutputs(noNat) }]
    })
    expect(text).toMatch(/^ {2}- delete natGateway ng-studio-runners \(\d+\.\ds\)$/m)
    expect(stored(idOf(noNat, 'subnet'))!.properties.natGateway ?? undefined).toBeUndefined()
    expect(stored(nat)).toBeUndefined()
    expect(stored(idOf(full, 'publicIpAddress'))).toBeUndefined()
    await expectConverged(noNat)
  })

  it('a peering dropped: both sides are deleted, the peering kept is untouched', async () => {
    const [keptLocal, droppedLocal] = idsOf(noNat, 'peering')
    const [keptRemote, droppedRemote] = idsOf(noNat, 'remotePeering')
    expect(await driftOf(onePeering)).toEqual(['delete peering', 'delete remotePeering'])

    const mark = h.mark()
    expect(await applied(onePeering)).toEqual(['delete peering', 'delete remotePeering'])
    expect(
      h
        .writesSince(mark)
        .map(w => `${w.method} ${w.path}`)
        .sort()
    ).toEqual([`DELETE ${droppedLocal}`, `DELETE ${droppedRemote}`].sort())
    expect([stored(droppedLocal), stored(droppedRemote)]).toEqual([undefined, undefined])
    expect(stored(keptLocal)).toBeDefined()
    expect(stored(keptRemote)).toBeDefined()
    await expectConverged(onePeering)
  })

  it('logs removed: the environment clears its log destination and the diagnostic setting is deleted', async () => {
    const env = idOf(noLogs, 'managedEnvironment')
    expect(await driftOf(noLogs)).toEqual(['update managedEnvironment', 'delete diagnosticSetting'])
    expect(await applied(noLogs)).toEqual(['update managedEnvironment', 'delete diagnosticSetting'])
    expect(
      (stored(env)!.properties.appLogsConfiguration as { destination?: unknown }).destination ?? undefined
    ).toBeUndefined()
    expect(stored(idOf(onePeering, 'diagnosticSetting'))).toBeUndefined()
    await expectConverged(noLogs)
  })

  it('org → repo scope: a job per repository is created, then the org job is deleted', async () => {
    const orgJob = idOf(noLogs, 'job')
    expect(await driftOf(repoScope)).toEqual(['create job', 'create job', 'delete job'])
    expect(await applied(repoScope)).toEqual(['create job', 'create job', 'delete job'])
    expect(stored(orgJob)).toBeUndefined()
    for (const id of idsOf(repoScope, 'job')) expect(stored(id)).toBeDefined()
    await expectConverged(repoScope)
  })

  it('a repository dropped: its job stops its running execution and is deleted; jobs not ours stay', async () => {
    const [kept, dropped] = idsOf(repoScope, 'job')
    h.emulator.admin.seed(`${dropped}/executions/run-1`, { properties: { status: 'Running' } })
    const drift = await h.engine.drift(oneRepo)
    expect(drift.items.map(i => [i.action, i.id.toLowerCase()])).toEqual([['delete', dropped.toLowerCase()]])
    const text = renderText({
      command: 'drift',
      exitCode: 2,
      teams: [{ team: 'studio', file: 'studio.yaml', drift: drift.items, outputs: teamOutputs(oneRepo) }]
    })
    expect(text).toContain(`  extra job ${drift.items[0].name} (not in the config: apply deletes it)`)

    const mark = h.mark()
    expect(await applied(oneRepo)).toEqual(['delete job'])
    expect(h.writesSince(mark).map(w => `${w.method} ${w.path.replace(dropped, '<dropped>')}`)).toEqual([
      'POST <dropped>/executions/run-1/stop',
      'DELETE <dropped>'
    ])
    expect(stored(dropped)).toBeUndefined()
    expect(stored(kept)).toBeDefined()
    expect(stored(HAND_MADE_JOB)).toBeDefined()
    expect(stored(OTHER_TEAMS_JOB)).toBeDefined()
    await expectConverged(oneRepo)
  })

  it("destroy with a config that no longer names a job deletes it too, and only this team's jobs", async () => {
    // Back at org scope: the repository's job is an orphan, yet still the team's and deleted with the rest.
    const result = await h.engine.destroy(noLogs)
    expect(result.refused).toEqual([])
    expect(result.deleted.map(d => d.id.toLowerCase())).toContain(idOf(oneRepo, 'job').toLowerCase())
    expect(h.emulator.admin.listResourceIds('Microsoft.App/jobs').sort()).toEqual(
      [HAND_MADE_JOB, OTHER_TEAMS_JOB].sort()
    )
    expect(stored(idOf(noLogs, 'managedEnvironment'))).toBeUndefined()
    expect(stored(HUB_VNET_ID)).toBeDefined()
  })
})

describe('what the config no longer wants but is not provably ours', () => {
  it('is neither deleted nor a reason to stop: apply warns and goes on, destroy leaves it without refusing', async () => {
    const nat = idOf(full, 'natGateway')
    h.emulator.admin.seed(nat, { location: 'norwayeast', properties: {} })
    const before = h.log.length
    expect(await applied(noLogs)).not.toContain('delete natGateway')
    expect(stored(nat)).toBeDefined()
    expect(h.log.slice(before)).toContain(
      `warning: Leaving ${nat} alone: Microsoft.Network/natGateways ng-studio-runners is no longer in the config but is not provably team studio's: not deleting it`
    )
    expect((await h.engine.drift(noLogs)).drifted).toBe(false)

    const result = await h.engine.destroy(noLogs)
    expect(result.refused).toEqual([])
    expect(stored(nat)).toBeDefined()
  })
})
