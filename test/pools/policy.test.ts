import { describe, expect, it } from '@jest/globals'
import { parseTeamConfig } from '../../src/config/load.js'
import { checkPolicy } from '../../src/policy/check.js'
import { parsePolicy } from '../../src/policy/load.js'
import { trustWarnings } from '../../src/policy/trust.js'
import { POOLS_TEXT, REGISTRY } from './example.js'

const config = parseTeamConfig(POOLS_TEXT, 'team.yaml')
const violations = (policy: string) =>
  checkPolicy(config, parsePolicy(policy, 'policy.yaml')).map(v => `${v.file}:${v.line}:${v.col}: ${v.message}`)

describe('the platform policy on pools', () => {
  it('bounds the sum of the pools max by limits.maxRunners', () => {
    expect(violations('limits:\n  maxRunners: 60\n')).toEqual([
      'team.yaml:19:3: runners.pools: small 20 + large 4 + tools 20 + xl 20 = 64 runners at most, which the platform policy does not allow (policy.yaml:2:3: limits.maxRunners)'
    ])
    expect(violations('limits:\n  maxRunners: 64\n')).toEqual([])
  })

  it('bounds the count of pools by limits.maxPools, 5 by default', () => {
    expect(violations('limits:\n  maxPools: 3\n')).toEqual([
      'team.yaml:34:7: runners.pools: 4 pools, which the platform policy does not allow (policy.yaml:2:3: limits.maxPools)'
    ])
    expect(violations('limits: {}\n')).toEqual([])
  })

  it("checks each pool's image and registry", () => {
    const policy = `runners:\n  imagePrefixes: [ghcr.io/altinn/runner-setup/runner]\n  registries: []\n`
    expect(violations(policy)).toEqual([
      'team.yaml:31:7: runners.pools[2].image: crstudio.azurecr.io/runner-tools:3, which the platform policy does not allow (policy.yaml:2:3: runners.imagePrefixes)',
      `team.yaml:32:7: runners.pools[2].registry: ${REGISTRY}, which the platform policy does not allow (policy.yaml:3:3: runners.registries)`
    ])
    expect(violations(`runners:\n  registries: [${REGISTRY}]\n`)).toEqual([])
  })
})

describe('trust warnings without a policy', () => {
  it("name each pool's own image that is not the project's, at the pool's line", () => {
    expect(trustWarnings(config)).toEqual([
      expect.stringMatching(
        /^team\.yaml:31:7: runners\.pools\[2\]\.image crstudio\.azurecr\.io\/runner-tools:3 is not the project's image/
      )
    ])
  })
})
