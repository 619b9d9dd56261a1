import { describe, expect, it } from '@jest/globals'
import { parseTeamConfig } from '../../src/config/load.js'
import { runnerPools } from '../../src/core/pools.js'
import { problemsOf } from '../config/helpers.js'
import { POOLS_TEXT, REGISTRY, poolsWith } from './example.js'

describe('runners.pools', () => {
  const config = parseTeamConfig(POOLS_TEXT, 'team.yaml')
  const pools = runnerPools(config)

  it('resolves each pool over the runners keys it leaves out', () => {
    expect(
      pools.map(p => ({
        name: p.name,
        labels: p.labels,
        cpu: p.cpu,
        memory: p.memory,
        max: p.max,
        profile: p.workloadProfile
      }))
    ).toEqual([
      { name: 'small', labels: ['minimal'], cpu: 1, memory: '2Gi', max: 20, profile: 'Consumption' },
      { name: 'large', labels: ['minimal-large'], cpu: 4, memory: '8Gi', max: 4, profile: 'Consumption' },
      { name: 'tools', labels: ['minimal-tools'], cpu: 2, memory: '4Gi', max: 20, profile: 'Consumption' },
      { name: 'xl', labels: ['minimal-xl'], cpu: 6, memory: '24Gi', max: 20, profile: 'D8' }
    ])
    expect(pools.map(p => p.idleTimeoutMinutes)).toEqual([10, 10, 10, 10])
    expect(pools[2]).toMatchObject({ image: 'crstudio.azurecr.io/runner-tools:3', registry: REGISTRY })
  })

  it('gives a warm pool only to the pool that sets one', () => {
    expect(pools.map(p => p.warmPool?.size)).toEqual([undefined, undefined, 1, undefined])
  })

  it('takes runs-on from the first pool', () => {
    expect(config.github.labels).toEqual(['minimal'])
  })

  it('keeps a config without pools as one unnamed pool of runners and github.labels', () => {
    const plain = parseTeamConfig(POOLS_TEXT.slice(0, POOLS_TEXT.indexOf('runners:')), 'team.yaml')
    expect(runnerPools(plain)).toMatchObject([{ labels: ['minimal'], cpu: 2, memory: '4Gi', path: 'runners' }])
    expect(runnerPools(plain)[0]!.name).toBeUndefined()
  })

  it.each([
    [
      'overlapping labels, at the shared label',
      poolsWith('      labels: [minimal-large]', '      labels: [minimal-large, minimal]'),
      'team.yaml:25:31: runners.pools[1].labels[1]: `minimal` is also a label of pool small (runners.pools[0])'
    ],
    [
      'a pair Consumption does not take',
      poolsWith('      memory: 8Gi', '      memory: 6Gi'),
      'team.yaml:27:15: runners.pools[1].memory: 6Gi does not fit cpu 4; Consumption needs 8Gi'
    ],
    [
      'a size above Consumption without a profile',
      poolsWith('      cpu: 4', '      cpu: 6'),
      'team.yaml:26:12: runners.pools[1].cpu: 6 is not a Consumption CPU size'
    ],
    [
      'an unknown profile type',
      poolsWith('      workloadProfile: D8', '      workloadProfile: D6'),
      'team.yaml:38:24: runners.pools[3].workloadProfile: `D6` is not a Container Apps workload profile type'
    ],
    [
      'a size beyond the profile node',
      poolsWith('      memory: 24Gi', '      memory: 32Gi'),
      "team.yaml:37:15: runners.pools[3].memory: 6 vCPU / 32Gi does not fit a D8 node's allocatable 7.5 vCPU / 30Gi"
    ],
    [
      'duplicate pool names',
      poolsWith('    - name: tools', '    - name: large'),
      'team.yaml:29:7: runners.pools[2]: duplicate of runners.pools[1]'
    ],
    [
      'github.labels beside pools',
      POOLS_TEXT.replace('  repos: [minimal-app]\n', '  repos: [minimal-app]\n  labels: [minimal]\n'),
      'team.yaml:12:3: github.labels: not allowed with runners.pools'
    ],
    [
      'a pool without labels',
      poolsWith('      labels: [minimal-xl]', ''),
      'team.yaml:34:7: runners.pools[3]: missing required key `labels`'
    ],
    [
      'a pool name that is not one',
      poolsWith('    - name: xl', '    - name: Extra-Large-Pool'),
      'team.yaml:34:13: runners.pools[3].name: `Extra-Large-Pool` must be 1-12 lowercase letters, digits and hyphens'
    ],
    [
      'a warm pool on runners beside pools',
      POOLS_TEXT.replace(
        '  idleTimeoutMinutes: 10\n',
        '  idleTimeoutMinutes: 10\n  warmPool: { size: 1, always: true }\n'
      ),
      'team.yaml:19:3: runners.warmPool: a warm pool is never inherited by runners.pools'
    ],
    [
      'a registry that is not a container registry',
      POOLS_TEXT.replace(
        REGISTRY,
        REGISTRY.replace('Microsoft.ContainerRegistry/registries', 'Microsoft.KeyVault/vaults')
      ),
      'team.yaml:32:17: runners.pools[2].registry: is the id of a Microsoft.KeyVault/vaults, not of a container registry'
    ]
  ])('refuses %s at the line', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual([expected])
  })
})
