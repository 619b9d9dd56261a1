/** A team with four pools against the emulator: apply, a second apply, destroy; and Azure's refusals of profiles. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { PoolConfig, TeamConfig } from '../../src/config/types.js'
import { desiredResources } from '../../src/core/desired.js'
import { poolJobName } from '../../src/core/names.js'
import { ACR_PULL } from '../../src/core/resources/registry.js'
import { HUB_SUB, studioConfig } from '../../emulator/worlds/azure-fixture.js'
import { startHarness, type Harness } from '../../emulator/worlds/azure-harness.js'
import { imagePullError } from '../../emulator/lifecycle/image-pull.js'

const REGISTRY = `/subscriptions/${HUB_SUB}/resourceGroups/rg-hub/providers/Microsoft.ContainerRegistry/registries/crstudio`
const POOLS: PoolConfig[] = [
  { name: 'small', labels: ['studio'], cpu: 1, memory: '2Gi' },
  { name: 'large', labels: ['studio-large'], cpu: 4, memory: '8Gi', max: 4 },
  { name: 'tools', labels: ['studio-tools'], image: 'crstudio.azurecr.io/runner-tools:3', registry: REGISTRY },
  { name: 'xl', labels: ['studio-xl'], cpu: 6, memory: '24Gi', workloadProfile: 'D8' }
]
const withPools = (pools: PoolConfig[]): TeamConfig => {
  const base = studioConfig()
  return { ...base, runners: { ...base.runners, pools } }
}
const config = withPools(POOLS)
let h: Harness

beforeAll(async () => {
  h = await startHarness()
  h.emulator.admin.seed(REGISTRY, { location: 'norwayeast', properties: {} })
})
afterAll(async () => {
  await h.emulator.close()
})

type JobWire = {
  properties: {
    workloadProfileName: string
    configuration: { registries: { server: string; identity: string }[] }
    template: { containers: { resources: { cpu: number; memory: string } }[] }
  }
}

describe('a team with pools, against the emulator', () => {
  it('applies four jobs in one environment, with the D8 profile and the pull role on the registry', async () => {
    const result = await h.engine.apply(config)
    expect(result.plan.preflight.filter(f => f.status === 'fail')).toEqual([])
    const jobs = ['small', 'large', 'tools', 'xl'].map(pool => {
      const id = result.plan.entries.find(e => e.name === poolJobName('studio', pool))!.id
      return h.emulator.admin.getResource(id) as JobWire
    })
    expect(jobs.map(j => [j.properties.workloadProfileName, j.properties.template.containers[0]!.resources])).toEqual([
      ['Consumption', { cpu: 1, memory: '2Gi' }],
      ['Consumption', { cpu: 4, memory: '8Gi' }],
      ['Consumption', { cpu: 2, memory: '4Gi' }],
      ['D8', { cpu: 6, memory: '24Gi' }]
    ])
    expect(jobs[2]!.properties.configuration.registries).toEqual([
      { server: 'crstudio.azurecr.io', identity: expect.stringContaining('id-studio-runners') }
    ])
    const pull = result.plan.entries.find(e => e.kind === 'roleAssignment' && e.id.startsWith(REGISTRY))!
    const assignment = h.emulator.admin.getResource(pull.id) as { properties: { roleDefinitionId: string } }
    expect(assignment.properties.roleDefinitionId).toMatch(new RegExp(`/${ACR_PULL}$`))
    expect(result.plan.preflight.find(f => f.check === 'registry')).toMatchObject({ status: 'ok' })
  })

  it('a second apply writes nothing', async () => {
    const result = await h.engine.apply(config)
    expect(result.writes).toEqual([])
    expect(result.counts.noop).toBe(desiredResources(config).length)
  })

  it('refuses, as Azure does, a job size its profile does not offer', async () => {
    const wrong = withPools([...POOLS.slice(0, 3), { ...POOLS[3]!, cpu: 8, memory: '32Gi' }])
    await expect(h.engine.apply(wrong)).rejects.toThrow(/ContainerAppInvalidResourceTotal|exceed what a node/)
  })

  it('refuses, as Azure does, a GPU profile added to the existing environment', async () => {
    const gpu = withPools([...POOLS.slice(0, 3), { ...POOLS[3]!, workloadProfile: 'NC24-A100' }])
    const plan = await h.engine.planLive(gpu)
    expect(plan.plan.preflight.find(f => f.check === 'workloadProfile')).toMatchObject({ status: 'fail' })
  })

  it('an execution of the tools pool pulls only while its identity holds the pull role, as the registry answers', () => {
    const { admin } = h.emulator
    const toolsJob = admin
      .listResourceIds('Microsoft.App/jobs')
      .find(id => id.endsWith(poolJobName('studio', 'tools')))!
    const properties = (admin.getResource(toolsJob) as { properties: Record<string, unknown> }).properties
    expect(imagePullError(admin, properties)).toBeUndefined()
    const pull = admin
      .listResourceIds('Microsoft.Authorization/roleAssignments')
      .find(id => id.toLowerCase().startsWith(REGISTRY.toLowerCase()))!
    const saved = admin.getResource(pull)!
    admin.deleteResource(pull)
    expect(imagePullError(admin, properties)).toBe(
      'Failed to pull image "crstudio.azurecr.io/runner-tools:3": rpc error: code = Unknown desc = failed to pull and unpack image "crstudio.azurecr.io/runner-tools:3": failed to resolve reference "crstudio.azurecr.io/runner-tools:3": failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized'
    )
    admin.seed(pull, saved)
    expect(imagePullError(admin, properties)).toBeUndefined()
  })

  it('destroy removes the jobs and the pull role on the registry', async () => {
    const result = await h.engine.destroy(config)
    const pull = result.plan.entries.find(e => e.kind === 'roleAssignment' && e.id.startsWith(REGISTRY))!
    expect(result.deleted.map(d => d.id)).toContain(pull.id)
    expect(h.emulator.admin.getResource(pull.id)).toBeUndefined()
    for (const pool of ['small', 'large', 'tools', 'xl'])
      expect(
        h.emulator.admin.listResourceIds('Microsoft.App/jobs').some(id => id.endsWith(poolJobName('studio', pool)))
      ).toBe(false)
  })
})
