/**
 * The use cases the CLI and the action call. Each returns a typed result (plan entries, counts, timings,
 * writes made) and prints nothing itself: progress goes to the Logger, rendering is the caller's job.
 */
import type { TokenCredential } from '@azure/core-auth'
import type { TeamConfig } from '../config/types.js'
import { desiredResources } from '../core/desired.js'
import { teamLayout } from '../core/layout.js'
import { silentLogger, type Logger } from '../core/logger.js'
import { countActions, findActual, planApply, planDestroy } from '../core/plan.js'
import type {
  ActualResource,
  ActualState,
  DesiredResource,
  FieldChange,
  Plan,
  PlanAction,
  PlanEntry
} from '../core/types.js'
import { applyPlan, type WriteRecord } from './apply.js'
import { createClients, type ClientsOptions } from './clients.js'
import { mapLimit } from './concurrency.js'
import { destroyPlan, type DeleteRecord } from './destroy.js'
import { listJobs, withOrphans } from './discover.js'
import { describeAzureError } from './errors.js'
import { ownedDeletesOnly, type ForeignResource } from './ownership.js'
import { readActual, readEach } from './read.js'
import { createAdapters, type Adapters } from './resources/index.js'
import { defaultTiming, type Timing } from './timing.js'

export interface EngineOptions {
  credential: TokenCredential
  /** ARM endpoint (sovereign clouds, the emulator); public Azure by default. */
  endpoint?: string
  logger?: Logger
  timing?: Partial<Timing>
  /** Concurrent GETs per team. */
  readConcurrency?: number
  retryOptions?: ClientsOptions['retryOptions']
  tlsOptions?: ClientsOptions['tlsOptions']
  updateIntervalInMs?: number
}

export interface Timings {
  readMs: number
  writeMs: number
  totalMs: number
}

export interface PlanResult {
  team: string
  plan: Plan
  counts: Record<PlanAction, number>
  timings: Timings
}

export interface ApplyResult extends PlanResult {
  writes: WriteRecord[]
}

export interface DriftItem {
  id: string
  kind: PlanEntry['kind']
  name: string
  /** `create`: missing in Azure; `update`: fields differ; `delete`: in Azure, no longer in the config. */
  action: PlanAction
  changes: FieldChange[]
}

export interface DriftResult extends PlanResult {
  drifted: boolean
  items: DriftItem[]
  /** The team's jobs as Azure runs them (wanted or orphaned), for the platform policy's live checks. */
  liveJobs: ActualResource[]
}

export interface DestroyResult extends PlanResult {
  deleted: DeleteRecord[]
  refused: ForeignResource[]
}

export interface Engine {
  planLive(config: TeamConfig): Promise<PlanResult>
  apply(config: TeamConfig): Promise<ApplyResult>
  drift(config: TeamConfig): Promise<DriftResult>
  destroy(config: TeamConfig): Promise<DestroyResult>
}

export function createEngine(options: EngineOptions): Engine {
  const logger = options.logger ?? silentLogger
  const timing: Timing = { ...defaultTiming, ...options.timing }
  const clients = createClients({
    credential: options.credential,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
    ...(options.updateIntervalInMs !== undefined ? { updateIntervalInMs: options.updateIntervalInMs } : {})
  })
  const adapters: Adapters = createAdapters(clients, {
    sleep: timing.sleep,
    now: () => timing.clock.now(),
    pollMs: timing.executionPollMs,
    timeoutMs: timing.executionStopTimeoutMs
  })
  const endpoint = clients.endpoint

  /** What the config wants and no longer wants (orphans found by listing), and what Azure holds of both. */
  const read = async (
    config: TeamConfig
  ): Promise<{ desired: DesiredResource[]; actual: ActualState; readMs: number }> => {
    const started = timing.clock.now()
    const wanted = desiredResources(config)
    const { resourceGroupId } = teamLayout(config)
    const readOptions = {
      adapters,
      resourceGroupId,
      endpoint,
      ...(options.readConcurrency ? { concurrency: options.readConcurrency } : {})
    }
    const { desired, actual } = await logger.group(
      `Reading ${wanted.length} resources of team ${config.team}`,
      async () => {
        const [actual, jobs] = await Promise.all([
          readActual(wanted, readOptions),
          listJobs(clients, resourceGroupId, endpoint)
        ])
        const desired = await withOrphans(config, wanted, actual, jobs, more => readEach(more, readOptions))
        return { desired, actual }
      }
    )
    return { desired, actual, readMs: timing.clock.now() - started }
  }

  const planned = async (config: TeamConfig) => {
    const { desired, actual, readMs } = await read(config)
    const { plan, leftAlone } = ownedDeletesOnly(planApply(desired, actual), desired, actual, config.team)
    for (const f of leftAlone) logger.warning(`Leaving ${f.id} alone: ${f.reason}`)
    return { desired, actual, plan, readMs }
  }

  return {
    async planLive(config) {
      const { plan, readMs } = await planned(config)
      return { team: config.team, plan, counts: countActions(plan), timings: { readMs, writeMs: 0, totalMs: readMs } }
    },

    async apply(config) {
      const { desired, actual, plan, readMs } = await planned(config)
      const started = timing.clock.now()
      const writes = await applyPlan(plan, desired, actual, { adapters, logger, timing, team: config.team, endpoint })
      const writeMs = timing.clock.now() - started
      return {
        team: config.team,
        plan,
        counts: countActions(plan),
        writes,
        timings: { readMs, writeMs, totalMs: readMs + writeMs }
      }
    },

    async drift(config) {
      const { desired, actual, plan, readMs } = await planned(config)
      const liveJobs = desired.filter(r => r.kind === 'job').flatMap(r => findActual(actual, r.id) ?? [])
      const items = plan.entries
        .filter(e => e.action !== 'noop')
        .map(e => ({ id: e.id, kind: e.kind, name: e.name, action: e.action, changes: e.changes ?? [] }))
      return {
        team: config.team,
        plan,
        counts: countActions(plan),
        drifted: items.length > 0,
        items,
        liveJobs,
        timings: { readMs, writeMs: 0, totalMs: readMs }
      }
    },

    async destroy(config) {
      const { desired, actual, readMs } = await read(config)
      const plan = planDestroy(desired, actual)
      const started = timing.clock.now()
      const outcome = await destroyPlan(plan, desired, actual, {
        adapters,
        logger,
        timing,
        team: config.team,
        endpoint
      })
      const writeMs = timing.clock.now() - started
      return {
        team: config.team,
        plan,
        counts: countActions(plan),
        ...outcome,
        timings: { readMs, writeMs, totalMs: readMs + writeMs }
      }
    }
  }
}

export type TeamOutcome<T> = { team: string; ok: true; value: T } | { team: string; ok: false; error: string }

export const DEFAULT_TEAM_CONCURRENCY = 4

/** Runs `fn` for each team with bounded concurrency; one team's failure is recorded, never stops the others. */
export async function forEachTeam<T>(
  configs: TeamConfig[],
  fn: (config: TeamConfig) => Promise<T>,
  options: { concurrency?: number } = {}
): Promise<TeamOutcome<T>[]> {
  return mapLimit(configs, options.concurrency ?? DEFAULT_TEAM_CONCURRENCY, async (config): Promise<TeamOutcome<T>> => {
    try {
      return { team: config.team, ok: true, value: await fn(config) }
    } catch (error) {
      return { team: config.team, ok: false, error: describeAzureError(error, `run for team ${config.team}`) }
    }
  })
}
