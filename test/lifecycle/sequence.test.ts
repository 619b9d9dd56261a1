import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../emulator/lifecycle/lifecycle.js'
import { writeTeamConfigs } from './teams.js'

describe('one queued job, end to end', () => {
  let life: Lifecycle
  beforeAll(async () => {
    life = await startLifecycle(writeTeamConfigs([{ team: 'alpha', index: 1, repos: ['alpha-app', 'alpha-api'], labels: ['alpha'] }]), { speed: 100 })
  }, 60_000)
  afterAll(async () => life?.close())

  it('queue → scaler sees it within one poll → execution → JIT runner takes it → deregistered, Succeeded → zero', async () => {
    const [team] = life.teams
    await life.until(() => life.runtime.polls.length > 0, 'the first poll')
    const [job] = life.queue(team!, 'alpha-app', { runSeconds: 30 })
    await life.until(() => job!.status === 'completed', 'the job to complete')
    await life.until(() => life.runtime.running().length === 0, 'executions back to zero')
    const execs = life.runtime.executions
    console.log(execs.map((e) => e.output).join('\n'))
    expect(execs).toHaveLength(1)
    expect(execs[0]!.status).toBe('Succeeded')
    expect(job!.conclusion).toBe('success')
    expect(job!.runnerName).toBe(execs[0]!.name)
    expect(life.world.github.admin.github.runners.size).toBe(0)
  }, 30_000)
})
