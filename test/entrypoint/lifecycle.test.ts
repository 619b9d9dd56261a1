/**
 * The entrypoint with the emulated runner (the listener PID 1 starts, and a worker per job; see runner-layout.ts) against the GitHub double, in both modes: the idle timeout never
 * cancels a job GitHub has given the runner, an idle runner is stopped and deregistered, and a listener that
 * ignores SIGTERM is killed after the grace period with nothing left behind.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { containerProcesses } from '../../emulator/lifecycle/container-processes.js'
import { writeRunnerLayout } from '../../emulator/lifecycle/runner-layout.js'
import { testBundle } from '../../emulator/runner-entrypoint/bundle.js'
import {
  createWorld,
  fakePasswd,
  jobEnv,
  runEntrypoint,
  waitFor,
  type World
} from '../../emulator/worlds/runner-world.js'

let bundle: string
let world: World

beforeAll(async () => {
  bundle = testBundle()
  world = await createWorld()
})

afterAll(async () => {
  await world.close()
})

beforeEach(() => {
  world.admin.clearRequests()
  world.admin.github.runners.clear()
  for (const job of world.admin.workflows.jobs.values()) world.admin.workflows.cancelJob(job.id)
})

function start(sudo: boolean, env: Record<string, string>, stopGraceMs = 500) {
  const marker = `rs-${Math.random().toString(36).slice(2, 8)}`
  const runnerDir = mkdtempSync(join(world.dir, 'runner-'))
  writeRunnerLayout(runnerDir)
  const run = runEntrypoint(
    bundle,
    jobEnv(world, 'repo', {
      RUNNER_SETUP_SUDO: String(sudo),
      RUNNER_EMULATED_CONTAINER: marker,
      RUNNER_FAKE_POLL_MS: '20',
      ...env
    }),
    { runnerDir, passwdFile: fakePasswd(world.dir), stopGraceMs }
  )
  return { run, marker }
}

const queue = (runMs: number) =>
  world.admin.workflows.queueJob({ owner: world.org, repo: world.repo, labels: ['studio'], runMs })[0]!
const polled = (runnerId: number) =>
  world.admin.requests().some(r => r.path.endsWith(`/runners/${runnerId}/acquire`) && r.status === 204)

for (const sudo of [false, true]) {
  describe(sudo ? 'sudo mode' : 'default mode', () => {
    it('an idle runner without a job is stopped and deregistered; the execution succeeds', async () => {
      const { run, marker } = start(sudo, { RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: '1.5' })
      expect(await run.done).toBe(0)
      expect(run.stdout()).toContain('no job within 1.5 s')
      expect(world.admin.github.runners.size).toBe(0)
      expect(containerProcesses(marker)).toEqual([])
    })

    it('a job the listener works on at the idle timeout runs to completion, even when its output lags', async () => {
      const job = queue(3000)
      const { run } = start(sudo, { RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: '2', RUNNER_FAKE_SILENT_JOB: '1' })
      expect(await run.done).toBe(0)
      expect(run.stdout()).toContain('keeping the runner')
      expect(job).toMatchObject({ status: 'completed', conclusion: 'success' })
    })

    it('a listener that ignores SIGTERM is killed after the grace period; nothing is left', async () => {
      const { run, marker } = start(sudo, { RUNNER_FAKE_IGNORE_SIGNALS: '1' }, 300)
      await waitFor(() => run.stdout().includes('Listening for Jobs'))
      const stopped = Date.now()
      run.child.kill('SIGTERM')
      expect(await run.done).toBe(143)
      expect(Date.now() - stopped).toBeGreaterThanOrEqual(300)
      expect(run.stdout()).toContain('ignoring SIGTERM') // PID 1's stop reached the listener itself
      expect(containerProcesses(marker)).toEqual([])
    })
  })
}

describe('default mode', () => {
  it('a job GitHub assigns while the idle check runs is not cancelled: DELETE answers 422, the job completes', async () => {
    // The listener asks for work every 4 s; GitHub assigns the job right after its first ask, so at the idle
    // timeout (2 s) the runner shows no job yet, but GitHub knows it is busy.
    const release = world.admin.workflows.holdAssignment()
    const job = queue(200)
    const { run } = start(false, { RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: '2', RUNNER_FAKE_POLL_MS: '4000' })
    try {
      await waitFor(() => [...world.admin.github.runners.values()].some(r => polled(r.id)))
    } finally {
      release()
    }
    const runner = [...world.admin.github.runners.values()][0]!
    expect(world.admin.workflows.acquire(runner.id)).toBe(job)
    expect(await run.done).toBe(0)
    expect(world.admin.requests()).toContainEqual(expect.objectContaining({ method: 'DELETE', status: 422 }))
    expect(run.stdout()).toContain('kept (GitHub gave it a job)')
    expect(job).toMatchObject({ status: 'completed', conclusion: 'success', runnerId: runner.id })
  })
})
