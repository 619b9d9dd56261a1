/**
 * The fault matrix: each fault at each step of apply and destroy ends in success (the SDK retried) or in one clear
 * line; with the fault gone, a rerun converges with nothing duplicated or left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { studioConfig } from '../../emulator/worlds/azure-fixture.js'
import { engineFor, startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'
import type { Engine } from '../../src/azure/engine.js'

const config = studioConfig()
const desired = desiredResources(config)
const name = (kind: string) => desired.find(r => r.kind === kind)!.name

/** One step per resource kind, matched on the request path of its write. */
const STEPS: [string, string][] = [
  ['network security group', `/networkSecurityGroups/${name('networkSecurityGroup')}$`],
  ['public IP', `/publicIPAddresses/${name('publicIpAddress')}$`],
  ['NAT gateway', `/natGateways/${name('natGateway')}$`],
  ['virtual network', `/virtualNetworks/${name('virtualNetwork')}$`],
  ['subnet', `/subnets/${name('subnet')}$`],
  ['peering', `/virtualNetworkPeerings/${name('peering')}$`],
  ['remote peering', `/virtualNetworkPeerings/${name('remotePeering')}$`],
  ['private DNS zone link', `/virtualNetworkLinks/${name('privateDnsZoneLink')}$`],
  ['identity', `/userAssignedIdentities/${name('identity')}$`],
  ['role assignment', `/roleAssignments/${name('roleAssignment')}$`],
  ['environment', `/managedEnvironments/${name('managedEnvironment')}$`],
  ['diagnostic setting', `/diagnosticSettings/${name('diagnosticSetting')}$`],
  ['job', `/jobs/${name('job')}$`]
]

/** Steps whose write is a plain request/response in ARM: an LRO fault never fires there. */
const SYNCHRONOUS = new Set(['identity', 'role assignment', 'diagnostic setting'])

/** What the first run must end in: the SDK retries transport faults; LRO faults surface as one line. */
function expectOutcome(kind: string, step: string, message: string | undefined): void {
  if (kind === 'lro-fail' && !SYNCHRONOUS.has(step))
    expect(message).toMatch(/: Azure reported InternalServerError: Something went wrong on the platform\.$/)
  else if (kind === 'lro-hang' && !SYNCHRONOUS.has(step)) expect(message).toMatch(/^Gave up on (create|delete) /)
  else expect(message).toBeUndefined()
}

const FAULTS = [
  { label: '429 with Retry-After', fault: { kind: 'status' as const, status: 429, retryAfterSeconds: 0, times: 1 } },
  { label: '500', fault: { kind: 'status' as const, status: 500, times: 1 } },
  { label: '503', fault: { kind: 'status' as const, status: 503, times: 1 } },
  { label: 'dropped connection', fault: { kind: 'drop' as const, times: 1 } },
  {
    label: 'failed operation',
    fault: {
      kind: 'lro-fail' as const,
      code: 'InternalServerError',
      message: 'Something went wrong on the platform.',
      times: 1
    }
  },
  { label: 'never-finishing operation', fault: { kind: 'lro-hang' as const, times: 1 } }
]

let h: Harness
let engine: Engine
/** Gives up quickly: only for the never-finishing rows, so a slow but healthy operation elsewhere never times out. */
let impatient: Engine

beforeAll(async () => {
  h = await startHarness()
  engine = engineFor(h.emulator, [], { operationTimeoutMs: 10_000 })
  impatient = engineFor(h.emulator, [], { operationTimeoutMs: 300 })
})
afterAll(async () => {
  await h.emulator.close()
})

/** A rejection must be one line saying what failed; success is fine too. */
async function settle(run: Promise<unknown>): Promise<string | undefined> {
  try {
    await run
    return undefined
  } catch (error) {
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    expect(message).toMatch(/^(Cannot|Gave up on) /)
    return message
  }
}

/**
 * After a never-finishing operation, Azure eventually completes it on its own; the emulator keeps it hung, so the
 * test marks the stuck resources done. The environment is left out of the hang rows: the emulator refuses any later
 * write on an environment with a hung operation (covered on its own in interrupted.test.ts).
 */
function azureFinishesHungOperations(): void {
  for (const r of desired) {
    const wire = h.emulator.admin.getResource(r.id) as { properties?: { provisioningState?: string } } | undefined
    const state = wire?.properties?.provisioningState
    if (state && !/^(succeeded|failed|canceled)$/i.test(state))
      h.emulator.admin.patchResource(r.id, { properties: { provisioningState: 'Succeeded' } })
  }
}

const stepsFor = (kind: string) => (kind === 'lro-hang' ? STEPS.filter(([step]) => step !== 'environment') : STEPS)

function expectAllPresent(): void {
  for (const r of desired) expect(h.emulator.admin.getResource(r.id)).toBeDefined()
}

function expectAllGone(): void {
  for (const r of desired) expect(h.emulator.admin.getResource(r.id)).toBeUndefined()
}

describe.each(FAULTS)('apply with $label', ({ fault }) => {
  it.each(stepsFor(fault.kind))('at the %s step, then a rerun converges', async (step, path) => {
    h.emulator.admin.fault({ ...fault, method: 'PUT', path })
    expectOutcome(fault.kind, step, await settle((fault.kind === 'lro-hang' ? impatient : engine).apply(config)))
    h.emulator.admin.clearFaults()
    azureFinishesHungOperations()
    await engine.apply(config)
    expectAllPresent()
    const mark = h.mark()
    expect((await engine.apply(config)).writes).toEqual([])
    expect(h.writesSince(mark)).toEqual([])
    await engine.destroy(config)
    expectAllGone()
  })
})

describe.each(FAULTS)('destroy with $label', ({ fault }) => {
  it.each(stepsFor(fault.kind))('at the %s step, then a rerun removes everything', async (step, path) => {
    await engine.apply(config)
    h.emulator.admin.fault({ ...fault, method: 'DELETE', path })
    expectOutcome(fault.kind, step, await settle((fault.kind === 'lro-hang' ? impatient : engine).destroy(config)))
    h.emulator.admin.clearFaults()
    azureFinishesHungOperations()
    await engine.destroy(config)
    expectAllGone()
  })
})

describe('reads', () => {
  it('a 503 then a dropped connection while reading are retried by the SDK', async () => {
    h.emulator.admin.fault({ kind: 'status', status: 503, method: 'GET', path: `/jobs/${name('job')}$`, times: 1 })
    h.emulator.admin.fault({
      kind: 'drop',
      method: 'GET',
      path: `/managedEnvironments/${name('managedEnvironment')}$`,
      times: 1
    })
    const plan = await engine.planLive(config)
    expect(plan.counts.create).toBe(desired.length)
  })
})
