/**
 * One machine, the whole runner lifecycle: the world (emulator + GitHub doubles), team configs applied with the
 * built CLI, each team's GitHub side seeded, and the job runtime polling and running executions on a fast clock.
 * Shared by the lifecycle tests, the sandbox and the benchmark.
 */
import type { TeamConfig } from '../../src/config/types.js'
import { startWorld, type World } from '../worlds/world.js'
import type { WorkflowJob } from '../github/index.js'
import { createClock, type Clock } from './clock.js'
import { JobRuntime, type RuntimeOptions } from './job-runtime.js'
import { runtimeState } from './runtime-state.js'
import { seedGitHubTeam } from './seed-github.js'

export interface Lifecycle {
  world: World
  clock: Clock
  runtime: JobRuntime
  teams: TeamConfig[]
  /** Queues one job (a workflow run) for `repo` of the team, running `runSeconds` simulated seconds once taken. */
  queue(
    team: TeamConfig,
    repo: string,
    options?: { labels?: string[]; runSeconds?: number; result?: 'success' | 'failure'; count?: number }
  ): WorkflowJob[]
  /** Waits (real time, bounded) until `check` holds. */
  until(check: () => boolean, what: string, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export type LifecycleOptions = { speed?: number; apply?: boolean } & Pick<
  RuntimeOptions,
  'entrypoint' | 'onPoll' | 'onExecution' | 'holdAssignmentDuringPolls' | 'runnerEnv'
>

/** `teams`: the configs of `configFiles`, read by the caller (the emulator reads no team config itself). */
export async function startLifecycle(
  configFiles: string[],
  teams: TeamConfig[],
  options: LifecycleOptions = {}
): Promise<Lifecycle> {
  const world = await startWorld(configFiles)
  try {
    if (options.apply !== false) {
      for (const file of configFiles) {
        const run = await world.cli(['apply', '--config', file])
        if (run.code !== 0) throw new Error(`apply ${file} failed (exit ${run.code}): ${run.stdout}${run.stderr}`)
      }
    }
    for (const team of teams) seedGitHubTeam(world.github.admin, team)
  } catch (error) {
    await world.close()
    throw error
  }
  const clock = createClock(options.speed ?? 100)
  world.github.admin.workflows.wallClock = clock.epochMs
  const runtime = new JobRuntime({ emulator: world.emulator, github: world.github.admin, clock, ...options })
  runtime.start()
  const workflows = world.github.admin.workflows
  return {
    world,
    clock,
    runtime,
    teams,
    queue: (team, repo, o = {}) =>
      workflows.queueJob({
        owner: team.github.owner,
        repo,
        labels: o.labels ?? team.github.labels,
        runMs: (o.runSeconds ?? 60) * 1000,
        result: o.result,
        count: o.count
      }),
    async until(check, what, timeoutMs = 60_000) {
      const start = Date.now()
      while (!check()) {
        if (Date.now() - start > timeoutMs)
          throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${runtimeState(runtime, workflows)}`)
        await new Promise(r => setTimeout(r, 5))
      }
    },
    async close() {
      await runtime.stop()
      await world.close()
    }
  }
}
