/**
 * The platform policy, in process: the policy file is checked like a team config (`FILE:LINE:COL`), and every
 * rule refuses a violating team config at the config's line, naming the rule's own line in the policy.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ConfigError } from '../../src/config/errors.js'
import { parseTeamConfig } from '../../src/config/load.js'
import { checkPolicy } from '../../src/policy/check.js'
import { hasPrefix } from '../../src/policy/rules.js'
import { checkLiveJobs } from '../../src/policy/live.js'
import { parsePolicy, type PlatformPolicy } from '../../src/policy/load.js'
import { trustWarnings } from '../../src/policy/trust.js'

const STUDIO = readFileSync('examples/platform-repo/teams/studio.yaml', 'utf8')
const POLICY_TEXT = readFileSync('examples/platform-repo/policy.yaml', 'utf8')
const POLICY = parsePolicy(POLICY_TEXT, 'policy.yaml')
const SUB_AB = '/subscriptions/00000000-0000-0000-0000-0000000000ab'

function violations(config: string, policy: PlatformPolicy = POLICY): string[] {
  return checkPolicy(parseTeamConfig(config, 'studio.yaml'), policy).map(
    v => `${v.file}:${v.line}:${v.col}: ${v.message}`
  )
}

function policyProblems(text: string): string[] {
  try {
    parsePolicy(text, 'policy.yaml')
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(p => `${p.file}:${p.line}:${p.col}: ${p.message}`)
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('the policy file', () => {
  it('the example allows the example teams', () => {
    expect(violations(STUDIO)).toEqual([])
  })

  it('is checked like a team config, every problem at its line', () => {
    const text = [
      'github:',
      '  urls: [http://github.com]',
      'runners:',
      '  imagePrefix: [ghcr.io/x]',
      'limits:',
      '  maxCpu: 3.3',
      'teams:',
      '  Studio: {}',
      '  web:',
      '    peeringTargets: [rg-net]'
    ].join('\n')
    expect(policyProblems(text)).toEqual([
      'policy.yaml:2:10: github.urls[0]: `http://github.com` must be an https URL without a path',
      'policy.yaml:4:3: runners.imagePrefix: unknown key; did you mean `imagePrefixes`?',
      'policy.yaml:6:11: limits.maxCpu: 3.3 is not a Consumption CPU size',
      'policy.yaml:8:3: teams: `Studio` must be 2-20 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen',
      'policy.yaml:10:22: teams.web.peeringTargets[0]: `rg-net` is not the start of an Azure resource id'
    ])
  })

  it('is a mapping, and one document, and bounded like a team config', () => {
    expect(policyProblems('- github\n')).toEqual([
      'policy.yaml:1:1: a platform policy is a mapping with github, runners, limits and teams; got a list'
    ])
    expect(policyProblems('limits: {}\n---\nlimits: {}\n')).toEqual([
      'policy.yaml:2:1: a platform policy is one YAML document; this file holds several'
    ])
    expect(policyProblems(`teams: ${'['.repeat(200)}`)).toEqual(['policy.yaml:1:110: nested deeper than 100 levels'])
  })
})

describe('every rule refuses a violating config at its line, naming the rule', () => {
  const rule = (path: string, at: string) => `which the platform policy does not allow (policy.yaml:${at}: ${path})`

  it('github.urls', () => {
    expect(violations(STUDIO.replace('url: https://github.com', 'url: https://evil.example'))).toEqual([
      `studio.yaml:19:3: github.url: https://evil.example, ${rule('github.urls', '6:3')}`
    ])
  })

  it('runners.imagePrefixes, at a boundary', () => {
    const image = (ref: string) =>
      violations(STUDIO.replace('image: ghcr.io/altinn/runner-setup/runner:1', `image: ${ref}`))
    expect(image('ghcr.io/altinn/runner-setup/runner@sha256:' + 'a'.repeat(64))).toEqual([])
    expect(image('ghcr.io/altinn/runner-setup/runner-evil:1')).toEqual([
      `studio.yaml:30:3: runners.image: ghcr.io/altinn/runner-setup/runner-evil:1, ${rule('runners.imagePrefixes', '9:3')}`
    ])
  })

  it('limits.maxRunners and limits.maxCpu', () => {
    expect(
      violations(STUDIO.replace('max: 20', 'max: 21').replace('cpu: 2\n  memory: 4Gi', 'cpu: 4\n  memory: 8Gi'))
    ).toEqual([
      `studio.yaml:33:3: runners.max: 21, ${rule('limits.maxRunners', '11:3')}`,
      `studio.yaml:31:3: runners.cpu: 4, ${rule('limits.maxCpu', '12:3')}`
    ])
  })

  it('teams: a team without an entry', () => {
    expect(violations(STUDIO.replace('team: studio', 'team: web').replace(/studio/g, 'web'))).toEqual([
      `studio.yaml:2:1: team: web has no entry in the policy's teams, ${rule('teams', '14:1')}`
    ])
  })

  it("the team's resource groups, peering targets (by prefix, at a boundary) and private DNS zones", () => {
    const config = STUDIO.replace('resourceGroup: rg-studio-runners', 'resourceGroup: rg-other')
      .replace(
        `${SUB_AB}/resourceGroups/rg-studio-network/providers/Microsoft.Network/virtualNetworks/vnet-studio-private`,
        `${SUB_AB}/resourceGroups/rg-studio-network-2/providers/Microsoft.Network/virtualNetworks/vnet-x`
      )
      .replace(
        'privateDnsZones/privatelink.postgres.database.azure.com',
        'privateDnsZones/privatelink.blob.core.windows.net'
      )
    expect(violations(config)).toEqual([
      `studio.yaml:5:3: azure.resourceGroup: rg-other, ${rule('teams.studio.resourceGroups', '16:5')}`,
      `studio.yaml:12:7: network.peerings[0].remoteVnetId: ${SUB_AB}/resourceGroups/rg-studio-network-2/providers/Microsoft.Network/virtualNetworks/vnet-x, ${rule('teams.studio.peeringTargets', '17:5')}`,
      `studio.yaml:17:7: network.privateDnsZones[0]: ${SUB_AB}/resourceGroups/rg-studio-network/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net, ${rule('teams.studio.privateDnsZones', '20:5')}`
    ])
  })

  it('an empty list allows nothing; an absent rule allows anything', () => {
    const none = parsePolicy('teams:\n  studio:\n    peeringTargets: []\n', 'policy.yaml')
    expect(violations(STUDIO, none)).toHaveLength(2)
    expect(violations(STUDIO, parsePolicy('teams:\n  studio: {}\n', 'policy.yaml'))).toEqual([])
    expect(violations(STUDIO, parsePolicy('{}\n', 'policy.yaml'))).toEqual([])
  })
})

describe('live jobs', () => {
  const config = parseTeamConfig(STUDIO, 'studio.yaml')
  const job = (image: string, web: string, api: string) => ({
    id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.App/jobs/caj-studio',
    body: {
      template: { containers: [{ image, env: [{ name: 'RUNNER_SETUP_GITHUB_URL', value: web }] }] },
      configuration: {
        eventTriggerConfig: { scale: { rules: [{ type: 'github-runner', metadata: { githubApiURL: api } }] } }
      }
    }
  })

  it('what runs as the policy allows passes; another image, web URL or API URL each fail', () => {
    const ok = job('ghcr.io/altinn/runner-setup/runner:1', 'https://github.com', 'https://api.github.com')
    expect(checkLiveJobs(config, POLICY, [ok])).toEqual([])
    const bad = job('docker.io/evil/runner:1', 'https://evil.example', 'https://evil.example/api/v3')
    expect(checkLiveJobs(config, POLICY, [bad]).map(v => `${v.line}:${v.col}: ${v.message}`)).toEqual([
      `30:3: live job caj-studio runs image docker.io/evil/runner:1, which the platform policy does not allow (policy.yaml:9:3: runners.imagePrefixes)`,
      `19:3: live job caj-studio registers its runners with https://evil.example, which the platform policy does not allow (policy.yaml:6:3: github.urls)`,
      `19:3: live job caj-studio has its scale rule send the App's JWT to https://evil.example/api/v3, which the platform policy does not allow (policy.yaml:6:3: github.urls)`
    ])
  })
})

describe('without a policy', () => {
  it('plan warns about what a foreign GitHub URL and image are trusted with', () => {
    const config = parseTeamConfig(
      STUDIO.replace('url: https://github.com', 'url: https://ghes.example.com').replace(
        'image: ghcr.io/altinn/runner-setup/runner:1',
        'image: docker.io/someone/runner:latest'
      ),
      'studio.yaml'
    )
    expect(trustWarnings(config)).toEqual([
      "studio.yaml:19:3: github.url is https://ghes.example.com, not https://github.com: the KEDA scale rule signs a JWT with the GitHub App's private key and sends it to https://ghes.example.com/api/v3 for installation tokens, polls that host with them, and runners register there; trust that host as you trust GitHub, or pin it with a platform policy (github.urls)",
      "studio.yaml:30:3: runners.image docker.io/someone/runner:latest is not the project's image (ghcr.io/altinn/runner-setup/runner): it runs with the job's managed identity, which can read the GitHub App key from Key Vault; trust its registry and publisher with that key, or pin images with a platform policy (runners.imagePrefixes)"
    ])
    expect(trustWarnings(parseTeamConfig(STUDIO, 'studio.yaml'))).toEqual([])
  })

  it('prefixes match at a boundary only', () => {
    expect(hasPrefix('ghcr.io/a/runner:1', 'ghcr.io/a/runner')).toBe(true)
    expect(hasPrefix('ghcr.io/a/runner', 'ghcr.io/a/runner')).toBe(true)
    expect(hasPrefix('ghcr.io/a/runner2:1', 'ghcr.io/a/runner')).toBe(false)
    expect(hasPrefix('ghcr.io/a/runner2:1', 'ghcr.io/a/')).toBe(true)
    expect(hasPrefix('/SUBSCRIPTIONS/X/resourceGroups/rg', '/subscriptions/x', true)).toBe(true)
  })
})
