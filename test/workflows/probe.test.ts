import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { createServer, type Server, type AddressInfo } from 'node:net'
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { findStep } from './workflow-model.js'
import { runStep, tempDir, fakeBin } from './run-step.js'

const verify = '.github/workflows/reusable-verify.yml'

describe('probe: fresh runner', () => {
  const step = findStep(verify, 'probe', 'fresh')

  it('passes on a runner without a marker, leaves one and reports the runner name', () => {
    const home = tempDir()
    const work = join(tempDir(), '_work')
    mkdirSync(join(work, 'repo'), { recursive: true })
    const env = {
      HOME: home,
      RUNNER_WORKSPACE: join(work, 'repo'),
      RUNNER_NAME: 'studio-abc12',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '1'
    }

    const first = runStep(step, env)
    expect(first.status).toBe(0)
    expect(first.outputs).toBe('runner-name=studio-abc12\n')
    expect(readFileSync(join(home, '.runner-setup-probe'), 'utf8')).toBe('run 42 attempt 1\n')
    expect(readFileSync(join(work, '.runner-setup-probe'), 'utf8')).toBe('run 42 attempt 1\n')

    const second = runStep(step, { ...env, GITHUB_RUN_ID: '43' })
    expect(second.status).toBe(1)
    expect(second.stdout).toContain(
      `::error title=Runner reused::${home}/.runner-setup-probe exists from an earlier job`
    )
    expect(second.stdout).toContain(
      `::error title=Runner reused::${work}/.runner-setup-probe exists from an earlier job`
    )
  })
})

describe('probe: private endpoints', () => {
  const step = findStep(verify, 'probe', 'endpoints')
  let server: Server
  let open: number
  let closed: number

  beforeAll(async () => {
    const listen = (s: Server) =>
      new Promise<number>(resolve => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)))
    server = createServer(socket => socket.destroy())
    open = await listen(server)
    const gone = createServer()
    closed = await listen(gone)
    await new Promise(resolve => gone.close(resolve))
  })
  afterAll(() => new Promise(resolve => server.close(resolve)))

  it('reaches every listening host:port', () => {
    const run = runStep(step, { ENDPOINTS: `127.0.0.1:${open}  localhost:${open}`, CONNECT_TIMEOUT: '2' })
    expect(run.stdout).toContain(`Reached 127.0.0.1:${open}`)
    expect(run.stdout).toContain(`Reached localhost:${open}`)
    expect(run.status).toBe(0)
  })

  it('fails for a closed port and for a value that is not host:port, and still checks the rest', () => {
    const run = runStep(step, { ENDPOINTS: `127.0.0.1:${closed} db.internal 127.0.0.1:${open}`, CONNECT_TIMEOUT: '2' })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      `::error title=Endpoint unreachable::127.0.0.1:${closed} did not accept a TCP connection within 2s`
    )
    expect(run.stdout).toContain("::error title=Bad endpoint::'db.internal' is not host:port.")
    expect(run.stdout).toContain(`Reached 127.0.0.1:${open}`)
  })

  it('passes with nothing to probe and says where endpoints are listed', () => {
    const run = runStep(step, { ENDPOINTS: ' ' })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('No endpoints to probe: list them under probe.endpoints in the config.')
  })
})

describe('probe: no credential reachable', () => {
  const step = findStep(verify, 'probe', 'credentials')
  const noSudo = fakeBin({ sudo: 'exit 1' })
  const sudo = fakeBin({ sudo: '[ "$1" = -n ] && shift; exec "$@"' })

  function procWith(environ: Record<string, string>): string {
    const root = tempDir()
    mkdirSync(join(root, '1'))
    writeFileSync(
      join(root, '1', 'environ'),
      Object.entries(environ)
        .map(([k, v]) => `${k}=${v}\0`)
        .join('')
    )
    return root
  }
  const cleanProc = procWith({ PATH: '/usr/bin', HOME: '/home/runner' })

  it('passes without sudo when no process holds the identity header', () => {
    const run = runStep(step, { PROC_ROOT: cleanProc, SUDO_ALLOWED: 'false' }, noSudo)
    expect(run.stdout).not.toContain('::error')
    expect(run.status).toBe(0)
  })

  it('fails when the job environment holds the identity header or a private key', () => {
    const run = runStep(
      step,
      {
        PROC_ROOT: cleanProc,
        SUDO_ALLOWED: 'false',
        IDENTITY_HEADER: 'x',
        KEY: '-----BEGIN RSA PRIVATE KEY-----\nabc'
      },
      noSudo
    )
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      "::error title=Credential reachable::$IDENTITY_HEADER is set in the job's environment."
    )
    expect(run.stdout).toContain("::error title=Credential reachable::A private key is in the job's environment.")
  })

  it('fails when a readable process environment (PID 1) holds the identity header', () => {
    const run = runStep(step, { PROC_ROOT: procWith({ IDENTITY_HEADER: 'secret' }), SUDO_ALLOWED: 'false' }, noSudo)
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      '::error title=Credential reachable::A process this job can read holds the managed identity header.'
    )
  })

  it('fails when sudo works but the config does not allow it', () => {
    const run = runStep(step, { PROC_ROOT: cleanProc, SUDO_ALLOWED: 'false' }, sudo)
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      '::error title=Credential reachable::sudo works, but the config does not set runners.sudo: true.'
    )
  })

  it('fails with sudo allowed when root still finds the identity header', () => {
    const run = runStep(step, { PROC_ROOT: procWith({ IDENTITY_HEADER: 'secret' }), SUDO_ALLOWED: 'true' }, sudo)
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      '::error title=Credential reachable::With sudo, a process still holds the managed identity header'
    )
  })

  it('passes with sudo allowed when even root finds no identity header', () => {
    const run = runStep(step, { PROC_ROOT: cleanProc, SUDO_ALLOWED: 'true' }, sudo)
    expect(run.stdout).not.toContain('::error')
    expect(run.status).toBe(0)
  })
})

describe('probe: user namespaces', () => {
  const step = findStep(verify, 'probe', 'user-namespaces')
  const allowed = fakeBin({ unshare: 'exit 0' })
  const refused = fakeBin({ unshare: 'echo "unshare: unshare failed: Operation not permitted" >&2; exit 1' })

  it('reports the mode; refused by default passes', () => {
    const run = runStep(step, { ALLOWED: 'false', SUDO_ALLOWED: 'false' }, refused)
    expect(run.stdout).toContain(
      'New user namespaces: refused (runners.allowUserNamespaces: false, runners.sudo: false)'
    )
    expect(run.status).toBe(0)
  })

  it('fails when a step gets one although the config does not allow it (the image lacks the filter)', () => {
    const run = runStep(step, { ALLOWED: 'false', SUDO_ALLOWED: 'false' }, allowed)
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('::error title=User namespaces allowed::')
  })

  it('passes when allowed by the config, or in sudo mode (no filter there); warns when the host refuses them', () => {
    expect(runStep(step, { ALLOWED: 'true', SUDO_ALLOWED: 'false' }, allowed).status).toBe(0)
    expect(runStep(step, { ALLOWED: 'false', SUDO_ALLOWED: 'true' }, allowed).status).toBe(0)
    const run = runStep(step, { ALLOWED: 'true', SUDO_ALLOWED: 'false' }, refused)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('::warning title=User namespaces refused::')
  })
})

describe('after the probe: runner discarded', () => {
  const step = findStep(verify, 'deregistered', 'discarded')

  function resultFile(result: object): string {
    const file = join(tempDir(), 'verify.json')
    writeFileSync(file, JSON.stringify(result))
    return file
  }

  it('passes when the runner is gone and its execution succeeded', () => {
    const RESULT = resultFile({
      runners: [{ name: 'studio-other', status: 'online', busy: true }],
      executions: [
        { name: 'studio-abc12', status: 'Succeeded' },
        { name: 'studio-other', status: 'Running' }
      ]
    })
    const run = runStep(step, { RUNNER: 'studio-abc12', RESULT })
    expect(run.stdout).toContain('studio-abc12 deregistered and its execution succeeded.')
    expect(run.status).toBe(0)
  })

  it('fails when the runner is still registered and its execution still runs', () => {
    const RESULT = resultFile({
      runners: [{ name: 'studio-abc12', status: 'online', busy: false }],
      executions: [{ name: 'studio-abc12', status: 'Running' }]
    })
    const run = runStep(step, { RUNNER: 'studio-abc12', RESULT })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      '::error title=Runner still registered::studio-abc12 is still registered after its job'
    )
    expect(run.stdout).toContain(
      "::error title=Execution not finished::The execution studio-abc12 is 'Running', expected 'Succeeded'"
    )
  })

  it('fails when verify lists no such execution or wrote no result', () => {
    const missing = runStep(step, { RUNNER: 'studio-abc12', RESULT: resultFile({ runners: [], executions: [] }) })
    expect(missing.status).toBe(1)
    expect(missing.stdout).toContain("The execution studio-abc12 is 'missing'")
    const none = runStep(step, { RUNNER: 'studio-abc12', RESULT: join(tempDir(), 'absent.json') })
    expect(none.status).toBe(1)
    expect(none.stdout).toContain('::error title=No verify result::')
  })
})
