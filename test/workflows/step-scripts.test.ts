import { describe, it, expect } from '@jest/globals'
import { writeFileSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { findStep } from './workflow-model.js'
import { runStep, tempDir, fakeBin } from './run-step.js'

const teardown = '.github/workflows/reusable-teardown.yml'

describe('teardown confirmation', () => {
  const step = findStep(teardown, 'confirm', 'confirm')

  it('refuses a confirmation that differs from the team, in one clear line', () => {
    const run = runStep(step, { TEAM: 'studio', CONFIRM: 'studi' })
    expect(run.status).toBe(1)
    expect(run.stdout.trim()).toBe(
      "::error title=Teardown not confirmed::confirm is 'studi' but team is 'studio': type the team name exactly to destroy its runners."
    )
  })

  it('refuses an empty team even when confirm is empty too', () => {
    expect(runStep(step, { TEAM: '', CONFIRM: '' }).status).toBe(1)
  })

  it('lets the exact team name through', () => {
    const run = runStep(step, { TEAM: 'studio', CONFIRM: 'studio' })
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toBe("Confirmed: destroying the runners of team 'studio'.")
  })
})

describe.each([
  ['.github/workflows/reusable-setup.yml', 'apply'],
  [teardown, 'destroy']
])('%s: the config must describe the input team', (file, job) => {
  const step = findStep(file, job, 'team')
  const plan = (body: object) => {
    const path = join(tempDir(), 'plan.json')
    writeFileSync(path, JSON.stringify(body))
    return path
  }

  it('passes when the offline plan is for the input team', () => {
    expect(runStep(step, { TEAM: 'studio', PLAN: plan({ team: 'studio', changes: [] }) }).status).toBe(0)
    expect(runStep(step, { TEAM: 'studio', PLAN: plan([{ team: 'studio', changes: [] }]) }).status).toBe(0)
  })

  it('fails, naming both teams, when the config is for another team or for several', () => {
    const other = runStep(step, { TEAM: 'studio', PLAN: plan({ team: 'dialogporten', changes: [] }) })
    expect(other.status).toBe(1)
    expect(other.stdout).toContain(
      "::error title=Wrong team::The config describes team 'dialogporten' but the input team is 'studio'"
    )
    const several = runStep(step, { TEAM: 'studio', PLAN: plan([{ team: 'studio' }, { team: 'dialogporten' }]) })
    expect(several.status).toBe(1)
    expect(several.stdout).toContain("describes team 'dialogporten,studio'")
  })
})

describe('release: moving the major tag', () => {
  const step = findStep('.github/workflows/release.yml', 'major-tag', 'move')
  const sha = 'a'.repeat(40)
  // A stand-in for the GitHub CLI: logs each call, knows one commit, and has a v1 tag when MAJOR_EXISTS is set.
  const gh = fakeBin({
    gh: [
      'echo "$*" >> "$GH_LOG"',
      'case "$*" in',
      `  "api repos/altinn/runner-setup/commits/v1.2.3 --jq .sha") echo ${sha} ;;`,
      '  "api repos/altinn/runner-setup/git/ref/tags/v1") [ -n "$MAJOR_EXISTS" ] || exit 1 ;;',
      '  *--method*) ;;',
      '  *) echo "unexpected gh call: $*" >&2; exit 2 ;;',
      'esac'
    ].join('\n')
  })
  const release = (tag: string, majorExists: boolean) => {
    const log = join(tempDir(), 'gh.log')
    const run = runStep(
      step,
      { TAG: tag, GITHUB_REPOSITORY: 'altinn/runner-setup', GH_LOG: log, MAJOR_EXISTS: majorExists ? '1' : '' },
      gh
    )
    const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []
    return { ...run, calls }
  }

  it('force-moves an existing major tag to the release commit', () => {
    const run = release('v1.2.3', true)
    expect(run.status).toBe(0)
    expect(run.calls.at(-1)).toBe(
      `api --method PATCH repos/altinn/runner-setup/git/refs/tags/v1 -f sha=${sha} -F force=true`
    )
    expect(run.summary).toBe(`Moved v1 to ${sha} (v1.2.3).\n`)
  })

  it('creates the major tag on the first release of a major version', () => {
    const run = release('v1.2.3', false)
    expect(run.status).toBe(0)
    expect(run.calls.at(-1)).toBe(
      `api --method POST repos/altinn/runner-setup/git/refs -f ref=refs/tags/v1 -f sha=${sha}`
    )
  })

  it('refuses a tag that is not vX.Y.Z without calling GitHub', () => {
    const run = release('1.2.3-beta', true)
    expect(run.status).toBe(1)
    expect(run.stdout).toContain("::error title=Not a release tag::'1.2.3-beta' is not vX.Y.Z")
    expect(run.calls).toEqual([])
  })
})

describe('bootstrap: runs-on snippet', () => {
  it('writes a ready-to-paste runs-on line in a yaml block to the job summary', () => {
    const step = findStep('actions/bootstrap/action.yml', undefined, 'snippet')
    const run = runStep(step, { RUNS_ON: '["self-hosted","studio"]' })
    expect(run.status).toBe(0)
    expect(run.summary).toContain('```yaml\nruns-on: ["self-hosted","studio"]\n```\n')
  })
})

describe.each([
  ['.github/workflows/reusable-setup.yml', 'apply', ['validate', 'apply']],
  ['.github/workflows/reusable-verify.yml', 'verify', ['verify']],
  ['.github/workflows/drift-check.yml', 'drift', ['drift']]
])('%s: the platform policy', (file, job, actionSteps) => {
  const step = findStep(file, job, 'policy')

  it('passes the input file as it is', () => {
    const run = runStep(step, { POLICY_FILE: 'platform/policy.yaml', POLICY_TEXT: 'limits: {}' })
    expect(run.status).toBe(0)
    expect(run.outputs).toBe('path=platform/policy.yaml\n')
  })

  it("else writes the RUNNER_SETUP_POLICY variable's text to a file and passes that", () => {
    const temp = tempDir()
    const run = runStep(step, { POLICY_FILE: '', POLICY_TEXT: 'limits:\n  maxRunners: 5', RUNNER_TEMP: temp })
    expect(run.status).toBe(0)
    expect(run.outputs).toBe(`path=${temp}/runner-setup-policy.yaml\n`)
    expect(readFileSync(join(temp, 'runner-setup-policy.yaml'), 'utf8')).toBe('limits:\n  maxRunners: 5\n')
  })

  it('else passes none, and says so', () => {
    const run = runStep(step, { POLICY_FILE: '', POLICY_TEXT: '' })
    expect(run.status).toBe(0)
    expect(run.outputs).toBe('')
    expect(run.stdout).toContain('No platform policy')
  })

  it('every step that runs the action gets it', () => {
    expect(step.env).toEqual({ POLICY_FILE: '${{ inputs.policy }}', POLICY_TEXT: '${{ vars.RUNNER_SETUP_POLICY }}' })
    for (const id of actionSteps) expect(findStep(file, job, id).with.policy).toBe('${{ steps.policy.outputs.path }}')
  })
})
