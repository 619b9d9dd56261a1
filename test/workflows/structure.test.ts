import { describe, it, expect } from '@jest/globals'
import { workflowFiles, actionFiles, readText, readYaml } from './files.js'
import { jobsOf, stepsOf, runsOurAction, signsIn, calledWorkflowPath } from './workflow-model.js'

const workflows = workflowFiles()
const everyFile = [...workflows, ...actionFiles()]
// The workflows teams call; runner-image.yml is called only by this repository's own release.
const reusable = workflows.filter(
  file => readYaml(file).on?.workflow_call && file !== '.github/workflows/runner-image.yml'
)

/** A job grants the OIDC token when it runs our action with a sign-in, or calls a workflow that does. */
function jobNeedsIdToken(job: ReturnType<typeof jobsOf>[number]['job']): boolean {
  if ((job.steps ?? []).some(signsIn)) return true
  const called = typeof job.uses === 'string' ? calledWorkflowPath(job.uses) : undefined
  return called !== undefined && jobsOf(called).some(({ job: calledJob }) => jobNeedsIdToken(calledJob))
}

describe('third-party actions are pinned', () => {
  const usesLine = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/

  it.each(everyFile)('%s: every third-party uses: is a full commit SHA with a # vX.Y.Z comment', file => {
    const thirdParty = readText(file)
      .split('\n')
      .map(line => usesLine.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .filter(([, ref]) => !ref.startsWith('./') && !/^altinn\/runner-setup[/@]/i.test(ref))
    for (const [line, ref, rest] of thirdParty) {
      expect({ line: line.trim(), pinned: /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref) }).toEqual({
        line: line.trim(),
        pinned: true
      })
      expect(rest.trim()).toMatch(/^# v\d+\.\d+\.\d+$/)
    }
  })

  it('the reusable workflows and the bootstrap action run the published action as altinn/runner-setup@v1', () => {
    const ours = [...reusable, 'actions/bootstrap/action.yml']
      .flatMap(stepsOf)
      .filter(({ step }) => typeof step.uses === 'string' && step.uses.startsWith('altinn/'))
    expect(ours.length).toBeGreaterThanOrEqual(10)
    expect(new Set(ours.map(({ step }) => step.uses))).toEqual(new Set(['altinn/runner-setup@v1']))
  })
})

describe('permissions', () => {
  it.each(workflows)('%s: top-level permissions are contents: read', file => {
    expect(readYaml(file).permissions).toEqual({ contents: 'read' })
  })

  const jobs = workflows.flatMap(jobsOf)

  it.each(jobs.map(j => [`${j.file} jobs.${j.id}`, j] as const))(
    '%s: id-token: write exactly when the job signs in to Azure',
    (_name, { job }) => {
      expect(job.permissions?.['id-token'] === 'write').toBe(jobNeedsIdToken(job))
    }
  )

  it('signing jobs exist in every reusable workflow and caller example', () => {
    const signing = jobs.filter(({ job }) => jobNeedsIdToken(job)).map(({ file, id }) => `${file} ${id}`)
    expect(signing).toEqual(
      expect.arrayContaining([
        '.github/workflows/reusable-setup.yml apply',
        '.github/workflows/reusable-verify.yml verify',
        '.github/workflows/reusable-verify.yml deregistered',
        '.github/workflows/reusable-teardown.yml destroy',
        '.github/workflows/drift-check.yml drift',
        'examples/platform-repo/.github/workflows/drift-check.yml drift',
        'examples/platform-repo/.github/workflows/teardown.yml teardown',
        'examples/team-repo/.github/workflows/runners.yml setup',
        'examples/team-repo/.github/workflows/runners.yml verify'
      ])
    )
  })

  it.each(reusable)("%s: every job that signs in runs in the caller's environment input", file => {
    const signing = jobsOf(file).filter(({ job }) => jobNeedsIdToken(job))
    expect(signing.length).toBeGreaterThan(0)
    for (const { job } of signing) expect(job.environment).toMatch(/^\$\{\{ inputs\.environment\b/)
  })

  it('the probe job on the team runner gets no token scopes at all', () => {
    expect(readYaml('.github/workflows/reusable-verify.yml').jobs.probe.permissions).toEqual({})
  })
})

describe('checkout and concurrency', () => {
  it.each(everyFile)('%s: every checkout has persist-credentials: false', file => {
    for (const { step } of stepsOf(file).filter(({ step }) => String(step.uses).startsWith('actions/checkout@'))) {
      expect(step.with?.['persist-credentials']).toBe(false)
    }
  })

  it.each(workflows)('%s: no concurrency group cancels a run in progress', file => {
    const workflow = readYaml(file)
    const groups = [workflow.concurrency, ...jobsOf(file).map(({ job }) => job.concurrency)].filter(Boolean)
    for (const group of groups) expect(group['cancel-in-progress']).toBe(false)
  })

  it('apply and destroy share one concurrency group per team', () => {
    const apply = readYaml('.github/workflows/reusable-setup.yml').jobs.apply.concurrency
    const destroy = readYaml('.github/workflows/reusable-teardown.yml').jobs.destroy.concurrency
    expect(apply).toEqual({ group: 'runner-setup-${{ inputs.team }}', 'cancel-in-progress': false })
    expect(destroy).toEqual(apply)
  })
})

describe('reusable workflow contracts', () => {
  it.each(reusable)('%s: every input is typed and described', file => {
    const inputs = Object.entries(readYaml(file).on.workflow_call.inputs ?? {})
    expect(inputs.length).toBeGreaterThan(0)
    for (const [name, input] of inputs as [string, { type?: string; description?: string }][]) {
      expect({ name, type: ['string', 'boolean', 'number'].includes(String(input.type)) }).toEqual({ name, type: true })
      expect(input.description?.length ?? 0).toBeGreaterThan(10)
    }
  })

  it.each(reusable)('%s: every output maps a job output that exists', file => {
    const workflow = readYaml(file)
    for (const [name, output] of Object.entries(workflow.on.workflow_call.outputs ?? {}) as [
      string,
      { value: string }
    ][]) {
      const [, jobId, jobOutput] = /^\$\{\{ jobs\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output.value) ?? []
      expect({ name, mapped: workflow.jobs[jobId]?.outputs?.[jobOutput] !== undefined }).toEqual({ name, mapped: true })
    }
  })

  it('teardown confirms the team name in a job of its own before destroy signs in', () => {
    const { jobs } = readYaml('.github/workflows/reusable-teardown.yml')
    expect(jobs.destroy.needs).toBe('confirm')
    expect(jobs.confirm.permissions).toEqual({})
    expect(jobs.confirm.environment).toBeUndefined()
    expect(jobs.confirm.steps[0].env).toEqual({ TEAM: '${{ inputs.team }}', CONFIRM: '${{ inputs.confirm }}' })
  })

  it('the probe runs on the runners verify reports, after verify', () => {
    const { jobs } = readYaml('.github/workflows/reusable-verify.yml')
    expect(jobs.probe['runs-on']).toBe('${{ fromJSON(needs.verify.outputs.runs-on) }}')
    expect(jobs.deregistered.needs).toEqual(['verify', 'probe'])
    expect(jobs.deregistered['runs-on']).toBe('ubuntu-latest')
  })
})

describe('drift check', () => {
  const workflow = readYaml('.github/workflows/drift-check.yml')

  it('runs every 6 hours and on demand', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '17 */6 * * *' }])
    expect(workflow.on).toHaveProperty('workflow_dispatch')
  })

  it('may read, sign in and write issues, nothing more', () => {
    expect(workflow.jobs.drift.permissions).toEqual({ contents: 'read', issues: 'write', 'id-token': 'write' })
  })

  it('runs drift over the teams/ folder with issue upsert, and lets only errors fail the run', () => {
    const step = workflow.jobs.drift.steps.find(runsOurAction)
    expect(step.with).toMatchObject({
      command: 'drift',
      config: "${{ inputs.config || 'teams/' }}",
      'drift-issues': true
    })
    expect(step['continue-on-error']).toBeUndefined()
  })
})

describe('bootstrap action', () => {
  const action = readYaml('actions/bootstrap/action.yml')

  it('validates offline, applies, verifies, then writes the runs-on snippet', () => {
    const steps = action.runs.steps
    expect(steps.filter(runsOurAction).map((s: { with: { command: string } }) => s.with.command)).toEqual([
      'plan',
      'apply',
      'verify'
    ])
    expect(steps[0].with.offline).toBe(true)
    expect(steps.at(-1).run).toContain('runs-on: $RUNS_ON')
    expect(steps.at(-1).run).toContain('"$GITHUB_STEP_SUMMARY"')
  })

  it('mirrors the sign-in inputs of the root action with the same defaults', () => {
    const root = readYaml('action.yml').inputs
    for (const name of [
      'tenant-id',
      'client-id',
      'subscription-id',
      'github-token',
      'authority-host',
      'arm-endpoint'
    ]) {
      expect({ name, default: action.inputs[name].default ?? '' }).toEqual({ name, default: root[name].default ?? '' })
    }
  })
})
