/** What every desired resource shares: the api-version of the SDK client that writes it, tags, the record shape. */
import type { TeamConfig } from '../../config/types.js'
import type { DesiredResource, Ownership, ResourceKind } from '../types.js'

/** The default api-version of each SDK client (`apiVersion ?? "..."` in its context), so plans name what is sent. */
export const API_VERSION = {
  resources: '2025-04-01', // @azure/arm-resources 8
  network: '2026-01-01', // @azure/arm-network 39
  privateDns: '2024-06-01', // @azure/arm-privatedns 4
  msi: '2024-11-30', // @azure/arm-msi 2
  authorization: '2022-04-01', // @azure/arm-authorization 9, roleAssignments
  monitor: '2021-05-01-preview', // @azure/arm-monitor 8, diagnosticSettings
  app: '2026-07-01' // @azure/arm-appcontainers 4
} as const

export const MANAGED_BY_TAG = 'managed-by'
export const MANAGED_BY = 'runner-setup'
export const TEAM_TAG = 'runner-setup-team'
export const REPO_TAG = 'runner-setup-repo'
/** On a named pool's job: the pool it runs. */
export const POOL_TAG = 'runner-setup-pool'

/** The config's tags plus ours; ours win, since destroy trusts them. */
export function teamTags(config: TeamConfig, extra: Record<string, string> = {}): Record<string, string> {
  return { ...config.tags, ...extra, [MANAGED_BY_TAG]: MANAGED_BY, [TEAM_TAG]: config.team }
}

export interface ResourceSpec {
  kind: ResourceKind
  id: string
  type: string
  apiVersion: string
  dependsOn: string[]
  ownership: Ownership
  /** An SDK model object (possibly `WithRefs<...>`), typed by the caller. */
  body: object
}

export function desired(spec: ResourceSpec): DesiredResource {
  return { ...spec, name: spec.id.slice(spec.id.lastIndexOf('/') + 1), body: spec.body as Record<string, unknown> }
}

/** An SDK model in which some fields may be `null`: "must not be set" (see DesiredResource.body). */
export type Clearable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null }

/**
 * The same resource, no longer wanted. The body keeps only what proves ownership (a remote peering's pointer back at
 * our VNet); nothing of it is ever written.
 */
export function absent(resource: DesiredResource, body: Record<string, unknown> = {}): DesiredResource {
  return { ...resource, body, absent: true }
}
