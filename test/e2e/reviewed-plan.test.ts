/**
 * Plan on a pull request, apply on merge, through the CLI bundle: the saved plan records the hashes of its config and
 * policy; apply recomputes the plan and carries out the saved one only when both are the same entry by entry, bodies
 * included; a plan whose config or policy changed since, or a file edited after review, is refused saying why, with
 * nothing written.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { countArm, startWorld, type World } from '../../emulator/worlds/world.js'

const SOURCE = 'examples/teams/minimal.yaml'
let world: World
let dir: string
let config: string
let policy: string

beforeAll(async () => {
  world = await startWorld([SOURCE])
  dir = mkdtempSync(join(tmpdir(), 'runner-setup-reviewed-'))
  config = join(dir, 'minimal.yaml')
  copyFileSync(SOURCE, config)
  policy = join(dir, 'policy.yaml')
  writeFileSync(policy, 'limits:\n  maxRunners: 20\n')
})
afterAll(async () => {
  await world.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The pull request's run: a live plan, saved as the artifact reviewers see. */
async function planOnPullRequest(name: string): Promise<string> {
  const run = await world.cli(['plan', '--config', config, '--policy', policy, '--json'])
  expect(run.code).toBe(0)
  const file = join(dir, name)
  writeFileSync(file, run.stdout)
  return file
}

/** The merge's run: apply exactly the reviewed plan, or nothing. */
async function applyOnMerge(file: string) {
  const mark = world.emulator.requests().length
  const run = await world.cli(['apply', '--config', config, '--policy', policy, '--plan', file, '--json'])
  return { ...run, writes: countArm(world.emulator, mark).writes, text: run.stdout + run.stderr }
}

describe('reviewed plans', () => {
  it('records the hashes of its config and policy', async () => {
    const file = await planOnPullRequest('hashes.json')
    const { plan } = JSON.parse(readFileSync(file, 'utf8')) as { plan: { sources: Record<string, string> } }
    expect(plan.sources).toEqual({
      config: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      policy: expect.stringMatching(/^sha256:[0-9a-f]{64}$/)
    })
  })

  it('refuses a plan whose config changed after review, saying so, and writes nothing', async () => {
    const file = await planOnPullRequest('config.json')
    writeFileSync(config, readFileSync(config, 'utf8') + 'runners:\n  max: 3\n')
    const run = await applyOnMerge(file)
    copyFileSync(SOURCE, config)
    expect(run.code).toBe(1)
    expect(run.text).toContain(`The saved plan is stale: ${config} changed since it was made`)
    expect(run.writes).toBe(0)
  })

  it('refuses a plan whose policy changed after review', async () => {
    const file = await planOnPullRequest('policy.json')
    writeFileSync(policy, 'limits:\n  maxRunners: 15\n')
    const run = await applyOnMerge(file)
    writeFileSync(policy, 'limits:\n  maxRunners: 20\n')
    expect(run.code).toBe(1)
    expect(run.text).toContain('The saved plan is stale: the platform policy')
    expect(run.writes).toBe(0)
  })

  it('refuses a plan file edited after review: the recomputed plan decides, the file is only evidence', async () => {
    const file = await planOnPullRequest('forged.json')
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      plan: { entries: { kind: string; body?: Record<string, unknown> }[] }
    }
    const job = saved.plan.entries.find(e => e.kind === 'job')!
    job.body = { ...job.body, tags: { ...(job.body?.tags as object), extra: 'not reviewed' } }
    writeFileSync(file, JSON.stringify(saved))
    const run = await applyOnMerge(file)
    expect(run.code).toBe(1)
    expect(run.text).toContain('The saved plan is not what apply would do now, so it is refused')
    expect(run.text).toContain('the body to send differs')
    expect(run.writes).toBe(0)
  })

  it('applies the reviewed plan on merge when nothing moved', async () => {
    const file = await planOnPullRequest('reviewed.json')
    const planned = (JSON.parse(readFileSync(file, 'utf8')) as { changes: unknown[] }).changes.length
    const run = await applyOnMerge(file)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).writes.length).toBe(planned)
  })
})
