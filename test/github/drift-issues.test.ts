/** Drift issue upsert against the issues double: open once, update on change (never a duplicate), close when clean. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { DriftItem } from '../../src/core/drift.js'
import { syncDriftIssues } from '../../src/commands/drift-issues.js'
import type { CommandResult } from '../../src/result.js'
import { createGitHubApi } from '../../src/github/api.js'
import { DRIFT_LABEL } from '../../src/render/drift-issue.js'
import { testGitHub } from '../../emulator/worlds/ca-fetch.js'
import { startWorld, type World } from '../../emulator/worlds/github-world.js'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world.emulator.close())

const tags = (value: string): DriftItem => ({
  id: '/x/nsg',
  kind: 'networkSecurityGroup',
  name: 'nsg-studio-runners',
  action: 'update',
  changes: [{ path: 'tags.owner', from: value, to: 'studio' }]
})
const missing: DriftItem = { id: '/x/job', kind: 'job', name: 'caj-studio', action: 'create', changes: [] }

function driftResult(drift: DriftItem[] | undefined, error?: string): CommandResult {
  const outputs = { environmentId: '', jobNames: [], labels: ['studio'], runsOn: '["studio"]' }
  return {
    command: 'drift',
    exitCode: drift?.length ? 2 : 0,
    teams: [
      { team: 'studio', file: 'teams/studio.yaml', outputs, ...(drift ? { drift } : {}), ...(error ? { error } : {}) }
    ]
  }
}

async function sync(result: CommandResult): Promise<CommandResult> {
  const api = createGitHubApi(testGitHub(world.apiUrl, world.emulator.caPem), world.token)
  await syncDriftIssues(result, api, {
    repository: 'altinn/platform',
    runUrl: 'https://github.com/altinn/platform/actions/runs/7'
  })
  return result
}

const issues = () => world.issues.state.issues('altinn', 'platform')

describe('drift issues', () => {
  it('opens one issue on the first drift, with the label and the field table', async () => {
    const result = await sync(driftResult([tags('someone')]))
    expect(result.teams[0].issue).toEqual({
      action: 'opened',
      number: 1,
      url: `${world.emulator.url}/altinn/platform/issues/1`
    })
    expect(issues()).toHaveLength(1)
    const [issue] = issues()
    expect(issue.title).toBe('runner-setup drift: studio')
    expect(issue.labels).toEqual([DRIFT_LABEL])
    expect(issue.body).toContain(
      '| networkSecurityGroup `nsg-studio-runners` | `tags.owner` | `"studio"` | `"someone"` |'
    )
    expect(world.issues.state.repo('altinn', 'platform').labels.get(DRIFT_LABEL)?.description).toBe(
      'Live Azure differs from a runner-setup team config'
    )
  })

  it('leaves an unchanged drift alone, and updates the same issue with a comment when it changes', async () => {
    expect((await sync(driftResult([tags('someone')]))).teams[0].issue?.action).toBe('unchanged')
    expect(issues()[0].comments).toHaveLength(0)

    const changed = await sync(driftResult([tags('another'), missing]))
    expect(changed.teams[0].issue).toMatchObject({ action: 'updated', number: 1 })
    expect(issues()).toHaveLength(1)
    expect(issues()[0].body).toContain('"another"')
    expect(issues()[0].body).toContain('| job `caj-studio` | (missing) | | |')
    expect(issues()[0].comments.map(c => c.body)).toEqual([
      'The drift changed ([run](https://github.com/altinn/platform/actions/runs/7)): 2 resources now differ; the description shows the current fields.'
    ])
  })

  it('keeps the issue when the drift could not be read, and closes it with a comment on a clean run', async () => {
    expect((await sync(driftResult(undefined, 'Cannot read Azure'))).teams[0].issue).toEqual({ action: 'skipped' })
    expect(issues()[0].state).toBe('open')

    expect((await sync(driftResult([]))).teams[0].issue).toMatchObject({ action: 'closed', number: 1 })
    expect(issues()[0]).toMatchObject({ state: 'closed', stateReason: 'completed' })
    expect(issues()[0].comments.at(-1)?.body).toBe(
      'No drift any more ([run](https://github.com/altinn/platform/actions/runs/7)): closing.'
    )

    expect((await sync(driftResult([]))).teams[0].issue).toEqual({ action: 'none' })
    const reopened = await sync(driftResult([tags('again')]))
    expect(reopened.teams[0].issue).toMatchObject({ action: 'opened', number: 2 })
    expect(issues().filter(i => i.state === 'open')).toHaveLength(1)
  })

  it('reports a token that may not write issues as one line with the permission to add', async () => {
    const api = createGitHubApi(testGitHub(world.apiUrl, world.emulator.caPem), 'ghs_not_a_token')
    const result = driftResult([tags('x')])
    await syncDriftIssues(result, api, { repository: 'altinn/platform' })
    expect(result.teams[0].issue).toEqual({
      action: 'error',
      error:
        'drift issue for team studio in altinn/platform: GET /repos/altinn/platform/issues answered HTTP 401: Bad credentials: the github-token needs issues write (job permissions: issues: write)'
    })
  })

  it('renders a hostile tag value inert: no mention, link, image or HTML outside code spans', async () => {
    const hostile =
      '@altinn/owners ![x](https://evil.example/i.png) [click](https://evil.example) <img src=x> `|` http://x #1'
    const result = await sync(
      driftResult([{ ...tags(hostile), changes: [{ path: 'tags["@who`"]', from: hostile, to: '<b>' }] }])
    )
    const body = issues().find(i => i.number === result.teams[0].issue?.number)!.body
    const row = body.split('\n').find(line => line.startsWith('| networkSecurityGroup'))!
    const outside = outsideCodeSpans(row)
    for (const live of ['@', '](', '![', '<', 'http', '#1']) expect(outside).not.toContain(live)
    // Still one table row of four cells, and the value reads back whole from its code span.
    expect(outside).toBe('| networkSecurityGroup  |  |  |  |')
    expect(row).toContain(`\`\`"${hostile.replace(/\|/g, '\\|').replace(/"/g, '\\"')}"\`\``)
  })

  it('finds its issue beyond the first page of open drift issues', async () => {
    const opened = issues().filter(i => i.state === 'open')
    for (let i = 0; i < 120; i++)
      world.issues.state.addIssue('altinn', 'platform', {
        title: `runner-setup drift: team-${i}`,
        body: '',
        labels: [DRIFT_LABEL]
      })
    const result = await sync(driftResult([tags('yet another')]))
    expect(result.teams[0].issue).toMatchObject({ action: 'updated', number: opened[0]!.number })
    expect(issues().filter(i => i.title === 'runner-setup drift: studio' && i.state === 'open')).toHaveLength(1)
  })
})

/** The Markdown left once every CommonMark code span (a backtick run, up to the next run of the same length) is cut. */
function outsideCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)([^`]|(?!\1)`+)*?\1(?!`)/g, '')
}
