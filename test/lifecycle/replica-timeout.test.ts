import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { containerProcesses } from '../../emulator/lifecycle/container-processes.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

// replicaTimeout = (jobTimeoutMinutes + idleTimeoutMinutes) × 60 = 300 s, 3 s real at ×100.
const REPLICA_TIMEOUT_MS = 300_000

describe('replicaTimeout', () => {
  let life: Lifecycle
  beforeAll(async () => {
    life = await startLifecycle(
      writeTeamConfigs([
        { team: 'kappa', index: 6, repos: ['kappa-app'], labels: ['kappa'], jobTimeoutMinutes: 1, idleMinutes: 4 }
      ]),
      LIFECYCLE_OPTIONS
    )
  }, 120_000)
  afterAll(async () => life?.close())

  it('an execution running past replicaTimeout is stopped and Failed; its runner cancels the job and is deregistered; nothing is retried', async () => {
    const [team] = life.teams
    const [job] = life.queue(team!, 'kappa-app', { runSeconds: 3600 })
    await life.until(() => job!.status === 'in_progress', 'a runner to take the job')
    const execution = life.runtime.executions.find(e => e.name === job!.runnerName)!
    await life.until(() => execution.status !== 'Running', 'the execution to end', 30_000)

    expect(execution).toMatchObject({ status: 'Failed', reason: 'replicaTimeout' })
    expect(execution.endedAt! - execution.startedAt).toBeGreaterThanOrEqual(life.clock.realMs(REPLICA_TIMEOUT_MS))
    expect(life.world.emulator.admin.getResource(execution.id)).toMatchObject({ properties: { status: 'Failed' } })
    expect(execution.output).toContain('received SIGTERM')
    expect(job).toMatchObject({ status: 'completed', conclusion: 'cancelled', runnerName: execution.name })
    expect(life.world.github.admin.github.runners.size).toBe(0)
    expect(containerProcesses(execution.name)).toEqual([])

    // replicaRetryLimit 0, and the job is no longer queued: two more polls start nothing.
    const polls = life.runtime.polls.length
    await life.until(() => life.runtime.polls.length >= polls + 2, 'two more polls')
    expect(life.runtime.executions).toHaveLength(1)
  }, 120_000)
})
