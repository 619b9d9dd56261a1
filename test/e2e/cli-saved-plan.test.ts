/**
 * The CLI bundle: a plan saved with `plan --json` applies as it is (`apply --plan FILE`); a stale one is refused with
 * exit 1 and nothing written; a failed preflight check ends apply with exit 1, one message and no write.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loadTeamConfigs } from '../../src/config/load.js'
import { desiredResources } from '../../src/core/desired.js'
import { countArm, startWorld, type World } from '../../emulator/worlds/world.js'

const CONFIG = 'examples/teams/studio.yaml'
const config = loadTeamConfigs([CONFIG])[0]
const job = desiredResources(config).find(r => r.kind === 'job')!
let world: World
let dir: string

beforeAll(async () => {
  world = await startWorld([CONFIG])
  dir = mkdtempSync(join(tmpdir(), 'runner-setup-plan-'))
})
afterAll(async () => {
  await world.close()
  rmSync(dir, { recursive: true, force: true })
})

async function savePlan(name: string): Promise<string> {
  const planned = await world.cli(['plan', '--config', CONFIG, '--json'])
  expect(planned.code).toBe(0)
  const file = join(dir, name)
  writeFileSync(file, planned.stdout)
  return file
}

describe('apply --plan', () => {
  it('applies a saved plan as it is, then refuses one that went stale', async () => {
    const file = await savePlan('create.json')
    const applied = await world.cli(['apply', '--config', CONFIG, '--plan', file, '--json'])
    expect(applied.code).toBe(0)
    expect(JSON.parse(applied.stdout).writes.length).toBe(JSON.parse(await readPlanChanges(file)).length)

    world.emulator.admin.patchResource(job.id, {
      properties: { configuration: { eventTriggerConfig: { scale: { maxExecutions: 3 } } } }
    })
    const stale = await savePlan('update.json')
    world.emulator.admin.patchResource(job.id, {
      properties: { configuration: { eventTriggerConfig: { scale: { maxExecutions: 5 } } } }
    })
    const mark = world.emulator.requests().length
    const refused = await world.cli(['apply', '--config', CONFIG, '--plan', stale])
    expect(refused.code).toBe(1)
    expect(refused.stdout + refused.stderr).toContain(
      `The saved plan is stale: Microsoft.App/jobs ${job.name} changed in Azure since it was made. Run plan again, review it, and apply the new plan.`
    )
    expect(countArm(world.emulator, mark).writes).toBe(0)
  })

  it('takes --plan with apply only', async () => {
    const run = await world.cli(['plan', '--config', CONFIG, '--plan', 'plan.json'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('runner-setup: --plan only applies to apply')
  })

  it('says what to do when the file is not a saved plan', async () => {
    const file = join(dir, 'nonsense.json')
    writeFileSync(file, '{"team":"studio"}')
    const run = await world.cli(['apply', '--config', CONFIG, '--plan', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${file}: not a saved plan (expected the output of plan --json, with a plan per team)`)
  })
})

describe('preflight through the CLI', () => {
  it('a Key Vault on access policies: exit 1, one message naming the config line, no write', async () => {
    const vault = config.github.app.keyVaultId
    world.emulator.admin.patchResource(vault, { properties: { enableRbacAuthorization: false } })
    const mark = world.emulator.requests().length
    const run = await world.cli(['apply', '--config', CONFIG])
    expect(run.code).toBe(1)
    const lines = (run.stdout + run.stderr).split('\n').filter(l => l.includes('uses access policies'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      new RegExp(`${CONFIG}:\\d+:\\d+: github\\.app: Key Vault kv-studio-runners uses access policies`)
    )
    expect(countArm(world.emulator, mark).writes).toBe(0)
  })
})

async function readPlanChanges(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises')
  return JSON.stringify((JSON.parse(await readFile(file, 'utf8')) as { changes: unknown[] }).changes)
}
