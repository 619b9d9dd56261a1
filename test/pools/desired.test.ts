import { describe, expect, it } from '@jest/globals'
import type { Job, ManagedEnvironment } from '@azure/arm-appcontainers'
import { parseTeamConfig } from '../../src/config/load.js'
import { desiredResources } from '../../src/core/desired.js'
import { isTeamJobName, orgJobName, poolJobName, repoJobName } from '../../src/core/names.js'
import { ACR_PULL, REPOSITORY_READER } from '../../src/core/resources/registry.js'
import { POOLS_TEXT, REGISTRY } from './example.js'

const NOW = Date.UTC(2026, 11, 8, 10)
const config = parseTeamConfig(POOLS_TEXT, 'team.yaml')
const resources = desiredResources(config, NOW)
const jobs = resources.filter(r => r.kind === 'job')
const bodyOf = (name: string) => jobs.find(j => j.name === name)!.body as unknown as Job
const envOf = (job: Job, name: string) => job.template!.containers![0]!.env!.find(e => e.name === name)?.value

describe('desired resources of a team with pools', () => {
  it('makes one job per pool, named by a hash of team and pool', () => {
    expect(jobs.map(j => j.name)).toEqual(['small', 'large', 'tools', 'xl'].map(p => poolJobName('minimal', p)))
    for (const job of jobs) {
      expect(job.name).toMatch(/^cajp-[0-9a-f]{6}-minimal$/)
      expect(isTeamJobName('minimal', job.name)).toBe(true)
    }
  })

  it("gives each job its pool's rule labels, runner labels, size and profile", () => {
    const shapes = jobs.map(j => {
      const body = j.body as unknown as Job
      return {
        ruleLabels: body.configuration!.eventTriggerConfig!.scale!.rules![0]!.metadata!.labels,
        runnerLabels: envOf(body, 'RUNNER_SETUP_LABELS'),
        size: body.template!.containers![0]!.resources,
        max: body.configuration!.eventTriggerConfig!.scale!.maxExecutions,
        floor: body.configuration!.eventTriggerConfig!.scale!.minExecutions,
        profile: body.workloadProfileName,
        pool: body.tags!['runner-setup-pool']
      }
    })
    expect(shapes).toEqual([
      {
        ruleLabels: 'minimal',
        runnerLabels: 'minimal',
        size: { cpu: 1, memory: '2Gi' },
        max: 20,
        floor: 0,
        profile: 'Consumption',
        pool: 'small'
      },
      {
        ruleLabels: 'minimal-large',
        runnerLabels: 'minimal-large',
        size: { cpu: 4, memory: '8Gi' },
        max: 4,
        floor: 0,
        profile: 'Consumption',
        pool: 'large'
      },
      {
        ruleLabels: 'minimal-tools',
        runnerLabels: 'minimal-tools',
        size: { cpu: 2, memory: '4Gi' },
        max: 20,
        floor: 1,
        profile: 'Consumption',
        pool: 'tools'
      },
      {
        ruleLabels: 'minimal-xl',
        runnerLabels: 'minimal-xl',
        size: { cpu: 6, memory: '24Gi' },
        max: 20,
        floor: 0,
        profile: 'D8',
        pool: 'xl'
      }
    ])
  })

  it('pulls the tools image with the runner identity, never a password', () => {
    const identityId = resources.find(r => r.kind === 'identity')!.id
    expect(bodyOf(poolJobName('minimal', 'tools')).configuration!.registries).toEqual([
      { server: 'crstudio.azurecr.io', identity: identityId }
    ])
    expect(bodyOf(poolJobName('minimal', 'small')).configuration!.registries).toEqual([])
  })

  it('grants the identity AcrPull on the registry, and the tools job waits for it', () => {
    const pulls = resources.filter(r => r.kind === 'roleAssignment' && r.id.startsWith(REGISTRY))
    expect(pulls).toHaveLength(1)
    expect(pulls[0]!.body.roleDefinitionId).toBe(
      `/subscriptions/00000000-0000-0000-0000-0000000000cc/providers/Microsoft.Authorization/roleDefinitions/${ACR_PULL}`
    )
    expect(pulls[0]!.ownership).toBe('marked')
    expect(jobs.find(j => j.name === poolJobName('minimal', 'tools'))!.dependsOn).toContain(pulls[0]!.id)
  })

  it('grants Container Registry Repository Reader on a registry in ABAC mode', () => {
    const abac = desiredResources(config, NOW, new Map([[REGISTRY.toLowerCase(), { abac: true }]]))
    const pull = abac.find(r => r.kind === 'roleAssignment' && r.id.startsWith(REGISTRY))!
    expect(String(pull.body.roleDefinitionId)).toMatch(new RegExp(`/${REPOSITORY_READER}$`))
  })

  it("adds the D8 profile to the environment, its nodes bounded by the pool's max", () => {
    const env = resources.find(r => r.kind === 'managedEnvironment')!.body as unknown as ManagedEnvironment
    // 6 vCPU / 24Gi runners: one per D8 node (7.5 vCPU / 30Gi allocatable), so 20 runners need 20 nodes.
    expect(env.workloadProfiles).toEqual([
      { name: 'Consumption', workloadProfileType: 'Consumption' },
      { name: 'D8', workloadProfileType: 'D8', minimumCount: 0, maximumCount: 20 }
    ])
  })

  it('at repo scope makes a job per repository and pool', () => {
    const text = POOLS_TEXT.replace('  repos: [minimal-app]\n', '  scope: repo\n  repos: [minimal-app, other-app]\n')
    const repoJobs = desiredResources(parseTeamConfig(text, 'team.yaml'), NOW).filter(r => r.kind === 'job')
    expect(repoJobs).toHaveLength(8)
    expect(new Set(repoJobs.map(j => j.name)).size).toBe(8)
    expect(repoJobs[1]!.name).toBe(poolJobName('minimal', 'small', { owner: 'altinn', name: 'other-app' }))
  })
})

describe('pool job names', () => {
  it('fit 32 characters for a 20-character team at repo scope', () => {
    const team = 'abcdefghij-klmnopqrs'
    expect(team).toHaveLength(20)
    expect(poolJobName(team, 'twelve-chars', { owner: 'o'.repeat(39), name: 'r'.repeat(100) })).toHaveLength(32)
  })

  it("never equal another team's org or repo job", () => {
    // Team studio's pool large must not take team studio-large's job name.
    expect(poolJobName('studio', 'large')).not.toBe(orgJobName('studio-large'))
    expect(poolJobName('studio', 'large').slice(0, 5)).toBe('cajp-')
    expect(repoJobName('studio', 'altinn', 'x').slice(0, 5)).toBe('cajr-')
  })

  it('accept only the forms runner-setup makes', () => {
    expect(isTeamJobName('studio', 'cajp-0a1b2c-studio')).toBe(true)
    expect(isTeamJobName('studio', 'cajp-0a1b2c-studio-large')).toBe(false)
    expect(isTeamJobName('studio', 'cajx-0a1b2c-studio')).toBe(false)
    expect(isTeamJobName('studio', 'cajp-0a1b2-studio')).toBe(false)
  })
})
