/**
 * `npm start`: the whole lifecycle of one team's runners on this machine, no Azure and no GitHub.
 * The built CLI (bin/runner-setup.js, which runs dist/index.js) runs as a child process against the local emulator, exactly as in a workflow.
 */
import { loadTeamConfigs } from '../src/config/load.js'
import { poolJobName } from '../src/core/names.js'
import { countArm, startWorld, type CliRun, type World } from '../emulator/worlds/world.js'
import { lifecycleStory, SPEED } from './bench/lifecycle.js'

/** Team studio with runner pools: the burst below runs jobs of two of them, each in its own job. */
const CONFIG = 'examples/pools/studio.yaml'
const JOB_ID = `/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-studio-runners/providers/Microsoft.App/jobs/${poolJobName('studio', 'default')}`

// Operations end on their own schedule (elapsed time), as ARM's do, polled or not.
const world = await startWorld([CONFIG], { lroDurationMs: 200 })
let failed = false

try {
  console.log(
    `runner-setup sandbox: Azure, Entra and GitHub emulated at ${world.emulator.url}\nteam config: ${CONFIG}\n`
  )

  await step(world, '1. plan: what apply would create', ['plan', '--config', CONFIG], 0)
  await step(world, '2. apply: create the network, environment and scaled job', ['apply', '--config', CONFIG], 0)
  await step(world, '3. apply again: idempotent, nothing to write', ['apply', '--config', CONFIG], 0, { writes: 0 })
  await step(world, '4. drift: none', ['drift', '--config', CONFIG], 0)

  console.log("5. someone raises the job's maxExecutions to 50 in the portal (an out-of-band change)\n")
  world.emulator.admin.patchResource(JOB_ID, {
    properties: { configuration: { eventTriggerConfig: { scale: { maxExecutions: 50 } } } }
  })

  await step(world, '6. drift: found, exit code 2', ['drift', '--config', CONFIG], 2)
  await step(world, '7. apply: repaired', ['apply', '--config', CONFIG], 0)
  await step(world, '8. drift: none again', ['drift', '--config', CONFIG], 0)

  console.log(
    '9. a burst of workflow jobs: KEDA scales executions up, each runs one job on a fresh JIT runner, back to zero'
  )
  try {
    await lifecycleStory(world, line => console.log(line), CONFIG)
  } catch (error) {
    console.log(`  ✗ ${(error as Error).message}`)
    failed = true
  }
  console.log('')

  // The report reads GitHub with a token that may read Actions runs (here one the GitHub double issued to the App).
  // GitHub's timestamps come from the burst's fast clock, which stands still while a container starts: the queue
  // wait is KEDA's polling alone. Say so before the figures, which are meant for production.
  const [team] = loadTeamConfigs([CONFIG])
  const token = world.github.admin.github.issueToken(team!.github.app.installationId, {
    actions: 'read',
    metadata: 'read'
  }).token
  await step(
    world,
    `10. report: the burst's queue wait, executions and estimated cost, from GitHub and Azure\n    (timestamps are on the sandbox's ×${SPEED} clock, which stands still while a container starts: the wait is KEDA's polling alone; README "Performance" adds the platform's start)`,
    ['report', '--config', CONFIG, '--days', '1', '--github-api-url', `${world.emulator.url}/github/api`],
    0,
    {},
    { GITHUB_TOKEN: token }
  )

  await step(world, "11. destroy: only what is tagged as the team's", ['destroy', '--config', CONFIG], 0)
  console.log(
    failed ? 'The sandbox found a problem (see above).' : 'Done: the whole lifecycle ran against the local emulator.'
  )
} finally {
  await world.close()
}
process.exitCode = failed ? 1 : 0

async function step(
  w: World,
  title: string,
  args: string[],
  expectedCode: number,
  expect: { writes?: number } = {},
  env: NodeJS.ProcessEnv = {}
): Promise<CliRun> {
  const before = w.emulator.requests().length
  const started = Date.now()
  const run = await w.cli(args, { env })
  const arm = countArm(w.emulator, before)
  console.log(`${title}\n$ runner-setup ${args.join(' ')}`)
  console.log(indent(run.stdout.trimEnd()))
  if (run.code !== expectedCode) console.log(indent(run.stderr.trimEnd()))
  console.log(
    `  → exit ${run.code}; ${arm.reads} ARM reads, ${arm.writes} ARM writes; ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
  if (run.code !== expectedCode || (expect.writes !== undefined && arm.writes !== expect.writes)) {
    console.log(
      `  ✗ expected exit ${expectedCode}${expect.writes !== undefined ? ` and ${expect.writes} writes` : ''}\n`
    )
    failed = true
  }
  return run
}

function indent(text: string): string {
  return text
    .split('\n')
    .map(line => `    ${line}`)
    .join('\n')
}
