/**
 * The platform's drift check over a folder of teams, with a policy, through the built CLI bundle against the
 * emulator: a team whose live job runs another image, or polls another GitHub, is reported (the config itself
 * is fine); plan and apply refuse a config that breaks the policy before any Azure call.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadTeamConfigs } from '../../src/config/load.js'
import { teamLayout } from '../../src/core/layout.js'
import { runAction } from '../action/bundle.js'
import { startWorld, type World } from '../../emulator/worlds/world.js'

const TEAMS = 'examples/platform-repo/teams'
const POLICY = 'examples/platform-repo/policy.yaml'
const [dialogporten, studio] = loadTeamConfigs([TEAMS])
let world: World

type Wire = { properties: { template: { containers: Record<string, unknown>[] }; configuration: any } } // eslint-disable-line @typescript-eslint/no-explicit-any

/** Changes a live job the way someone with write access in the portal could. */
function tamper(jobId: string, change: (job: Wire) => void): void {
  const job = structuredClone(world.emulator.admin.getResource(jobId)) as unknown as Wire
  change(job)
  world.emulator.admin.patchResource(jobId, {
    properties: { template: job.properties.template, configuration: job.properties.configuration }
  })
}

beforeAll(async () => {
  world = await startWorld([join(TEAMS, 'dialogporten.yaml'), join(TEAMS, 'studio.yaml')])
  const applied = await world.cli(['apply', '--policy', POLICY, '--config', TEAMS])
  expect(applied.stderr).not.toContain('warning')
  expect(applied.code).toBe(0)
})
afterAll(async () => {
  await world.close()
})

describe('drift over a folder, with a policy', () => {
  it('is clean while what runs matches the policy', async () => {
    const run = await world.cli(['drift', '--json', '--policy', POLICY, '--config', TEAMS])
    expect(run.code).toBe(0)
    const { teams } = JSON.parse(run.stdout)
    expect(teams.map((t: { team: string; policyViolations: unknown[] }) => [t.team, t.policyViolations])).toEqual([
      ['dialogporten', []],
      ['studio', []]
    ])
  })

  it("reports a team whose live image or GitHub URL breaks the policy, at the config's line", async () => {
    tamper(teamLayout(studio).jobs[0].id, job => {
      job.properties.template.containers[0].image = 'docker.io/evil/runner:1'
    })
    const [dialogJob] = teamLayout(dialogporten).jobs
    tamper(dialogJob.id, job => {
      job.properties.configuration.eventTriggerConfig.scale.rules[0].metadata.githubApiURL = 'https://evil.example'
    })

    const run = await world.cli(['drift', '--json', '--policy', POLICY, '--config', TEAMS])
    expect(run.code).toBe(2)
    const { teams } = JSON.parse(run.stdout)
    const found = (team: string) =>
      teams
        .find((t: { team: string }) => t.team === team)
        .policyViolations.map(
          (v: { file: string; line: number; col: number; message: string }) =>
            `${v.file}:${v.line}:${v.col}: ${v.message}`
        )
    expect(found('studio')).toEqual([
      `${TEAMS}/studio.yaml:30:3: live job caj-studio runs image docker.io/evil/runner:1, which the platform policy does not allow (${POLICY}:9:3: runners.imagePrefixes)`
    ])
    expect(found('dialogporten')).toEqual([
      `${TEAMS}/dialogporten.yaml:14:1: live job ${dialogJob.name} has its scale rule send the App's JWT to https://evil.example, which the platform policy does not allow (${POLICY}:6:3: github.urls)`
    ])

    const text = await world.cli(['drift', '--policy', POLICY, '--config', TEAMS])
    expect(text.stdout).toContain(
      `1 platform policy violation:\n  ${TEAMS}/studio.yaml:30:3: live job caj-studio runs image docker.io/evil/runner:1`
    )
  })
})

describe('the drift check over teams in two subscriptions, as drift-check.yml runs it', () => {
  /** The action's inputs as the workflow passes them, with the organisation's AZURE_SUBSCRIPTION_ID set. */
  const inputs = (command: string) => ({
    command,
    config: TEAMS,
    policy: POLICY,
    'tenant-id': world.emulator.tenantId,
    'client-id': world.emulator.clientId,
    'subscription-id': studio.azure.subscriptionId,
    'arm-endpoint': world.emulator.url,
    'authority-host': world.emulator.url
  })

  it('reads each team in its own subscription, although the subscription input names one of them', async () => {
    expect(dialogporten.azure.subscriptionId).not.toBe(studio.azure.subscriptionId)
    // A clean state for this check, whatever the tests before it changed.
    expect((await world.cli(['apply', '--policy', POLICY, '--config', TEAMS])).code).toBe(0)
    const run = await runAction(inputs('drift'), world.env as Record<string, string>)
    expect({ code: run.code, drift: run.outputs.drift, changes: run.outputs.changes }).toEqual({
      code: 0,
      drift: 'false',
      changes: '0'
    })
    expect(run.summary).toContain('dialogporten')
    expect(run.summary).toContain('studio')
  })

  it('the guard stays for the commands that write: apply over the same folder refuses before any Azure call', async () => {
    const before = world.emulator.requests().length
    const run = await runAction(inputs('apply'), world.env as Record<string, string>)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `${TEAMS}/dialogporten.yaml: azure.subscriptionId ${dialogporten.azure.subscriptionId} is not the subscription this workflow signs in to (${studio.azure.subscriptionId})`
    )
    expect(world.emulator.requests().length).toBe(before)
  })
})

describe('plan and apply with a policy', () => {
  it('refuse a config that breaks it, before any Azure call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'))
    const file = join(dir, 'studio.yaml')
    writeFileSync(file, readFileSync(join(TEAMS, 'studio.yaml'), 'utf8').replace('max: 20', 'max: 40'))
    const before = world.emulator.requests().length
    const run = await world.cli(['apply', '--policy', POLICY, '--config', file])
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `${file}:33:3: runners.max: 40, which the platform policy does not allow (${POLICY}:11:3: limits.maxRunners)\n` +
        '  hint: allowed: at most 20; change the config, or ask the platform team to change the policy\n'
    })
    expect(world.emulator.requests().length).toBe(before)
  })
})
