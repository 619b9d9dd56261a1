/**
 * One flow for the CLI and the action: load and validate every config (before any Azure call), then run the
 * command per team with bounded concurrency. Rendering is the caller's; this returns a typed result.
 */
import { basename } from 'node:path'
import { ConfigError, formatProblem, type ConfigProblem } from '../config/errors.js'
import { readTeamConfigs } from '../config/load.js'
import { driftViolations, gatePolicy } from './policy-gate.js'
import { loadPolicy, type PlatformPolicy } from '../policy/load.js'
import type { TeamConfig } from '../config/types.js'
import { desiredResources } from '../core/desired.js'
import type { Logger } from '../core/logger.js'
import { countActions, planOffline } from '../core/plan.js'
import type { Engine } from '../azure/engine.js'
import type { OperationsLedger } from '../azure/operations-ledger.js'
import { InputError } from './input-error.js'
import { readSavedPlans } from './read-plan-file.js'
import { planSources } from './plan-sources.js'
import { sourcesChanged } from '../core/plan-file.js'
import type { Plan } from '../core/types.js'
import type { VerifyReport } from '../verify/verify-report.js'
import type { ActiveRunCounter } from './fleet-runs.js'
import type { TeamReport } from '../usage/team-report.js'
import { teamOutputs } from './outputs.js'
import { exitCodeOf, type CommandResult, type TeamResult } from '../result.js'
import type { RunSettings } from './settings.js'
import type { Onboarding } from './onboard/run.js'
import { onboardTarget } from './onboard/target.js'
import { runnerGroupCheck } from './onboard/runner-group-check.js'

export interface RunDeps {
  logger: Logger
  /** Loaded and built only when a command needs Azure: an offline plan neither signs in nor loads the SDKs. */
  engine: () => Engine | Promise<Engine>
  verify?: (config: TeamConfig, engine: Engine) => Promise<VerifyReport>
  /** drift over several teams: counts a team's active runs for the API budget (uncounted without it). */
  activeRuns?: ActiveRunCounter
  /** report: reads GitHub and Azure on its own (no engine). */
  report?: (config: TeamConfig) => Promise<TeamReport>
  /** The operations Azure accepted and has not finished: what an interrupted run names. */
  ledger?: OperationsLedger
  /** onboard and offboard: the platform's own use case, with the same planner and executor (no team engine). */
  onboarding?: () => Promise<Onboarding>
}

export async function runCommand(settings: RunSettings, deps: RunDeps): Promise<CommandResult> {
  const { configs, problems } = readTeamConfigs(settings.configPaths)
  // drift only reads: over a folder, a broken file is its own failed row and every other team is still checked
  // (one bad file must not blind the scheduled check to every team). Every other command refuses the whole set.
  const partial = settings.command === 'drift' && configs.length > 0
  if (problems.length > 0 && !partial) throw new ConfigError(problems)
  const policy = settings.policyPath ? loadPolicy(settings.policyPath) : undefined
  // drift and report only read: each team is read in its own subscription, so one scheduled check covers teams
  // in several. The guard stays for every other command.
  if (settings.command !== 'drift' && settings.command !== 'report')
    checkSubscription(configs, settings.azure.subscriptionId)
  gatePolicy(settings.command, configs, policy, deps.logger)

  if (settings.command === 'plan' && settings.offline) {
    const teams = configs.map((config): TeamResult => {
      const plan = planOffline(desiredResources(config))
      return { ...base(config), offline: true, plan, counts: countActions(plan) }
    })
    return { command: settings.command, teams, exitCode: 0 }
  }

  const { forEachTeam } = await import('../azure/engine.js')
  if (settings.command === 'report') {
    const report = deps.report
    if (!report) throw new Error('report is not available in this build')
    if (!settings.github.token)
      throw new InputError(
        'report needs a GitHub token that may read the Actions runs of the team repositories (actions: read): action input github-token, CLI --github-token or GITHUB_TOKEN.'
      )
    const outcomes = await forEachTeam(configs, async config => ({ ...base(config), report: await report(config) }))
    const teams = outcomes.map((o, i) => (o.ok ? o.value : { ...base(configs[i]), error: o.error }))
    return { command: settings.command, teams, exitCode: exitCodeOf(settings.command, teams, settings.allowUnchecked) }
  }

  if (settings.command === 'onboard' || settings.command === 'offboard') {
    const command = settings.command
    const targets = new Map(configs.map(c => [c.team, onboardTarget(settings.onboard, c)]))
    if (!deps.onboarding) throw new Error('onboard is not available in this build')
    const onboarding = await deps.onboarding()
    const dryRun = settings.onboard?.dryRun ?? false
    const outcomes = await forEachTeam(configs, async config => {
      const r = await onboarding[command](config, targets.get(config.team)!, dryRun)
      const done = command === 'offboard' ? { deleted: r.writes } : { writes: r.writes }
      const checks = r.runnerGroup ? [runnerGroupCheck(r.runnerGroup)] : []
      return {
        ...base(config),
        plan: r.plan,
        counts: r.counts,
        ...done,
        grants: r.grants,
        nextSteps: r.nextSteps,
        checks
      }
    })
    const teams = outcomes.map((o, i) => (o.ok ? o.value : { ...base(configs[i]), error: o.error }))
    return { command, teams, exitCode: exitCodeOf(command, teams) }
  }

  const saved = settings.command === 'apply' && settings.planFile ? readSavedPlans(settings.planFile) : undefined
  const missing = saved && configs.find(c => !saved.has(c.team))
  if (missing)
    throw new InputError(
      `${settings.planFile}: the saved plan has no plan for team ${missing.team} (${missing.source.file}).`
    )
  const engine = await deps.engine()
  // drift and verify over a folder read the fleet through Resource Graph (verify's Azure check is a drift).
  const overFolder = (settings.command === 'drift' || settings.command === 'verify') && configs.length > 1
  const fleetRead = overFolder ? await import('./fleet-runs.js') : undefined
  const concurrency = fleetRead ? await fleetRead.prefetchFleet(engine, configs, deps.logger) : undefined
  const progress = fleetRead?.fleetProgress(engine, deps.logger, settings.command, configs.length)
  const outcomes = await forEachTeam(
    configs,
    async config => {
      try {
        return await runForTeam(settings, config, engine, deps, { policy, saved: saved?.get(config.team) })
      } finally {
        progress?.teamDone()
      }
    },
    { concurrency }
  ).finally(() => progress?.stop())
  const teams = [
    ...outcomes.map((outcome, i) => (outcome.ok ? outcome.value : { ...base(configs[i]), error: outcome.error })),
    ...brokenFiles(problems)
  ]
  const fleet =
    settings.command === 'drift' && configs.length > 1
      ? await (await import('./fleet-runs.js')).driftFleet(configs, deps.activeRuns)
      : undefined
  return {
    command: settings.command,
    teams,
    exitCode: exitCodeOf(settings.command, teams, settings.allowUnchecked),
    ...(fleet ? { fleet } : {})
  }
}

async function runForTeam(
  settings: RunSettings,
  config: TeamConfig,
  engine: Engine,
  deps: RunDeps,
  /** The platform policy (drift reports violations) and a saved plan for this team (apply carries it out). */
  given: { policy?: PlatformPolicy; saved?: Plan }
): Promise<TeamResult> {
  switch (settings.command) {
    case 'plan': {
      const r = await engine.planLive(config)
      const plan = { ...r.plan, sources: planSources(config.source.file, settings.policyPath) }
      return { ...base(config), plan, counts: r.counts, timings: r.timings }
    }
    case 'apply': {
      const files = { config: config.source.file, policy: settings.policyPath }
      const changed = given.saved && sourcesChanged(given.saved, planSources(files.config, files.policy), files)
      if (changed) throw new InputError(changed)
      const r = await engine.apply(config, given.saved)
      return { ...base(config), plan: r.plan, counts: r.counts, writes: r.writes, timings: r.timings }
    }
    case 'drift': {
      const r = await engine.drift(config)
      const violations = given.policy && driftViolations(config, given.policy, r.liveJobs)
      return { ...base(config), plan: r.plan, counts: r.counts, drift: r.items, policy: violations, timings: r.timings }
    }
    case 'destroy': {
      const r = await engine.destroy(config)
      return {
        ...base(config),
        plan: r.plan,
        counts: r.counts,
        deleted: r.deleted,
        refused: r.refused,
        timings: r.timings
      }
    }
    case 'verify': {
      if (!deps.verify) throw new Error('verify is not available in this build')
      const r = await deps.verify(config, engine)
      return { ...base(config), checks: r.checks, runners: r.runners, executions: r.executions, timings: r.timings }
    }
    case 'report':
    case 'onboard':
    case 'offboard':
      throw new Error(`${settings.command} runs without the team engine`)
  }
}

/** drift over a folder: one failed row per file with problems, every problem as `FILE:LINE:COL: message`. */
function brokenFiles(problems: ConfigProblem[]): TeamResult[] {
  return [...Map.groupBy(problems, p => p.file)].map(([file, found]) => ({
    team: basename(file).replace(/\.ya?ml$/, ''),
    file,
    error: found.map(p => formatProblem(p).replace(/\n\s*/g, ' ')).join('; '),
    outputs: { environmentId: '', jobNames: [], labels: [], runsOn: '' }
  }))
}

function base(config: TeamConfig): TeamResult {
  return { team: config.team, file: config.source.file, outputs: teamOutputs(config) }
}

/** The optional subscription-id input guards against planning or writing a config in the wrong subscription. */
function checkSubscription(configs: TeamConfig[], expected: string | undefined): void {
  if (!expected) return
  const other = configs.find(c => c.azure.subscriptionId.toLowerCase() !== expected.toLowerCase())
  if (other) {
    throw new InputError(
      `${other.source.file}: azure.subscriptionId ${other.azure.subscriptionId} is not the subscription this workflow signs in to (${expected}); fix the config or the subscription-id input.`
    )
  }
}
