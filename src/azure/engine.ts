/**
 * The use cases the CLI and the action call. Each returns a typed result (plan entries, counts, timings,
 * writes made) and prints nothing itself: progress goes to the Logger, rendering is the caller's job.
 */
import type { TokenCredential } from '@azure/core-auth'
import type { TeamConfig } from '../config/types.js'
import { findActual } from '../core/actual.js'
import { desiredResources } from '../core/desired.js'
import { driftItem, type DeleteRecord, type DriftItem, type ForeignResource, type Timings } from '../core/drift.js'
import { teamLayout } from '../core/layout.js'
import { silentLogger, type Logger } from '../core/logger.js'
import { judgeOwnership } from '../core/ownership.js'
import { countActions, planApply, planDestroy, type Observed } from '../core/plan.js'
import { preflightFindings } from '../core/preflight.js'
import { movedSince, planDifference, savedPlanMismatch } from '../core/plan-file.js'
import type { ActualResource, DesiredResource, Plan, PlanAction } from '../core/types.js'
import { createClients, type ClientsOptions } from './clients.js'
import { mapLimit } from './concurrency.js'
import { findDroppedLinks, listJobs, listTagged, withOrphans } from './discover.js'
import type { ArmLimitsOptions, ThrottleStats } from './arm-limits.js'
import { confirmByGet, readFromSnapshot, readThrough } from './fleet-read.js'
import { loadFleetSnapshot, type FleetSnapshot } from './fleet-snapshot.js'
import { graphReader } from './resource-graph.js'
import { AzureError, describeAzureError } from './errors.js'
import { executePlan, type WriteRecord } from './execute.js'
import type { OperationsLedger } from './operations-ledger.js'
import { poolFacts, readPreflightFacts } from './preflight.js'
import { readRegistries, registryModes } from './registries.js'
import { readActual, readEach } from './read.js'
import { createAdapters, type Adapters } from './resources/index.js'
import { defaultTiming, type Timing } from './timing.js'

export type { WriteRecord } from './execute.js'

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
  /** Accepted operations not yet finished, for a run that is interrupted. */
  ledger?: OperationsLedger
  /** How long a throttled request keeps waiting, and the clock it waits on. */
  limits?: Partial<ArmLimitsOptions>
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
  /** Plans and carries the plan out; with `saved` (from `plan --json`), carries out that plan if Azure has not moved. */
  apply(config: TeamConfig, saved?: Plan): Promise<ApplyResult>
  drift(config: TeamConfig): Promise<DriftResult>
  destroy(config: TeamConfig): Promise<DestroyResult>
  /**
   * Reads a fleet through Azure Resource Graph in a few paged queries; `drift` of these teams then takes their state
   * from it (a GET only where Graph holds nothing, and to confirm a drift before it is reported).
   */
  prefetch(configs: TeamConfig[]): Promise<{ queries: number }>
  /** Requests sent and throttled waits so far. */
  stats(): ThrottleStats & { graphQueries: number }
}

export function createEngine(options: EngineOptions): Engine {
  const logger = options.logger ?? silentLogger
  const timing: Timing = { ...defaultTiming, ...options.timing }
  const clients = createClients({
    credential: options.credential,
    endpoint: options.endpoint,
    retryOptions: options.retryOptions,
    tlsOptions: options.tlsOptions,
    updateIntervalInMs: options.updateIntervalInMs,
    limits: options.limits
  })
  const graph = graphReader(clients.graph(), { sleep: timing.sleep, endpoint: clients.endpoint })
  let snapshot: { teams: Set<string>; fleet: FleetSnapshot } | undefined
  const adapters: Adapters = createAdapters(clients, {
    sleep: timing.sleep,
    now: () => timing.clock.now(),
    pollMs: timing.executionPollMs,
    timeoutMs: timing.executionStopTimeoutMs
  })
  const endpoint = clients.endpoint
  const readOptions = { adapters, endpoint, concurrency: options.readConcurrency }

  /**
   * Observe: what the config wants and no longer wants (orphans found by listing), what Azure holds of both, and the
   * ownership verdicts on it, made here, once per run.
   */
  const observe = async (
    config: TeamConfig,
    withPreflight: boolean,
    fleet?: FleetSnapshot
  ): Promise<{ desired: DesiredResource[]; observed: Observed; readMs: number }> => {
    const started = timing.clock.now()
    // The pull role on a private registry depends on its mode: read first (no registry, no read).
    const registries = await readRegistries(config, clients)
    const wanted = desiredResources(config, undefined, registryModes(registries))
    const { resourceGroupId, managedEnvironmentId } = teamLayout(config)
    const result = await logger.group(`Reading ${wanted.length} resources of team ${config.team}`, async () => {
      const [{ actual: read, listings }, facts] = await Promise.all([
        fleet
          ? readFromSnapshot(config, wanted, fleet, readOptions)
          : Promise.all([
              readActual(wanted, { ...readOptions, resourceGroupId }),
              listJobs(clients, resourceGroupId, endpoint),
              listTagged(clients, resourceGroupId, config.team, endpoint),
              findDroppedLinks(config, wanted, graph, id => adapters.privateDnsZoneLink.get(id), endpoint)
            ]).then(([actual, jobs, tagged, found]) => {
              for (const warning of found.warnings) logger.warning(warning)
              return { actual, listings: { jobs, tagged, links: found.links } }
            }),
        withPreflight ? readPreflightFacts(config, clients) : undefined
      ])
      const { desired, actual, warnings, foreignChildren } = await withOrphans(config, wanted, read, listings, more =>
        fleet ? readThrough(fleet, more, readOptions) : readEach(more, readOptions)
      )
      const environmentExists = findActual(actual, managedEnvironmentId) !== undefined
      const pools = facts && poolFacts(facts.pools, registries, findActual(actual, managedEnvironmentId))
      const preflight = facts ? preflightFindings(config, { ...facts, environmentExists, pools }) : []
      const verdicts = judgeOwnership(desired, actual, config.team)
      return { desired, observed: { actual, verdicts, preflight, warnings, foreignChildren } }
    })
    for (const warning of result.observed.warnings ?? []) logger.warning(warning)
    return { ...result, readMs: timing.clock.now() - started }
  }

  const planned = async (config: TeamConfig) => {
    const { desired, observed, readMs } = await observe(config, true)
    return { plan: planApply(desired, observed), readMs }
  }

  /** A saved plan runs only while everything it touches is as the plan saw it. */
  const checkSaved = async (config: TeamConfig, saved: Plan): Promise<number> => {
    const started = timing.clock.now()
    const mismatch = savedPlanMismatch(saved, config.team)
    if (mismatch) throw new AzureError(mismatch)
    const stale = movedSince(saved, await readEach(saved.entries, readOptions))
    if (stale) throw new AzureError(stale)
    // The file is evidence of what was reviewed, never trusted alone: what apply would do now must be the same plan.
    const differs = planDifference(saved, (await planned(config)).plan)
    if (differs) throw new AzureError(differs)
    return timing.clock.now() - started
  }

  const execute = async (plan: Plan) => {
    const started = timing.clock.now()
    const writes = await executePlan(plan, { adapters, logger, timing, endpoint, ledger: options.ledger })
    return { writes, writeMs: timing.clock.now() - started }
  }

  return {
    async planLive(config) {
      const { plan, readMs } = await planned(config)
      return { team: config.team, plan, counts: countActions(plan), timings: { readMs, writeMs: 0, totalMs: readMs } }
    },

    async apply(config, saved) {
      const { plan, readMs } = saved ? { plan: saved, readMs: await checkSaved(config, saved) } : await planned(config)
      const { writes, writeMs } = await execute(plan)
      return {
        team: config.team,
        plan,
        counts: countActions(plan),
        writes,
        timings: { readMs, writeMs, totalMs: readMs + writeMs }
      }
    },

    async drift(config) {
      const fleet = snapshot?.teams.has(config.team) ? snapshot.fleet : undefined
      const seen = await observe(config, false, fleet)
      const { desired, readMs } = seen
      let observed = seen.observed
      let plan = planApply(desired, observed)
      if (fleet) {
        // Graph's index lags writes: what it shows drifted is read again, and only what the GET shows is reported.
        const drifted = new Set(plan.entries.filter(e => driftItem(e)).map(e => e.id.toLowerCase()))
        if (drifted.size > 0) {
          const confirmed = await confirmByGet(
            desired.filter(r => drifted.has(r.id.toLowerCase())),
            readOptions
          )
          for (const warning of confirmed.warnings) logger.warning(warning)
          const actual = new Map([...observed.actual, ...confirmed.actual])
          observed = { ...observed, actual, verdicts: judgeOwnership(desired, actual, config.team) }
          plan = planApply(desired, observed)
        }
      }
      const items = plan.entries.flatMap(e => driftItem(e) ?? [])
      const liveJobs = desired.filter(r => r.kind === 'job').flatMap(r => findActual(observed.actual, r.id) ?? [])
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

    async prefetch(configs) {
      const fleet = await logger.group(`Reading ${configs.length} teams through Azure Resource Graph`, () =>
        loadFleetSnapshot(configs, graph)
      )
      snapshot = { teams: new Set(configs.map(c => c.team)), fleet }
      return { queries: fleet.queries }
    },

    stats() {
      return { ...clients.throttle, graphQueries: graph.queries }
    },

    async destroy(config) {
      const { desired, observed, readMs } = await observe(config, false)
      const plan = planDestroy(desired, observed)
      const { writes, writeMs } = await execute(plan)
      const refused = plan.entries
        .filter(e => e.action === 'refuse' && e.blocking)
        .map(e => ({ id: e.id, reason: e.reason ?? '' }))
      return {
        team: config.team,
        plan,
        counts: countActions(plan),
        deleted: writes.map(({ id, kind, name, durationMs }) => ({ id, kind, name, durationMs })),
        refused,
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
