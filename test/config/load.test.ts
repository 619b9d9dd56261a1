import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError } from '../../src/config/errors.js'
import { loadTeamConfigs, parseTeamConfig, positionOf } from '../../src/config/load.js'
import type { TeamConfig } from '../../src/config/types.js'
import { BASE, MINIMAL_PATH, withLine } from './helpers.js'

const EXAMPLES = fileURLToPath(new URL('../../examples/teams', import.meta.url))

function withoutSource(config: TeamConfig): Omit<TeamConfig, 'source'> {
  const { source: _source, ...rest } = config
  return rest
}

function problemsOfFiles(paths: string[]): string[] {
  try {
    loadTeamConfigs(paths)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(p => `${p.file}:${p.line}:${p.col}: ${p.message}`)
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('defaults', () => {
  it('fills every default of the minimal example', () => {
    const config = parseTeamConfig(readFileSync(MINIMAL_PATH, 'utf8'), 'minimal.yaml')
    expect(withoutSource(config)).toEqual({
      team: 'minimal',
      azure: {
        subscriptionId: '00000000-0000-0000-0000-0000000000ca',
        resourceGroup: 'rg-minimal-runners',
        location: 'norwayeast',
        createResourceGroup: false
      },
      network: {
        addressSpace: '10.92.0.0/24',
        subnet: '10.92.0.0/27',
        natGateway: false,
        peerings: [],
        dnsServers: [],
        privateDnsZones: []
      },
      github: {
        url: 'https://github.com',
        apiUrl: 'https://api.github.com',
        owner: 'altinn',
        scope: 'org',
        repos: ['minimal-app'],
        runnerGroup: 'minimal',
        labels: ['minimal'],
        allowPublicRepos: false,
        app: {
          id: 345678,
          installationId: 9123456,
          privateKeySecretUri: 'https://kv-minimal.vault.azure.net/secrets/gh-app-key',
          keyVaultId:
            '/subscriptions/00000000-0000-0000-0000-0000000000ca/resourceGroups/rg-minimal-runners/providers/Microsoft.KeyVault/vaults/kv-minimal'
        }
      },
      runners: {
        image: 'ghcr.io/altinn/runner-setup/runner:1',
        cpu: 2,
        memory: '4Gi',
        max: 10,
        pollingIntervalSeconds: 20,
        jobTimeoutMinutes: 60,
        idleTimeoutMinutes: 10,
        sudo: false,
        allowUserNamespaces: false
      },
      logs: {},
      tags: {},
      probe: { endpoints: [] }
    })
    expect(config.source.file).toBe('minimal.yaml')
    expect(config.source.positions['github.app.privateKeySecretUri']).toEqual({ line: 16, col: 5 })
    expect(config.source.positions['github.repos[0]']).toEqual({ line: 12, col: 11 })
    expect(config.source.positions['runners']).toBeUndefined()
  })

  it('defaults peering flags per peering', () => {
    const vnet =
      '/subscriptions/00000000-0000-0000-0000-0000000000cb/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-a'
    const config = parseTeamConfig(
      withLine(8, `  subnet: 10.92.0.0/27\n  peerings:\n    - remoteVnetId: ${vnet}`),
      'team.yaml'
    )
    expect(config.network.peerings).toEqual([
      { remoteVnetId: vnet, allowForwardedTraffic: true, useRemoteGateways: false }
    ])
  })

  it.each([
    ['  cpu: 0.75', 0.75, '1.5Gi'],
    ['  cpu: 0.25', 0.25, '0.5Gi'],
    ['  memory: 1Gi', 0.5, '1Gi'],
    ['  cpu: 4\n  memory: 8Gi', 4, '8Gi']
  ])('derives the missing half of cpu/memory from %j', (runners, cpu, memory) => {
    const config = parseTeamConfig(`${BASE}runners:\n${runners}\n`, 'team.yaml')
    expect([config.runners.cpu, config.runners.memory]).toEqual([cpu, memory])
  })

  it.each([
    ['https://github.com/', 'https://github.com', 'https://api.github.com'],
    ['https://GitHub.Example.com', 'https://github.example.com', 'https://github.example.com/api/v3'],
    ['https://octo.ghe.com', 'https://octo.ghe.com', 'https://api.octo.ghe.com']
  ])('derives the API URL of %s', (url, web, api) => {
    const config = parseTeamConfig(withLine(10, `  url: ${url}\n  owner: altinn`), 'team.yaml')
    expect([config.github.url, config.github.apiUrl]).toEqual([web, api])
  })

  it('uses the Default runner group at repo scope', () => {
    const config = parseTeamConfig(withLine(10, '  owner: altinn\n  scope: repo'), 'team.yaml')
    expect([config.github.scope, config.github.runnerGroup]).toEqual(['repo', 'Default'])
  })

  it('accepts sovereign-cloud Key Vault URIs with a version', () => {
    const uri = 'https://kv-minimal.vault.usgovcloudapi.net/secrets/gh-app-key/0123456789abcdef0123456789abcdef'
    expect(
      parseTeamConfig(withLine(15, `    privateKeySecretUri: ${uri}`), 'team.yaml').github.app.privateKeySecretUri
    ).toBe(uri)
  })
})

describe('examples', () => {
  const [dialogporten, minimal, studio] = loadTeamConfigs([EXAMPLES])

  it('loads the example folder sorted by file name', () => {
    expect([dialogporten, minimal, studio].map(c => c.source.file)).toEqual(
      ['dialogporten.yaml', 'minimal.yaml', 'studio.yaml'].map(f => join(EXAMPLES, f))
    )
  })

  it('studio: org scope, two peerings, NAT, DNS, a private zone, logs and tags', () => {
    expect(studio.team).toBe('studio')
    expect(studio.github.scope).toBe('org')
    expect(studio.github.runnerGroup).toBe('studio')
    expect(studio.github.labels).toEqual(['studio'])
    expect(studio.network.natGateway).toBe(true)
    expect(studio.network.peerings.map(p => [p.remoteVnetId.split('/').pop(), p.useRemoteGateways])).toEqual([
      ['vnet-studio-private', false],
      ['vnet-hub-norwayeast', true]
    ])
    expect(studio.network.dnsServers).toEqual(['10.20.0.4'])
    expect(studio.network.privateDnsZones[0]).toMatch(/\/privateDnsZones\/privatelink\.postgres\.database\.azure\.com$/)
    expect(studio.logs.workspaceId).toMatch(/\/workspaces\/log-studio$/)
    expect(studio.tags).toEqual({ finops_product: 'studio', finops_environment: 'prod' })
    expect(studio.runners.max).toBe(20)
    expect(studio.probe.endpoints).toEqual(['psql-studio.postgres.database.azure.com:5432'])
  })

  it('dialogporten: repo scope with three repositories, its own key vault, sudo', () => {
    expect(dialogporten.github.scope).toBe('repo')
    expect(dialogporten.github.owner).toBe('digdir')
    expect(dialogporten.github.repos).toEqual(['dialogporten', 'dialogporten-frontend', 'dialogporten-serviceprovider'])
    expect(dialogporten.github.runnerGroup).toBe('Default')
    expect(dialogporten.github.app.keyVaultId).toMatch(
      /\/resourceGroups\/rg-dialogporten-secrets\/providers\/Microsoft\.KeyVault\/vaults\/kv-dialogporten$/
    )
    expect(dialogporten.azure.createResourceGroup).toBe(true)
    expect(dialogporten.network.peerings[0].allowForwardedTraffic).toBe(false)
    expect([dialogporten.runners.cpu, dialogporten.runners.memory, dialogporten.runners.sudo]).toEqual([1, '2Gi', true])
  })

  it('minimal: only the required keys', () => {
    expect(minimal.github.repos).toEqual(['minimal-app'])
    expect(minimal.network.addressSpace).toBe('10.92.0.0/24')
  })
})

describe('loadTeamConfigs', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-setup-config-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  function write(name: string, text: string): string {
    const path = join(dir, name)
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, text)
    return path
  }

  it('refuses two files for the same team', () => {
    const a = write('same/a.yaml', BASE)
    const b = write(
      'same/b.yml',
      withLine(7, '  addressSpace: 10.93.0.0/24').replace('subnet: 10.92.0.0/27', 'subnet: 10.93.0.0/27')
    )
    expect(problemsOfFiles([join(dir, 'same')])).toEqual([`${b}:1:1: team: \`minimal\` is also the team in ${a}`])
  })

  it('refuses overlapping address spaces between teams', () => {
    const a = write('overlap/a.yaml', BASE)
    const b = write('overlap/b.yaml', withLine(1, 'team: other').replace('10.92.0.0/24', '10.92.0.0/16'))
    expect(problemsOfFiles([a, b])).toEqual([
      `${b}:7:3: network.addressSpace: 10.92.0.0/16 overlaps 10.92.0.0/24 of team minimal (${a})`
    ])
  })

  it('reports the problems of every file together', () => {
    const a = write('many/a.yaml', withLine(1, 'team: A'))
    const b = write('many/b.yaml', withLine(5, '  location: Norway East'))
    write('many/readme.md', '# not a config')
    expect(problemsOfFiles([join(dir, 'many')])).toEqual([
      `${a}:1:7: team: \`A\` must be 2-20 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen`,
      `${b}:5:13: azure.location: \`Norway East\` is not an Azure region name`
    ])
  })

  it('reports a missing path and a folder without configs', () => {
    const missing = join(dir, 'nope.yaml')
    mkdirSync(join(dir, 'empty'))
    expect(problemsOfFiles([missing, join(dir, 'empty')])).toEqual([
      `${missing}:1:1: no such file or folder`,
      `${join(dir, 'empty')}:1:1: the folder holds no .yaml or .yml files`
    ])
  })
})

describe('positionOf', () => {
  const config = parseTeamConfig(withLine(11, '  repos: [minimal-app, other]'), 'team.yaml')

  it('finds a key that is present', () => {
    expect(positionOf(config, 'github.app.id')).toEqual({ file: 'team.yaml', line: 13, col: 5 })
    expect(positionOf(config, 'github.repos[1]')).toEqual({ file: 'team.yaml', line: 11, col: 24 })
  })

  it('falls back to the nearest present ancestor', () => {
    expect(positionOf(config, 'github.labels[0]')).toEqual({ file: 'team.yaml', line: 9, col: 1 })
    expect(positionOf(config, 'network.peerings[0].remoteVnetId')).toEqual({ file: 'team.yaml', line: 6, col: 1 })
  })

  it('falls back to 1:1 when nothing on the path is present', () => {
    expect(positionOf(config, 'runners.max')).toEqual({ file: 'team.yaml', line: 1, col: 1 })
  })
})
