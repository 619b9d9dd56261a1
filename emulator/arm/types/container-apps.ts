/**
 * Microsoft.App managed environments, jobs and job executions, with Azure's own refusals
 * (subnet delegation and size, jobs still in the environment, identities a job may use).
 */
import { armError, type ArmError } from '../errors.js'
import { lower, sameId } from '../router.js'
import type { StoredResource, Wire } from '../store.js'
import type { ActionResult, ResourceType, TypeContext } from './resource-type.js'
import { asWire, envelope, prefixLength, props, stableBytes } from './resource-type.js'
import { delegatedTo, linked } from './network.js'
import { ENVIRONMENT, SUBNET } from './network-usage.js'
import { canReadSecret } from './key-vault-access.js'
import { environmentQuotaError } from '../quotas.js'
import { validateJobProfile, validateProfiles } from './workload-profiles.js'

const JOB = 'Microsoft.App/jobs'
const EXECUTION = 'Microsoft.App/jobs/executions'
export const KEDA_VERSION = '2.18.1'

function invalidNetwork(detail: string): ArmError {
  return armError(
    400,
    'ManagedEnvironmentInvalidNetworkConfiguration',
    `The environment network configuration is invalid: ${detail}`
  )
}

function validateEnvironment(
  ctx: TypeContext,
  id: string,
  body: Wire,
  existing: StoredResource | undefined
): ArmError | undefined {
  const vnet = asWire(props(body).vnetConfiguration)
  const subnetId = vnet.infrastructureSubnetId
  if (existing !== undefined) {
    const before = asWire(props(existing.body).vnetConfiguration).infrastructureSubnetId
    if (typeof before === 'string' && (typeof subnetId !== 'string' || !sameId(before, subnetId))) {
      return armError(
        400,
        'ManagedEnvironmentCannotChangeVnet',
        `The virtual network configuration of environment ${id.split('/').at(-1)} cannot be changed after creation.`
      )
    }
  }
  if (existing === undefined) {
    const overQuota = environmentQuotaError(ctx.store, ctx.quotas, id, body.location)
    if (overQuota) return overQuota
  }
  const profiles = validateProfiles(body, existing?.body)
  if (profiles) return profiles
  if (typeof subnetId !== 'string') return undefined
  const subnet = ctx.store.get(subnetId)
  if (subnet === undefined || lower(subnet.type) !== lower(SUBNET))
    return invalidNetwork('The subnet and its addressPrefix could not be found.')
  const subnetProps = props(subnet.body)
  if (!delegatedTo(subnetProps, 'Microsoft.App/environments')) {
    return armError(
      400,
      'ManagedEnvironmentSubnetDelegationError',
      "The subnet of the environment must be delegated to the service 'Microsoft.App/environments'."
    )
  }
  const length = prefixLength(subnetProps.addressPrefix)
  if (length === undefined || length > 27) {
    return invalidNetwork(
      `The subnet ${subnetId} must have a size of at least /27 for an environment with workload profiles; it is ${String(subnetProps.addressPrefix)}.`
    )
  }
  const logs = asWire(props(body).appLogsConfiguration)
  if (logs.destination === 'log-analytics') {
    const la = asWire(logs.logAnalyticsConfiguration)
    if (typeof la.customerId !== 'string' || typeof la.sharedKey !== 'string') {
      return armError(
        400,
        'InvalidRequestParameterWithDetails',
        'appLogsConfiguration.logAnalyticsConfiguration needs customerId and sharedKey when destination is log-analytics.'
      )
    }
  }
  return undefined
}

function environmentView(_ctx: TypeContext, stored: StoredResource): Wire {
  const body = structuredClone(stored.body)
  const properties = props(body)
  const la = asWire(asWire(properties.appLogsConfiguration).logAnalyticsConfiguration)
  delete la.sharedKey // write-only
  return body
}

/** PUT answers 201 + Azure-AsyncOperation (as the SDK's recorded trace shows); DELETE is Location-polled. */
export const managedEnvironments: ResourceType = {
  type: ENVIRONMENT,
  put: 'async',
  patch: 'location',
  delete: 'location',
  busyState: 'InfrastructureSetupInProgress',
  requiresLocation: true,
  busyConflict: id =>
    armError(
      409,
      'ManagedEnvironmentOperationInProgress',
      `Cannot modify Container Apps environment ${id.split('/').at(-1)} because another operation is in progress.`
    ),
  validate: (ctx, { target, body, existing }) => validateEnvironment(ctx, target.id, body, existing),
  linkedActions: ({ body }) =>
    linked(
      { id: asWire(props(body).vnetConfiguration).infrastructureSubnetId },
      'Microsoft.Network/virtualNetworks/subnets/join/action'
    ),
  build: (_ctx, input) => {
    const { target } = input
    const before = input.existing === undefined ? {} : props(input.existing.body)
    const bytes = stableBytes(target.id.toLowerCase())
    const location = String(input.body.location ?? '')
      .replace(/\s+/g, '')
      .toLowerCase()
    const given = props(input.body)
    const internal = asWire(given.vnetConfiguration).internal === true
    return envelope(input, ENVIRONMENT, {
      defaultDomain:
        before.defaultDomain ??
        `${bytes.toString('hex').slice(0, 10).replace(/^\d/, 'a')}.${location}.azurecontainerapps.io`,
      staticIp:
        before.staticIp ??
        (internal
          ? `10.${bytes[0]}.${bytes[1]}.${(bytes[2]! % 250) + 2}`
          : `20.${bytes[0]! % 200}.${bytes[1]}.${(bytes[2]! % 250) + 2}`),
      infrastructureResourceGroup:
        given.infrastructureResourceGroup ??
        before.infrastructureResourceGroup ??
        `ME_${target.name}_${target.resourceGroup ?? ''}_${location}`,
      kedaConfiguration: { version: KEDA_VERSION },
      daprConfiguration: { version: '1.13.6-msft.6' },
      eventStreamEndpoint: `https://${location}.azurecontainerapps.dev/subscriptions/${target.subscriptionId}/resourcegroups/${target.resourceGroup ?? ''}/managedenvironments/${target.name}/eventstream`,
      zoneRedundant: given.zoneRedundant ?? false,
      peerAuthentication: given.peerAuthentication ?? { mtls: { enabled: false } },
      peerTrafficConfiguration: given.peerTrafficConfiguration ?? { encryption: { enabled: false } }
    })
  },
  view: environmentView,
  validateDelete: (ctx, stored) => {
    const jobs = ctx.store
      .all()
      .filter(r => lower(r.type) === lower(JOB) && sameId(String(props(r.body).environmentId ?? ''), stored.id))
    if (jobs.length === 0) return undefined
    return armError(
      409,
      'ManagedEnvironmentHasContainerApps',
      `The specified environment ${stored.body.name as string} cannot be deleted because it still contains ${jobs.length} Jobs.`
    )
  }
}

/** Every identity a job refers to must be one of its user-assigned identities (or `system`). */
function validateJob(ctx: TypeContext, id: string, body: Wire): ArmError | undefined {
  const given = props(body)
  const environmentId = given.environmentId
  if (typeof environmentId !== 'string')
    return armError(400, 'InvalidRequestParameterWithDetails', 'properties.environmentId is required.')
  const env = ctx.store.get(environmentId)
  if (env === undefined)
    return armError(404, 'ManagedEnvironmentNotFound', `Managed environment ${environmentId} was not found.`)
  const envState = props(env.body).provisioningState
  if (envState !== 'Succeeded') {
    return armError(
      409,
      'ManagedEnvironmentNotReadyForAppCreation',
      `The environment ${String(env.body.name)} is not ready for app creation; its provisioningState is ${String(envState)}.`
    )
  }
  const profile = validateJobProfile(body, env.body)
  if (profile) return profile
  const assigned = Object.keys(asWire(asWire(body.identity).userAssignedIdentities)).map(lower)
  for (const identityId of assigned) {
    if (!ctx.store.has(identityId))
      return armError(
        400,
        'InvalidUserAssignedIdentity',
        `User-assigned identity ${identityId} in job ${id} was not found.`
      )
  }
  const config = asWire(given.configuration)
  const secrets = Array.isArray(config.secrets) ? config.secrets.map(asWire) : []
  const registries = Array.isArray(config.registries) ? config.registries.map(asWire) : []
  for (const [what, ref] of [
    ...secrets.map(s => [`secret '${String(s.name)}'`, s.identity] as const),
    ...registries.map(r => [`registry '${String(r.server)}'`, r.identity] as const)
  ]) {
    if (typeof ref !== 'string' || lower(ref) === 'system') continue
    if (!assigned.includes(lower(ref))) {
      return armError(
        400,
        'InvalidParameterValueInContainerTemplate',
        `The identity '${ref}' used by ${what} must be assigned to the job in identity.userAssignedIdentities.`
      )
    }
  }
  for (const secret of secrets) {
    if (secret.value === undefined && (secret.keyVaultUrl === undefined || secret.identity === undefined)) {
      return armError(
        400,
        'ContainerAppSecretInvalid',
        `Invalid Request: Container app secret(s) with name(s) '${String(secret.name)}' are invalid: value or keyVaultUrl and identity should be provided.`
      )
    }
    if (
      typeof secret.keyVaultUrl === 'string' &&
      typeof secret.identity === 'string' &&
      lower(secret.identity) !== 'system' &&
      !canReadSecret(ctx.store, ctx.access, secret.keyVaultUrl, secret.identity)
    ) {
      const name = String(secret.name)
      return armError(
        400,
        'InvalidParameterValueInContainerTemplate',
        `The following field(s) are either invalid or missing. Field 'configuration.secrets' is invalid with details: 'Invalid value: "${name}": Unable to get value using Managed identity ${secret.identity} for secret ${name}. Error: unable to fetch secret '${name}' using Managed identity '${secret.identity}'';.`
      )
    }
  }
  const names = new Set(secrets.map(s => lower(String(s.name))))
  for (const ref of secretRefs(given)) {
    if (!names.has(lower(ref)))
      return armError(
        400,
        'ContainerAppSecretRefNotFound',
        `SecretRef '${ref}' defined in the job ${id.split('/').at(-1)} is not found in its secrets.`
      )
  }
  return undefined
}

function secretRefs(given: Wire): string[] {
  const refs: string[] = []
  const rules = asWire(asWire(asWire(given.configuration).eventTriggerConfig).scale).rules
  for (const rule of Array.isArray(rules) ? rules.map(asWire) : []) {
    for (const auth of Array.isArray(rule.auth) ? rule.auth.map(asWire) : [])
      if (typeof auth.secretRef === 'string') refs.push(auth.secretRef)
  }
  const containers = asWire(given.template).containers
  for (const container of Array.isArray(containers) ? containers.map(asWire) : []) {
    for (const env of Array.isArray(container.env) ? container.env.map(asWire) : [])
      if (typeof env.secretRef === 'string') refs.push(env.secretRef)
  }
  return refs
}

function jobView(ctx: TypeContext, stored: StoredResource): Wire {
  const body = structuredClone(stored.body)
  const secrets = asWire(props(body).configuration).secrets
  if (Array.isArray(secrets)) for (const secret of secrets) delete asWire(secret).value // write-only
  const identity = asWire(body.identity)
  const assigned = asWire(identity.userAssignedIdentities)
  for (const key of Object.keys(assigned)) {
    const uami = ctx.store.get(key)
    const p = uami === undefined ? {} : props(uami.body)
    assigned[key] = { principalId: p.principalId, clientId: p.clientId }
  }
  return body
}

function startExecution(ctx: TypeContext, job: StoredResource): ActionResult {
  const name = `${String(job.body.name)}-${crypto.randomUUID().slice(0, 7)}`
  const id = `${job.id}/executions/${name}`
  ctx.store.put({
    id,
    type: EXECUTION,
    body: {
      name,
      id,
      type: EXECUTION,
      properties: { status: 'Running', startTime: new Date().toISOString(), template: props(job.body).template }
    }
  })
  return { lroResult: { status: 200, body: { name, id } } }
}

export const jobs: ResourceType = {
  type: JOB,
  put: 'async',
  patch: 'location',
  delete: 'location',
  busyState: 'InProgress',
  requiresLocation: true,
  validate: (ctx, { target, body }) => validateJob(ctx, target.id, body),
  linkedActions: ({ body }) => [
    ...linked({ id: props(body).environmentId }, 'Microsoft.App/managedEnvironments/join/action'),
    ...Object.keys(asWire(asWire(body.identity).userAssignedIdentities)).map(scope => ({
      action: 'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action',
      scope
    }))
  ],
  build: (ctx, input) => {
    const wire = envelope(input, JOB, {
      runningState: 'Ready',
      eventStreamEndpoint: `https://${String(input.body.location ?? '')
        .replace(/\s+/g, '')
        .toLowerCase()}.azurecontainerapps.dev/jobs/${input.target.name}/eventstream`
    })
    const identity = asWire(wire.identity)
    if (Object.keys(identity).length > 0) wire.identity = { ...identity, tenantId: ctx.tenantId }
    return wire
  },
  view: jobView,
  actions: {
    listSecrets: (_ctx, stored) => {
      const secrets = asWire(props(stored.body).configuration).secrets
      return { response: { status: 200, body: { value: Array.isArray(secrets) ? structuredClone(secrets) : [] } } }
    },
    start: (ctx, stored) => startExecution(ctx, stored),
    stop: (ctx, stored) => {
      for (const execution of ctx.store.list(EXECUTION, stored.id)) stopExecution(ctx, execution)
      return { lroResult: { status: 200 } }
    }
  }
}

function stopExecution(ctx: TypeContext, execution: StoredResource): void {
  const properties = props(execution.body)
  if (properties.status === 'Running' || properties.status === 'Processing') {
    execution.body.properties = { ...properties, status: 'Stopped', endTime: new Date().toISOString() }
    ctx.store.put(execution)
  }
}

/** Executions are made by `jobs.start` or seeded by tests; `POST .../executions/{name}/stop` stops one. */
export const executions: ResourceType = {
  type: EXECUTION,
  put: 'sync',
  delete: 'sync',
  build: (_ctx, input) =>
    envelope(input, EXECUTION, {
      status: props(input.body).status ?? 'Running',
      startTime: props(input.body).startTime ?? new Date().toISOString()
    }),
  actions: {
    stop: (ctx, stored) => {
      stopExecution(ctx, stored)
      return { lroResult: { status: 200 } }
    }
  }
}
