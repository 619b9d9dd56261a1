import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { ConfigError } from '../config/errors.js'
import type { Logger } from '../core/logger.js'
import { describeFailure } from '../commands/failure.js'
import { exitOnInterrupt } from '../commands/interrupt.js'
import { InputError } from '../commands/input-error.js'
import { changeCount, failed, type CommandResult } from '../result.js'
import { commandDeps } from '../commands/deps.js'
import { runCommand } from '../commands/run.js'
import { syncDriftIssues, type DriftIssueOptions } from '../commands/drift-issues.js'
import type { RunSettings } from '../commands/settings.js'
import { createGitHubApi, type GitHubApi } from '../github/api.js'
import { actionsGitHub } from '../github/client.js'
import { resultJson } from '../render/json.js'
import { renderSummary } from '../render/summary.js'
import { renderText } from '../render/text.js'
import { readInputs } from './inputs.js'

const actionsLogger: Logger = {
  info: m => core.info(m),
  warning: m => core.warning(m),
  group: (title, fn) => core.group(title, fn),
  debug: m => core.debug(m)
}

/** The action: inputs → one command → outputs, job summary, annotations. Drift is an output, not a failure. */
export async function run(): Promise<void> {
  try {
    const settings = readInputs()
    checkDriftIssueSettings(settings)
    const deps = commandDeps(settings, actionsLogger)
    const stopHandling = exitOnInterrupt(deps.ledger, line => core.info(line))
    const result = await runCommand(settings, deps).finally(stopHandling)
    if (settings.driftIssues) await syncDriftIssues(result, driftIssueApi(settings), driftIssueOptions(settings))
    core.info(renderText(result))
    writeOutputs(result)
    await core.summary.addRaw(renderSummary(result)).write()
    for (const t of result.teams) if (t.error) core.error(t.error, { file: t.file })
    for (const t of result.teams)
      if (t.issue?.action === 'error') core.error(t.issue.error ?? 'drift issue failed', { file: t.file })
    if (result.exitCode === 1) core.setFailed(`runner-setup ${result.command} failed for ${failedTeams(result)}.`)
    else if (result.teams.some(t => t.issue?.action === 'error'))
      core.setFailed('runner-setup drift: could not keep the drift issues up to date (see the errors above).')
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const p of error.problems)
        core.error(p.hint ? `${p.message} (${p.hint})` : p.message, {
          file: p.file,
          startLine: p.line,
          startColumn: p.col
        })
    }
    core.setFailed(describeFailure(error))
  }
}

function writeOutputs(result: CommandResult): void {
  const file = join(process.env.RUNNER_TEMP || tmpdir(), `runner-setup-${result.command}-${process.pid}.json`)
  writeFileSync(file, JSON.stringify(resultJson(result), null, 2))
  const first = result.teams[0]
  core.setOutput('plan', file)
  core.setOutput('changes', String(result.teams.reduce((n, t) => n + changeCount(t), 0)))
  core.setOutput('drift', String(result.teams.some(t => (t.drift?.length ?? 0) > 0)))
  if (first) {
    core.setOutput('environment-id', first.outputs.environmentId)
    core.setOutput('job-names', result.teams.flatMap(t => t.outputs.jobNames).join(','))
    core.setOutput('runner-labels', first.outputs.labels.join(','))
    core.setOutput('runs-on', first.outputs.runsOn)
    core.setOutput('pools', JSON.stringify(first.outputs.pools ?? {}))
  }
}

/** Drift issues live in the repository running the workflow and need a token that may write issues there. */
function checkDriftIssueSettings(settings: RunSettings): void {
  if (!settings.driftIssues) return
  if (settings.command !== 'drift') throw new InputError(`Input 'drift-issues' only applies to command 'drift'.`)
  if (!settings.github.token)
    throw new InputError(
      `Input 'drift-issues' needs 'github-token' with issues write (job permissions: issues: write).`
    )
  if (!settings.github.repository || !settings.github.apiUrl)
    throw new InputError(
      `Input 'drift-issues' needs GITHUB_REPOSITORY and the github-api-url input: run it inside a GitHub workflow.`
    )
}

function driftIssueApi(settings: RunSettings): GitHubApi {
  return createGitHubApi(actionsGitHub({ debug: m => core.debug(m) })(settings.github.apiUrl!), settings.github.token!)
}

function driftIssueOptions(settings: RunSettings): DriftIssueOptions {
  const { GITHUB_SERVER_URL: server, GITHUB_RUN_ID: runId } = process.env
  const repository = settings.github.repository!
  return { repository, ...(server && runId ? { runUrl: `${server}/${repository}/actions/runs/${runId}` } : {}) }
}

function failedTeams(result: CommandResult): string {
  return result.teams
    .filter(t => failed(t))
    .map(t => t.team)
    .join(', ')
}
