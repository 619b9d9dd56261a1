/**
 * What an earlier config made and this one no longer names, found by listing because the config cannot name it:
 * peerings to VNets no longer in `network.peerings` (and their far side), and jobs of repositories (or of a scope)
 * no longer served. They come back as `absent` resources, so plan, ownership and delete treat them like the rest.
 */
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from './layout.js'
import { localPeeringName } from './names.js'
import { absent, API_VERSION, desired, MANAGED_BY, MANAGED_BY_TAG, TEAM_TAG } from './resources/common.js'
import type { DesiredResource } from './types.js'

export interface Listed {
  /** The peerings on our VNet (its GET lists them), each with the VNet it points at. */
  peerings: { id: string; name: string; remoteVnetId: string | undefined }[]
  /** The jobs in the team's resource group, with their tags. */
  jobs: { id: string; tags: Record<string, string> | undefined }[]
}

const PEERING_TYPE = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings'

export function orphanResources(config: TeamConfig, wanted: DesiredResource[], listed: Listed): DesiredResource[] {
  const known = new Set(wanted.map(r => r.id.toLowerCase()))
  return [...orphanPeerings(config, wanted, listed.peerings, known), ...orphanJobs(config, listed.jobs, known)]
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
    if (
      known.has(id.toLowerCase()) ||
      !remoteVnetId ||
      name.toLowerCase() !== localPeeringName(remoteVnetId).toLowerCase()
    )
      return []
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

/** Jobs tagged as this team's that the config no longer names. Deleted before the environment, like the wanted ones. */
function orphanJobs(config: TeamConfig, jobs: Listed['jobs'], known: Set<string>): DesiredResource[] {
  const layout = teamLayout(config)
  return jobs
    .filter(
      ({ id, tags }) =>
        tags?.[MANAGED_BY_TAG] === MANAGED_BY && tags[TEAM_TAG] === config.team && !known.has(id.toLowerCase())
    )
    .map(({ id }) =>
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
