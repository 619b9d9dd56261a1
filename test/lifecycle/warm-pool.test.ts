import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

const JOB_ID =
  '/subscriptions/00000000-0000-0000-0000-200000000014/resourceGroups/rg-omega-runners/providers/Microsoft.App/jobs/caj-omega'

describe('warm pool (minExecutions: 2, max 4)', () => {
  let life: Lifecycle
  beforeAll(async () => {
    life = await startLifecycle(
      writeTeamConfigs([
        {
          team: 'omega',
          index: 14,
          repos: ['omega-app'],
          labels: ['omega'],
          max: 4,
          runners: '  warmPool: { size: 2, always: true }\n'
        }
      ]),
      LIFECYCLE_OPTIONS
    )
  }, 120_000)
  afterAll(async () => life?.close())

  const idleRunners = () => [...life.world.github.admin.github.runners.values()].filter(r => !r.busy)
  const running = () => life.runtime.running()

  it('holds 2 idle runners with nothing queued; a job takes one at once and the pool is refilled', async () => {
    await life.until(() => running().length === 2 && idleRunners().length === 2, 'two idle pooled runners', 30_000)
    const pooled = running().map(e => e.name)

    const [team] = life.teams
    const [job] = life.queue(team!, 'omega-app', { runSeconds: 600 })
    await life.until(() => job!.status === 'in_progress', 'a pooled runner to take the job')
    expect(pooled).toContain(job!.runnerName)
    // KEDA counts the in_progress job on top of the floor: one more execution, so 2 are idle again.
    await life.until(() => running().length === 3 && idleRunners().length === 2, 'the pool refilled', 30_000)
  }, 90_000)

  it('a burst larger than the pool still scales to max, never beyond', async () => {
    const [team] = life.teams
    const jobs = life.queue(team!, 'omega-app', { runSeconds: 30, count: 6 })
    let peak = 0
    await life.until(
      () => {
        peak = Math.max(peak, running().length)
        return jobs.every(j => j.status === 'completed')
      },
      'the burst to complete',
      90_000
    )
    expect(peak).toBe(4)
    // Ephemeral: every job ran on its own runner, no runner ran two.
    const names = [...life.world.github.admin.workflows.jobs.values()].map(j => j.runnerName).filter(Boolean)
    expect(new Set(names).size).toBe(names.length)
  }, 120_000)

  it('idle pooled runners stop after the idle timeout, deregister, and fresh ones replace them', async () => {
    // Wait until the long job is the only busy runner and two fresh idle ones stand by.
    await life.until(() => idleRunners().length === 2 && running().length === 3, 'the pool at rest', 30_000)
    const before = new Set(running().map(e => e.name))
    await life.until(
      () =>
        life.runtime.executions.some(
          e => before.has(e.name) && e.status === 'Succeeded' && e.output.includes('idle timeout')
        ),
      'a pooled runner to idle out',
      30_000
    )
    await life.until(() => idleRunners().length === 2, 'a replacement', 30_000)
    const idleNow = running().map(e => e.name)
    expect(idleNow.some(name => !before.has(name))).toBe(true)
    // Every registration belongs to a running execution: nothing is left behind by the runners that idled out.
    const registered = [...life.world.github.admin.github.runners.values()].map(r => r.name)
    for (const name of registered) expect(idleNow).toContain(name)
  }, 90_000)

  it('outside the window (apply sets minExecutions to 0), executions go back to zero', async () => {
    life.world.emulator.admin.patchResource(JOB_ID, {
      properties: { configuration: { eventTriggerConfig: { scale: { minExecutions: 0 } } } }
    })
    for (const job of life.world.github.admin.workflows.jobs.values())
      if (job.status !== 'completed') life.world.github.admin.workflows.cancelJob(job.id)
    await life.until(() => running().length === 0, 'executions back to zero', 60_000)
    expect(life.world.github.admin.github.runners.size).toBe(0)
  }, 90_000)
})

describe('warm pool on a schedule: apply writes the floor, the emulator follows it across the edge', () => {
  const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
  const today = DAYS[new Date().getUTCDay()]!
  const tomorrow = DAYS[(new Date().getUTCDay() + 1) % 7]!
  const schedule = (day: string) =>
    `  warmPool: { size: 1, schedule: { days: [${day}], start: "00:00", end: "23:59", timeZone: UTC } }\n`
  let life: Lifecycle
  let file: string
  beforeAll(async () => {
    ;[file] = writeTeamConfigs([
      { team: 'psi', index: 15, repos: ['psi-app'], labels: ['psi'], max: 2, runners: schedule(today) }
    ]) as [string]
    life = await startLifecycle([file], LIFECYCLE_OPTIONS)
  }, 120_000)
  afterAll(async () => life?.close())

  it('inside the window one runner waits; after the window (apply with the floor at 0) none', async () => {
    await life.until(() => life.runtime.running().length === 1, 'one pooled runner', 30_000)
    // The window moves past now: the same as the clock crossing its end.
    writeFileSync(file, readFileSync(file, 'utf8').replace(`days: [${today}]`, `days: [${tomorrow}]`))
    const drift = await life.world.cli(['drift', '--config', file])
    expect(drift.code).toBe(2)
    expect(drift.stdout).toContain('minExecutions: Azure has 1, the config says 0')
    const apply = await life.world.cli(['apply', '--config', file])
    expect(apply.code).toBe(0)
    await life.until(() => life.runtime.running().length === 0, 'the pooled runner to idle out', 60_000)
    const polls = life.runtime.polls.length
    await life.until(() => life.runtime.polls.length >= polls + 3, 'three more polls')
    expect(life.runtime.running()).toHaveLength(0)
    expect(life.world.github.admin.github.runners.size).toBe(0)
  }, 120_000)
})
