/**
 * `verify`: the live setup end to end without running a job. Azure (resources match the config, recent executions),
 * then GitHub (runner group, registered runners, the KEDA rule's API budget, a throwaway JIT registration).
 */
import type { TokenCredential } from '@azure/core-auth'
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import type { Clients } from '../azure/clients.js'
import type { DriftItem, Engine } from '../azure/engine.js'
import { listJobExecutions, type ExecutionSummary } from '../azure/executions.js'
import type { HttpClient } from '../entrypoint/http.js'
import { oneLine } from '../entrypoint/errors.js'
import { createGitHubApi, GitHubApiError, type GitHubApi } from '../github/api.js'
import { budgetCheck, countActiveRuns, hourlyLimit, BASELINE_HOURLY_LIMIT, BUDGET_CHECK } from '../github/api-budget.js'
import { checkJitConfig } from '../github/jit-check.js'
import { checkRunnerGroup, RUNNER_GROUP_CHECK } from '../github/runner-group.js'
import { checkRunners, RUNNERS_CHECK, type RunnerReport } from '../github/runners.js'
import type { VerifyReport } from '../github/verify-report.js'
import type { VerifyCheck } from '../github/verify-types.js'
import { readKedaVersion } from './keda-check.js'

export interface VerifyDeps {
  clients: Clients
  credential: TokenCredential
  http: HttpClient
  /** For the runner group, runners and budget checks; those are skipped without it. */
  githubToken?: string
  /** Deregister stale runners. */
  fix: boolean
  keyVaultEndpoint?: string
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
    const drift = await engine.drift(config)
    const executions = (
      await Promise.all(teamLayout(config).jobs.map(job => listJobExecutions(deps.clients, job.id)))
    ).flat()
    executions.sort((a, b) => (b.startTime ?? '').localeCompare(a.startTime ?? ''))
    const checks: VerifyCheck[] = [
      azureCheck(drift.items, drift.plan.entries.length),
      executionsCheck(executions),
      await readKedaVersion(deps.clients, config)
    ]

    let runners: RunnerReport[] = []
    if (deps.githubToken) {
      const api = createGitHubApi(deps.http, config.github.apiUrl, deps.githubToken)
      checks.push(await guarded(RUNNER_GROUP_CHECK, config, () => checkRunnerGroup(api, config)))
      try {
        const outcome = await checkRunners(api, config, executions, { fix: deps.fix, now })
        checks.push(outcome.check)
        runners = outcome.runners
      } catch (error) {
        checks.push(notChecked(RUNNERS_CHECK, config, error))
      }
      checks.push(await guarded(BUDGET_CHECK, config, () => budget(api, config)))
    } else {
      checks.push(skipped(RUNNER_GROUP_CHECK), skipped(RUNNERS_CHECK))
      checks.push(
        budgetCheck({
          repos: config.github.repos.length,
          pollingIntervalSeconds: config.runners.pollingIntervalSeconds,
          hourlyLimit: BASELINE_HOURLY_LIMIT,
          limitSource: 'installation baseline; no github-token'
        })
      )
    }
    checks.push(
      await checkJitConfig(config, {
        http: deps.http,
        credential: deps.credential,
        ...(deps.keyVaultEndpoint ? { keyVaultEndpoint: deps.keyVaultEndpoint } : {}),
        now
      })
    )

    const totalMs = now() - started
    return {
      checks: checks.map(({ name, status, detail }) => ({ name, status, detail })),
      runners,
      executions: executions
        .slice(0, RECENT)
        .map(({ name, status, startTime }) => ({ name, status, ...(startTime ? { startTime } : {}) })),
      timings: { readMs: drift.timings.readMs, writeMs: 0, totalMs }
    }
  }
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

async function budget(api: GitHubApi, config: TeamConfig): Promise<VerifyCheck> {
  const [activeRuns, limit] = await Promise.all([countActiveRuns(api, config), hourlyLimit(api)])
  const { name, status, detail } = budgetCheck({
    repos: config.github.repos.length,
    ...(activeRuns === undefined ? {} : { activeRuns }),
    pollingIntervalSeconds: config.runners.pollingIntervalSeconds,
    hourlyLimit: limit.limit,
    limitSource: limit.source
  })
  return { name, status, detail }
}

async function guarded(name: string, config: TeamConfig, run: () => Promise<VerifyCheck>): Promise<VerifyCheck> {
  try {
    return await run()
  } catch (error) {
    return notChecked(name, config, error)
  }
}

/** The token could not read what the check needs: a warning that says which access to give it. */
function notChecked(name: string, config: TeamConfig, error: unknown): VerifyCheck {
  const access =
    config.github.scope === 'org'
      ? 'organization self-hosted runners read (and write for --fix)'
      : 'repository administration read (and write for --fix)'
  const why = error instanceof GitHubApiError ? error.message : oneLine(error)
  return {
    name,
    status: 'warn',
    detail: `not checked: ${why}: give github-token ${access}, e.g. an App installation token`
  }
}

function skipped(name: string): VerifyCheck {
  return {
    name,
    status: 'warn',
    detail: 'skipped: no github-token (action input github-token, CLI --github-token or GITHUB_TOKEN)'
  }
}
