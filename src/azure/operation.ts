/** One put or delete, waited for with a bound and a heartbeat. */
import { provisioningState } from '../core/actual.js'
import type { Logger } from '../core/logger.js'
import type { PlanEntry } from '../core/types.js'
import { AzureError } from './errors.js'
import { formatElapsed, startHeartbeat } from './progress.js'
import type { OperationsLedger } from './operations-ledger.js'
import type { Adapters } from './resources/index.js'
import type { OperationContext } from './resources/types.js'
import type { Timing } from './timing.js'

export interface OperationDeps {
  adapters: Adapters
  logger: Logger
  timing: Timing
  endpoint?: string
  /** Records each accepted operation until it ends, so an interrupted run can name what still runs in Azure. */
  ledger?: OperationsLedger
}

/** Runs one put or delete with a bounded wait and a heartbeat that reports the resource's provisioningState. */
export async function withProgress<T>(
  entry: Pick<PlanEntry, 'kind' | 'id' | 'name' | 'action'>,
  label: string,
  run: (ctx: OperationContext & { abortSignal: AbortSignal }) => Promise<T>,
  deps: Pick<OperationDeps, 'adapters' | 'logger' | 'timing' | 'ledger'>
): Promise<T> {
  const { timing } = deps
  let lastStatus = 'waiting'
  const abort = new AbortController()
  const timeout = setTimeout(() => abort.abort(), timing.operationTimeoutMs)
  const heartbeat = startHeartbeat({
    label,
    intervalMs: timing.progressIntervalMs,
    clock: timing.clock,
    log: line => deps.logger.info(line),
    lastStatus: () => lastStatus,
    probe: async () => {
      if (entry.action === 'delete') return undefined
      return provisioningState((await deps.adapters[entry.kind].get(entry.id))?.body)
    }
  })
  let statusUrl: string | undefined
  const accepted = (url: string): void => {
    statusUrl = url
    deps.ledger?.accept(label, url)
  }
  try {
    return await run({ progress: s => (lastStatus = s), abortSignal: abort.signal, action: entry.action, accepted })
  } catch (error) {
    if (abort.signal.aborted) {
      throw new AzureError(
        `Gave up on ${entry.action} ${label} after ${formatElapsed(timing.operationTimeoutMs)} (last state: ${lastStatus}); Azure may still finish it: rerun to converge.`
      )
    }
    throw error
  } finally {
    if (statusUrl) deps.ledger?.finish(statusUrl)
    clearTimeout(timeout)
    await heartbeat.stop()
  }
}
