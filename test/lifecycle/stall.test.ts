/**
 * A loaded machine does not change what the lifecycle does. The warm pool once timed out under load "waiting for
 * the pool at rest": its long job's run time and the pool's process start-ups were real time, so a slow machine
 * ended the job before the pool was back at rest. Here the machine stalls on purpose at that moment: the pool's
 * replacement stopped (SIGSTOP, every process) for 4 s as it starts, the runtime's own process busy for 2 s of
 * them. The job still runs (its steps last simulated time, which a stall does not eat), and the pool comes back
 * to rest.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { containerProcesses } from '../../emulator/lifecycle/container-processes.js'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
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

  it('a 5-minute job outlasts a 2 s stall of the runtime and a 4 s SIGSTOP of the starting replacement; the pool comes to rest', async () => {
    await life.until(() => running().length === 2 && idleRunners().length === 2, 'two idle pooled runners', 30_000)
    const pooled = new Set(running().map(e => e.name))
    const [team] = life.teams
    // 300 simulated seconds: 3 s of real time at ×100, when jobs ran on real time.
    const [job] = life.queue(team!, 'sigma-app', { runSeconds: 300 })
    await life.until(() => job!.status === 'in_progress', 'a pooled runner to take the job')
    const simAtStart = life.clock.now()
    // KEDA starts a replacement for the pooled runner the job took: stall the machine while it starts.
    await life.until(() => running().some(e => !pooled.has(e.name)), 'the replacement to start', 30_000)
    const replacement = running().find(e => !pooled.has(e.name))!
    const stopped = containerProcesses(replacement.name)
    for (const pid of stopped) process.kill(pid, 'SIGSTOP')
    busyFor(2000)
    await new Promise(r => setTimeout(r, 2000))
    for (const pid of stopped) process.kill(pid, 'SIGCONT')

    await life.until(() => idleRunners().length === 2 && running().length === 3, 'the pool at rest', 30_000)
    expect(job!.status).toBe('in_progress')
    expect(life.clock.now() - simAtStart).toBeLessThan(300_000)
    expect(running().map(e => e.name)).toContain(job!.runnerName)
  }, 90_000)
})
