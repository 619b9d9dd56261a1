/**
 * The execution's status tells what happened to the runner, whatever run.sh's own exit code would say (run-helper.sh
 * maps a refused registration to 0): a job run to its end is Succeeded (its result is the workflow's, in GitHub);
 * a JIT config GitHub refuses and a runner version GitHub no longer accepts are Failed, with the listener's code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { containerProcesses } from '../../emulator/lifecycle/container-processes.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

let life: Lifecycle
beforeAll(async () => {
  life = await startLifecycle(
    writeTeamConfigs([
      { team: 'sigma', index: 10, repos: ['sigma-app'], labels: ['sigma'], max: 1 },
      { team: 'tau', index: 11, repos: ['tau-app'], labels: ['tau'], max: 1, sudo: true }
    ]),
    LIFECYCLE_OPTIONS
  )
}, 120_000)
afterAll(async () => life?.close())

describe.each([
  ['default mode', 0],
  ['sudo mode', 1]
])("the execution's status is the runner's real outcome (%s)", (_mode, team) => {
  /** Queues one job and returns the first execution started for it, once it has ended. */
  async function runOne(options: { result?: 'success' | 'failure' }) {
    const before = life.runtime.executions.length
    const spec = life.teams[team]!
    const [job] = life.queue(spec, spec.github.repos[0]!, { runSeconds: 10, ...options })
    await life.until(() => life.runtime.executions.length > before, 'an execution')
    const execution = life.runtime.executions[before]!
    await life.until(() => execution.status !== 'Running', 'the execution to end')
    life.world.github.admin.workflows.cancelJob(job!.id) // a refused runner leaves it queued
    await life.until(() => life.runtime.running().length === 0, 'no execution running')
    expect(containerProcesses(execution.name)).toEqual([])
    expect(execution.output).toContain(team ? 'credential-free supervisor' : 'without any way to gain privileges')
    return { job: job!, execution }
  }

  it('a job that succeeds: Succeeded (exit 0)', async () => {
    const { job, execution } = await runOne({ result: 'success' })
    expect(job.conclusion).toBe('success')
    expect(execution).toMatchObject({ status: 'Succeeded', exitCode: 0 })
  }, 60_000)

  it("a job that fails: Succeeded (exit 0): the runner did its work, the failure is the workflow's", async () => {
    const { job, execution } = await runOne({ result: 'failure' })
    expect(job.conclusion).toBe('failure')
    expect(execution).toMatchObject({ status: 'Succeeded', exitCode: 0 })
    expect(execution.output).toContain('completed with result: Failed')
  }, 60_000)

  it('a JIT config GitHub refuses: Failed (exit 1, the listener’s code, which run.sh turns into 0)', async () => {
    life.world.github.admin.workflows.refuseSessions = 'unknown'
    try {
      const { execution } = await runOne({})
      expect(execution).toMatchObject({ status: 'Failed', exitCode: 1 })
      expect(execution.output).toContain('the listener exited with code 1')
    } finally {
      life.world.github.admin.workflows.refuseSessions = undefined
    }
  }, 60_000)

  it('a runner version GitHub no longer accepts: Failed (exit 7)', async () => {
    life.world.github.admin.workflows.refuseSessions = 'deprecated'
    try {
      const { execution } = await runOne({})
      expect(execution).toMatchObject({ status: 'Failed', exitCode: 7 })
      expect(execution.output).toContain('the listener exited with code 7')
    } finally {
      life.world.github.admin.workflows.refuseSessions = undefined
    }
  }, 60_000)
})
