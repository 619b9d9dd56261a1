import { describe, expect, it } from '@jest/globals'
import {
  hex6,
  isValidTeamName,
  jobNames,
  localPeeringName,
  orgJobName,
  repoJobName,
  roleAssignmentName,
  teamResourceNames
} from '../../src/core/names.js'
import { between, pick, pickChar, repoName, seeded, teamName, type Random } from './random.js'

const TEAMS = 3000
/** Lowercase letters, digits and single hyphens; starts with a letter, ends with a letter or digit. */
const CONTAINER_APPS_NAME = /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/

interface GeneratedTeam {
  team: string
  owner: string
  scope: 'org' | 'repo'
  repos: string[]
}

function generateTeams(random: Random, count: number): GeneratedTeam[] {
  const teams = new Map<string, GeneratedTeam>()
  while (teams.size < count) {
    const team = teamName(random)
    const repos = Array.from({ length: between(random, 1, 4) }, () => repoName(random))
    teams.set(team, {
      team,
      owner: pick(random, ['altinn', 'digdir', 'Org-X']),
      scope: random() < 0.5 ? 'org' : 'repo',
      repos
    })
  }
  return [...teams.values()]
}

/** Every name a team owns, keyed by the namespace it must be unique in. */
function qualifiedNames(t: GeneratedTeam): string[] {
  const n = teamResourceNames(t.team)
  return [
    `networkSecurityGroups/${n.networkSecurityGroup}`,
    `virtualNetworks/${n.virtualNetwork}`,
    `publicIPAddresses/${n.publicIpAddress}`,
    `natGateways/${n.natGateway}`,
    `userAssignedIdentities/${n.identity}`,
    `managedEnvironments/${n.managedEnvironment}`,
    // One shared remote VNet and one shared DNS zone may serve many teams.
    `virtualNetworkPeerings/${n.remotePeering}`,
    `virtualNetworkLinks/${n.privateDnsZoneLink}`,
    ...[...jobNames(t.team, 'org', t.owner, t.repos), ...jobNames(t.team, 'repo', t.owner, t.repos)].map(
      j => `jobs/${j.name}`
    )
  ]
}

describe('names, properties over thousands of random valid teams', () => {
  const teams = generateTeams(seeded(20261127), TEAMS)

  it('generates only valid team names, in the whole range of lengths', () => {
    expect(teams.filter(t => !isValidTeamName(t.team))).toEqual([])
    expect(new Set(teams.map(t => t.team.length))).toEqual(new Set(Array.from({ length: 19 }, (_, i) => i + 2)))
  })

  it("keeps every name inside Azure's length and character rules", () => {
    // Collected rather than asserted one by one: tens of thousands of expect() calls would dominate the run time.
    const violations: string[] = []
    const check = (name: string, max: number, pattern?: RegExp) => {
      if (name.length > max || (pattern && !pattern.test(name))) violations.push(name)
    }
    for (const t of teams) {
      const n = teamResourceNames(t.team)
      check(n.managedEnvironment, 32, CONTAINER_APPS_NAME)
      for (const name of [
        n.networkSecurityGroup,
        n.publicIpAddress,
        n.natGateway,
        n.remotePeering,
        n.privateDnsZoneLink
      ])
        check(name, 80)
      check(n.virtualNetwork, 64)
      check(n.identity, 128)
      for (const { name } of [
        ...jobNames(t.team, 'org', t.owner, t.repos),
        ...jobNames(t.team, 'repo', t.owner, t.repos)
      ]) {
        check(name, 32, CONTAINER_APPS_NAME)
      }
    }
    expect(violations).toEqual([])
  })

  it('is deterministic', () => {
    const again = generateTeams(seeded(20261127), TEAMS)
    const all = (list: GeneratedTeam[]) => list.flatMap(qualifiedNames).join('\n')
    expect(all(again)).toBe(all(teams))
  })

  it('never gives two teams the same name in any namespace', () => {
    const owner = new Map<string, string>()
    for (const t of teams) {
      for (const name of qualifiedNames(t)) {
        const previous = owner.get(name)
        if (previous !== undefined && previous !== t.team)
          throw new Error(`${name} belongs to both ${previous} and ${t.team}`)
        owner.set(name, t.team)
      }
    }
    expect(owner.size).toBeGreaterThan(TEAMS * 8)
  })

  it('keeps the longest team names at exactly the limits', () => {
    const team = 'abcdefghij-klmnopq-r'
    expect(team).toHaveLength(20)
    expect(teamResourceNames(team).managedEnvironment).toHaveLength(32)
    expect(repoJobName(team, 'altinn', 'x')).toHaveLength(32)
    expect(orgJobName(team)).toBe('caj-abcdefghij-klmnopq-r')
  })
})

describe('team name rule', () => {
  it.each(['a', 'abcdefghijklmnopqrstu', '1team', 'Team', 'te--am', 'team-', '-team', 'te_am', 'te.am'])(
    'rejects %j',
    name => {
      expect(isValidTeamName(name)).toBe(false)
    }
  )
  it.each(['ab', 'studio', 'apps-team', 'a1-b2-c3'])('accepts %j', name => {
    expect(isValidTeamName(name)).toBe(true)
  })
})

describe('repo job names', () => {
  it('hash the lowercased owner/repo', () => {
    expect(repoJobName('apps', 'Digdir', 'App-One')).toBe(`cajr-${hex6('digdir/app-one')}-apps`)
    expect(repoJobName('apps', 'digdir', 'app-one')).toBe(repoJobName('apps', 'DIGDIR', 'APP-ONE'))
    expect(hex6('digdir/app-one')).toMatch(/^[0-9a-f]{6}$/)
  })

  it('report two repositories of one team whose hashes collide, with both names', () => {
    const seen = new Map<string, string>()
    let pair: [string, string] | undefined
    for (let i = 0; pair === undefined; i++) {
      const repo = `repo-${i}`
      const name = repoJobName('apps', 'altinn', repo)
      const other = seen.get(name)
      if (other !== undefined) pair = [other, repo]
      seen.set(name, repo)
    }
    const [first, second] = pair
    expect(() => jobNames('apps', 'repo', 'altinn', [first, second])).toThrow(
      `Repositories "${first}" and "${second}" of team apps would share the job name ${repoJobName('apps', 'altinn', first)}: ` +
        'list each repository once, or move one of them to another team or to org scope'
    )
    expect(jobNames('apps', 'org', 'altinn', [first, second])).toEqual([{ name: 'caj-apps' }])
  })
})

describe('local peering names', () => {
  const id = (sub: string, name: string) =>
    `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/${name}`

  it('carry the remote VNet name and a hash of its full id, case-insensitively', () => {
    const remote = id('s1', 'vnet-private')
    expect(localPeeringName(remote)).toBe(`to-vnet-private-${hex6(remote.toLowerCase())}`)
    expect(localPeeringName(remote.toUpperCase().replace('VNET-PRIVATE', 'vnet-private'))).toBe(
      localPeeringName(remote)
    )
    expect(localPeeringName(id('s2', 'vnet-private'))).not.toBe(localPeeringName(remote))
  })

  it('stay within 80 characters and keep the hash when the VNet name is long', () => {
    const random = seeded(7)
    for (let i = 0; i < 500; i++) {
      const vnetName = Array.from({ length: between(random, 2, 64) }, () => pickChar(random, 'abcdefghij-_.0123')).join(
        ''
      )
      const remote = id(`sub-${i}`, `v${vnetName}`)
      const name = localPeeringName(remote)
      expect(name.length).toBeLessThanOrEqual(80)
      expect(name.endsWith(`-${hex6(remote.toLowerCase())}`)).toBe(true)
    }
    expect(localPeeringName(id('s', 'v'.repeat(80)))).toHaveLength(80)
  })
})

describe('role assignment names', () => {
  const GUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

  it('are version-5-shaped GUIDs, deterministic and blind to ARM id case', () => {
    const random = seeded(42)
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const scope = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-${teamName(random)}/secrets/key-${i}`
      const name = roleAssignmentName(scope, '/subscriptions/s/id', '/subscriptions/s/role')
      expect(name).toMatch(GUID_V5)
      expect(roleAssignmentName(scope.toUpperCase(), '/SUBSCRIPTIONS/S/ID', '/subscriptions/s/role')).toBe(name)
      seen.add(name)
    }
    expect(seen.size).toBe(2000)
  })

  it('change with the identity or the role', () => {
    const base = roleAssignmentName('/scope', '/id-a', '/role')
    expect(roleAssignmentName('/scope', '/id-b', '/role')).not.toBe(base)
    expect(roleAssignmentName('/scope', '/id-a', '/role-2')).not.toBe(base)
  })
})
