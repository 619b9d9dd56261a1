/**
 * Real ARM SDK clients, made lazily and cached per subscription: a team's remote VNets and private DNS
 * zones may live in other subscriptions than its runners.
 */
import type { TokenCredential } from '@azure/core-auth'
import { ContainerAppsAPIClient } from '@azure/arm-appcontainers'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { MonitorClient } from '@azure/arm-monitor'
import { ManagedServiceIdentityClient } from '@azure/arm-msi'
import { NetworkManagementClient } from '@azure/arm-network'
import { PrivateDnsManagementClient } from '@azure/arm-privatedns'
import { ResourceManagementClient } from '@azure/arm-resources'
import { ResourceGraphClient } from '@azure/arm-resourcegraph'
import {
  armLimitsPolicy,
  DEFAULT_MAX_THROTTLE_WAIT_MS,
  newThrottleStats,
  ReadBudget,
  type ArmLimitsOptions,
  type ThrottleStats
} from './arm-limits.js'
import { DEFAULT_ARM_ENDPOINT } from './settings.js'
import { sharedTokenCredential } from './shared-token.js'

export interface ClientsOptions {
  credential: TokenCredential
  /** ARM endpoint: public Azure by default; a sovereign cloud or the emulator otherwise. */
  endpoint?: string
  /** Token scope for ARM; defaults to `<endpoint>/.default`. */
  scope?: string
  /** The SDK retries 429/5xx/connection resets itself (honouring Retry-After); tests shrink its delays here. */
  retryOptions?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number }
  /** In-process tests only: trust the emulator's CA. */
  tlsOptions?: { ca: string }
  /** Poll interval for long-running operations when ARM sends no Retry-After; tiny in tests. */
  updateIntervalInMs?: number
  /** How long a throttled request keeps waiting (and the clock it waits on); tests shrink it. */
  limits?: Partial<ArmLimitsOptions>
}

export interface Clients {
  network(subscriptionId: string): NetworkManagementClient
  apps(subscriptionId: string): ContainerAppsAPIClient
  dns(subscriptionId: string): PrivateDnsManagementClient
  identities(subscriptionId: string): ManagedServiceIdentityClient
  authorization(subscriptionId: string): AuthorizationManagementClient
  monitor(subscriptionId: string): MonitorClient
  resources(subscriptionId: string): ResourceManagementClient
  /** Azure Resource Graph: one client, queries name their subscriptions. */
  graph(): ResourceGraphClient
  /** Requests sent and throttled waits, for progress lines and the bench. */
  throttle: ThrottleStats
  /** Per-call LRO options to pass to every `createOrUpdate`/`delete`. */
  lroOptions: { updateIntervalInMs?: number }
  endpoint: string
}

export function createClients(options: ClientsOptions): Clients {
  const endpoint = (options.endpoint ?? DEFAULT_ARM_ENDPOINT).replace(/\/+$/, '')
  const scope = options.scope ?? `${endpoint}/.default`
  const throttle = newThrottleStats()
  const limits: ArmLimitsOptions = {
    maxThrottleWaitMs: options.limits?.maxThrottleWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS,
    sleep: options.limits?.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms))),
    now: options.limits?.now ?? Date.now
  }
  // Each attempt of the SDK's own retries passes it: reads wait for a token, 429s are waited out here.
  const policy = armLimitsPolicy(limits, new ReadBudget(limits.now), throttle)
  const pipeline = {
    endpoint,
    additionalPolicies: [{ policy, position: 'perRetry' as const }],
    ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
  }
  // Two SDK generations: the modular clients take `credentials.scopes`, the older core-client ones `credentialScopes`.
  const modular = { ...pipeline, credentials: { scopes: [scope] } }
  const classic = { ...pipeline, credentialScopes: [scope] }
  const cred = sharedTokenCredential(options.credential)

  const network = lazy(sub => new NetworkManagementClient(cred, sub, modular))
  const apps = lazy(sub => new ContainerAppsAPIClient(cred, sub, modular))
  const dns = lazy(sub => new PrivateDnsManagementClient(cred, sub, modular))
  const monitor = lazy(sub => new MonitorClient(cred, sub, modular))
  const resources = lazy(sub => new ResourceManagementClient(cred, sub, modular))
  const identities = lazy(sub => new ManagedServiceIdentityClient(cred, sub, classic))
  const authorization = lazy(sub => new AuthorizationManagementClient(cred, sub, classic))
  let graph: ResourceGraphClient | undefined

  return {
    network,
    apps,
    dns,
    identities,
    authorization,
    monitor,
    resources,
    graph: () => (graph ??= new ResourceGraphClient(cred, modular)),
    throttle,
    lroOptions: options.updateIntervalInMs === undefined ? {} : { updateIntervalInMs: options.updateIntervalInMs },
    endpoint
  }
}

function lazy<T>(make: (subscriptionId: string) => T): (subscriptionId: string) => T {
  const cache = new Map<string, T>()
  return subscriptionId => {
    const key = subscriptionId.toLowerCase()
    let client = cache.get(key)
    if (!client) {
      client = make(subscriptionId)
      cache.set(key, client)
    }
    return client
  }
}
