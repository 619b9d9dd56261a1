import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../src/config/errors.js'
import { parseTeamConfig } from '../../src/config/load.js'
import { plus, problemsOf, withLine } from './helpers.js'
import { INVALID_CASES } from './invalid-cases.js'

describe('invalid team configs', () => {
  it('covers at least 40 cases', () => {
    expect(INVALID_CASES.length).toBeGreaterThanOrEqual(40)
  })

  for (const { name, text, expected } of INVALID_CASES) {
    it(name, () => {
      expect(problemsOf(text)).toEqual(expected)
    })
  }
})

function hintsOf(text: string): (string | undefined)[] {
  try {
    parseTeamConfig(text, 'team.yaml')
  } catch (error) {
    return (error as ConfigError).problems.map(p => p.hint)
  }
  throw new Error('expected a ConfigError')
}

describe('hints say what to do next', () => {
  it('gives the network address for a CIDR with host bits', () => {
    expect(hintsOf(withLine(7, '  addressSpace: 10.92.0.9/24'))).toEqual(['write 10.92.0.0/24'])
  })

  it('lists the keys allowed where an unknown key is', () => {
    expect(hintsOf(withLine(5, '  location: norwayeast\n  color: blue'))).toEqual([
      'keys allowed in azure: subscriptionId, resourceGroup, location, createResourceGroup'
    ])
  })

  it('suggests the nearest value of an enumeration', () => {
    expect(hintsOf(withLine(10, '  owner: altinn\n  scope: rpeo'))).toEqual(['did you mean `repo`?'])
  })

  it('points a pasted key to Key Vault', () => {
    expect(hintsOf(plus('notes: |\n  -----BEGIN PRIVATE KEY-----\n  MIIE\n  -----END PRIVATE KEY-----'))).toEqual([
      'store it as a Key Vault secret and reference it by github.app.privateKeySecretUri; rotate it, since this file may already be shared'
    ])
  })

  it('explains that runner groups are an org-scope concept', () => {
    expect(hintsOf(withLine(11, '  scope: repo\n  repos: [minimal-app]\n  runnerGroup: minimal'))).toEqual([
      'runner groups exist only at org scope; remove runnerGroup or set scope: org'
    ])
  })

  it('shows how to write a missing key', () => {
    expect(hintsOf(withLine(5, ''))).toEqual(['add location: norwayeast'])
  })
})

describe('several problems at once', () => {
  it('reports every problem of a file, in file order', () => {
    const text = [
      'team: Studio',
      'azure:',
      '  subscriptionId: nope',
      '  resourceGroup: rg-studio',
      'network:',
      '  addressSpace: 10.90.0.0/24',
      '  subnet: 10.91.0.0/28',
      '  natgateway: true',
      'github:',
      '  owner: altinn',
      '  repos: []',
      '  labels: [self-hosted]',
      '  app:',
      '    id: -1',
      '    installationId: 7',
      '    privateKeySecretUri: https://kv-studio.vault.azure.net/secrets/gh-app-key',
      'runners:',
      '  cpu: 1',
      '  memory: 4Gi'
    ].join('\n')
    expect(problemsOf(text, 'teams/studio.yaml')).toEqual([
      'teams/studio.yaml:1:7: team: `Studio` must be 2-20 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen',
      'teams/studio.yaml:2:1: azure: missing required key `location`',
      'teams/studio.yaml:3:19: azure.subscriptionId: `nope` is not a subscription id (a GUID)',
      'teams/studio.yaml:7:11: network.subnet: 10.91.0.0/28 is smaller than /27',
      'teams/studio.yaml:7:11: network.subnet: 10.91.0.0/28 is not inside the address space 10.90.0.0/24',
      'teams/studio.yaml:8:3: network.natgateway: unknown key; did you mean `natGateway`?',
      'teams/studio.yaml:11:10: github.repos: must not be empty',
      'teams/studio.yaml:12:12: github.labels[0]: `self-hosted` is a label other runners also carry',
      'teams/studio.yaml:14:9: github.app.id: must be a positive integer, got -1',
      'teams/studio.yaml:19:11: runners.memory: 4Gi does not fit cpu 1; Consumption needs 2Gi'
    ])
  })

  it('formats the error message as FILE:LINE:COL: message with the hint on the next line', () => {
    expect(() => parseTeamConfig(withLine(1, 'team: X'), 'a.yaml')).toThrow(
      'a.yaml:1:7: team: `X` must be 2-20 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen\n' +
        '  hint: the team name goes into every Azure resource name, e.g. team: studio'
    )
  })
})

describe('secrets are refused and never repeated', () => {
  const token = `ghs_${'Q9w8E7r6T5'.repeat(4)}`

  it('does not quote a token placed where a checked value belongs', () => {
    const error = (() => {
      try {
        parseTeamConfig(withLine(10, `  owner: ${token}`), 'team.yaml')
      } catch (e) {
        return e as ConfigError
      }
    })()
    expect(error?.problems.map(p => `${p.line}:${p.col}: ${p.message}`)).toEqual([
      '10:10: this looks like a GitHub token; never put the key in the config'
    ])
    expect(error?.message).not.toContain(token)
  })

  it('does not quote a pasted key body in any message', () => {
    const body = 'MIIEowIBAAKCAQEAsecretsecretsecret'
    const text = withLine(
      15,
      `    privateKeySecretUri: |\n      -----BEGIN RSA PRIVATE KEY-----\n      ${body}\n      -----END RSA PRIVATE KEY-----`
    )
    expect(() => parseTeamConfig(text, 'team.yaml')).toThrow(ConfigError)
    expect(problemsOf(text)).toEqual(['team.yaml:16:7: this looks like a private key; never put the key in the config'])
    expect(problemsOf(text).join('\n')).not.toContain(body)
  })
})
