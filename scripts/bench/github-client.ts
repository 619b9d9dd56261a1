/**
 * GitHub client figures: the runner bundle's size and start-up with `@octokit/core` in it, and what
 * plugin-throttling's bound (10 in flight) and spacing (writes 1 s apart, issue writes 3 s) give `report`'s reads
 * over 100 teams and drift's issues, against the GitHub double with LATENCY_MS added to every request.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { CommandResult } from '../../src/result.js'
import { syncDriftIssues } from '../../src/commands/drift-issues.js'
import { createGitHubApi } from '../../src/github/api.js'
import { teamJobs } from '../../src/usage/github-jobs.js'
import { caFetch, testGitHub } from '../../emulator/worlds/ca-fetch.js'
import { startWorld } from '../../emulator/worlds/github-world.js'

/** dist/entrypoint/index.js at the last commit with the project's own client, before Octokit. */
const ENTRYPOINT_BYTES_BEFORE = 55_362
const ENTRYPOINT_DIR = 'dist/entrypoint'
const ENTRYPOINT = join(ENTRYPOINT_DIR, 'index.js')

export async function githubClientFigures(report: (name: string, value: string) => void, latencyMs: number) {
  // Octokit is a chunk of its own, loaded by the credential child only; PID 1 loads index.js.
  const files = readdirSync(ENTRYPOINT_DIR).filter(f => f.endsWith('.js'))
  const bytes = files.reduce((sum, f) => sum + statSync(join(ENTRYPOINT_DIR, f)).size, 0)
  const pid1 = statSync(ENTRYPOINT).size
  // Without its settings the entrypoint loads, reads its environment and exits 1: start-up alone.
  const startup = median(15, () => spawnSync(process.execPath, [ENTRYPOINT], { env: { PATH: process.env.PATH } }))
  const bare = median(15, () => spawnSync(process.execPath, ['-e', '0']))
  report(
    'runner entrypoint bundle with @octokit/core, throttling and retry',
    `${(bytes / 1024).toFixed(0)} KB (+${((bytes - ENTRYPOINT_BYTES_BEFORE) / 1024).toFixed(0)} KB), of which PID 1 loads ${(pid1 / 1024).toFixed(0)} KB; start-up ${startup.toFixed(0)} ms median against ${bare.toFixed(0)} ms for a bare node -e 0`
  )

  const world = await startWorld()
  try {
    let inFlight = 0
    let most = 0
    let requests = 0
    const fetch = caFetch(world.emulator.caPem)
    const slowed = (spaceWrites: boolean) =>
      testGitHub(world.apiUrl, world.emulator.caPem, {
        msPerSecond: 1000,
        spaceWrites,
        fetch: async (url, init) => {
          requests++
          most = Math.max(most, ++inFlight)
          try {
            await new Promise(resolve => setTimeout(resolve, latencyMs))
            return await fetch(url, {
              method: init.method ?? 'GET',
              headers: Object.fromEntries(new Headers(init.headers)),
              ...(typeof init.body === 'string' ? { body: init.body } : {})
            })
          } finally {
            inFlight--
          }
        }
      })

    const teams = Array.from({ length: 100 }, (_, i) => ({ ...world.config, team: `team-${i}` }))
    const api = createGitHubApi(slowed(true), world.token)
    let started = performance.now()
    await Promise.all(teams.map(config => teamJobs(api, config, Date.now() - 7 * 86_400_000)))
    report(
      "report's GitHub reads over 100 teams",
      `${requests} requests in ${((performance.now() - started) / 1000).toFixed(1)} s, at most ${most} in flight (plugin-throttling's bound; GitHub allows 100)`
    )

    requests = 0
    most = 0
    const result: CommandResult = {
      command: 'drift',
      exitCode: 2,
      teams: Array.from({ length: 10 }, (_, i) => ({
        team: `team-${i}`,
        file: `teams/team-${i}.yaml`,
        outputs: { environmentId: '', jobNames: [], labels: [], runsOn: '' },
        drift: [{ id: '/x/nsg', kind: 'networkSecurityGroup', name: 'nsg', action: 'update', changes: [] }]
      }))
    }
    started = performance.now()
    await syncDriftIssues(result, createGitHubApi(slowed(true), world.token), { repository: 'altinn/platform' })
    const opened = result.teams.filter(t => t.issue?.action === 'opened').length
    report(
      'drift issues, 10 teams with new drift',
      `${opened} issues opened, ${requests} requests in ${((performance.now() - started) / 1000).toFixed(1)} s: issue writes are spaced 3 s apart (plugin-throttling, after GitHub's advice), so about 3 s a team`
    )
  } finally {
    await world.emulator.close()
  }
}

function median(runs: number, run: () => unknown): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    run()
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}
