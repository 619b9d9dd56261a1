/**
 * `npm run bench`: speed and scale figures, measured against the local emulator with added latency.
 * Nothing here is asserted: the numbers are printed for the README and for comparing changes.
 */
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { ACTION_BUNDLE, countArm, startWorld, type World } from '../emulator/worlds/world.js'
import { writeTeams } from './bench/teams.js'
import { lifecycleFigures } from './bench/lifecycle.js'
import { entrypointFigures } from './bench/entrypoint.js'
import { warmPoolFigures } from './bench/warm-pool.js'
import { conflictFigures } from './bench/conflicts.js'
import { imageBuildFigures } from './bench/image-build.js'
import { githubClientFigures } from './bench/github-client.js'
import { FLEET_CASES, fleetFigures } from './bench/fleet.js'

const LATENCY_MS = 50
const CONFIG = 'examples/teams/studio.yaml'

const rows: [string, string][] = []
const report = (name: string, value: string): void => {
  rows.push([name, value])
  console.log(`${name}: ${value}`)
}

// `npm run bench -- image-build` runs only that section; `npm run bench -- fleet [100,1000]` only the fleet drift
// figures (optionally only these fleet sizes).
const [section, sizes] = process.argv.slice(2)
if (section === 'fleet') {
  const only = sizes?.split(',').map(Number)
  const cases = only?.map(teams => FLEET_CASES.find(c => c.teams === teams) ?? { teams, perSubscription: 250 })
  await fleetFigures(report, LATENCY_MS, cases ?? FLEET_CASES)
} else if (section === undefined) {
  await applyFigures()
  await conflictFigures(CONFIG, report)
  await driftAtScale(100)
  startupFigures()
  await entrypointFigures(report)
  await githubClientFigures(report, LATENCY_MS)
  await lifecycleFigures(report)
  await warmPoolFigures(report)
  await fleetFigures(report, LATENCY_MS)
}
if (section === undefined || section === 'image-build') await imageBuildFigures(report, LATENCY_MS)

console.log('\n| measure | result |\n| --- | --- |')
for (const [name, value] of rows) console.log(`| ${name} | ${value} |`)

/** Create from nothing and a no-op apply: requests, writes, and wall time in round trips of LATENCY_MS. */
async function applyFigures(): Promise<void> {
  const world = await startWorld([CONFIG], { latencyMs: LATENCY_MS })
  try {
    const create = await timed(world, ['apply', '--config', CONFIG])
    report(
      'create from nothing (studio, 15 resources, dependency depth 5)',
      `${create.arm.reads} reads, ${create.arm.writes} writes; ARM ${roundTrips(create.armMs)} round trips after sign-in ${roundTrips(create.signInMs)}; ${create.ms} ms wall with process start`
    )
    const noop = await timed(world, ['apply', '--config', CONFIG])
    report(
      'no-op apply',
      `${noop.arm.reads} reads, ${noop.arm.writes} writes; ARM ${roundTrips(noop.armMs)} round trips after sign-in ${roundTrips(noop.signInMs)}; ${noop.ms} ms wall with process start`
    )
  } finally {
    await world.close()
  }
}

async function driftAtScale(count: number): Promise<void> {
  const { dir, files } = writeTeams(count)
  const world = await startWorld(files, { latencyMs: LATENCY_MS })
  try {
    await world.cli(['apply', '--config', dir])
    world.emulator.clearRequests()
    const drift = await timed(world, ['drift', '--config', dir])
    report(
      `drift over ${count} teams`,
      `exit ${drift.code}, ${drift.arm.reads} reads, ${drift.ms} ms wall, peak ${world.emulator.admin.peakConcurrency()} concurrent requests`
    )
  } finally {
    await world.close()
  }
}

function startupFigures(): void {
  const node = median(() => execFileSync(process.execPath, ['-e', '0']))
  const action = median(() =>
    execFileSync(process.execPath, ['-e', `import(${JSON.stringify('./' + ACTION_BUNDLE)}).catch(()=>{})`], {
      env: {
        ...process.env,
        INPUT_CONFIG: 'examples/teams/minimal.yaml',
        INPUT_OFFLINE: 'true',
        GITHUB_OUTPUT: '/dev/null',
        GITHUB_STEP_SUMMARY: '/dev/null'
      },
      stdio: 'ignore'
    })
  )
  report(
    'action start-up (offline plan, whole process)',
    `${action.toFixed(0)} ms median vs ${node.toFixed(0)} ms for bare \`node -e 0\``
  )
}

async function timed(world: World, args: string[]) {
  const before = world.emulator.requests().length
  const started = Date.now()
  const t0 = performance.now()
  const run = await world.cli(args)
  const ms = Math.round(performance.now() - t0)
  const log = world.emulator.requests().slice(before)
  const arm = log.filter(r => r.path.startsWith('/subscriptions/'))
  const first = log[0]?.startedAt ?? started
  const armStart = arm[0]?.startedAt ?? first
  const armEnd = Math.max(armStart, ...arm.map(r => r.startedAt + r.durationMs))
  // Sign-in: the GitHub OIDC token and the Entra exchange, before the first ARM request.
  return {
    code: run.code,
    ms,
    arm: countArm(world.emulator, before),
    signInMs: armStart - first,
    armMs: armEnd - armStart
  }
}

/** Wall time in units of the added latency: how many requests deep the critical path is. */
function roundTrips(ms: number): string {
  return (ms / LATENCY_MS).toFixed(1)
}

function median(fn: () => unknown, runs = 7): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]
}
