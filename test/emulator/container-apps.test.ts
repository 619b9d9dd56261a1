import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { armFailure, clients, LOCATION, RG, SUB } from './support.js'
import {
  createNetwork,
  environmentBody,
  environmentId,
  identityId,
  jobBody,
  seedTeam,
  subnetId,
  vaultId
} from './fixtures.js'

let emulator: Emulator
let c: ReturnType<typeof clients>
const SECRETS_USER = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6`

beforeAll(async () => {
  emulator = await startEmulator({ lroPolls: 1 }) // exact request sequences: each operation ends at its first poll
  c = clients(emulator)
  seedTeam(emulator)
  await createNetwork(c)
  await c.msi.userAssignedIdentities.createOrUpdate(RG, 'id-runner', { location: LOCATION })
})
afterAll(async () => emulator.close())

describe('Container Apps environment and job', () => {
  it('creates the environment with an Azure-AsyncOperation LRO and fills read-only fields', async () => {
    const env = await c.apps.managedEnvironments.createOrUpdate(RG, 'cae-team', environmentBody())
    expect(env.provisioningState).toBe('Succeeded')
    expect(env.kedaConfiguration?.version).toBe('2.18.1')
    expect(env.defaultDomain).toMatch(/\.norwayeast\.azurecontainerapps\.io$/)
    expect(env.staticIp).toMatch(/^10\./)
    const put = emulator.requests().find(r => r.method === 'PUT' && r.path === environmentId)
    expect(put?.status).toBe(201)
    expect(
      emulator.requests().some(r => r.path.includes('/Microsoft.App/locations/norwayeast/operationStatuses/'))
    ).toBe(true)
  })

  it('never returns the Log Analytics shared key', async () => {
    let wire = ''
    const env = await c.apps.managedEnvironments.get(RG, 'cae-team', {
      onResponse: raw => void (wire = raw.bodyAsText ?? '')
    })
    expect(env.appLogsConfiguration?.logAnalyticsConfiguration?.customerId).toBe('0f1e2d3c-4b5a-6978-8899-aabbccddeeff')
    expect(wire).toContain('"customerId"')
    expect(wire).not.toContain('sharedKey')
  })

  it('refuses the job until the identity may read the Key Vault secret and the grant has propagated', async () => {
    const refused = await armFailure(c.apps.jobs.createOrUpdate(RG, 'job-team', jobBody()))
    expect(refused.code).toBe('InvalidParameterValueInContainerTemplate')
    expect(refused.message).toContain(`Unable to get value using Managed identity ${identityId} for secret app-key`)
    emulator.admin.setRoleAssignmentDelay(40)
    const identity = await c.msi.userAssignedIdentities.get(RG, 'id-runner')
    await c.auth.roleAssignments.create(`${vaultId}/secrets/app-key`, '0a0b0c0d-0000-4000-8000-00000000000a', {
      roleDefinitionId: SECRETS_USER,
      principalId: identity.principalId!
    })
    expect((await armFailure(c.apps.jobs.createOrUpdate(RG, 'job-team', jobBody()))).code).toBe(
      'InvalidParameterValueInContainerTemplate'
    )
    await new Promise(resolve => setTimeout(resolve, 50))
    emulator.admin.setRoleAssignmentDelay(0)
  })

  it('creates the job (Azure-AsyncOperation), hides secret values and lists them with listSecrets', async () => {
    const job = await c.apps.jobs.createOrUpdate(RG, 'job-team', jobBody())
    expect(job.provisioningState).toBe('Succeeded')
    expect(job.configuration?.secrets?.find(s => s.name === 'plain')?.value).toBeUndefined()
    expect(JSON.stringify(emulator.admin.getResource(job.id!))).not.toContain('do-not-echo')
    const assigned = job.identity?.userAssignedIdentities?.[identityId]
    expect(assigned?.principalId).toMatch(/^[0-9a-f-]{36}$/)
    const secrets = await c.apps.jobs.listSecrets(RG, 'job-team')
    expect(secrets.value.find(s => s.name === 'plain')?.value).toBe('do-not-echo')
    expect(emulator.requests().some(r => r.path.includes('/operationStatuses/'))).toBe(true)
  })

  it('starts an execution, lists it and stops it', async () => {
    const started = await c.apps.jobs.start(RG, 'job-team')
    expect(started?.name).toMatch(/^job-team-/)
    const listed = []
    for await (const execution of c.apps.jobsExecutions.list(RG, 'job-team')) listed.push(execution)
    expect(listed.map(e => [e.name, e.status])).toEqual([[started!.name, 'Running']])
    await c.apps.jobs.stopExecution(RG, 'job-team', started!.name!)
    const after = []
    for await (const execution of c.apps.jobsExecutions.list(RG, 'job-team')) after.push(execution.status)
    expect(after).toEqual(['Stopped'])
  })

  it('updates the job with PATCH (Location LRO)', async () => {
    const updated = await c.apps.jobs.update(RG, 'job-team', { tags: { 'runner-setup-team': 'team' } })
    expect(updated.tags).toEqual({ 'runner-setup-team': 'team' })
    expect((await c.apps.jobs.get(RG, 'job-team')).tags).toEqual({ 'runner-setup-team': 'team' })
  })
})

describe("Azure's refusals", () => {
  it('refuses a job whose secret identity is not assigned to the job', async () => {
    const other = `${identityId}-other`
    const failure = await armFailure(c.apps.jobs.createOrUpdate(RG, 'job-bad', jobBody(identityId, other)))
    expect(failure.statusCode).toBe(400)
    expect(failure.code).toBe('InvalidParameterValueInContainerTemplate')
  })

  it('refuses a job in a missing environment', async () => {
    const body = { ...jobBody(), environmentId: `${environmentId}-missing` }
    const failure = await armFailure(c.apps.jobs.createOrUpdate(RG, 'job-orphan', body))
    expect(failure.code).toBe('ManagedEnvironmentNotFound')
  })

  it('refuses to delete the subnet, change its size, or drop it from the VNet while the environment uses it', async () => {
    const del = await armFailure(c.network.subnets.delete(RG, 'vnet-runners', 'snet-aca'))
    expect(del.code).toBe('InUseSubnetCannotBeDeleted')
    expect(del.message).toContain(environmentId)
    const resize = await armFailure(
      c.network.subnets.createOrUpdate(RG, 'vnet-runners', 'snet-aca', {
        addressPrefix: '10.20.0.0/26',
        delegations: [{ name: 'aca', serviceName: 'Microsoft.App/environments' }]
      })
    )
    expect(resize.code).toBe('InUseSubnetCannotBeUpdated')
    const emptied = await armFailure(
      c.network.virtualNetworks.createOrUpdate(RG, 'vnet-runners', {
        location: LOCATION,
        addressSpace: { addressPrefixes: ['10.20.0.0/24'] },
        subnets: []
      })
    )
    expect(emptied.code).toBe('InUseSubnetCannotBeDeleted')
    expect((await c.network.subnets.get(RG, 'vnet-runners', 'snet-aca')).addressPrefix).toBe('10.20.0.0/27')
  })

  it('refuses an environment on a subnet that is not delegated, or smaller than /27', async () => {
    await c.network.subnets.createOrUpdate(RG, 'vnet-runners', 'snet-plain', { addressPrefix: '10.20.0.64/27' })
    const plain = await armFailure(
      c.apps.managedEnvironments.createOrUpdate(
        RG,
        'cae-plain',
        environmentBody(subnetId.replace('snet-aca', 'snet-plain'))
      )
    )
    expect(plain.code).toBe('ManagedEnvironmentSubnetDelegationError')
    expect(plain.message).toBe(
      "The subnet of the environment must be delegated to the service 'Microsoft.App/environments'."
    )
    await c.network.subnets.createOrUpdate(RG, 'vnet-runners', 'snet-small', {
      addressPrefix: '10.20.0.96/28',
      delegations: [{ name: 'aca', serviceName: 'Microsoft.App/environments' }]
    })
    const small = await armFailure(
      c.apps.managedEnvironments.createOrUpdate(
        RG,
        'cae-small',
        environmentBody(subnetId.replace('snet-aca', 'snet-small'))
      )
    )
    expect(small.code).toBe('ManagedEnvironmentInvalidNetworkConfiguration')
  })

  it('refuses to delete an environment that still has jobs, then deletes job and environment', async () => {
    const failure = await armFailure(c.apps.managedEnvironments.delete(RG, 'cae-team'))
    expect(failure.code).toBe('ManagedEnvironmentHasContainerApps')
    await c.apps.jobs.delete(RG, 'job-team')
    expect((await armFailure(c.apps.jobs.get(RG, 'job-team'))).statusCode).toBe(404)
    emulator.clearRequests()
    await c.apps.managedEnvironments.delete(RG, 'cae-team')
    expect(emulator.requests().map(r => r.status)).toEqual([202, 204])
    expect(emulator.requests()[1]!.path).toMatch(/\/Microsoft\.App\/locations\/norwayeast\/operationResults\//)
    expect((await armFailure(c.apps.managedEnvironments.get(RG, 'cae-team'))).code).toBe('ResourceNotFound')
    await c.network.subnets.delete(RG, 'vnet-runners', 'snet-aca')
  })
})
