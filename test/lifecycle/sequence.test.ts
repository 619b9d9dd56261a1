import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

describe('one queued job, end to end', () => {
  let life: Lifecycle
  beforeAll(async () => {
    life = await startLifecycle(
      writeTeamConfigs([{ team: 'alpha', index: 1, repos: ['alpha-app', 'alpha-api'], labels: ['alpha'] }]),
      LIFECYCLE_OPTIONS
    )
  }, 120_000)
  afterAll(async () => life?.close())

  it('queue → seen within one poll → execution → JIT runner takes it → deregistered, Succeeded → back to zero', async () => {
    const [team] = life.teams
    await life.until(() => life.runtime.polls.length > 1, 'two idle polls')
    // KEDA 2.18.1: 2 calls per repository (queued, in_progress), every one counted: the rule keeps ETags off.
    expect(life.runtime.polls.slice(0, 2).map(p => [p.requests, p.notModified])).toEqual([
      [4, 0],
      [4, 0]
    ])
    const [job] = life.queue(team!, 'alpha-app', { runSeconds: 30 })
    await life.until(() => life.runtime.executions.length === 1, 'an execution')
    // Seen by the next poll: within one polling interval of simulated time (the clock stands still during polls).
    const start = life.clock.epochMs() - life.clock.now()
    const firstSeen = life.runtime.polls.find(p => start + p.simAt >= job!.times.created && p.queueLength > 0)!
    expect(start + firstSeen.simAt - job!.times.created).toBeLessThanOrEqual(20_000)
    expect(firstSeen.started).toBe(1)
    expect(firstSeen.requests).toBe(2 * 2 + 1) // 2 × repositories + 1 active run

    await life.until(() => job!.status === 'completed', 'the job to complete')
    await life.until(() => life.runtime.running().length === 0, 'executions back to zero')
    const [execution] = life.runtime.executions
    expect(life.runtime.executions).toHaveLength(1)
    expect(execution!.status).toBe('Succeeded')
    expect(job!.conclusion).toBe('success')
    expect(job!.runnerName).toBe(execution!.name)
    expect(execution!.output).toContain('Running job: ci')
    expect(life.world.github.admin.github.runners.size).toBe(0)
    // The execution history is ARM's: readable as jobs/executions.
    expect(life.world.emulator.admin.getResource(execution!.id)).toMatchObject({ properties: { status: 'Succeeded' } })

    const polls = life.runtime.polls.length
    await life.until(() => life.runtime.polls.length >= polls + 2, 'two more polls')
    expect(life.runtime.polls.slice(-2).map(p => [p.queueLength, p.started])).toEqual([
      [0, 0],
      [0, 0]
    ])
    expect(life.runtime.executions).toHaveLength(1)
  }, 90_000)
})
