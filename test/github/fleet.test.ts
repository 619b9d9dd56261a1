/**
 * drift over a folder: KEDA's cost summed per App installation, suggested polling intervals, shared credentials;
 * the example teams plus generated ones, then active runs counted against the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { resolve } from 'node:path'
import { loadTeamConfigs } from '../../src/config/load.js'
import type { TeamConfig } from '../../src/config/types.js'
import { fleetReport } from '../../src/core/polling-budget.js'
import { activeRunCounter, driftFleet } from '../../src/commands/fleet-runs.js'
import type { CommandResult } from '../../src/result.js'
import { resultJson } from '../../src/render/json.js'
import { renderSummary } from '../../src/render/summary.js'
import { renderText } from '../../src/render/text.js'
import { testGitHubFor } from '../../emulator/worlds/ca-fetch.js'
import { ORG, startWorld, type World } from '../../emulator/worlds/github-world.js'

const examples = loadTeamConfigs([resolve(import.meta.dirname, '../../examples/teams')])
const studio = examples.find(c => c.team === 'studio')!

/** Teams generated onto studio's App installation and key: 8 repositories each, polling every 10 s. */
const generated: TeamConfig[] = Array.from({ length: 6 }, (_, i) => ({
  ...studio,
  team: `gen-${i}`,
  github: { ...studio.github, repos: Array.from({ length: 8 }, (_, r) => `gen-${i}-repo-${r}`), labels: [`gen-${i}`] },
  runners: { ...studio.runners, pollingIntervalSeconds: 10 }
}))
const perHour = (perPoll: number, interval: number): number => (perPoll * 3600) / interval

describe('the fleet report', () => {
  const fleet = fleetReport([...examples, ...generated], { activeRuns: new Map([['gen-0', 3]]) })
  const byInstallation = (id: number) => fleet.installations.find(i => i.installationId === id)!

  it('sums every team polling one installation, and leaves the others apart', () => {
    expect(fleet.installations.map(i => [i.installationId, i.teams.map(t => t.team)])).toEqual([
      [8912345, ['dialogporten']],
      [9123456, ['minimal']],
      [7891011, ['studio', 'gen-0', 'gen-1', 'gen-2', 'gen-3', 'gen-4', 'gen-5']]
    ])
    const shared = byInstallation(7891011)
    // studio: 2 × 2 repos every 20 s; gen-0: 2 × 8 + 3 active runs every 10 s; the others 2 × 8 every 10 s.
    expect(shared.teams.map(t => [t.team, t.callsPerPoll, t.callsPerHour])).toEqual([
      ['studio', 4, 720],
      ['gen-0', 19, 6840],
      ...[1, 2, 3, 4, 5].map(i => [`gen-${i}`, 16, 5760])
    ])
    expect(shared.callsPerHour).toBe(720 + 6840 + 5 * 5760)
    expect(shared.callsPerHourIfErroring).toBe(2 * shared.callsPerHour)
    expect(shared.hourlyLimit).toBe(5000)
    expect(shared.share).toBeCloseTo(36360 / 5000)
    expect(byInstallation(9123456)).toMatchObject({ callsPerHour: 360, share: 0.072 })
    expect(byInstallation(9123456).teams[0]?.suggestedIntervalSeconds).toBe(20)
  })

  it('suggests intervals that bring the installation under half its limit, slowing every team alike', () => {
    const shared = byInstallation(7891011)
    const suggested = shared.teams.map(t => t.suggestedIntervalSeconds)
    const total = shared.teams.reduce((sum, t, i) => sum + perHour(t.callsPerPoll, suggested[i]!), 0)
    expect(total).toBeLessThanOrEqual(2500)
    // One factor for all (36360 / 2500 = 14.544), rounded up to whole seconds.
    expect(suggested).toEqual([291, 146, 146, 146, 146, 146, 146])
    expect(shared.reachable).toBe(true)
  })

  it('says how many more teams each installation takes at their polling, and warns before the sum passes', () => {
    // minimal: 360/h of a 2,500/h target leaves 2,140/h, room for 5 more teams like it (360/h each).
    expect(byInstallation(9123456)).toMatchObject({ roomForTeams: 5, nearTarget: false })
    expect(byInstallation(7891011)).toMatchObject({ roomForTeams: 0, nearTarget: false })
    // 13 teams of 180/h (1 repository every 40 s) = 2,340/h: within 2,500/h, with under a fifth of it left.
    const small = (i: number): TeamConfig => ({
      ...studio,
      team: `small-${i}`,
      github: { ...studio.github, repos: ['one'] },
      runners: { ...studio.runners, pollingIntervalSeconds: 40 }
    })
    const near = fleetReport(Array.from({ length: 13 }, (_, i) => small(i))).installations[0]!
    expect(near).toMatchObject({ callsPerHour: 2340, roomForTeams: 0, nearTarget: true })
    const text = renderText({ command: 'drift', exitCode: 0, teams: [], fleet: { ...fleet, installations: [near] } })
    expect(text).toContain(
      'within the target, nearly full (room for 0 more teams like these at their polling): give the next teams their own App, or poll less often'
    )
    const roomy = fleetReport(Array.from({ length: 5 }, (_, i) => small(i))).installations[0]!
    expect(roomy).toMatchObject({ callsPerHour: 900, roomForTeams: 8, nearTarget: false })
  })

  it('names the teams that share one App installation and one Key Vault secret', () => {
    const team = ['studio', ...generated.map(g => g.team)]
    expect(fleet.sharedInstallations).toEqual([{ what: 'App 123456 installation 7891011', teams: team }])
    expect(fleet.sharedSecrets).toEqual([
      {
        what: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-studio-runners/providers/Microsoft.KeyVault/vaults/kv-studio-runners/secrets/gh-app-key',
        teams: team
      }
    ])
  })

  it('shows in the job summary, the CLI text and the JSON of a drift over the folder', () => {
    const result: CommandResult = {
      command: 'drift',
      exitCode: 0,
      teams: [...examples, ...generated].map(c => ({
        team: c.team,
        file: c.source.file,
        drift: [],
        outputs: { environmentId: '', jobNames: [], labels: [], runsOn: '' }
      })),
      fleet
    }
    const summary = renderSummary(result)
    expect(summary).toContain('### GitHub API budget per App installation')
    expect(summary).toContain('| 123456 / 7891011 | gen-0 | 8 | 3 | 10 s | 6840 | 146 s |')
    expect(summary).toContain('| 123456 / 7891011 | gen-1 | 8 | not counted | 10 s | 5760 | 146 s |')
    expect(summary).toContain(
      '- App 123456 installation 7891011 (studio, gen-0, gen-1, gen-2, gen-3, gen-4, gen-5): 36360/h, 727 % of 5000/h'
    )
    expect(summary).toContain('over the target: use the suggested polling intervals (runners.pollingIntervalSeconds).')
    expect(summary).toContain(
      '- App 123456 installation 7891011 is shared by studio, gen-0, gen-1, gen-2, gen-3, gen-4, gen-5: each team'
    )
    expect(renderText(result)).toContain('    gen-5: 16 calls per poll every 10 s = 5760/h; suggested polling 146 s')
    const json = resultJson(result) as { fleet: typeof fleet }
    expect(json.fleet.installations.find(i => i.installationId === 7891011)?.callsPerHour).toBe(36360)
  })
})

describe('drift over a folder against the emulator', () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
  })
  afterAll(() => world.emulator.close())

  it("counts each team's active runs with the token into its installation's sum", async () => {
    world.issues.activeRuns.set(`${ORG}/altinn-studio`, { in_progress: 2, queued: 1 })
    const other: TeamConfig = {
      ...world.config,
      team: 'other',
      runners: { ...world.config.runners, pollingIntervalSeconds: 5 }
    }
    const fleet = await driftFleet(
      [world.config, other],
      activeRunCounter(world.token, testGitHubFor(world.emulator.caPem))
    )
    const [installation] = fleet.installations
    // Both teams poll altinn-studio and app-frontend-react: 2 × 2 + 3 active runs per poll.
    expect(installation?.teams.map(t => [t.team, t.activeRuns, t.callsPerHour])).toEqual([
      [world.config.team, 3, 1260],
      ['other', 3, 5040]
    ])
    expect(installation?.callsPerHour).toBe(6300)
    expect(fleet.sharedInstallations.map(s => s.teams)).toEqual([[world.config.team, 'other']])
    // A token that may not read the runs leaves them uncounted rather than failing the drift check.
    const uncounted = await driftFleet(
      [world.config],
      activeRunCounter('ghs_nope', testGitHubFor(world.emulator.caPem))
    )
    expect(uncounted.installations[0]?.teams[0]?.activeRuns).toBeUndefined()
  })
})
