/** Progress lines for long waits, e.g. `environment cae-studio-runners: InfrastructureSetupInProgress, 3m10s`. */
import type { ResourceKind } from '../core/types.js'

/** Short, readable labels for log lines. */
export const KIND_LABEL: Record<ResourceKind, string> = {
  resourceGroup: 'resource group',
  networkSecurityGroup: 'network security group',
  publicIpAddress: 'public IP',
  natGateway: 'NAT gateway',
  virtualNetwork: 'virtual network',
  subnet: 'subnet',
  peering: 'peering',
  remotePeering: 'remote peering',
  privateDnsZoneLink: 'private DNS zone link',
  identity: 'identity',
  federatedCredential: 'federated credential',
  roleAssignment: 'role assignment',
  managedEnvironment: 'environment',
  diagnosticSetting: 'diagnostic setting',
  job: 'job'
}

export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  const minutes = Math.floor(seconds / 60)
  return minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`
}

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

export interface Heartbeat {
  /** Stops logging; resolves once a probe still in flight has finished, so no request outlives the operation. */
  stop(): Promise<void>
}

/**
 * Every `intervalMs` while an operation runs, logs `<label>: <state>, <elapsed>`. The state comes from
 * `probe` (a GET of the resource's provisioningState) and falls back to the poller's last status.
 */
export function startHeartbeat(options: {
  label: string
  intervalMs: number
  clock: Clock
  log: (line: string) => void
  lastStatus: () => string
  probe: () => Promise<string | undefined>
}): Heartbeat {
  const started = options.clock.now()
  let inFlight: Promise<void> | undefined
  let stopped = false
  const timer = setInterval(() => {
    if (inFlight) return
    inFlight = options
      .probe()
      .catch(() => undefined)
      .then(state => {
        if (!stopped)
          options.log(
            `${options.label}: ${state ?? options.lastStatus()}, ${formatElapsed(options.clock.now() - started)}`
          )
      })
      .finally(() => {
        inFlight = undefined
      })
  }, options.intervalMs)
  timer.unref?.()
  return {
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await inFlight
    }
  }
}
