/** Every wait the engine makes, in one place, so tests can shrink them to milliseconds. */
import { systemClock, type Clock } from './progress.js'

export interface Timing {
  clock: Clock
  sleep: (ms: number) => Promise<void>
  /** How often a long write logs its state. */
  progressIntervalMs: number
  /** Longest wait for one write or delete (a VNet-injected environment takes up to ~15 minutes). */
  operationTimeoutMs: number
  /** How long the job write keeps retrying while the identity's new Key Vault role propagates. */
  keyVaultWaitMs: number
  keyVaultRetryIntervalMs: number
  /** How often to look again at a resource an earlier, interrupted run left mid-operation. */
  settlePollMs: number
  /** Destroy: how often to look again, and how long to wait, for running executions to stop. */
  executionPollMs: number
  executionStopTimeoutMs: number
  /** Azure's transient refusals (another operation on the VNet, throttling): how often to retry, and the back-off. */
  conflictRetries: number
  conflictBackoffMs: number
  conflictMaxBackoffMs: number
}

export const defaultTiming: Timing = {
  clock: systemClock,
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  progressIntervalMs: 30_000,
  operationTimeoutMs: 45 * 60_000,
  keyVaultWaitMs: 15 * 60_000,
  keyVaultRetryIntervalMs: 30_000,
  settlePollMs: 10_000,
  executionPollMs: 10_000,
  executionStopTimeoutMs: 15 * 60_000,
  conflictRetries: 8,
  conflictBackoffMs: 5_000,
  conflictMaxBackoffMs: 60_000
}
