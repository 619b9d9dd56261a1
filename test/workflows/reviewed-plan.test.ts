/**
 * reusable-setup.yml's reviewed-plan mode: on a pull request it plans and uploads the plan, applying nothing; on merge
 * a job fetches the plan the merged pull request's run saved (with the caller's token, since the workflow's jobs may
 * not ask for more than they have) and the apply job carries out only that plan. The fetch step runs here against a
 * stand-in for the GitHub CLI.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readYaml } from './files.js'
import { findStep } from './workflow-model.js'
import { fakeBin, runStep, tempDir } from './run-step.js'

const FILE = '.github/workflows/reusable-setup.yml'
const HEAD = 'b'.repeat(40)

// Knows one merge commit (from pull request #42, head HEAD), whose runs 101 (no plan) and 102 (the plan) succeeded.
const gh = fakeBin({
  gh: [
    'echo "$*" >> "$GH_LOG"',
    'case "$*" in',
    '  "api repos/altinn/studio-app/commits/merge1/pulls --jq .[0].number // empty") echo 42 ;;',
    '  "api repos/altinn/studio-app/commits/direct1/pulls --jq .[0].number // empty") ;;',
    `  "api repos/altinn/studio-app/pulls/42 --jq .head.sha") echo ${HEAD} ;;`,
    `  "api repos/altinn/studio-app/actions/runs?head_sha=${HEAD}&event=pull_request&status=success&per_page=100 --jq .workflow_runs[].id") printf '%s\\n' $RUNS ;;`,
    '  "api repos/altinn/studio-app/actions/runs/101/artifacts?name=runner-setup-plan-studio --jq .total_count") echo 0 ;;',
    '  "api repos/altinn/studio-app/actions/runs/102/artifacts?name=runner-setup-plan-studio --jq .total_count") echo 1 ;;',
    '  "run download 102 --repo altinn/studio-app --name runner-setup-plan-studio --dir "*) mkdir -p "$9" && echo "{}" > "$9/plan.json" ;;',
    '  *) echo "unexpected gh call: $*" >&2; exit 2 ;;',
    'esac'
  ].join('\n')
})

function find(sha: string, env: Record<string, string> = {}) {
  const temp = tempDir()
  const log = join(tempDir(), 'gh.log')
  const run = runStep(
    findStep(FILE, 'reviewed-plan', 'find'),
    {
      GH_TOKEN: 'token',
      REPO: 'altinn/studio-app',
      SHA: sha,
      ARTIFACT: 'runner-setup-plan-studio',
      RUNNER_TEMP: temp,
      GH_LOG: log,
      RUNS: '101 102',
      ...env
    },
    gh
  )
  return { ...run, temp, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] }
}

describe('reviewed-plan: fetching the reviewed plan on merge', () => {
  it("downloads the plan that the merged pull request's successful run saved", () => {
    const run = find('merge1')
    expect(run.status).toBe(0)
    expect(run.outputs).toBe(`path=${run.temp}/reviewed-plan/plan.json\n`)
    expect(existsSync(join(run.temp, 'reviewed-plan/plan.json'))).toBe(true)
    expect(run.summary).toBe('Reviewed plan: pull request #42, run 102.\n')
  })

  it('refuses a commit that came from no pull request', () => {
    const run = find('direct1')
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('::error title=No reviewed plan::Commit direct1 came from no pull request')
  })

  it('refuses when no successful run of the pull request saved a plan', () => {
    const run = find('merge1', { RUNS: '101' })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('No successful run of pull request #42 at')
    expect(run.calls.some(c => c.startsWith('run download'))).toBe(false)
  })

  it('refuses without the token, before calling GitHub', () => {
    const run = find('merge1', { GH_TOKEN: '' })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('reviewed-plan needs the reviewed-plan-token secret')
    expect(run.calls).toEqual([])
  })
})

describe('reviewed-plan: the workflow', () => {
  const workflow = readYaml(FILE)
  const steps = workflow.jobs.apply.steps as {
    name?: string
    id?: string
    if?: string
    with?: Record<string, string>
  }[]

  it('asks for no token scopes in the fetching job, and runs it only on merge', () => {
    expect(workflow.jobs['reviewed-plan'].permissions).toEqual({})
    expect(workflow.jobs['reviewed-plan'].if).toBe("inputs.reviewed-plan && github.event_name != 'pull_request'")
  })

  it('on a pull request plans and uploads the plan, and does not apply', () => {
    const plan = steps.find(s => s.id === 'plan')!
    expect(plan.if).toBe("inputs.reviewed-plan && github.event_name == 'pull_request'")
    expect(plan.with?.command).toBe('plan')
    const apply = steps.find(s => s.id === 'apply')!
    expect(apply.if).toBe("${{ !(inputs.reviewed-plan && github.event_name == 'pull_request') }}")
    expect(apply.with?.plan).toContain("needs.reviewed-plan.result == 'success'")
  })
})
