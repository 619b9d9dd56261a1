/**
 * The CLI bundle interrupted the way a cancelled workflow or a lost runner does it, against operations that end on
 * Azure's schedule whether or not anyone polls them:
 * - SIGKILL right after each write Azure accepts: every run is killed just past its first accepted write, and the
 *   next run starts from what it left (resources mid-operation), until a run finishes. So apply, then destroy, is
 *   killed at every operation boundary of its plan; both converge, nothing is duplicated, nothing left behind.
 * - SIGINT (a cancelled workflow): no new write starts, each accepted operation is named by id and status URL, and the
 *   process exits at once, without waiting for the operation in flight.
 */
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loadTeamConfigs } from '../../src/config/load.js'
import { desiredResources } from '../../src/core/desired.js'
import { CLI_BUNDLE, countArm, startWorld, type World } from '../../emulator/worlds/world.js'

const CONFIG = 'examples/teams/studio.yaml'
const desired = desiredResources(loadTeamConfigs([CONFIG])[0])
let world: World

beforeAll(async () => {
  // Every operation runs 200 ms on its own clock, polled or not, so a kill leaves it running for the next run to meet.
  world = await startWorld([CONFIG], { latencyMs: 5, lroDurationMs: 200 })
})
afterAll(async () => {
  await world.close()
})

const isOperationPoll = (path: string) => /operation(s|Statuses|Results)\//i.test(path)
/** ARM writes Azure accepted (2xx) since `since`. */
function acceptedWrites(since: number) {
  return world.emulator
    .requests()
    .slice(since)
    .filter(r => r.path.startsWith('/subscriptions/') && r.method !== 'GET' && !isOperationPoll(r.path))
    .filter(r => r.status < 300)
}

function start(command: string) {
  const child = spawn(process.execPath, [CLI_BUNDLE, command, '--config', CONFIG], {
    env: world.env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  return { child, exited, output: () => output }
}

/** Runs `command` and SIGKILLs it right after Azure accepts its first write; the exit code when it finished first. */
async function killedAfterFirstAcceptedWrite(command: string): Promise<{ code: number | null; output: string }> {
  const before = world.emulator.requests().length
  const run = start(command)
  let finished = false
  void run.exited.then(() => (finished = true))
  while (!finished && acceptedWrites(before).length === 0) await new Promise(r => setTimeout(r, 2))
  if (!finished) run.child.kill('SIGKILL')
  return { code: await run.exited, output: run.output() }
}

function existing(): string[] {
  return desired.filter(r => world.emulator.admin.getResource(r.id) !== undefined).map(r => r.id)
}

/** Runs the command killed after each accepted write until a run finishes; returns how many runs that took. */
async function untilConverged(command: string): Promise<number> {
  for (let runs = 1; runs <= desired.length + 2; runs++) {
    const { code, output } = await killedAfterFirstAcceptedWrite(command)
    expect(output).not.toMatch(/\n\s+at /)
    if (code === 0) return runs
    expect(code).toBeNull() // killed, never failed
  }
  throw new Error(`${command} did not converge in ${desired.length + 2} runs`)
}

describe('killed at every operation boundary', () => {
  it('apply, run again after each kill, converges: everything once, and the next apply writes nothing', async () => {
    const runs = await untilConverged('apply')
    expect(runs).toBeGreaterThan(3) // really interrupted, several times
    expect(existing()).toHaveLength(desired.length)
    expect(world.emulator.admin.listResourceIds('Microsoft.App/jobs')).toHaveLength(1)
    expect(world.emulator.admin.listResourceIds('Microsoft.App/managedEnvironments')).toHaveLength(1)
    expect(world.emulator.admin.listResourceIds('Microsoft.ManagedIdentity/userAssignedIdentities')).toHaveLength(1)
    expect(world.emulator.admin.listResourceIds('Microsoft.Authorization/roleAssignments')).toHaveLength(1)

    await new Promise(r => setTimeout(r, 250)) // the last accepted operation ends on Azure's schedule
    const mark = world.emulator.requests().length
    const again = await world.cli(['apply', '--config', CONFIG])
    expect(again.code).toBe(0)
    expect(countArm(world.emulator, mark).writes).toBe(0)
  })

  it('destroy, run again after each kill, converges: nothing of the team left, the resource group kept', async () => {
    const runs = await untilConverged('destroy')
    expect(runs).toBeGreaterThan(3)
    const group = desired.find(r => r.kind === 'resourceGroup')
    expect(existing()).toEqual(group ? [group.id] : [])
  })
})

describe('SIGINT while an operation runs', () => {
  it('starts no new write, names each accepted operation with its status URL, and exits within 5 s', async () => {
    const before = world.emulator.requests().length
    const run = start('apply')
    // A long-running write accepted (the identity's PUT completes at once, so it does not count), and a moment for the
    // CLI to read the answer; each operation then runs 200 ms in Azure.
    const longRunning = (r: { path: string; status: number }) =>
      (r.status === 201 || r.status === 202) && !/\/userAssignedIdentities\//i.test(r.path)
    while (acceptedWrites(before).filter(longRunning).length === 0) await new Promise(r => setTimeout(r, 2))
    await new Promise(r => setTimeout(r, 20))
    const signalledAt = Date.now()
    run.child.kill('SIGINT')
    const code = await run.exited
    expect(Date.now() - signalledAt).toBeLessThan(5_000)
    expect(code).toBe(130)
    const output = run.output()
    expect(output).toMatch(/Interrupted: started no new write; \d+ accepted operations? still runs? in Azure/)
    const named = [...output.matchAll(/: operation ([0-9a-f-]{36}), status (https:\/\/\S+)/g)]
    expect(named.length).toBeGreaterThan(0)
    for (const [, id, url] of named) expect(url).toContain(`/${id}?`)
    // No write started after the signal (one already on the wire may still land).
    const late = acceptedWrites(before).filter(r => r.startedAt > signalledAt + 50)
    expect(late).toEqual([])

    // The next apply finishes what was started.
    expect((await world.cli(['apply', '--config', CONFIG])).code).toBe(0)
    expect(existing()).toHaveLength(desired.length)
  })
})
