/**
 * Azure resource names derived from the team name: deterministic, inside Azure's limits, and never equal for two
 * valid teams (every name is a fixed prefix + the team + a fixed suffix, or carries a fixed-length hash before the team).
 */
import { createHash } from 'node:crypto'
import { checkTeamName } from '../config/formats.js'
import type { GitHubScope } from '../config/types.js'

export const PEERING_NAME_MAX = 80

/** The config's own rule, so the names below rest on exactly what validation lets through. */
export function isValidTeamName(team: string): boolean {
  return checkTeamName(team) === undefined
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** First 6 hex digits of sha256: 24 bits, short enough for a 32-character job name. */
export function hex6(text: string): string {
  return sha256(text).toString('hex').slice(0, 6)
}

/** Names of the per-team resources that exist once per team. */
export interface TeamResourceNames {
  networkSecurityGroup: string
  virtualNetwork: string
  subnet: string
  publicIpAddress: string
  natGateway: string
  identity: string
  managedEnvironment: string
  diagnosticSetting: string
  /** Peering on the team's private VNet pointing back at ours. */
  remotePeering: string
  /** Link from each of the team's private DNS zones to our VNet. */
  privateDnsZoneLink: string
}

/** What every name runner-setup gives a private DNS zone link (and a remote peering) starts with. */
export const LINK_NAME_PREFIX = 'runner-setup-'

export function teamResourceNames(team: string): TeamResourceNames {
  return {
    networkSecurityGroup: `nsg-${team}-runners`,
    virtualNetwork: `vnet-${team}-runners`,
    subnet: 'snet-runners',
    publicIpAddress: `pip-${team}-runners`,
    natGateway: `ng-${team}-runners`,
    identity: `id-${team}-runners`,
    managedEnvironment: `cae-${team}-runners`,
    diagnosticSetting: 'runner-setup',
    remotePeering: `${LINK_NAME_PREFIX}${team}`,
    privateDnsZoneLink: `${LINK_NAME_PREFIX}${team}`
  }
}

export function orgJobName(team: string): string {
  return `caj-${team}`
}

/** `cajr-` differs from `caj-` at its fourth character, so a repo job never collides with another team's org job. */
export function repoJobName(team: string, owner: string, repo: string): string {
  return `cajr-${hex6(`${owner}/${repo}`.toLowerCase())}-${team}`
}

/**
 * A named pool's job: `cajp-` differs from `caj-` and `cajr-` at its fourth character, so it never equals another
 * team's job, and the hash of team, pool (and repository) keeps it within Container Apps' 32 characters.
 */
export function poolJobName(team: string, pool: string, repo?: { owner: string; name: string }): string {
  const key = [team, pool, ...(repo ? [`${repo.owner}/${repo.name}`] : [])].join('|').toLowerCase()
  return `cajp-${hex6(key)}-${team}`
}

export interface JobName {
  name: string
  /** Repo scope: the repository this job serves. */
  repo?: string
  /** The runner pool it runs; absent for the one pool of a config without pools. */
  pool?: string
}

/**
 * The team's job names, one per pool (`undefined`: the config's one unnamed pool) and, at repo scope, per repository;
 * throws when two of them would share one name.
 */
export function jobNames(
  team: string,
  scope: GitHubScope,
  owner: string,
  repos: string[],
  pools: (string | undefined)[] = [undefined]
): JobName[] {
  const byName = new Map<string, string>()
  return pools.flatMap(pool =>
    (scope === 'org' ? [undefined] : repos).map(repo => {
      const name =
        pool === undefined
          ? repo === undefined
            ? orgJobName(team)
            : repoJobName(team, owner, repo)
          : poolJobName(team, pool, repo === undefined ? undefined : { owner, name: repo })
      const what = pool === undefined ? `"${repo}"` : `"${repo}" (pool ${pool})`
      const other = byName.get(name)
      if (other !== undefined) {
        throw new Error(
          `Repositories ${other} and ${what} of team ${team} would share the job name ${name}: ` +
            'list each repository once, or move one of them to another team or to org scope'
        )
      }
      byName.set(name, what)
      return { name, ...(repo === undefined ? {} : { repo }), ...(pool === undefined ? {} : { pool }) }
    })
  )
}

/** True for a job name our rules give this team: its org job, a repo job or a pool job (`cajr-`/`cajp-<6 hex>-<team>`). */
export function isTeamJobName(team: string, name: string): boolean {
  const lower = name.toLowerCase()
  return lower === orgJobName(team) || new RegExp(`^caj[rp]-[0-9a-f]{6}-${team}$`).test(lower)
}

/** Local peering name: the remote VNet's name keeps it readable, the hash of its full id keeps it unique. */
export function localPeeringName(remoteVnetId: string): string {
  const remoteName = remoteVnetId.slice(remoteVnetId.lastIndexOf('/') + 1)
  const suffix = `-${hex6(remoteVnetId.toLowerCase())}`
  return `to-${remoteName}`.slice(0, PEERING_NAME_MAX - suffix.length) + suffix
}

/**
 * Role assignment names must be GUIDs; deriving one from what the assignment grants makes reruns find the same one.
 * Lowercased first: ARM ids are case-insensitive and must not yield a second assignment.
 */
export function roleAssignmentName(scope: string, identityId: string, roleDefinitionId: string): string {
  const bytes = sha256(`${scope}|${identityId}|${roleDefinitionId}`.toLowerCase()).subarray(0, 16)
  bytes[6] = (bytes[6] & 0x0f) | 0x50 // version 5: name-based
  bytes[8] = (bytes[8] & 0x3f) | 0x80 // RFC 4122 variant
  const hex = bytes.toString('hex')
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-')
}
