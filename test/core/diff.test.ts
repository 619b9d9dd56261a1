import { describe, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { diffResource } from '../../src/core/diff.js'
import { resolveRefs } from '../../src/core/refs.js'
import type { ActualResource, DesiredResource } from '../../src/core/types.js'
import { KEY_URI, orgTeam } from './fixtures.js'

/** Tests reach deep into ARM bodies to play Azure; a loose type keeps that readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>

const CLIENT_ID = '0f0e0d0c-0b0a-0908-0706-050403020100'
const PRINCIPAL_ID = '00112233-4455-6677-8899-aabbccddeeff'
const lookup = (_id: string, property: 'clientId' | 'principalId') =>
  property === 'clientId' ? CLIENT_ID : PRINCIPAL_ID

const resources = desiredResources(orgTeam())
function resolved(kind: DesiredResource['kind']): DesiredResource {
  const resource = resources.find(r => r.kind === kind)!
  return { ...resource, body: resolveRefs(resource.body, lookup).body }
}

/** What ARM returns for a job we wrote: our fields plus ids, states, defaults, a policy tag, ids in other case. */
function jobAsAzureReturnsIt(job: DesiredResource): ActualResource {
  const body = structuredClone(job.body) as Loose
  const identityId = Object.keys(body.identity.userAssignedIdentities)[0]
  return {
    id: job.id.toLowerCase(),
    body: {
      ...body,
      id: job.id,
      name: job.name,
      type: 'Microsoft.App/jobs',
      location: 'Norway East',
      tags: { ...body.tags, 'cost-center': 'added-by-policy' },
      provisioningState: 'Succeeded',
      runningState: 'Ready',
      outboundIpAddresses: ['20.100.0.1'],
      systemData: { createdBy: 'someone', createdByType: 'User' },
      environmentId: body.environmentId.replace('/resourceGroups/', '/resourcegroups/'),
      identity: {
        type: 'UserAssigned',
        userAssignedIdentities: { [identityId.toUpperCase()]: { principalId: PRINCIPAL_ID, clientId: CLIENT_ID } }
      },
      configuration: {
        ...body.configuration,
        manualTriggerConfig: null,
        scheduleTriggerConfig: null,
        registries: null,
        eventTriggerConfig: {
          ...body.configuration.eventTriggerConfig,
          scale: {
            ...body.configuration.eventTriggerConfig.scale,
            rules: [{ ...body.configuration.eventTriggerConfig.scale.rules[0], identity: '' }]
          }
        }
      },
      template: {
        ...body.template,
        initContainers: null,
        volumes: [],
        containers: [
          {
            ...body.template.containers[0],
            probes: [],
            resources: { cpu: 2, memory: '4Gi', ephemeralStorage: '8Gi' },
            // Azure keeps env in the order it was written; a reorder must not matter anyway.
            env: [...body.template.containers[0].env].reverse()
          }
        ]
      }
    }
  }
}

describe('diffResource', () => {
  const job = resolved('job')

  it('creates what does not exist', () => {
    expect(diffResource(job, undefined)).toEqual({ action: 'create', changes: [] })
  })

  it('ignores what Azure fills in: ids, states, defaults, extra tags, id case, location spelling, order of named items', () => {
    expect(diffResource(job, jobAsAzureReturnsIt(job))).toEqual({ action: 'noop', changes: [] })
  })

  it('reports field-level paths with from and to', () => {
    const actual = jobAsAzureReturnsIt(job)
    const body = actual.body as Loose
    body.configuration.eventTriggerConfig.scale.maxExecutions = 4
    body.configuration.eventTriggerConfig.scale.rules[0].metadata.labels = 'studio'
    body.template.containers[0].env.find((e: { name: string }) => e.name === 'RUNNER_SETUP_LABELS').value = 'studio'
    body.template.containers[0].image = 'ghcr.io/altinn/runner-setup/runner:0'
    expect(diffResource(job, actual)).toEqual({
      action: 'update',
      changes: [
        { path: 'configuration.eventTriggerConfig.scale.maxExecutions', from: 4, to: 10 },
        {
          path: 'configuration.eventTriggerConfig.scale.rules[github-runner].metadata.labels',
          from: 'studio',
          to: 'studio,large'
        },
        {
          path: 'template.containers[runner].image',
          from: 'ghcr.io/altinn/runner-setup/runner:0',
          to: 'ghcr.io/altinn/runner-setup/runner:1'
        },
        { path: 'template.containers[runner].env[RUNNER_SETUP_LABELS].value', from: 'studio', to: 'studio,large' }
      ]
    })
  })

  it('treats a number and a numeric string as different', () => {
    const actual = jobAsAzureReturnsIt(job)
    const body = actual.body as Loose
    body.configuration.eventTriggerConfig.scale.rules[0].metadata.applicationID = 123456
    body.configuration.replicaTimeout = '4200'
    expect(diffResource(job, actual).changes).toEqual([
      { path: 'configuration.replicaTimeout', from: '4200', to: 4200 },
      {
        path: 'configuration.eventTriggerConfig.scale.rules[github-runner].metadata.applicationID',
        from: 123456,
        to: '123456'
      }
    ])
  })

  it('compares ARM ids case-insensitively but other strings exactly', () => {
    const actual = jobAsAzureReturnsIt(job)
    const body = actual.body as Loose
    body.environmentId = body.environmentId.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/')
    expect(diffResource(job, actual).action).toBe('noop')
    body.configuration.secrets[0].keyVaultUrl = KEY_URI.toUpperCase()
    expect(diffResource(job, actual).changes).toEqual([
      { path: 'configuration.secrets[github-app-key].keyVaultUrl', from: KEY_URI.toUpperCase(), to: KEY_URI }
    ])
  })

  it('reports an env var that is missing, and one we did not ask for, by name', () => {
    const actual = jobAsAzureReturnsIt(job)
    const container = (actual.body as Loose).template.containers[0]
    container.env = container.env.filter((e: { name: string }) => e.name !== 'RUNNER_SETUP_SUDO')
    container.env.push({ name: 'GITHUB_PAT', secretRef: 'pat' })
    expect(diffResource(job, actual).changes).toEqual([
      {
        path: 'template.containers[runner].env[RUNNER_SETUP_SUDO]',
        from: undefined,
        to: { name: 'RUNNER_SETUP_SUDO', value: 'false' }
      },
      {
        path: 'template.containers[runner].env[GITHUB_PAT]',
        from: { name: 'GITHUB_PAT', secretRef: 'pat' },
        to: undefined
      }
    ])
  })

  it('always reports an unresolved ref as a change, shown as known after apply', () => {
    const unresolved = resources.find(r => r.kind === 'job')!
    const actual = jobAsAzureReturnsIt(job)
    expect(diffResource(unresolved, actual).changes).toEqual([
      {
        path: 'template.containers[runner].env[RUNNER_SETUP_IDENTITY_CLIENT_ID].value',
        from: CLIENT_ID,
        to: '(known after apply: id-studio-runners.clientId)'
      }
    ])
  })

  it('ignores write-only secret values even when desired carries one', () => {
    const withValue = structuredClone(job)
    ;(withValue.body as Loose).configuration.secrets[0].value = 'not-a-real-secret'
    expect(diffResource(withValue, jobAsAzureReturnsIt(job)).action).toBe('noop')

    const env = structuredClone(resolved('managedEnvironment'))
    ;(env.body as Loose).appLogsConfiguration.logAnalyticsConfiguration = {
      customerId: 'c-1',
      sharedKey: 'not-a-real-key'
    }
    const actualEnv = {
      id: env.id,
      body: {
        ...structuredClone(env.body),
        appLogsConfiguration: { destination: 'azure-monitor', logAnalyticsConfiguration: { customerId: 'c-1' } }
      }
    }
    expect(diffResource(env, actualEnv)).toEqual({ action: 'noop', changes: [] })
  })

  it('treats tags as a subset: extra ones are fine, a changed or missing one of ours is drift', () => {
    const nsg = resolved('networkSecurityGroup')
    const actual = { id: nsg.id, body: structuredClone(nsg.body) as Loose }
    actual.body.tags = { 'runner-setup-team': 'other', finops_product: 'studio', owner: 'platform' }
    expect(diffResource(nsg, actual).changes).toEqual([
      { path: 'tags["managed-by"]', from: undefined, to: 'runner-setup' },
      { path: 'tags["runner-setup-team"]', from: 'other', to: 'studio' }
    ])
  })

  it('matches security rules by name in any order, and reports a rule someone added', () => {
    const nsg = resolved('networkSecurityGroup')
    const rules = structuredClone(nsg.body.securityRules) as Record<string, unknown>[]
    const extra = {
      name: 'allow-ssh-inbound',
      priority: 1000,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      destinationPortRange: '22'
    }
    const actual = {
      id: nsg.id,
      body: { ...nsg.body, securityRules: [...rules].reverse(), defaultSecurityRules: [{ name: 'AllowVnetInBound' }] }
    }
    expect(diffResource(nsg, actual).action).toBe('noop')
    actual.body.securityRules = [...rules.slice(1), extra]
    expect(diffResource(nsg, actual).changes).toEqual([
      { path: 'securityRules[deny-internet-inbound]', from: undefined, to: rules[0] },
      { path: 'securityRules[allow-ssh-inbound]', from: extra, to: undefined }
    ])
  })

  it('reports a list of values whole, and takes an empty list as equal to an absent one', () => {
    const vnet = resolved('virtualNetwork')
    const actual = {
      id: vnet.id,
      body: { ...structuredClone(vnet.body), addressSpace: { addressPrefixes: ['10.90.0.0/23'] }, dhcpOptions: {} }
    }
    expect(diffResource(vnet, actual).changes).toEqual([
      { path: 'addressSpace.addressPrefixes', from: ['10.90.0.0/23'], to: ['10.90.0.0/24'] },
      { path: 'dhcpOptions.dnsServers', from: undefined, to: ['10.20.0.4'] }
    ])
    const noDns = { ...vnet, body: { ...vnet.body, dhcpOptions: { dnsServers: [] } } }
    expect(
      diffResource(noDns, { id: vnet.id, body: { ...structuredClone(vnet.body), dhcpOptions: undefined } }).action
    ).toBe('noop')
    expect(diffResource(noDns, { id: vnet.id, body: structuredClone(vnet.body) }).changes).toEqual([
      { path: 'dhcpOptions.dnsServers', from: ['10.20.0.4'], to: [] }
    ])
  })

  it('names the exact fields of a nested object Azure does not have at all', () => {
    const env = resolved('managedEnvironment')
    const { appLogsConfiguration: _, ...rest } = structuredClone(env.body)
    expect(diffResource(env, { id: env.id, body: rest }).changes).toEqual([
      { path: 'appLogsConfiguration.destination', from: undefined, to: 'azure-monitor' }
    ])
  })

  it('rewrites a resource whose last write failed, even when its fields match', () => {
    const actual = jobAsAzureReturnsIt(job)
    actual.body.provisioningState = 'Failed'
    expect(diffResource(job, actual)).toEqual({
      action: 'update',
      changes: [{ path: 'provisioningState', from: 'Failed', to: 'Succeeded' }]
    })
    actual.body.provisioningState = 'InProgress'
    expect(diffResource(job, actual).action).toBe('noop')
  })

  it('compares unnamed object lists by position', () => {
    const diag = resolved('diagnosticSetting')
    const actual = {
      id: diag.id,
      body: {
        ...structuredClone(diag.body),
        logs: [
          { category: null, categoryGroup: 'allLogs', enabled: false, retentionPolicy: { days: 0, enabled: false } }
        ]
      }
    }
    expect(diffResource(diag, actual).changes).toEqual([{ path: 'logs[0].enabled', from: false, to: true }])
  })
})
