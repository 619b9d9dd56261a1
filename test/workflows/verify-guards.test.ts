/**
 * reusable-verify.yml's guards, run as GitHub runs them: a calling repository the runners do not serve is refused at
 * once with the fix; a probe no runner takes within the bound is reported and its run cancelled; the probe says
 * whether a Docker daemon is reachable.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { findStep } from './workflow-model.js'
import { fakeBin, runStep, tempDir } from './run-step.js'

const verify = '.github/workflows/reusable-verify.yml'

describe('verify: calling repository served by the runners', () => {
  const step = findStep(verify, 'verify', 'served')
  const config = join(tempDir(), 'runner-setup.yaml')
  writeFileSync(config, 'team: studio\ngithub:\n  owner: altinn\n  repos: [studio-app, Studio-API]\n')

  it('passes for a repository in github.repos (GitHub names compare case-insensitively)', () => {
    const run = runStep(step, { CONFIG: config, REPOSITORY: 'Altinn/studio-api' })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Altinn/studio-api is served by the runners')
  })

  it('refuses another repository, or another owner, with the fix', () => {
    const other = runStep(step, { CONFIG: config, REPOSITORY: 'altinn/docs' })
    expect(other.status).toBe(1)
    expect(other.stdout).toContain(
      `::error title=Repository not served::altinn/docs is not one of the repositories the runners of ${config} serve (altinn: studio-app Studio-API)`
    )
    expect(other.stdout).toContain(`Add docs to github.repos in ${config} and run the setup workflow`)
    expect(runStep(step, { CONFIG: config, REPOSITORY: 'someone/studio-app' }).status).toBe(1)
  })
})

describe('probe watcher', () => {
  const step = findStep(verify, 'probe-watch', 'watch')
  const env = {
    REPOSITORY: 'altinn/studio-app',
    RUN_ID: '42',
    RUN_ATTEMPT: '1',
    RUNS_ON: '["studio"]',
    POLL_SECONDS: '0'
  }
  /** A `gh` that answers the jobs listing with the probe's status and records every call. */
  function gh(status: string): { bin: string; calls: () => string } {
    const log = join(tempDir(), 'calls')
    writeFileSync(log, '')
    const bin = fakeBin({
      gh: `echo "$*" >> ${log}\nif [[ "$*" == *"/jobs"* ]]; then echo "${status}"; fi`
    })
    return { bin, calls: () => readFileSync(log, 'utf8') }
  }

  it('ends at once when a runner took the probe, cancelling nothing', () => {
    const fake = gh('in_progress')
    const run = runStep(step, { ...env, WAIT_MINUTES: '10' }, fake.bin)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('A runner took the probe (in_progress).')
    expect(fake.calls()).not.toContain('/cancel')
  })

  it('past the bound with the probe still queued: reports it and cancels the run', () => {
    const fake = gh('queued')
    const run = runStep(step, { ...env, WAIT_MINUTES: '0' }, fake.bin)
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      '::error title=Probe not taken::No runner took the probe (runs-on: ["studio"]) within 0 minutes (its status: queued)'
    )
    expect(run.summary).toContain('### Probe not taken')
    expect(fake.calls()).toContain('api --method POST repos/altinn/studio-app/actions/runs/42/cancel')
  })
})

describe('probe: Docker daemon', () => {
  const step = findStep(verify, 'probe', 'docker')

  it('none reachable (Container Apps): a notice with the routes out, and the output none', () => {
    const run = runStep(step, {}, fakeBin({ docker: 'echo "Cannot connect to the Docker daemon" >&2; exit 1' }))
    expect(run.status).toBe(0)
    expect(run.outputs).toBe('docker=none\n')
    expect(run.stdout).toContain('::notice title=No Docker daemon::')
    expect(run.stdout).toContain('altinn/runner-setup/actions/image-build@v1')
  })

  it('a reachable daemon is reported as such', () => {
    const run = runStep(step, {}, fakeBin({ docker: 'exit 0' }))
    expect(run.status).toBe(0)
    expect(run.outputs).toBe('docker=reachable\n')
  })
})
