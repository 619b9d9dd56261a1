/**
 * The CLI bundle killed (SIGKILL, no cleanup) at several points during `apply`: the next apply converges, a third
 * writes nothing, and nothing is duplicated or left behind (exactly the desired resources exist, each once).
 */
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loadTeamConfigs } from '../../src/config/load.js'
import { desiredResources } from '../../src/core/desired.js'
import { CLI_BUNDLE, countArm, startWorld, type World } from '../support/world.js'

const CONFIG = 'examples/teams/studio.yaml'
const desired = desiredResources(loadTeamConfigs([CONFIG])[0])
let world: World

beforeAll(async () => {
  // Latency and several polls per operation, so the kill lands mid-flight.
  world = await startWorld([CONFIG], { latencyMs: 15, lroPolls: 3 })
})
afterAll(async () => {
  await world.close()
})

/** Starts apply and SIGKILLs it once the emulator has seen `writes` ARM writes from it. */
async function applyKilledAfter(writes: number): Promise<number> {
  const before = world.emulator.requests().length
  const child = spawn(process.execPath, [CLI_BUNDLE, 'apply', '--config', CONFIG], {
    env: world.env,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  for (;;) {
    if (countArm(world.emulator, before).writes >= writes) break
    if (child.exitCode !== null) break
    await new Promise(r => setTimeout(r, 2))
  }
  child.kill('SIGKILL')
  await exited
  return countArm(world.emulator, before).writes
}

function existing(): string[] {
  return desired.filter(r => world.emulator.admin.getResource(r.id) !== undefined).map(r => r.id)
}

describe('apply killed mid-run', () => {
  for (const killAfter of [1, 6, 12]) {
    it(`after ${killAfter} writes: the next apply converges, the one after writes nothing`, async () => {
      const seen = await applyKilledAfter(killAfter)
      expect(seen).toBeGreaterThanOrEqual(killAfter)
      expect(existing().length).toBeLessThan(desired.length) // really interrupted

      const rerun = await world.cli(['apply', '--config', CONFIG])
      expect(rerun.stderr).not.toMatch(/\n\s+at /)
      expect(rerun.code).toBe(0)
      expect(existing()).toHaveLength(desired.length)

      const mark = world.emulator.requests().length
      const again = await world.cli(['apply', '--config', CONFIG])
      expect(again.code).toBe(0)
      expect(countArm(world.emulator, mark).writes).toBe(0)

      // Nothing duplicated: one job, one environment, one identity, one role assignment for it.
      expect(world.emulator.admin.listResourceIds('Microsoft.App/jobs')).toHaveLength(1)
      expect(world.emulator.admin.listResourceIds('Microsoft.App/managedEnvironments')).toHaveLength(1)
      expect(world.emulator.admin.listResourceIds('Microsoft.ManagedIdentity/userAssignedIdentities')).toHaveLength(1)
      expect(world.emulator.admin.listResourceIds('Microsoft.Authorization/roleAssignments')).toHaveLength(1)

      // Start the next case from nothing again.
      const destroyed = await world.cli(['destroy', '--config', CONFIG])
      expect(destroyed.code).toBe(0)
      expect(existing()).toEqual([])
    })
  }
})
