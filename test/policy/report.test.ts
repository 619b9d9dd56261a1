/** Policy violations found by drift: the job summary row and table, the JSON, and the team's drift issue. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { syncDriftIssues } from '../../src/commands/drift-issues.js'
import { exitCodeOf, type CommandResult } from '../../src/result.js'
import { createGitHubApi } from '../../src/github/api.js'
import type { PolicyViolation } from '../../src/policy/rules.js'
import { resultJson } from '../../src/render/json.js'
import { renderSummary } from '../../src/render/summary.js'
import { startWorld, type World } from '../../emulator/worlds/github-world.js'
import { testGitHub } from '../../emulator/worlds/ca-fetch.js'

const VIOLATION: PolicyViolation = {
  file: 'teams/studio.yaml',
  line: 30,
  col: 3,
  message:
    'live job caj-studio runs image docker.io/evil/runner:1, which the platform policy does not allow (policy.yaml:9:3: runners.imagePrefixes)',
  hint: 'allowed: ghcr.io/altinn/runner-setup/runner; change the config, or ask the platform team to change the policy',
  rule: 'policy.yaml:9:3: runners.imagePrefixes'
}

function driftResult(policy: PolicyViolation[]): CommandResult {
  const outputs = { environmentId: '', jobNames: [], labels: ['studio'], runsOn: '["studio"]' }
  const teams = [{ team: 'studio', file: 'teams/studio.yaml', outputs, drift: [], policy }]
  return { command: 'drift', exitCode: exitCodeOf('drift', teams), teams }
}

describe('rendering', () => {
  it('a violation alone makes drift exit 2, and shows in the summary row and its own table', () => {
    const result = driftResult([VIOLATION])
    expect(result.exitCode).toBe(2)
    const summary = renderSummary(result)
    expect(summary).toContain('| studio | ⚠️ 1 platform policy violation | 0 | — |')
    expect(summary).toContain(
      [
        '**1 platform policy violation**',
        '',
        '| where | violation | rule |',
        '| --- | --- | --- |',
        '| `teams/studio.yaml:30` | `live job caj-studio runs image docker.io/evil/runner:1, which the platform policy does not allow` | `policy.yaml:9:3: runners.imagePrefixes` |'
      ].join('\n')
    )
    expect(driftResult([]).exitCode).toBe(0)
  })

  it('JSON carries every violation with its position and rule', () => {
    expect(resultJson(driftResult([VIOLATION]))).toMatchObject({ team: 'studio', policyViolations: [VIOLATION] })
  })
})

describe('the drift issue', () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
  })
  afterAll(() => world.emulator.close())

  it('is opened for a violation without drift, and closed once it is gone', async () => {
    const api = createGitHubApi(testGitHub(world.apiUrl, world.emulator.caPem), world.token)
    const options = { repository: 'altinn/platform' }
    const found = driftResult([VIOLATION])
    await syncDriftIssues(found, api, options)
    expect(found.teams[0].issue?.action).toBe('opened')
    const [issue] = world.issues.state.issues('altinn', 'platform')
    expect(issue.body).toMatch(/^Team \*\*studio\*\* \(`teams\/studio.yaml`\) breaks the platform policy/)
    expect(issue.body).toContain(
      '| `teams/studio.yaml:30` | `live job caj-studio runs image docker.io/evil/runner:1, which the platform policy does not allow` | `policy.yaml:9:3: runners.imagePrefixes` |'
    )
    const clean = driftResult([])
    await syncDriftIssues(clean, api, options)
    expect(clean.teams[0].issue?.action).toBe('closed')
  })
})
