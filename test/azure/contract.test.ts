/**
 * The plan is the contract: plan shows refusals and waits exactly as apply then carries them out, a saved plan applies
 * as it is, and a stale one is refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { Plan } from '../../src/core/types.js'
import { desiredResources } from '../../src/core/desired.js'
import { studioConfig } from '../../emulator/worlds/azure-fixture.js'
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
  await h.engine.destroy(config)
})
afterAll(async () => {
  await h.emulator.close()
})

/** What `plan --json` saves and `apply --plan` reads back. */
const saved = (plan: Plan): Plan => JSON.parse(JSON.stringify(plan)) as Plan

describe('refusals and waits', () => {
  it('plan shows a foreign resource as refused, and apply stops on exactly that refusal before any write', async () => {
    const nsg = byKind('networkSecurityGroup')
    h.emulator.admin.seed(nsg.id, { location: 'norwayeast', properties: { securityRules: [] } })
    const planned = await h.engine.planLive(config)
    const refused = planned.plan.entries.filter(e => e.action === 'refuse')
    expect(refused.map(e => [e.id, e.blocking])).toEqual([[nsg.id, true]])
    expect(refused[0].reason).toBe(
      `${nsg.type} ${nsg.name} exists but is not tagged as team studio's: refusing to take it over; remove or rename it, or tag it managed-by=runner-setup and runner-setup-team=studio if it really is this team's`
    )
    const mark = h.mark()
    await expect(h.engine.apply(config)).rejects.toThrow(refused[0].reason!)
    expect(h.writesSince(mark)).toEqual([])
    h.emulator.admin.deleteResource(nsg.id)
  })

  it('plan shows a resource still mid-operation as a wait, and apply waits for it, then writes only what differs', async () => {
    await h.engine.apply(config)
    const env = byKind('managedEnvironment')
    h.emulator.admin.patchResource(env.id, { properties: { provisioningState: 'InfrastructureSetupInProgress' } })
    const log: string[] = []
    const engine = engineFor(h.emulator, log, { settlePollMs: 10 })
    const planned = await engine.planLive(config) // also signs in, so the wait below times only ARM
    const waits = planned.plan.entries.filter(e => e.action === 'wait')
    expect(waits.map(e => e.id)).toEqual([env.id])
    expect(waits[0].reason).toBe(
      'InfrastructureSetupInProgress: an earlier operation is still running; apply waits until it settles, then writes it if it still differs'
    )
    // Azure finishes the earlier operation once apply has said it waits for it.
    const record = log.push.bind(log)
    log.push = (...lines: string[]) => {
      if (lines.some(l => l.includes('(an earlier operation is still running)')))
        h.emulator.admin.patchResource(env.id, { properties: { provisioningState: 'Succeeded' } })
      return record(...lines)
    }
    const applied = await engine.apply(config)
    expect(applied.plan.entries.filter(e => e.action === 'wait').map(e => e.id)).toEqual([env.id])
    expect(
      log.some(l => l.startsWith('environment cae-studio-runners: InfrastructureSetupInProgress (an earlier'))
    ).toBe(true)
    expect(applied.writes).toEqual([]) // settled as wanted: nothing to write
  })
})

describe('saved plans', () => {
  it('a saved plan applies as it is; the next plan has nothing to do', async () => {
    const plan = saved((await h.engine.planLive(config)).plan)
    const applied = await h.engine.apply(config, plan)
    expect(applied.writes.map(w => `${w.action} ${w.id}`).sort()).toEqual(
      plan.entries.map(e => `${e.action} ${e.id}`).sort()
    )
    const again = await h.engine.planLive(config)
    expect(again.counts.noop).toBe(desired.length)
  })

  it('a saved plan is refused, with nothing written, when Azure changed since it was made', async () => {
    await h.engine.apply(config)
    const job = byKind('job')
    h.emulator.admin.patchResource(job.id, {
      properties: { configuration: { eventTriggerConfig: { scale: { maxExecutions: 3 } } } }
    })
    const plan = saved((await h.engine.planLive(config)).plan)
    expect(plan.entries.find(e => e.id === job.id)?.action).toBe('update')
    h.emulator.admin.patchResource(job.id, {
      properties: { configuration: { eventTriggerConfig: { scale: { maxExecutions: 4 } } } }
    })
    const mark = h.mark()
    await expect(h.engine.apply(config, plan)).rejects.toThrow(
      `The saved plan is stale: Microsoft.App/jobs ${job.name} changed in Azure since it was made. Run plan again, review it, and apply the new plan.`
    )
    expect(h.writesSince(mark)).toEqual([])
  })

  it("refuses another team's plan and an offline plan", async () => {
    const plan = saved((await h.engine.planLive(config)).plan)
    await expect(h.engine.apply(config, { ...plan, team: 'apps' })).rejects.toThrow(
      'The saved plan is for apply of team apps, not for apply of team studio: make it with plan --json for this config.'
    )
    const offline = { ...plan, entries: plan.entries.map(e => ({ ...e, observed: 'unread' })) }
    await expect(h.engine.apply(config, offline)).rejects.toThrow('The saved plan was made offline')
  })
})
