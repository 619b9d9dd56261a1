/**
 * `verify`: the live setup end to end without running a job. Azure (resources match the config, recent executions),
 * then GitHub with the github-token (runner group, registered runners) and as the team's App (the KEDA rule's API
 * budget against the installation's limit, the installation's blast radius, a throwaway JIT registration).
 */
import type { TokenCredential } from '@azure/core-auth'
import type { TeamConfig } from '../config/types.js'
import { runnerPools } from '../core/pools.js'
import { teamLayout } from '../core/layout.js'
import type { Clients } from '../azure/clients.js'
import type { Engine } from '../azure/engine.js'
import type { DriftItem } from '../core/drift.js'
import { listJobExecutions, type ExecutionSummary } from '../azure/executions.js'
import { oneLine } from '../http/errors.js'
import type { HttpClient } from '../http/json-client.js'
import { mintInstallationToken, type InstallationToken, type TokenScope } from '../github/installation.js'
import { revokeInstallationToken } from '../github/revoke-token.js'
import { coreRateLimit } from '../github/reach.js'
import type { GitHub, GitHubFor } from '../github/rest.js'
import { createGitHubApi, type GitHubApi } from '../github/api.js'
import { budgetCheck, countActiveRuns, BUDGET_CHECK } from './api-budget.js'
import { INSTALLATION_MINIMUM_HOURLY_LIMIT } from '../core/polling-budget.js'
import { hasAccess, openAppAccess, type AppAccess, type NoAppAccess } from './app-access.js'
import { BLAST_RADIUS_CHECK, checkBlastRadius, readInstallation, type InstallationReading } from './blast-radius.js'
import { checkJitConfig, JIT_CHECK } from './jit-check.js'
import { checkRunnerGroup, RUNNER_GROUP_CHECK } from './runner-group.js'
import { checkRunners, RUNNERS_CHECK, type RunnerReport } from './team-runners.js'
import type { VerifyReport } from './verify-report.js'
import type { VerifyCheck } from './verify-check.js'
import { readKedaVersion } from './keda-check.js'

export interface VerifyDeps {
  clients: Clients
  credential: TokenCredential
  /** Key Vault reads. */
  http: HttpClient
  github: GitHubFor
  /**
   * For the runner group and runners checks. Without it, verify acts as the team's App when its identity may read the
   * App key: it mints an installation token narrowed to reading runners, and revokes it when done. Neither: those
   * checks are not checked.
   */
  githubToken?: string
  /** Hides a secret from the workflow's log (the App token verify mints). */
  mask?: (secret: string) => void
  /** Deregister stale runners. */
  fix: boolean
  /** Where the App key's `https://<vault>.vault.azure.net/...` is read instead (`<endpoint>/<vault>/...`). */
  keyVaultEndpoint?: string
  /** The team's GitHub REST API, when not the one its config's github.url names. */
  githubApiUrl?: string
  now?: () => number
}

export const AZURE_CHECK = 'azure resources'
export const EXECUTIONS_CHECK = 'executions'
/** How many executions the result keeps, newest first. */
const RECENT = 20

export function createVerify(deps: VerifyDeps): (config: TeamConfig, engine: Engine) => Promise<VerifyReport> {
  const now = deps.now ?? Date.now
  return async (config, engine) => {
    const started = now()
    const gh: GitHub = deps.github(deps.githubApiUrl ?? config.github.apiUrl)
    const [drift, executions, app, keda] = await Promise.all([
      engine.drift(config),
      Promise.all(teamLayout(config).jobs.map(job => listJobExecutions(deps.clients, job.id))).then(all =>
        all.flat().sort((a, b) => (b.startTime ?? '').localeCompare(a.startTime ?? ''))
      ),
      openAppAccess(config, {
        gh,
        http: deps.http,
        credential: deps.credential,
        keyVaultEndpoint: deps.keyVaultEndpoint,
        now
      }),
      readKedaVersion(deps.clients, config)
    ])
    const minted = deps.githubToken ? undefined : await runnersReadToken(config, app, deps)
    const token = deps.githubToken ?? (typeof minted === 'string' ? undefined : minted?.token)
    const api = token ? createGitHubApi(gh, token) : undefined
    const whyNoToken = typeof minted === 'string' ? minted : hasAccess(app) ? 'no App token' : app.why
    const [tokenSide, appSide] = await Promise.all([
      api
        ? tokenChecks(api, config, executions, { fix: deps.fix, now })
        : {
            checks: [skipped(RUNNER_GROUP_CHECK, config, whyNoToken), skipped(RUNNERS_CHECK, config, whyNoToken)],
            runners: []
          },
      appChecks(config, app, api)
    ]).finally(() => (minted && typeof minted !== 'string' ? revokeInstallationToken(gh, minted.token) : undefined))
    const checks = [
      azureCheck(drift.items, drift.plan.entries.length),
      executionsCheck(executions),
      keda,
      ...tokenSide.checks,
      ...appSide
    ]
    const totalMs = now() - started
    return {
      checks: checks.map(({ name, status, detail }) => ({ name, status, detail })),
      runners: tokenSide.runners,
      executions: executions.slice(0, RECENT),
      timings: { readMs: drift.timings.readMs, writeMs: 0, totalMs }
    }
  }
}

/** What the github-token shows: the runner group and the registered runners (with --fix, stale ones removed). */
async function tokenChecks(
  api: GitHubApi,
  config: TeamConfig,
  executions: ExecutionSummary[],
  options: { fix: boolean; now: () => number }
): Promise<{ checks: VerifyCheck[]; runners: RunnerReport[] }> {
  const group = guarded(RUNNER_GROUP_CHECK, config, () => checkRunnerGroup(api, config))
  try {
    const outcome = await checkRunners(api, config, executions, options)
    return { checks: [await group, outcome.check], runners: outcome.runners }
  } catch (error) {
    return { checks: [await group, notChecked(RUNNERS_CHECK, config, error)], runners: [] }
  }
}

/** What acting as the App shows: the API budget, the blast radius and a throwaway JIT registration. */
async function appChecks(
  config: TeamConfig,
  app: AppAccess | NoAppAccess,
  api: GitHubApi | undefined
): Promise<VerifyCheck[]> {
  const jit: Promise<VerifyCheck> = hasAccess(app)
    ? checkJitConfig(config, app)
    : Promise.resolve({
        name: JIT_CHECK,
        status: app.status === 'warn' ? 'unchecked' : app.status,
        detail: app.status === 'warn' ? `not checked: ${app.why}` : app.why
      })
  let reading: InstallationReading | string
  try {
    reading = hasAccess(app) ? await readInstallation(app) : `not checked: ${app.why}`
  } catch (error) {
    reading = `not checked: ${oneLine(error)}`
  }
  const read = typeof reading === 'string' ? undefined : reading
  const blast: Promise<VerifyCheck> = read
    ? checkBlastRadius(config, read)
    : Promise.resolve({ name: BLAST_RADIUS_CHECK, status: 'unchecked', detail: String(reading) })
  return Promise.all([budget(config, read, api), blast, jit])
}

/** Pure: no drift means every resource exists, is Succeeded (a Failed one plans as an update) and matches. */
export function azureCheck(items: DriftItem[], total: number): VerifyCheck {
  if (items.length === 0)
    return { name: AZURE_CHECK, status: 'pass', detail: `${total} resources exist, Succeeded and match the config` }
  const shown = items.slice(0, 5).map(describeDrift)
  const more = items.length > shown.length ? `, and ${items.length - shown.length} more` : ''
  return {
    name: AZURE_CHECK,
    status: 'fail',
    detail: `${items.length === 1 ? '1 resource differs' : `${items.length} resources differ`} from the config: ${shown.join('; ')}${more}: run apply (drift shows every field)`
  }
}

function describeDrift(item: DriftItem): string {
  if (item.action === 'create') return `missing ${item.kind} ${item.name}`
  if (item.action === 'delete') return `extra ${item.kind} ${item.name} (not in the config)`
  return `${item.kind} ${item.name} (${item.changes.map(c => c.path).join(', ') || 'not Succeeded'})`
}

/** Pure: the recent executions; failures among the last ten are a warning pointing at the runner logs. */
export function executionsCheck(executions: ExecutionSummary[]): VerifyCheck {
  if (executions.length === 0)
    return {
      name: EXECUTIONS_CHECK,
      status: 'pass',
      detail: "no executions yet: one starts when a job with the team's labels is queued"
    }
  const counts = new Map<string, number>()
  for (const e of executions) counts.set(e.status, (counts.get(e.status) ?? 0) + 1)
  const summary = `${executions.length} executions (${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}), latest ${executions[0].name} ${executions[0].status}`
  const failed = executions.slice(0, 10).filter(e => e.status.toLowerCase() === 'failed')
  if (failed.length === 0) return { name: EXECUTIONS_CHECK, status: 'pass', detail: summary }
  return {
    name: EXECUTIONS_CHECK,
    status: 'warn',
    detail: `${summary}; ${failed.length} of the last ${Math.min(10, executions.length)} failed (${failed.map(e => e.name).join(', ')}): read their logs with az containerapp job logs show or in Log Analytics`
  }
}

/**
 * The team's KEDA cost against its App installation's limit, read with an installation token (the limit every team
 * on the installation shares), or GitHub's documented minimum when verify cannot act as the App.
 */
async function budget(
  config: TeamConfig,
  reading: InstallationReading | undefined,
  api: GitHubApi | undefined
): Promise<VerifyCheck> {
  try {
    const counter = reading?.reader ?? api
    const [activeRuns, limit] = await Promise.all([
      counter ? countActiveRuns(counter, config) : undefined,
      reading ? coreRateLimit(reading.reader.gh, reading.reader.token) : undefined
    ])
    const { name, status, detail } = budgetCheck({
      repos: config.github.repos.length,
      activeRuns,
      pollingIntervalSeconds: config.runners.pollingIntervalSeconds,
      ...(config.runners.pools ? { poolIntervalsSeconds: runnerPools(config).map(p => p.pollingIntervalSeconds) } : {}),
      hourlyLimit: limit?.limit ?? INSTALLATION_MINIMUM_HOURLY_LIMIT,
      usedThisHour: limit?.used,
      limitSource: limit
        ? `installation ${config.github.app.installationId}'s limit`
        : "GitHub's minimum for an App installation; verify could not read the installation's own"
    })
    return { name, status, detail }
  } catch (error) {
    return notChecked(BUDGET_CHECK, config, error)
  }
}

async function guarded(name: string, config: TeamConfig, run: () => Promise<VerifyCheck>): Promise<VerifyCheck> {
  try {
    return await run()
  } catch (error) {
    return notChecked(name, config, error)
  }
}

/** What reading the team's runners takes: the permission, at the config's scope. */
function runnersAccess(config: TeamConfig): string {
  return config.github.scope === 'org'
    ? 'organization self-hosted runners read (and write for --fix)'
    : 'repository administration read (and write for --fix)'
}

/** The token could not read what the check needs: not checked, with the access to give it. */
function notChecked(name: string, config: TeamConfig, error: unknown): VerifyCheck {
  return {
    name,
    status: 'unchecked',
    detail: `not checked: ${oneLine(error)}: give github-token ${runnersAccess(config)}, e.g. an App installation token`
  }
}

/** No token to read runners with, and none could be minted as the App (`why`). */
function skipped(name: string, config: TeamConfig, why: string): VerifyCheck {
  return {
    name,
    status: 'unchecked',
    detail: `not checked: no token that may read runners (${why}): pass a github-token with ${runnersAccess(config)} (action input github-token, CLI --github-token or GITHUB_TOKEN; a workflow's GITHUB_TOKEN sees no self-hosted runners), or let verify's identity read the App key so it acts as the App`
  }
}

/**
 * Acting as the App (verify's identity read its key), an installation token for the runner checks, narrowed to
 * reading runners: organization self-hosted runners read, or administration read on the team's repositories. Masked;
 * the caller revokes it when verify ends. A string says why none was minted.
 */
async function runnersReadToken(
  config: TeamConfig,
  app: AppAccess | NoAppAccess,
  deps: VerifyDeps
): Promise<InstallationToken | string | undefined> {
  if (!hasAccess(app)) return undefined
  const scope: TokenScope =
    app.target.scope === 'org'
      ? { permissions: { organization_self_hosted_runners: 'read' } }
      : { permissions: { administration: 'read' }, repositories: config.github.repos }
  try {
    const minted = await mintInstallationToken(app.gh, app.jwt(), app.installationId, app.target, scope)
    deps.mask?.(minted.token)
    return minted
  } catch (error) {
    return oneLine(error)
  }
}
