import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startWorld, type World } from '../../emulator/worlds/world.js'
import { loadTeamConfigs } from '../../src/config/load.js'
import type { TeamConfig } from '../../src/config/types.js'
import { createJsonHttp, type JsonHttp } from '../../emulator/lifecycle/https-json.js'
import { GitHubRunnerScaler } from '../../emulator/lifecycle/keda-scaler.js'
import { appKeyOf, seedGitHubTeam } from '../../emulator/lifecycle/seed-github.js'
import { writeTeamConfigs } from './teams.js'

/**
 * KEDA 2.18.1 lists a repository's queued runs, then its in_progress runs, and does not de-duplicate: a run that a
 * runner takes between the two calls is in both lists and its job is counted twice. The emulated scaler keeps that
 * (the benchmark shows its cost); here it is made to happen on purpose.
 */
describe("KEDA's double count of a run moving from queued to in_progress", () => {
  let world: World
  let team: TeamConfig
  beforeAll(async () => {
    const files = writeTeamConfigs([{ team: 'tau', index: 9, repos: ['tau-app'], labels: ['tau'] }])
    world = await startWorld(files)
    ;[team] = loadTeamConfigs(files) as [TeamConfig]
    seedGitHubTeam(world.github.admin, team)
  }, 90_000)
  afterAll(async () => world?.close())

  /** A scaler as the job's rule configures it, whose HTTP runs `between` right after the queued-runs call. */
  const scaler = (between: () => void): GitHubRunnerScaler => {
    const http = createJsonHttp(world.emulator.caPem)
    const spy: JsonHttp = async (method, url, options) => {
      const response = await http(method, url, options)
      if (url.includes('status=queued')) between()
      return response
    }
    const metadata = {
      githubApiURL: `${world.emulator.url}/github/api`,
      owner: team.github.owner,
      runnerScope: 'org' as const,
      repos: team.github.repos,
      labels: team.github.labels,
      noDefaultLabels: true,
      enableEtags: true,
      targetWorkflowQueueLength: 1,
      applicationID: String(team.github.app.id),
      installationID: String(team.github.app.installationId)
    }
    return new GitHubRunnerScaler(metadata, { appKey: appKeyOf(world.github.admin, team.github.app.id)! }, spy)
  }

  it('counts one job once while nothing moves, twice when a runner takes it between the two calls', async () => {
    const [job] = world.github.admin.workflows.queueJob({ owner: 'altinn', repo: 'tau-app', labels: ['tau'] })
    expect(await scaler(() => {}).poll()).toMatchObject({ queueLength: 1, countedTwice: 0, requests: 3 })

    const taken = await scaler(() => {
      job!.status = 'in_progress' // what GitHub's assignment to a runner does to the job, and so to its run
    }).poll()
    expect(taken).toMatchObject({ queueLength: 2, countedTwice: 1, requests: 4 }) // the run's jobs fetched twice
  }, 120_000)
})
