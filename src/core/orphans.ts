/**
 * What an earlier config made and this one no longer names, found by listing because the config cannot name it:
 * peerings to VNets no longer in `network.peerings` (and their far side), and jobs of repositories (or of a scope)
 * no longer served. They come back as `absent` resources, so plan, ownership and delete treat them like the rest.
 *
 * One rule decides what is ours: a name our naming rules give this team, a parent (VNet, environment) that is ours,
 * and our tags. Tags alone prove nothing: anyone with tag rights, or a policy copying the resource group's tags, can
 * set them. A resource with our tags that fails the rest is named in a warning and never touched.
 */
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from './layout.js'
import { isTeamJobName, localPeeringName } from './names.js'
import { absent, API_VERSION, desired, MANAGED_BY, MANAGED_BY_TAG, TEAM_TAG } from './resources/common.js'
import type { DesiredResource } from './types.js'

export interface Listed {
  /** The peerings on our VNet (its GET lists them), each with the VNet it points at. */
  peerings: { id: string; name: string; remoteVnetId: string | undefined }[]
  /** The jobs in the team's resource group, with their tags and environment. */
  jobs: { id: string; tags: Record<string, string> | undefined; environmentId?: string | undefined }[]
  /** Every resource in the team's resource group carrying our team tag (ARM filters by tag and then omits the tags). */
  tagged?: { id: string; type: string }[]
  /** Private DNS zone links (in any zone) pointing at the team's VNet, found by a search: no config names them. */
  links?: { id: string; name: string; virtualNetworkId: string | undefined }[]
}

export interface Orphans {
  /** Ours and no longer wanted: deleted by apply and destroy. */
  resources: DesiredResource[]
  /** Carry our tags but are not provably ours: left alone, each named once. */
  warnings: string[]
  /** Children someone else put under a resource of ours (a hand-made peering on our VNet), by parent id. */
  foreignChildren: Map<string, string[]>
}

const PEERING_TYPE = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings'

export function orphanResources(config: TeamConfig, wanted: DesiredResource[], listed: Listed): Orphans {
  const known = new Set(wanted.map(r => r.id.toLowerCase()))
  const jobs = orphanJobs(config, listed.jobs, known)
  const layout = teamLayout(config)
  const handMade = listed.peerings.filter(
    p => !known.has(p.id.toLowerCase()) && (!p.remoteVnetId || !isDerivedPeering(p.name, p.remoteVnetId))
  )
  const foreignChildren = new Map<string, string[]>()
  if (handMade.length > 0)
    foreignChildren.set(
      layout.virtualNetworkId.toLowerCase(),
      handMade.map(p => p.id)
    )
  const peeringWarnings = handMade.map(
    p =>
      `Peering ${p.id} on the team's VNet has a name runner-setup never gives: not the team's, left alone (and destroy keeps the VNet while it is there)`
  )
  const resources = [
    ...orphanPeerings(config, wanted, listed.peerings, known),
    ...orphanLinks(config, listed.links ?? [], known),
    ...jobs.resources
  ]
  for (const r of resources) known.add(r.id.toLowerCase())
  const warned = new Set(jobs.warned)
  const strays = (listed.tagged ?? [])
    .filter(r => !known.has(r.id.toLowerCase()) && !warned.has(r.id.toLowerCase()))
    .map(r => notOursWarning(r.type, r.id, config.team, 'its name is not one runner-setup gives this team'))
  return { resources, warnings: [...jobs.warnings, ...peeringWarnings, ...strays], foreignChildren }
}

function isDerivedPeering(name: string, remoteVnetId: string): boolean {
  return name.toLowerCase() === localPeeringName(remoteVnetId).toLowerCase()
}

function isTeamTagged(tags: Record<string, string> | undefined, team: string): boolean {
  return tags?.[MANAGED_BY_TAG] === MANAGED_BY && tags[TEAM_TAG] === team
}

function notOursWarning(type: string, id: string, team: string, why: string): string {
  return `${type} ${id} carries team ${team}'s tags but ${why}: not provably the team's, left alone`
}

/**
 * Only peerings whose name is the one we derive from their remote VNet: those we made; one added by hand is left alone.
 * Deletes on our VNet conflict with each other, so each waits for the one before (and for the wanted peerings).
 */
function orphanPeerings(
  config: TeamConfig,
  wanted: DesiredResource[],
  peerings: Listed['peerings'],
  known: Set<string>
): DesiredResource[] {
  const layout = teamLayout(config)
  let previous = wanted.filter(r => r.kind === 'peering').at(-1)?.id ?? layout.subnetId
  return peerings.flatMap(({ id, name, remoteVnetId }) => {
    if (known.has(id.toLowerCase()) || !remoteVnetId || !isDerivedPeering(name, remoteVnetId)) return []
    const local = desired({
      kind: 'peering',
      id,
      type: PEERING_TYPE,
      apiVersion: API_VERSION.network,
      dependsOn: [previous],
      ownership: 'child',
      body: {}
    })
    previous = id
    const remote = desired({
      kind: 'remotePeering',
      id: `${remoteVnetId}/virtualNetworkPeerings/${layout.names.remotePeering}`,
      type: PEERING_TYPE,
      apiVersion: API_VERSION.network,
      dependsOn: [layout.virtualNetworkId],
      ownership: 'marked',
      body: {}
    })
    // The far side is ours only while it points back at our VNet: ownership compares this pointer.
    return [absent(local), absent(remote, { remoteVirtualNetwork: { id: layout.virtualNetworkId } })]
  })
}

/**
 * Links of zones dropped from the config: ours by name (the one we give this team's links) and by what they link (the
 * team's VNet); their tags are checked before a delete, as for every tagged resource. Deleted before the VNet.
 */
function orphanLinks(config: TeamConfig, links: NonNullable<Listed['links']>, known: Set<string>): DesiredResource[] {
  const layout = teamLayout(config)
  return links.flatMap(({ id, name, virtualNetworkId }) => {
    if (known.has(id.toLowerCase())) return []
    if (name.toLowerCase() !== layout.names.privateDnsZoneLink.toLowerCase()) return []
    if (virtualNetworkId?.toLowerCase() !== layout.virtualNetworkId.toLowerCase()) return []
    return [
      absent(
        desired({
          kind: 'privateDnsZoneLink',
          id,
          type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
          apiVersion: API_VERSION.privateDns,
          dependsOn: [layout.virtualNetworkId],
          ownership: 'tagged',
          body: {}
        })
      )
    ]
  })
}

/**
 * Jobs of this team that the config no longer names: our job name for the team, in our environment, with our tags.
 * Deleted before the environment, like the wanted ones.
 */
function orphanJobs(
  config: TeamConfig,
  jobs: Listed['jobs'],
  known: Set<string>
): { resources: DesiredResource[]; warnings: string[]; warned: string[] } {
  const layout = teamLayout(config)
  const resources: DesiredResource[] = []
  const warnings: string[] = []
  const warned: string[] = []
  for (const { id, tags, environmentId } of jobs) {
    if (!isTeamTagged(tags, config.team) || known.has(id.toLowerCase())) continue
    const name = id.slice(id.lastIndexOf('/') + 1)
    const why = !isTeamJobName(config.team, name)
      ? 'its name is not one runner-setup gives this team'
      : environmentId?.toLowerCase() !== layout.managedEnvironmentId.toLowerCase()
        ? `it runs in ${environmentId ?? 'no environment'}, not in the team's environment`
        : undefined
    if (why) {
      warnings.push(notOursWarning('Microsoft.App/jobs', id, config.team, why))
      warned.push(id.toLowerCase())
      continue
    }
    resources.push(
      absent(
        desired({
          kind: 'job',
          id,
          type: 'Microsoft.App/jobs',
          apiVersion: API_VERSION.app,
          ownership: 'tagged',
          dependsOn: [layout.managedEnvironmentId, layout.identityId, layout.roleAssignmentId],
          body: {}
        })
      )
    )
  }
  return { resources, warnings, warned }
}
