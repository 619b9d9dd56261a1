/**
 * The platform's onboarding through the CLI bundle, from nothing in the emulator: onboard as the platform (the
 * emulator's Owner app), then apply, verify and destroy as the onboarded setup identity, signed in with its own
 * federated credential and holding only the roles onboard granted; a second onboard writes nothing; offboard refuses
 * while the runners exist and removes onboarding once they are gone.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { loadTeamConfigs } from '../../src/config/load.js'
import { teamLayout } from '../../src/core/layout.js'
import { onboardLayout } from '../../src/commands/onboard/identities.js'
import { seedTeam } from '../../emulator/seed-team.js'
import { countArm, startWorld, type World } from '../../emulator/worlds/world.js'
import { runAction } from '../action/bundle.js'

const CONFIG = 'test/e2e/fixtures/onboard-team.yaml'
const config = loadTeamConfigs([CONFIG])[0]!
const PLATFORM = '/subscriptions/00000000-0000-0000-0000-0000000000d1/resourceGroups/rg-runner-setup-platform'
const SUBJECT = 'repo:altinn/payments-app:environment:runner-setup'
let world: World
let target: Parameters<typeof onboardLayout>[1]

beforeAll(async () => {
  world = await startWorld([])
  // What exists before onboarding: the platform's group, vault and workspace, the team's private VNet and DNS zone.
  seedTeam(world.emulator.admin, parse(readFileSync(CONFIG, 'utf8')), { createResourceGroup: false })
  target = {
    platformGroupId: PLATFORM,
    repository: 'altinn/payments-app',
    environment: 'runner-setup',
    issuer: world.emulator.oidc.issuer
  }
})
afterAll(async () => world.close())

const onboarding = (command: 'onboard' | 'offboard') =>
  world.cli([
    command,
    '--config',
    CONFIG,
    '--platform-group',
    PLATFORM,
    '--oidc-issuer',
    world.emulator.oidc.issuer,
    '--json'
  ])

/** The CLI as the team's setup workflow runs it: its own client id, an ID token for its repository and environment. */
const asTeam = (args: string[], subject = SUBJECT) => {
  const identity = onboardLayout(config, target).identities[0]!.id
  const clientId = (world.emulator.admin.getResource(identity) as { properties: { clientId: string } }).properties
    .clientId
  return world.cli([...args, '--config', CONFIG], {
    env: {
      AZURE_CLIENT_ID: clientId,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: world.emulator.oidc.requestTokenFor({ sub: subject })
    }
  })
}

describe('onboard', () => {
  it('prepares a team from nothing: group, setup identity in the platform group, exact credential, least grants', async () => {
    const run = await onboarding('onboard')
    expect(run.stderr).not.toContain('Error')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as {
      writes: { kind: string; name: string }[]
      nextSteps: string[]
      grants: string[]
      checks: { name: string; status: string; detail: string }[]
    }
    // The App key is not in Key Vault yet (a step onboard prints), so the runner group waits for the next onboard.
    expect(result.checks).toEqual([expect.objectContaining({ name: 'runner group', status: 'warn' })])
    const layout = onboardLayout(config, target)
    const setup = layout.identities[0]!
    expect(setup.id).toBe(`${PLATFORM}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-payments-setup`)
    expect(result.writes.map(w => w.kind).sort()).toEqual(
      ['resourceGroup', 'identity', 'federatedCredential', ...setup.grants.map(() => 'roleAssignment')].sort()
    )
    expect(setup.grants.map(g => `${g.role} @ ${g.scope.split('/').at(-1)}`)).toEqual([
      'Contributor @ rg-payments-runners',
      'Network Contributor @ vnet-payments-private',
      'Private DNS Zone Contributor @ privatelink.postgres.database.azure.com',
      'Role Based Access Control Administrator @ payments-app-key',
      'Reader @ kv-runner-setup',
      'Log Analytics Contributor @ log-runners'
    ])
    const credential = world.emulator.admin.getResource(setup.credentialId) as { properties: Record<string, unknown> }
    expect(credential.properties).toMatchObject({
      issuer: world.emulator.oidc.issuer,
      subject: SUBJECT,
      audiences: ['api://AzureADTokenExchange']
    })
    const admin = world.emulator.admin.getResource(setup.grants[3]!.id) as { properties: Record<string, string> }
    expect(admin.properties.conditionVersion).toBe('2.0')
    expect(admin.properties.condition).toContain('GuidEquals {4633458b-17de-408a-b874-0445c86b69e6}')
    expect(admin.properties.condition).toContain("StringEqualsIgnoreCase {'ServicePrincipal'}")
    const group = world.emulator.admin.getResource(teamLayout(config).resourceGroupId) as {
      tags: Record<string, string>
    }
    expect(group.tags).toMatchObject({ 'managed-by': 'runner-setup', 'runner-setup-team': 'payments' })
    expect(result.grants).toContain(
      `id-payments-setup: Role Based Access Control Administrator (conditional) on ${setup.grants[3]!.scope} (${setup.grants[3]!.id.split('/').at(-1)}): ${setup.grants[3]!.why}`
    )
    expect(result.nextSteps.join('\n')).toContain(
      'az keyvault secret set --vault-name kv-runner-setup --name payments-app-key'
    )
    const clientId = (world.emulator.admin.getResource(setup.id) as { properties: { clientId: string } }).properties
      .clientId
    expect(result.nextSteps.join('\n')).toContain(
      `gh variable set AZURE_CLIENT_ID --repo altinn/payments-app --env runner-setup --body ${clientId}`
    )
  })

  it('a second onboard writes nothing', async () => {
    const mark = world.emulator.requests().length
    const run = await onboarding('onboard')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).writes).toEqual([])
    expect(countArm(world.emulator, mark).writes).toBe(0)
  })

  it('the setup identity signs in only with its exact subject', async () => {
    const run = await asTeam(['plan'], 'repo:altinn/payments-app:environment:production')
    expect(run.code).toBe(1)
    expect(run.stdout + run.stderr).toContain('AADSTS70021')
  })

  it('apply and verify as the onboarded identity, with only the granted roles', async () => {
    const applied = await asTeam(['apply', '--json'])
    expect(applied.stderr).not.toContain('AuthorizationFailed')
    expect(applied.code).toBe(0)
    expect(JSON.parse(applied.stdout).writes.length).toBeGreaterThan(8)
    const verified = await asTeam(['verify', '--json'])
    const checks = (JSON.parse(verified.stdout) as { checks: { name: string; status: string }[] }).checks
    expect(checks.find(c => c.name === 'azure resources')?.status).toBe('pass')
    const again = await asTeam(['apply', '--json'])
    expect(JSON.parse(again.stdout).writes).toEqual([])
  })

  it('offboard refuses while the runners exist, and removes onboarding once destroy removed them', async () => {
    const mark = world.emulator.requests().length
    const refused = await onboarding('offboard')
    expect(refused.code).toBe(1)
    expect(refused.stdout + refused.stderr).toContain("Team payments's runner resources still exist")
    expect(countArm(world.emulator, mark).writes).toBe(0)

    const destroyed = await asTeam(['destroy'])
    expect(destroyed.code).toBe(0)
    // destroy never removes onboarding: the identity it signed in with is still there.
    const setupId = onboardLayout(config, target).identities[0]!.id
    expect(world.emulator.admin.getResource(setupId)).toBeDefined()
    const offboarded = await onboarding('offboard')
    expect(offboarded.code).toBe(0)
    const setup = onboardLayout(config, target).identities[0]!
    expect(world.emulator.admin.getResource(setup.id)).toBeUndefined()
    for (const grant of setup.grants) expect(world.emulator.admin.getResource(grant.id)).toBeUndefined()
    expect(JSON.parse(offboarded.stdout).nextSteps[0]).toContain('az group delete')
  })

  it('runs as the action too (command: onboard), for a platform workflow', async () => {
    const inputs = {
      command: 'onboard',
      config: CONFIG,
      'tenant-id': world.emulator.tenantId,
      'client-id': world.emulator.clientId,
      'arm-endpoint': world.emulator.url,
      'authority-host': world.emulator.url,
      'oidc-issuer': world.emulator.oidc.issuer
    }
    const env = { ...world.env, GITHUB_REPOSITORY: 'altinn/platform' }
    const missing = await runAction(inputs, env)
    expect(missing.code).toBe(1)
    expect(missing.stdout).toContain("onboard needs the platform's resource group")
    const mark = world.emulator.requests().length
    const dry = await runAction({ ...inputs, 'platform-group': PLATFORM, 'dry-run': 'true' }, env)
    expect(dry.code).toBe(0)
    expect(countArm(world.emulator, mark).writes).toBe(0)
    const result = JSON.parse(readFileSync(dry.outputs.plan, 'utf8')) as { changes: { action: string }[] }
    expect(result.changes.filter(c => c.action === 'create').length).toBeGreaterThan(5)
  })
})
