/**
 * The built CLI bundle, `plan --offline --json`, on every example team: the bodies it prints are the ones
 * design promises (internal workload-profiles environment in a delegated /27+ subnet, an event-triggered job
 * scaled by KEDA's github-runner rule with App auth from Key Vault, our tags everywhere, no secret values).
 */
import { describe, expect, it } from '@jest/globals'
import { CLI_BUNDLE, runNode } from '../../emulator/worlds/world.js'

interface Change {
  action: string
  type: string
  id: string
  name: string
  level: number
  body: Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function planOffline(file: string): Promise<{ team: string; changes: Change[] }> {
  const run = await runNode(CLI_BUNDLE, ['plan', '--offline', '--json', '--config', file], { PATH: process.env.PATH })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout)
}

const ofType = (changes: Change[], type: string) => changes.filter(c => c.type === type)

describe('plan --offline --json (the CLI bundle)', () => {
  it('studio (org scope, peerings, NAT, DNS, logs): every body as designed', async () => {
    const plan = await planOffline('examples/teams/studio.yaml')
    expect(plan.team).toBe('studio')
    expect(plan.changes.every(c => c.action === 'create')).toBe(true)
    expect(plan.changes.map(c => c.type).sort()).toEqual(
      [
        'Microsoft.App/jobs',
        'Microsoft.App/managedEnvironments',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.Insights/diagnosticSettings',
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.Network/natGateways',
        'Microsoft.Network/networkSecurityGroups',
        'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
        'Microsoft.Network/publicIPAddresses',
        'Microsoft.Network/virtualNetworks',
        'Microsoft.Network/virtualNetworks/subnets',
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings'
      ].sort()
    )

    const [vnet] = ofType(plan.changes, 'Microsoft.Network/virtualNetworks')
    expect(vnet.body.addressSpace).toEqual({ addressPrefixes: ['10.90.0.0/24'] })
    expect(vnet.body.dhcpOptions).toEqual({ dnsServers: ['10.20.0.4'] })
    expect('subnets' in vnet.body).toBe(false)
    expect(vnet.body.tags).toEqual({
      finops_product: 'studio',
      finops_environment: 'prod',
      'managed-by': 'runner-setup',
      'runner-setup-team': 'studio'
    })

    const [subnet] = ofType(plan.changes, 'Microsoft.Network/virtualNetworks/subnets')
    expect(subnet.body.addressPrefix).toBe('10.90.0.0/27')
    expect(subnet.body.delegations).toEqual([expect.objectContaining({ serviceName: 'Microsoft.App/environments' })])
    expect(subnet.body.natGateway.id).toMatch(/\/natGateways\/ng-studio-runners$/)
    expect(subnet.body.networkSecurityGroup.id).toMatch(/\/networkSecurityGroups\/nsg-studio-runners$/)

    const [env] = ofType(plan.changes, 'Microsoft.App/managedEnvironments')
    expect(env.name).toBe('cae-studio-runners')
    expect(env.body.vnetConfiguration).toEqual({ infrastructureSubnetId: subnet.id, internal: true })
    expect(env.body.workloadProfiles).toEqual([{ name: 'Consumption', workloadProfileType: 'Consumption' }])
    expect(env.body.appLogsConfiguration).toEqual({ destination: 'azure-monitor' })

    const [job] = ofType(plan.changes, 'Microsoft.App/jobs')
    expect(job.name).toBe('caj-studio')
    expect(job.body.environmentId).toBe(env.id)
    expect(job.body.workloadProfileName).toBe('Consumption')
    const config = job.body.configuration
    expect(config.triggerType).toBe('Event')
    expect(config.replicaRetryLimit).toBe(0)
    expect(config.replicaTimeout).toBe((90 + 10) * 60)
    expect(config.eventTriggerConfig.parallelism).toBe(1)
    expect(config.eventTriggerConfig.replicaCompletionCount).toBe(1)
    const scale = config.eventTriggerConfig.scale
    expect([scale.minExecutions, scale.maxExecutions, scale.pollingInterval]).toEqual([0, 20, 20])
    expect(scale.rules).toEqual([
      {
        name: 'github-runner',
        type: 'github-runner',
        metadata: {
          githubApiURL: 'https://api.github.com',
          owner: 'altinn',
          runnerScope: 'org',
          repos: 'altinn-studio,app-frontend-react',
          labels: 'studio',
          noDefaultLabels: 'true',
          enableEtags: 'false',
          targetWorkflowQueueLength: '1',
          applicationID: '123456',
          installationID: '7891011'
        },
        auth: [{ secretRef: 'github-app-key', triggerParameter: 'appKey' }]
      }
    ])
    const identityId = ofType(plan.changes, 'Microsoft.ManagedIdentity/userAssignedIdentities')[0].id
    expect(config.secrets).toEqual([
      {
        name: 'github-app-key',
        keyVaultUrl: 'https://kv-studio-runners.vault.azure.net/secrets/gh-app-key',
        identity: identityId
      }
    ])
    expect(Object.keys(job.body.identity.userAssignedIdentities)).toEqual([identityId])
    const [container] = job.body.template.containers
    expect(container.image).toBe('ghcr.io/altinn/runner-setup/runner:1')
    expect(container.resources).toEqual({ cpu: 2, memory: '4Gi' })
    const env_ = Object.fromEntries(container.env.map((e: { name: string; value: string }) => [e.name, e.value]))
    expect(env_.RUNNER_SETUP_SCOPE).toBe('org')
    expect(env_.RUNNER_SETUP_RUNNER_GROUP).toBe('studio')
    expect(env_.RUNNER_SETUP_LABELS).toBe('studio')
    expect(env_.RUNNER_SETUP_IDENTITY_CLIENT_ID).toMatch(/known after apply/)

    // The remote side of each peering points back at the runner VNet.
    const remote = ofType(plan.changes, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings').filter(
      p => p.name === 'runner-setup-studio'
    )
    expect(remote).toHaveLength(2)
    for (const p of remote) expect(p.body.remoteVirtualNetwork.id).toBe(vnet.id)

    // No secret value anywhere: the key is only ever a Key Vault reference.
    const text = JSON.stringify(plan)
    expect(text).not.toMatch(/PRIVATE KEY|sharedKey|ghs_|ghp_/)
  })

  it('dialogporten (repo scope): one job per repository, each scoped to its repository', async () => {
    const plan = await planOffline('examples/teams/dialogporten.yaml')
    const jobs = ofType(plan.changes, 'Microsoft.App/jobs')
    expect(jobs.length).toBeGreaterThanOrEqual(3)
    for (const job of jobs) {
      expect(job.name).toMatch(/^cajr-[0-9a-f]{6}-dialogporten$/)
      expect(job.name.length).toBeLessThanOrEqual(32)
      const [rule] = job.body.configuration.eventTriggerConfig.scale.rules
      expect(rule.metadata.runnerScope).toBe('repo')
      expect(rule.metadata.repos).not.toContain(',')
      expect(job.body.tags['runner-setup-repo']).toBe(rule.metadata.repos)
    }
    expect(new Set(jobs.map(j => j.name)).size).toBe(jobs.length)
  })

  it('minimal: defaults fill every gap', async () => {
    const plan = await planOffline('examples/teams/minimal.yaml')
    expect(plan.changes.map(c => c.name)).toContain('caj-minimal')
    const [job] = ofType(plan.changes, 'Microsoft.App/jobs')
    const scale = job.body.configuration.eventTriggerConfig.scale
    expect([scale.maxExecutions, scale.pollingInterval]).toEqual([10, 20])
    expect(scale.rules[0].metadata.labels).toBe('minimal')
    expect(ofType(plan.changes, 'Microsoft.Network/natGateways')).toEqual([])
  })

  it('a bad config: FILE:LINE:COL on stderr, exit 1, nothing on stdout', async () => {
    const run = await runNode(
      CLI_BUNDLE,
      ['plan', '--offline', '--json', '--config', 'test/e2e/fixtures/bad-subnet.yaml'],
      { PATH: process.env.PATH }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.split('\n')[0]).toBe(
      'test/e2e/fixtures/bad-subnet.yaml:8:11: network.subnet: 10.94.0.0/27 is not inside the address space 10.93.0.0/24'
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
