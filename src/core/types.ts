/** The pure core's vocabulary: desired resources, the actual state read from Azure, and the plan between them. */

export type ResourceKind =
  | 'resourceGroup'
  | 'networkSecurityGroup'
  | 'publicIpAddress'
  | 'natGateway'
  | 'virtualNetwork'
  | 'subnet'
  | 'peering'
  | 'remotePeering'
  | 'privateDnsZoneLink'
  | 'identity'
  | 'federatedCredential'
  | 'roleAssignment'
  | 'managedEnvironment'
  | 'diagnosticSetting'
  | 'job'

/**
 * How destroy (and apply, on a name clash) proves a resource is this team's:
 * - `tagged`: carries `managed-by: runner-setup` and `runner-setup-team: <team>`;
 * - `child`: lives under a `tagged` parent (subnet, local peering, diagnostic setting);
 * - `marked`: cannot carry tags, so its name and its pointer back to our resources prove it
 *   (remote peering pointing at our VNet, role assignment for our identity).
 */
export type Ownership = 'tagged' | 'child' | 'marked'

/**
 * A value only Azure knows once another resource exists (the identity's clientId/principalId).
 * Resolved against actual state before diffing and writing; shown as `(known after apply)` offline.
 */
export interface Ref {
  $ref: string
  property: 'clientId' | 'principalId'
}

export interface DesiredResource {
  kind: ResourceKind
  /** Full ARM resource id. */
  id: string
  /** ARM resource type, e.g. `Microsoft.App/jobs`. */
  type: string
  apiVersion: string
  name: string
  /** Ids of resources that must exist before this one is written. */
  dependsOn: string[]
  ownership: Ownership
  /**
   * The body apply sends, in the ARM SDK model shape (properties flattened as the SDK types them). May hold `Ref`s.
   * A `null` field must not be set: apply sends the null (ARM clears the field) and the diff wants it absent.
   */
  body: Record<string, unknown>
  /**
   * The config no longer wants this resource (NAT turned off, logs removed, a dropped peering or repository):
   * apply and destroy delete it when it exists and is provably ours. Its body is never written.
   */
  absent?: true
}

/** A resource as read from Azure (SDK model shape), or absent. */
export interface ActualResource {
  id: string
  body: Record<string, unknown>
}

export type ActualState = Map<string, ActualResource | undefined>

export interface FieldChange {
  /** Dotted path inside the body, e.g. `configuration.eventTriggerConfig.scale.maxExecutions`. */
  path: string
  from: unknown
  to: unknown
}

/**
 * - `create`/`update`: write `body` (an update is the live resource with our fields applied);
 * - `noop`: nothing to write;
 * - `delete`: remove it (the config no longer wants it, or destroy);
 * - `refuse`: it exists under one of our names but is not provably ours: never touched, and apply stops before any write;
 * - `wait`: an earlier operation on it is still running: wait until it settles, then write `body` if it still differs.
 */
export type PlanAction = 'create' | 'update' | 'noop' | 'delete' | 'refuse' | 'wait'

export interface PlanEntry {
  action: PlanAction
  kind: ResourceKind
  type: string
  id: string
  name: string
  /** Dependency level: 0 has no dependencies; writes at one level run in parallel (but see `exclusive`). */
  level: number
  /** One line: why this action (what differs, what it waits for, why it is refused). */
  reason?: string
  /** A refused resource the config needs: apply cannot converge, so it stops before any write (destroy: exit 1). */
  blocking?: true
  /** What is sent (create, update, wait), with refs where Azure has not assigned the value yet. */
  body?: Record<string, unknown>
  changes?: FieldChange[]
  /** Ids of the plan entries this one waits for. */
  dependsOn: string[]
  /**
   * VNets (lowercased ids) this write touches: writes sharing one never run side by side, because Azure refuses a
   * second operation on a VNet while one runs (AnotherOperationInProgress, ReferencedResourceNotProvisioned).
   */
  exclusive: string[]
  /** What the plan saw: `absent` or a hash of the live resource; a saved plan is refused when this moved. */
  observed: string
}

export interface Plan {
  team: string
  /** What the plan is for: a saved plan applies only as the command it was made for. */
  purpose: 'apply' | 'destroy'
  entries: PlanEntry[]
  /** Checks made before the first write; each failure stops apply with one message. */
  preflight: PreflightFinding[]
  /** Things left alone that look like ours (our tags, not our name): reported, never touched. */
  warnings: string[]
  /** A saved plan: hashes of the config and policy files it was made from, so a changed source makes it stale. */
  sources?: PlanSources
}

export interface PlanSources {
  /** `sha256:<hex>` of the config file's bytes. */
  config: string
  /** The same for the platform policy file; absent without a policy. */
  policy?: string
}

export interface PreflightFinding {
  check:
    | 'provider'
    | 'keyVault'
    | 'remoteGateway'
    | 'environmentQuota'
    | 'coreQuota'
    | 'subnetCapacity'
    | 'dedicatedCoreQuota'
    | 'workloadProfile'
    | 'registry'
  /** `fail` stops apply before any write; `ok` and `unchecked` (Azure would not say) are shown by plan. */
  status: 'ok' | 'fail' | 'unchecked'
  /** One line; for a failure: the config line, what is wrong, and what to do. */
  message: string
}
