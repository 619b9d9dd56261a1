/** Entrypoint figures: HTTP calls and time from container start to `run.sh`, at repo and org scope. */
import { performance } from 'node:perf_hooks'
import { testBundle } from '../../emulator/runner-entrypoint/bundle.js'
import { createWorld, fakePasswd, fakeRunner, jobEnv, runEntrypoint } from '../../emulator/worlds/runner-world.js'

export async function entrypointFigures(report: (name: string, value: string) => void): Promise<void> {
  const world = await createWorld()
  const bundle = testBundle()
  try {
    for (const [label, scope, extra] of [
      ['repo scope', 'repo', {}],
      ['org scope, group by name', 'org', {}],
      ['org scope, group id given', 'org', { RUNNER_SETUP_RUNNER_GROUP_ID: String(world.teamGroupId) }]
    ] as const) {
      world.admin.clearRequests()
      const runner = fakeRunner(world.dir, 'job')
      const env = jobEnv(world, scope, extra)
      const started = performance.now()
      const run = runEntrypoint(bundle, env, { runnerDir: runner.runnerDir, passwdFile: fakePasswd(world.dir) })
      // the listener is reached when the JIT config has been issued: the last call before the runner starts.
      const code = await run.done
      const toRunSh = world.admin.requests().filter(r => !/\/actions\/runners\/\d+$/.test(r.path))
      report(
        `entrypoint, ${label}`,
        `${toRunSh.length} HTTP calls from container start to the listener (exit ${code}, whole run ${(performance.now() - started).toFixed(0)} ms)`
      )
    }
  } finally {
    await world.close()
  }
}
