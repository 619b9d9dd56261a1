/**
 * A loaded machine does not change what the lifecycle does. The warm pool once timed out under load "waiting for
 * the pool at rest": its long job's run time and the pool's process start-ups were real time, so a slow machine
 * ended the job before the pool was back at rest. Here the machine stalls on purpose at that moment: the runtime's
 * process busy for 2 s, then every process of one idle pooled execution stopped (SIGSTOP) for 2 s, while its replacement starts. The job
 * still runs (its steps last simulated time, which a stall does not eat), and the pool comes back to rest.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { containerProcesses } from '../emulator/lifecycle/container-processes.js'
import { startLifecycle, type Lifecycle } from '../emulator/lifecycle/lifecycle.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

function busyFor(ms: number): void {
  const until = Date.now() + ms
  while (Date.now() < until) {
    // the runtime's process, stalled: no timer, no poll, no HTTP answer runs meanwhile
  }
}

describe('a stalled machine, at the moment the warm pool failed under load', () => {
  let life: Lifecycle
  beforeAll(async () => {
    life = await startLifecycle(
      writeTeamConfigs([
        {
          team: 'sigma',
          index: 16,
          repos: ['sigma-app'],
          labels: ['sigma'],
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

  it('a 10-minute job outlasts a 2 s stall of the runtime and a 2 s SIGSTOP of an execution; the pool comes to rest', async () => {
    await life.until(() => running().length === 2 && idleRunners().length === 2, 'two idle pooled runners', 30_000)
    const [team] = life.teams
    // 600 simulated seconds: 6 s of real time at ×100, when jobs ran on real time.
    const [job] = life.queue(team!, 'sigma-app', { runSeconds: 600 })
    await life.until(() => job!.status === 'in_progress', 'a pooled runner to take the job')
    const simAtStart = life.clock.now()

    busyFor(2000)
    const idle = running().find(e => e.name !== job!.runnerName)!
    const stopped = containerProcesses(idle.name)
    for (const pid of stopped) process.kill(pid, 'SIGSTOP')
    await new Promise(r => setTimeout(r, 2000))
    for (const pid of stopped) process.kill(pid, 'SIGCONT')

    await life.until(() => idleRunners().length === 2 && running().length === 3, 'the pool at rest', 30_000)
    expect(job!.status).toBe('in_progress')
    expect(life.clock.now() - simAtStart).toBeLessThan(600_000)
    expect(running().map(e => e.name)).toContain(job!.runnerName)
  }, 90_000)
})
