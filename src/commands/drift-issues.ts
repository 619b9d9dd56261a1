/**
 * One issue per team in the repository running the drift check: opened on drift, updated (body and a comment) when
 * the drift changes, closed with a comment once it is gone. Found by label and exact title, so never duplicated.
 */
import { enc, type GitHubApi } from '../github/api.js'
import { DRIFT_LABEL, DRIFT_LABEL_COLOR, driftIssueBody, driftIssueTitle } from '../render/drift-issue.js'
import { CallError, oneLine } from '../http/errors.js'
import type { CommandResult, DriftIssueOutcome, TeamResult } from '../result.js'
import type { DriftItem } from '../core/drift.js'
import { policyCount, policyIssueBody, policyTable } from '../render/policy-violations.js'

interface IssueView {
  number: number
  title: string
  body?: string | null
  html_url: string
  pull_request?: unknown
}

export interface DriftIssueOptions {
  /** `owner/name` of the repository that keeps the issues. */
  repository: string
  /** Linked from comments: the workflow run that saw the change. */
  runUrl?: string
}

/** Sets `issue` on every team of a drift result; a team whose drift could not be read keeps its issue as it is. */
export async function syncDriftIssues(
  result: CommandResult,
  api: GitHubApi,
  options: DriftIssueOptions
): Promise<void> {
  const [owner, name] = options.repository.split('/')
  const repo = `/repos/${enc(owner ?? '')}/${enc(name ?? '')}`
  let labelReady = false
  for (const team of result.teams) {
    if (team.error || !team.drift) {
      team.issue = { action: 'skipped' }
      continue
    }
    try {
      team.issue = await syncOne(team, api, repo, options.runUrl, async () => {
        if (!labelReady) await ensureLabel(api, repo)
        labelReady = true
      })
    } catch (error) {
      const why = oneLine(error)
      team.issue = {
        action: 'error',
        error: `drift issue for team ${team.team} in ${options.repository}: ${why}: the github-token needs issues write (job permissions: issues: write)`
      }
    }
  }
}

async function syncOne(
  team: TeamResult,
  api: GitHubApi,
  repo: string,
  runUrl: string | undefined,
  ensureLabelOnce: () => Promise<void>
): Promise<DriftIssueOutcome> {
  const title = driftIssueTitle(team.team)
  const open = await api.list<IssueView>(`${repo}/issues?labels=${enc(DRIFT_LABEL)}&state=open`, 'issues')
  const existing = open.filter(i => !i.pull_request && i.title === title).sort((a, b) => a.number - b.number)[0]
  const items = team.drift ?? []
  const seen = runUrl ? ` ([run](${runUrl}))` : ''

  if (items.length === 0 && !team.policy?.length) {
    if (!existing) return { action: 'none' }
    await api.json('POST', `${repo}/issues/${existing.number}/comments`, { body: `No drift any more${seen}: closing.` })
    await api.json('PATCH', `${repo}/issues/${existing.number}`, { state: 'closed', state_reason: 'completed' })
    return { action: 'closed', number: existing.number, url: existing.html_url }
  }

  const body = issueBody(team, items)
  if (!existing) {
    await ensureLabelOnce()
    const created = await api.json<IssueView>('POST', `${repo}/issues`, { title, body, labels: [DRIFT_LABEL] })
    return { action: 'opened', number: created.number, url: created.html_url }
  }
  if ((existing.body ?? '') === body) return { action: 'unchanged', number: existing.number, url: existing.html_url }
  await api.json('PATCH', `${repo}/issues/${existing.number}`, { body })
  await api.json('POST', `${repo}/issues/${existing.number}/comments`, {
    body: `The drift changed${seen}: ${items.length} resource${items.length === 1 ? '' : 's'} now differ${team.policy?.length ? `, ${policyCount(team.policy)}` : ''}; the description shows the current fields.`
  })
  return { action: 'updated', number: existing.number, url: existing.html_url }
}

async function ensureLabel(api: GitHubApi, repo: string): Promise<void> {
  const found = await api.call('GET', `${repo}/labels/${enc(DRIFT_LABEL)}`)
  if (found.status === 200) return
  const created = await api.call('POST', `${repo}/labels`, {
    name: DRIFT_LABEL,
    color: DRIFT_LABEL_COLOR,
    description: 'Live Azure differs from a runner-setup team config'
  })
  // 422: made meanwhile by a parallel run.
  if (created.status !== 201 && created.status !== 422) {
    throw new CallError(`POST ${repo}/labels answered HTTP ${created.status}`, created.status)
  }
}

/** The drift table, the platform policy violations, or both, so one issue per team carries everything drift found. */
function issueBody(team: TeamResult, items: DriftItem[]): string {
  const violations = team.policy ?? []
  if (violations.length === 0) return driftIssueBody(team.team, team.file, items)
  if (items.length === 0) return policyIssueBody(team.team, team.file, violations)
  return [driftIssueBody(team.team, team.file, items), '', ...policyTable(violations)].join('\n')
}
