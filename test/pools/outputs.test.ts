import { describe, expect, it } from '@jest/globals'
import { parseTeamConfig } from '../../src/config/load.js'
import { teamOutputs } from '../../src/commands/outputs.js'
import { budgetCheck } from '../../src/verify/api-budget.js'
import { preflightFindings } from '../../src/core/preflight.js'
import { poolCostLines, warmPoolLines } from '../../src/render/pool-text.js'
import { POOLS_TEXT, REGISTRY } from './example.js'

const config = parseTeamConfig(POOLS_TEXT, 'team.yaml')

describe('outputs of a team with pools', () => {
  const outputs = teamOutputs(config)

  it('keeps runs-on for the first pool and maps every pool to its runs-on', () => {
    expect(outputs.runsOn).toBe('["minimal"]')
    expect(outputs.pools).toEqual({
      small: ['minimal'],
      large: ['minimal-large'],
      tools: ['minimal-tools'],
      xl: ['minimal-xl']
    })
  })

  it('prices Consumption pools per runner-hour and Dedicated ones per node-hour plus the management fee', () => {
    expect(poolCostLines(outputs)).toEqual([
      'Pool small: 1 vCPU / 2Gi, at most 20, runs-on: ["minimal"] on Consumption, about 0.11 USD per runner-hour',
      'Pool large: 4 vCPU / 8Gi, at most 4, runs-on: ["minimal-large"] on Consumption, about 0.43 USD per runner-hour',
      'Pool tools: 2 vCPU / 4Gi, at most 20, runs-on: ["minimal-tools"] on Consumption, about 0.22 USD per runner-hour',
      `Pool xl: 6 vCPU / 24Gi, at most 20, runs-on: ["minimal-xl"] on D8 nodes (1 runner per node), about 0.62 USD per node-hour plus the Dedicated plan's 0.10 USD per hour`
    ])
    expect(warmPoolLines(outputs)).toEqual([
      expect.stringMatching(/^Warm pool of pool tools: 1 idle runner, 731 h\/month/)
    ])
  })

  it('gives a config without pools one default pool and no per-pool lines', () => {
    const plain = teamOutputs(parseTeamConfig(POOLS_TEXT.slice(0, POOLS_TEXT.indexOf('runners:')), 'team.yaml'))
    expect(plain.pools).toEqual({ default: ['minimal'] })
    expect(poolCostLines(plain)).toEqual([])
  })
})

describe('preflight of a team with pools', () => {
  const facts = {
    vaultRbac: true,
    remoteGateways: [],
    environmentExists: true,
    environments: undefined,
    cores: undefined,
    providers: []
  }

  it('sums Consumption cores over the pools, leaving the Dedicated pool out', () => {
    const cores = preflightFindings(config, facts).find(f => f.check === 'coreQuota')!
    // small 20 × 1 + large 4 × 4 + tools 20 × 2 = 76
    expect(cores).toEqual({ check: 'coreQuota', status: 'ok', message: '76 of 100 cores' })
  })

  it("checks the D-series cores the D8 nodes may take, and each registry's existence", () => {
    const found = preflightFindings(config, {
      ...facts,
      pools: {
        registries: [{ id: REGISTRY, exists: false, mayGrant: undefined }],
        liveProfileTypes: [],
        generalPurposeCores: { current: 0, limit: 100 }
      }
    })
    // 20 runners of 6 vCPU, one per D8 node: 20 nodes of 8 cores.
    expect(found.find(f => f.check === 'dedicatedCoreQuota')).toMatchObject({ status: 'fail' })
    expect(found.find(f => f.check === 'dedicatedCoreQuota')!.message).toContain(
      '20 D8 nodes the pools may need hold 160 cores'
    )
    expect(found.find(f => f.check === 'registry')).toMatchObject({ status: 'fail' })
    expect(found.find(f => f.check === 'registry')!.message).toMatch(
      /^team\.yaml:32:7: registry: container registry crstudio does not exist/
    )
    // 20 nodes take 20 addresses of the /27's 15: no room left for Consumption replicas.
    expect(found.find(f => f.check === 'subnetCapacity')).toMatchObject({ status: 'fail' })
  })
})

describe('the API-budget check of a team with pools', () => {
  it("sums every pool's rule: each polls the team's repositories on its own", () => {
    const check = budgetCheck({
      repos: 1,
      activeRuns: 0,
      pollingIntervalSeconds: 20,
      poolIntervalsSeconds: [20, 20, 20, 20],
      hourlyLimit: 5000,
      limitSource: 'test'
    })
    // 2 calls per poll, 180 polls an hour, 4 rules.
    expect(check.perHour).toBe(1440)
    expect(check.detail).toContain("by each of 4 pools' rules (every 20, 20, 20, 20 s) = 1440/h")
  })
})
