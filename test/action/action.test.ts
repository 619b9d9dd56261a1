/**
 * The built action bundle as a child process against the emulator and the GitHub doubles: every command, outputs,
 * job summary, annotations and exit codes. Build first: `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { teamLayout } from '../../src/core/layout.js'
import { DNS_ZONE_ID, HUB_VNET_ID, RG, SUB, VAULT_ID, WORKSPACE_ID } from '../../emulator/worlds/azure-fixture.js'
import { ORG, startWorld, type World } from '../../emulator/worlds/github-world.js'
import { bundleBuilt, runAction, BUNDLE } from './bundle.js'

let world: World
let configFile: string
let env: Record<string, string>
const inputs = (command: string, extra: Record<string, string> = {}) => ({
  command,
  config: configFile,
  'tenant-id': world.emulator.tenantId,
  'client-id': world.emulator.clientId,
  'arm-endpoint': world.emulator.url,
  'authority-host': world.emulator.url,
  ...extra
})

function teamYaml(w: World): string {
  return `team: studio
azure:
  subscriptionId: ${SUB}
  resourceGroup: ${RG}
  location: norwayeast
network:
  addressSpace: 10.90.0.0/24
  subnet: 10.90.0.0/27
  natGateway: true
  peerings:
    - remoteVnetId: ${HUB_VNET_ID}
  dnsServers: [10.0.0.4]
  privateDnsZones: [${DNS_ZONE_ID}]
github:
  url: ${w.emulator.url}
  owner: ${ORG}
  repos: [altinn-studio, app-frontend-react]
  app:
    id: ${w.config.github.app.id}
    installationId: ${w.installationId}
    privateKeySecretUri: https://kv-studio.vault.azure.net/secrets/github-app-key
    keyVaultId: ${VAULT_ID}
logs:
  workspaceId: ${WORKSPACE_ID}
`
}

beforeAll(async () => {
  if (!bundleBuilt()) throw new Error(`${BUNDLE} is missing: run npm run build first`)
  world = await startWorld()
  const dir = mkdtempSync(join(tmpdir(), 'runner-setup-action-config-'))
  configFile = join(dir, 'studio.yaml')
  writeFileSync(configFile, teamYaml(world))
  env = {
    NODE_EXTRA_CA_CERTS: world.emulator.caPath,
    ACTIONS_ID_TOKEN_REQUEST_URL: world.emulator.oidc.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: world.emulator.oidc.requestToken,
    GITHUB_REPOSITORY: 'altinn/platform'
  }
})
afterAll(() => world?.emulator.close())

describe('the action bundle', () => {
  it('annotates a bad config at its line and column and fails', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'runner-setup-bad-')), 'bad.yaml')
    writeFileSync(bad, teamYaml(world).replace('subnet: 10.90.0.0/27', 'subnet: 10.99.0.0/27'))
    const run = await runAction({ ...inputs('plan'), config: bad }, env)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      new RegExp(
        `::error file=${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')},line=8,col=11::network.subnet: 10.99.0.0/27 is not inside the address space`
      )
    )
    expect(run.stdout).not.toMatch(/\n\s+at /)
  })

  it('plans offline without signing in', async () => {
    const run = await runAction(
      { command: 'plan', config: configFile, offline: 'true' },
      { NODE_EXTRA_CA_CERTS: world.emulator.caPath }
    )
    expect(run.code).toBe(0)
    expect(Number(run.outputs.changes)).toBeGreaterThan(10)
    expect(run.outputs['runs-on']).toBe('["studio"]')
    expect(run.summary).toContain('runs-on: ["studio"]')
  })

  it('refuses a bad input as it is, before reading any config', async () => {
    const run = await runAction(
      { command: 'apply', config: configFile, offline: 'true' },
      { NODE_EXTRA_CA_CERTS: world.emulator.caPath }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::Input 'offline' only applies to command 'plan'.")
  })

  it('refuses fix outside verify, and a config that breaks the policy input at its line, before any Azure call', async () => {
    const fix = await runAction(
      { command: 'plan', config: configFile, fix: 'true' },
      { NODE_EXTRA_CA_CERTS: world.emulator.caPath }
    )
    expect(fix.code).toBe(1)
    expect(fix.stdout).toContain("::error::Input 'fix' only applies to command 'verify'.")

    const policy = join(mkdtempSync(join(tmpdir(), 'runner-setup-policy-')), 'policy.yaml')
    writeFileSync(policy, 'limits:\n  maxRunners: 5\n')
    const before = world.emulator.requests().length
    const run = await runAction(inputs('plan', { policy }), env)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error file=${configFile},line=1,col=1::runners.max: 10, which the platform policy does not allow (${policy}:2:3: limits.maxRunners) (allowed: at most 5; change the config, or ask the platform team to change the policy)`
    )
    expect(world.emulator.requests().length).toBe(before)
  })

  it('says how to fix a missing id-token permission', async () => {
    const run = await runAction(inputs('plan'), {
      ...env,
      ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::The workflow job needs `permissions: id-token: write`')
  })

  it('plans live, applies, and a second apply writes nothing', async () => {
    const plan = await runAction(inputs('plan'), env)
    expect(plan.code).toBe(0)
    const planned = Number(plan.outputs.changes)
    expect(planned).toBeGreaterThan(10)
    const apply = await runAction(inputs('apply'), env)
    expect(apply.code).toBe(0)
    expect(Number(apply.outputs.changes)).toBe(planned)
    expect(apply.outputs['environment-id']).toContain('/providers/Microsoft.App/managedEnvironments/')
    const again = await runAction(inputs('apply'), env)
    expect(again.outputs.changes).toBe('0')
  })

  it('verifies, lists runners and executions in the plan file, and fix deregisters the offline runner', async () => {
    const job = teamLayout(world.config).jobs[0].id
    world.emulator.admin.seed(`${job}/executions/caj-studio-done1`, {
      properties: { status: 'Succeeded', startTime: new Date(Date.now() - 3600_000).toISOString() }
    })
    const offline = world.gh.github.addRunner({
      name: 'caj-studio-lost1',
      labels: ['studio'],
      runnerGroupId: world.groupId,
      scope: { org: ORG },
      status: 'offline'
    })

    // verify reads the App key from the emulator's Key Vault (the key-vault-endpoint input).
    const run = await runAction(
      inputs('verify', { 'github-token': world.token, 'key-vault-endpoint': world.keyVaultEndpoint }),
      env
    )
    // The signed-in identity may not read the App key here: the App checks are not checked, and verify fails.
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('jit config: not checked: Key Vault refused to give it the App key')
    expect(run.stdout).toContain('::error::runner-setup verify failed for studio.')
    const result = JSON.parse(readFileSync(run.outputs.plan, 'utf8')) as {
      runners: unknown[]
      executions: unknown[]
      checks: { name: string; status: string }[]
    }
    expect(result.runners).toEqual([{ name: 'caj-studio-lost1', status: 'offline', busy: false, stale: 'offline' }])
    expect(result.executions).toEqual([expect.objectContaining({ name: 'caj-studio-done1', status: 'Succeeded' })])
    expect(result.checks.map(c => `${c.name}: ${c.status}`)).toEqual([
      'azure resources: pass',
      'executions: pass',
      'keda version: pass',
      'runner group: pass',
      'runners: warn',
      'api budget: pass',
      'blast radius: unchecked',
      'jit config: unchecked'
    ])
    expect(run.summary).toContain('| caj-studio-lost1 | offline | false | offline |')
    // The runner masks what ::add-mask:: names; the token appears nowhere else.
    expect(
      run.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
    ).not.toContain(world.token)
    expect(world.gh.github.runners.has(offline.id)).toBe(true)

    const fixed = await runAction(
      inputs('verify', { 'github-token': world.token, fix: 'true', 'key-vault-endpoint': world.keyVaultEndpoint }),
      env
    )
    expect(fixed.code).toBe(1)
    expect(world.gh.github.runners.has(offline.id)).toBe(false)
    expect(fixed.summary).toContain('deregistered (offline)')
  })

  it('reports drift as an output, not a failure, and keeps one drift issue', async () => {
    const job = teamLayout(world.config).jobs[0].id
    world.emulator.admin.patchResource(job, { properties: { configuration: { replicaTimeout: 60 } } })
    const run = await runAction(
      inputs('drift', { 'github-token': world.token, 'drift-issues': 'true', 'github-api-url': world.apiUrl }),
      env
    )
    expect(run.code).toBe(0)
    expect(run.outputs.drift).toBe('true')
    expect(run.summary).toContain('| job `caj-studio` | `configuration.replicaTimeout` | `4200` | `60` |')
    const open = world.issues.state.issues('altinn', 'platform').filter(i => i.state === 'open')
    expect(open.map(i => i.title)).toEqual(['runner-setup drift: studio'])

    const repaired = await runAction(inputs('apply'), env)
    expect(repaired.stdout).toContain('Applied team studio')
    expect(repaired.code).toBe(0)
    const clean = await runAction(
      inputs('drift', { 'github-token': world.token, 'drift-issues': 'true', 'github-api-url': world.apiUrl }),
      env
    )
    expect(clean.outputs.drift).toBe('false')
    expect(world.issues.state.issues('altinn', 'platform').map(i => i.state)).toEqual(['closed'])
  })

  it('destroys what apply made', async () => {
    const run = await runAction(inputs('destroy'), env)
    expect(run.code).toBe(0)
    expect(Number(run.outputs.changes)).toBeGreaterThan(10)
    expect(world.emulator.admin.listResourceIds('Microsoft.App/jobs')).toEqual([])
  })
})

describe('the action bundle, command report', () => {
  // This world's runs listing is the issues double's (no workflow jobs): a team with no jobs shows zeros.
  it('writes a job summary with a row per team, Mermaid charts and a table', async () => {
    const run = await runAction(inputs('report', { 'github-token': world.token, days: '3' }), env)
    expect(run.code).toBe(0)
    expect(run.summary).toContain('## runner-setup report')
    expect(run.summary).toMatch(/\| studio \| 0 \| 0\.0 s \| 0\.0 s \| 0\.00 \| 0 \| 0\.00 USD \| \d+ % \|/)
    expect(run.summary).toContain('```mermaid\nxychart-beta')
    expect(run.summary).toContain('| GitHub requests spent |')
  })

  it('refuses a bad period before any call', async () => {
    const run = await runAction(inputs('report', { days: '0' }), env)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::Input 'days' is '0'; expected a whole number from 1 to 90.")
  })
})
