import { describe, expect, it } from '@jest/globals'
import type { Job } from '@azure/arm-appcontainers'
import { desiredResources } from '../../src/core/desired.js'
import { repoJobName, roleAssignmentName } from '../../src/core/names.js'
import { RUNNER_ENV } from '../../src/core/runner-env.js'
import type { DesiredResource } from '../../src/core/types.js'
import {
  APPS_KEY_URI,
  APPS_KEY_VAULT,
  APPS_RG,
  KEY_URI,
  KEY_VAULT,
  PG_ZONE,
  PRIVATE_SUB,
  PRIVATE_VNET,
  RG,
  SUB,
  WORKSPACE,
  orgTeam,
  repoTeam
} from './fixtures.js'

const ID = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-studio-runners`
const ENV = `${RG}/providers/Microsoft.App/managedEnvironments/cae-studio-runners`
const VNET = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-studio-runners`
const SUBNET = `${VNET}/subnets/snet-runners`
const NSG = `${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg-studio-runners`
const PIP = `${RG}/providers/Microsoft.Network/publicIPAddresses/pip-studio-runners`
const NAT = `${RG}/providers/Microsoft.Network/natGateways/ng-studio-runners`
const ROLE_DEF = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6`
const STUDIO_TAGS = { finops_product: 'studio', 'managed-by': 'runner-setup', 'runner-setup-team': 'studio' }

/** Bodies are in the SDK model shape, so the SDK type reads them. */
function asJob(resource: DesiredResource): Job {
  return resource.body as unknown as Job
}

function byKind(resources: DesiredResource[], kind: DesiredResource['kind']): DesiredResource[] {
  return resources.filter(r => r.kind === kind)
}
function one(resources: DesiredResource[], kind: DesiredResource['kind']): DesiredResource {
  const found = byKind(resources, kind)
  expect(found).toHaveLength(1)
  return found[0]
}

describe('desiredResources, org scope with NAT, peering, DNS and logs', () => {
  const resources = desiredResources(orgTeam())
  const peeringName = resources.find(r => r.kind === 'peering')!.name

  it('lists every resource in dependency order with its id, type and api-version', () => {
    expect(resources.map(r => [r.kind, r.id, r.type, r.apiVersion])).toEqual([
      ['networkSecurityGroup', NSG, 'Microsoft.Network/networkSecurityGroups', '2026-01-01'],
      ['publicIpAddress', PIP, 'Microsoft.Network/publicIPAddresses', '2026-01-01'],
      ['natGateway', NAT, 'Microsoft.Network/natGateways', '2026-01-01'],
      ['virtualNetwork', VNET, 'Microsoft.Network/virtualNetworks', '2026-01-01'],
      ['subnet', SUBNET, 'Microsoft.Network/virtualNetworks/subnets', '2026-01-01'],
      [
        'peering',
        `${VNET}/virtualNetworkPeerings/${peeringName}`,
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        '2026-01-01'
      ],
      [
        'remotePeering',
        `${PRIVATE_VNET}/virtualNetworkPeerings/runner-setup-studio`,
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        '2026-01-01'
      ],
      [
        'privateDnsZoneLink',
        `${PG_ZONE}/virtualNetworkLinks/runner-setup-studio`,
        'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
        '2024-06-01'
      ],
      ['identity', ID, 'Microsoft.ManagedIdentity/userAssignedIdentities', '2024-11-30'],
      [
        'roleAssignment',
        `${KEY_VAULT}/secrets/gh-app-key/providers/Microsoft.Authorization/roleAssignments/${roleAssignmentName(`${KEY_VAULT}/secrets/gh-app-key`, ID, ROLE_DEF)}`,
        'Microsoft.Authorization/roleAssignments',
        '2022-04-01'
      ],
      ['managedEnvironment', ENV, 'Microsoft.App/managedEnvironments', '2026-07-01'],
      [
        'diagnosticSetting',
        `${ENV}/providers/Microsoft.Insights/diagnosticSettings/runner-setup`,
        'Microsoft.Insights/diagnosticSettings',
        '2021-05-01-preview'
      ],
      ['job', `${RG}/providers/Microsoft.App/jobs/caj-studio`, 'Microsoft.App/jobs', '2026-07-01']
    ])
    expect(peeringName).toMatch(/^to-vnet-studio-private-[0-9a-f]{6}$/)
  })

  it('names each resource after the last segment of its id', () => {
    for (const r of resources) expect(r.name).toBe(r.id.slice(r.id.lastIndexOf('/') + 1))
  })

  it('writes the org-scope job exactly: KEDA github-runner rule, Key Vault secret reference, runner env', () => {
    const job = one(resources, 'job')
    expect(job.ownership).toBe('tagged')
    expect(job.dependsOn).toEqual([ENV, ID, one(resources, 'roleAssignment').id])
    expect(job.body).toEqual({
      location: 'norwayeast',
      tags: STUDIO_TAGS,
      identity: { type: 'UserAssigned', userAssignedIdentities: { [ID]: {} } },
      environmentId: ENV,
      workloadProfileName: 'Consumption',
      configuration: {
        triggerType: 'Event',
        replicaTimeout: 4200,
        replicaRetryLimit: 0,
        eventTriggerConfig: {
          parallelism: 1,
          replicaCompletionCount: 1,
          scale: {
            minExecutions: 0,
            maxExecutions: 10,
            pollingInterval: 20,
            rules: [
              {
                name: 'github-runner',
                type: 'github-runner',
                metadata: {
                  githubApiURL: 'https://api.github.com',
                  owner: 'altinn',
                  runnerScope: 'org',
                  repos: 'altinn-studio,app-frontend-react',
                  labels: 'studio,large',
                  noDefaultLabels: 'true',
                  enableEtags: 'false',
                  targetWorkflowQueueLength: '1',
                  applicationID: '123456',
                  installationID: '7891011'
                },
                auth: [{ secretRef: 'github-app-key', triggerParameter: 'appKey' }]
              }
            ]
          }
        },
        secrets: [{ name: 'github-app-key', keyVaultUrl: KEY_URI, identity: ID }],
        registries: []
      },
      template: {
        containers: [
          {
            name: 'runner',
            image: 'ghcr.io/altinn/runner-setup/runner:1',
            resources: { cpu: 2, memory: '4Gi' },
            env: [
              { name: 'RUNNER_SETUP_SCOPE', value: 'org' },
              { name: 'RUNNER_SETUP_GITHUB_URL', value: 'https://github.com' },
              { name: 'RUNNER_SETUP_GITHUB_API_URL', value: 'https://api.github.com' },
              { name: 'RUNNER_SETUP_OWNER', value: 'altinn' },
              { name: 'RUNNER_SETUP_RUNNER_GROUP', value: 'studio' },
              { name: 'RUNNER_SETUP_LABELS', value: 'studio,large' },
              { name: 'RUNNER_SETUP_APP_ID', value: '123456' },
              { name: 'RUNNER_SETUP_INSTALLATION_ID', value: '7891011' },
              { name: 'RUNNER_SETUP_KEY_SECRET_URI', value: KEY_URI },
              { name: 'RUNNER_SETUP_IDENTITY_CLIENT_ID', value: { $ref: ID, property: 'clientId' } },
              { name: 'RUNNER_SETUP_IDLE_TIMEOUT_SECONDS', value: '600' },
              { name: 'RUNNER_SETUP_SUDO', value: 'false' }
            ]
          }
        ]
      }
    })
  })

  it('denies all inbound, allows what Container Apps and GitHub need outbound, then denies the internet', () => {
    const nsg = one(resources, 'networkSecurityGroup')
    expect(nsg.body.location).toBe('norwayeast')
    expect(nsg.body.tags).toEqual(STUDIO_TAGS)
    const rules = nsg.body.securityRules as Record<string, unknown>[]
    expect(
      rules.map(r => [
        r.name,
        r.direction,
        r.access,
        r.priority,
        r.protocol,
        r.sourceAddressPrefix,
        r.destinationAddressPrefix,
        r.destinationPortRange
      ])
    ).toEqual([
      ['deny-internet-inbound', 'Inbound', 'Deny', 4096, '*', 'Internet', '*', '*'],
      ['allow-vnet-outbound', 'Outbound', 'Allow', 100, '*', 'VirtualNetwork', 'VirtualNetwork', '*'],
      ['allow-azure-dns-outbound', 'Outbound', 'Allow', 110, '*', 'VirtualNetwork', '168.63.129.16', '53'],
      [
        'allow-https-azureactivedirectory-outbound',
        'Outbound',
        'Allow',
        120,
        'Tcp',
        'VirtualNetwork',
        'AzureActiveDirectory',
        '443'
      ],
      [
        'allow-https-microsoftcontainerregistry-outbound',
        'Outbound',
        'Allow',
        130,
        'Tcp',
        'VirtualNetwork',
        'MicrosoftContainerRegistry',
        '443'
      ],
      [
        'allow-https-azurefrontdoor-firstparty-outbound',
        'Outbound',
        'Allow',
        140,
        'Tcp',
        'VirtualNetwork',
        'AzureFrontDoor.FirstParty',
        '443'
      ],
      ['allow-https-azuremonitor-outbound', 'Outbound', 'Allow', 150, 'Tcp', 'VirtualNetwork', 'AzureMonitor', '443'],
      ['allow-https-azurekeyvault-outbound', 'Outbound', 'Allow', 160, 'Tcp', 'VirtualNetwork', 'AzureKeyVault', '443'],
      ['allow-https-internet-outbound', 'Outbound', 'Allow', 200, 'Tcp', 'VirtualNetwork', 'Internet', '443'],
      ['deny-internet-outbound', 'Outbound', 'Deny', 4096, '*', '*', 'Internet', '*']
    ])
    for (const rule of rules) {
      expect(rule.sourcePortRange).toBe('*')
      expect(typeof rule.description).toBe('string')
    }
    const perDirection = (d: string) => rules.filter(r => r.direction === d).map(r => r.priority)
    for (const d of ['Inbound', 'Outbound']) expect(new Set(perDirection(d)).size).toBe(perDirection(d).length)
  })

  it('puts the VNet without a subnets key, with the team resolver, and the delegated subnet with NSG and NAT', () => {
    expect(one(resources, 'virtualNetwork').body).toEqual({
      location: 'norwayeast',
      tags: STUDIO_TAGS,
      addressSpace: { addressPrefixes: ['10.90.0.0/24'] },
      dhcpOptions: { dnsServers: ['10.20.0.4'] }
    })
    expect('subnets' in one(resources, 'virtualNetwork').body).toBe(false)
    const subnet = one(resources, 'subnet')
    expect(subnet.body).toEqual({
      addressPrefix: '10.90.0.0/27',
      delegations: [{ name: 'Microsoft.App.environments', serviceName: 'Microsoft.App/environments' }],
      networkSecurityGroup: { id: NSG },
      natGateway: { id: NAT }
    })
    expect(subnet.dependsOn).toEqual([VNET, NSG, NAT])
    expect(subnet.ownership).toBe('child')
  })

  it("associates the platform's route table when the config names one, and never writes the route table", () => {
    const routeTableId = `${RG}/providers/Microsoft.Network/routeTables/rt-hub-egress`
    const config = orgTeam()
    const withRoute = desiredResources({ ...config, network: { ...config.network, routeTableId } })
    expect(one(withRoute, 'subnet').body.routeTable).toEqual({ id: routeTableId })
    expect(withRoute.some(r => r.id === routeTableId)).toBe(false)
    // Without it the subnet says nothing about route tables: one someone else attached stays.
    expect('routeTable' in one(resources, 'subnet').body).toBe(false)
  })

  it('gives egress one static Standard public IP behind a NAT gateway', () => {
    expect(one(resources, 'publicIpAddress').body).toEqual({
      location: 'norwayeast',
      tags: STUDIO_TAGS,
      sku: { name: 'Standard' },
      publicIPAllocationMethod: 'Static',
      publicIPAddressVersion: 'IPv4'
    })
    const nat = one(resources, 'natGateway')
    expect(nat.body).toEqual({
      location: 'norwayeast',
      tags: STUDIO_TAGS,
      sku: { name: 'Standard' },
      publicIpAddresses: [{ id: PIP }]
    })
    expect(nat.dependsOn).toEqual([PIP])
  })

  it('peers both ways, the way back forwarding nothing and proven by where it points', () => {
    const local = one(resources, 'peering')
    expect(local.body).toEqual({
      remoteVirtualNetwork: { id: PRIVATE_VNET },
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false
    })
    expect(local.dependsOn).toEqual([SUBNET])
    const remote = one(resources, 'remotePeering')
    expect(remote.body).toEqual({
      remoteVirtualNetwork: { id: VNET },
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
      allowGatewayTransit: false,
      useRemoteGateways: false
    })
    expect(remote.ownership).toBe('marked')
    expect(remote.dependsOn).toEqual([VNET])
  })

  it('links each private DNS zone to the runner VNet without auto-registration', () => {
    const link = one(resources, 'privateDnsZoneLink')
    expect(link.body).toEqual({
      location: 'global',
      tags: STUDIO_TAGS,
      virtualNetwork: { id: VNET },
      registrationEnabled: false
    })
    expect(link.ownership).toBe('tagged')
  })

  it('grants the identity Key Vault Secrets User on the one secret, by reference to its principal', () => {
    expect(one(resources, 'identity').body).toEqual({ location: 'norwayeast', tags: STUDIO_TAGS })
    const role = one(resources, 'roleAssignment')
    expect(role.body).toEqual({
      roleDefinitionId: ROLE_DEF,
      principalId: { $ref: ID, property: 'principalId' },
      principalType: 'ServicePrincipal'
    })
    expect(
      role.id.startsWith(`${KEY_VAULT}/secrets/gh-app-key/providers/Microsoft.Authorization/roleAssignments/`)
    ).toBe(true)
    expect(role.dependsOn).toEqual([ID])
  })

  it('makes an internal workload-profiles environment whose logs go through a diagnostic setting, never a shared key', () => {
    expect(one(resources, 'managedEnvironment').body).toEqual({
      location: 'norwayeast',
      tags: STUDIO_TAGS,
      vnetConfiguration: { infrastructureSubnetId: SUBNET, internal: true },
      workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }],
      appLogsConfiguration: { destination: 'azure-monitor' }
    })
    expect(one(resources, 'diagnosticSetting').body).toEqual({
      workspaceId: WORKSPACE,
      logAnalyticsDestinationType: 'Dedicated',
      logs: [{ categoryGroup: 'allLogs', enabled: true }]
    })
  })

  it('lets our tags win over the config tags of the same name', () => {
    for (const r of resources.filter(x => x.ownership === 'tagged')) expect(r.body.tags).toEqual(STUDIO_TAGS)
  })
})

describe('desiredResources, repo scope with its own resource group', () => {
  const resources = desiredResources(repoTeam())
  const jobs = byKind(resources, 'job')
  const TAGS = { 'managed-by': 'runner-setup', 'runner-setup-team': 'apps-team' }
  const APPS_ID = `${APPS_RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-apps-team-runners`

  it('creates the resource group first, marks NAT egress and logs absent, and has no peerings or zone links', () => {
    expect(resources.map(r => `${r.kind}${r.absent ? ' (absent)' : ''}`)).toEqual([
      'resourceGroup',
      'networkSecurityGroup',
      'publicIpAddress (absent)',
      'natGateway (absent)',
      'virtualNetwork',
      'subnet',
      'identity',
      'roleAssignment',
      'managedEnvironment',
      'diagnosticSetting (absent)',
      'job',
      'job'
    ])
    // Nothing of an absent resource is ever written: its body is empty.
    for (const r of resources.filter(d => d.absent)) expect(r.body).toEqual({})
    const group = one(resources, 'resourceGroup')
    expect(group).toMatchObject({
      id: APPS_RG,
      type: 'Microsoft.Resources/resourceGroups',
      apiVersion: '2025-04-01',
      dependsOn: [],
      ownership: 'tagged'
    })
    expect(group.body).toEqual({ location: 'norwayeast', tags: TAGS })
    for (const kind of ['networkSecurityGroup', 'virtualNetwork', 'identity'] as const)
      expect(one(resources, kind).dependsOn).toEqual([APPS_RG])
  })

  it("sends an empty DNS server list (Azure DNS), and clears the subnet's NAT gateway and the log destination", () => {
    expect(one(resources, 'virtualNetwork').body.dhcpOptions).toEqual({ dnsServers: [] })
    expect(one(resources, 'subnet').body.natGateway).toBeNull()
    expect(one(resources, 'managedEnvironment').body.appLogsConfiguration).toEqual({ destination: null })
  })

  it("scopes the role to the versioned secret URI's secret, in the vault's own subscription", () => {
    const role = one(resources, 'roleAssignment')
    expect(
      role.id.startsWith(`${APPS_KEY_VAULT}/secrets/apps-app-key/providers/Microsoft.Authorization/roleAssignments/`)
    ).toBe(true)
    expect(role.body.roleDefinitionId).toBe(
      `/subscriptions/${PRIVATE_SUB}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6`
    )
  })

  it('makes one job per repository, each watching only its repository', () => {
    expect(jobs.map(j => j.name)).toEqual([
      repoJobName('apps-team', 'digdir', 'App-One'),
      repoJobName('apps-team', 'digdir', 'app-two')
    ])
    jobs.forEach((job, i) => {
      const repo = ['App-One', 'app-two'][i]
      expect(job.name).toMatch(/^cajr-[0-9a-f]{6}-apps-team$/)
      expect(job.body.tags).toEqual({ ...TAGS, 'runner-setup-repo': repo })
    })
  })

  it('writes the repo-scope job exactly: one repo, GHES API, no runner group, sudo on', () => {
    const job = jobs[0]
    const configuration = asJob(job).configuration!
    expect(configuration.replicaTimeout).toBe(2100)
    expect(configuration.eventTriggerConfig).toEqual({
      parallelism: 1,
      replicaCompletionCount: 1,
      scale: {
        minExecutions: 0,
        maxExecutions: 3,
        pollingInterval: 30,
        rules: [
          {
            name: 'github-runner',
            type: 'github-runner',
            metadata: {
              githubApiURL: 'https://ghes.example.com/api/v3',
              owner: 'digdir',
              runnerScope: 'repo',
              repos: 'App-One',
              labels: 'apps-team',
              noDefaultLabels: 'true',
              enableEtags: 'false',
              targetWorkflowQueueLength: '1',
              applicationID: '123456',
              installationID: '7891011'
            },
            auth: [{ secretRef: 'github-app-key', triggerParameter: 'appKey' }]
          }
        ]
      }
    })
    expect(configuration.secrets).toEqual([{ name: 'github-app-key', keyVaultUrl: APPS_KEY_URI, identity: APPS_ID }])
    const container = asJob(job).template!.containers![0]
    expect(container.resources).toEqual({ cpu: 1, memory: '2Gi' })
    expect(container.env).toEqual([
      { name: 'RUNNER_SETUP_SCOPE', value: 'repo' },
      { name: 'RUNNER_SETUP_GITHUB_URL', value: 'https://ghes.example.com' },
      { name: 'RUNNER_SETUP_GITHUB_API_URL', value: 'https://ghes.example.com/api/v3' },
      { name: 'RUNNER_SETUP_OWNER', value: 'digdir' },
      { name: 'RUNNER_SETUP_REPO', value: 'App-One' },
      { name: 'RUNNER_SETUP_LABELS', value: 'apps-team' },
      { name: 'RUNNER_SETUP_APP_ID', value: '123456' },
      { name: 'RUNNER_SETUP_INSTALLATION_ID', value: '7891011' },
      { name: 'RUNNER_SETUP_KEY_SECRET_URI', value: APPS_KEY_URI },
      { name: 'RUNNER_SETUP_IDENTITY_CLIENT_ID', value: { $ref: APPS_ID, property: 'clientId' } },
      { name: 'RUNNER_SETUP_IDLE_TIMEOUT_SECONDS', value: '300' },
      { name: 'RUNNER_SETUP_SUDO', value: 'true' }
    ])
    expect(asJob(jobs[1]).configuration!.eventTriggerConfig!.scale!.rules![0].metadata.repos).toBe('app-two')
  })
})

describe('desiredResources, contract checks over both scopes', () => {
  it('passes runners.allowUserNamespaces only when set, so every other job template stays as it was', () => {
    const envOf = (config: ReturnType<typeof orgTeam>) =>
      (
        desiredResources(config).find(r => r.kind === 'job')!.body.template as {
          containers: { env: { name: string; value: unknown }[] }[]
        }
      ).containers[0]!.env.filter(e => e.name === 'RUNNER_SETUP_ALLOW_USER_NAMESPACES')
    const config = orgTeam()
    expect(envOf(config)).toEqual([])
    config.runners.allowUserNamespaces = true
    expect(envOf(config)).toEqual([{ name: 'RUNNER_SETUP_ALLOW_USER_NAMESPACES', value: 'true' }])
  })

  it('passes a configured runner group id, so each org-scope runner skips the lookup by name', () => {
    const config = orgTeam()
    config.github.runnerGroupId = 42
    const job = desiredResources(config).find(r => r.kind === 'job')!
    const env = (job.body.template as { containers: { env: { name: string; value: unknown }[] }[] }).containers[0]!.env
    expect(env.filter(e => e.name.startsWith('RUNNER_SETUP_RUNNER_GROUP'))).toEqual([
      { name: 'RUNNER_SETUP_RUNNER_GROUP', value: 'studio' },
      { name: 'RUNNER_SETUP_RUNNER_GROUP_ID', value: '42' }
    ])
  })

  const all = [...desiredResources(orgTeam()), ...desiredResources(repoTeam())]

  it("sets only RUNNER_ENV names in the container, every one of them except the other scope's and the optional ones", () => {
    const known = new Set<string>(Object.values(RUNNER_ENV))
    for (const job of all.filter(r => r.kind === 'job')) {
      const env = asJob(job).template!.containers![0].env!
      for (const { name } of env) expect(known.has(name!)).toBe(true)
      // The fixtures leave github.runnerGroupId and runners.allowUserNamespaces unset; the tests above cover them.
      expect(env).toHaveLength(Object.keys(RUNNER_ENV).length - 3)
    }
  })

  it('carries no secret value: no PEM, token, shared key or secret value field anywhere', () => {
    const text = JSON.stringify(all)
    expect(text).not.toMatch(/-----BEGIN|PRIVATE KEY|gh[pousr]_[A-Za-z0-9]|sharedKey|"value":"[A-Za-z0-9+/]{40,}/)
    for (const job of all.filter(r => r.kind === 'job')) {
      for (const secret of asJob(job).configuration!.secrets!)
        expect(Object.keys(secret).sort()).toEqual(['identity', 'keyVaultUrl', 'name'])
    }
  })

  it('depends only on resources in the same list', () => {
    for (const list of [desiredResources(orgTeam()), desiredResources(repoTeam())]) {
      const ids = new Set(list.map(r => r.id))
      for (const r of list) for (const dep of r.dependsOn) expect(ids.has(dep)).toBe(true)
    }
  })

  it('refuses a repo-scope team whose two repositories would share a job name', () => {
    const config = repoTeam()
    config.github.repos = ['same', 'SAME']
    expect(() => desiredResources(config)).toThrow(
      'Repositories "same" and "SAME" of team apps-team would share the job name'
    )
  })
})
