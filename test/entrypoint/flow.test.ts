/**
 * The built entrypoint as a child process against the HTTPS doubles: container start to the listener, at org and repo
 * scope, on a GHES-style and a github.com-style API URL, with failures, retries, idle timeout and signals.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { containerProcesses, killContainer } from '../../emulator/lifecycle/container-processes.js'
import { testBundle } from '../../emulator/runner-entrypoint/bundle.js'
import {
  createWorld,
  errorLines,
  fakePasswd,
  fakeRunner,
  jobEnv,
  runEntrypoint,
  waitFor,
  type Behaviour,
  type World
} from '../../emulator/worlds/runner-world.js'

const isRoot = process.getuid!() === 0
let bundle: string
let world: World

beforeAll(async () => {
  bundle = testBundle()
  world = await createWorld()
})

afterAll(async () => {
  await world.close()
})

beforeEach(() => {
  world.admin.clearFaults()
  world.admin.clearRequests()
  world.admin.github.runners.clear()
  // One failure case revokes it.
  world.admin.keyVaults.grant(world.principalId, 'kv-studio', 'github-app-key')
})

function setup(scope: 'org' | 'repo', behaviour: Behaviour, extra: Record<string, string> = {}, mode?: number) {
  const runner = fakeRunner(world.dir, behaviour, mode)
  const env = jobEnv(world, scope, extra)
  const options = { runnerDir: runner.runnerDir, passwdFile: fakePasswd(world.dir) }
  return { runner, env, options, start: () => runEntrypoint(bundle, env, options) }
}

const calls = () =>
  world.admin
    .requests()
    .map(r => `${r.method} ${r.path.replace(/\/keyvault\/.*/, '/keyvault/…').replace(/\/\d+\//g, '/{id}/')}`)
const lastToken = () => [...world.admin.github.tokens.values()].at(-1)!

describe('container start to the listener', () => {
  it('repo scope (GHES URL): 4 calls, a narrowed token, the listener as the runner user with an allow-listed env', async () => {
    const { runner, env, start } = setup('repo', 'job')
    const run = start()
    expect(await run.done).toBe(0)

    expect(calls()).toEqual([
      'GET /msi/token',
      'GET /keyvault/…',
      'POST /github/api/v3/app/installations/{id}/access_tokens',
      'POST /github/api/v3/repos/altinn-test/studio/actions/runners/generate-jitconfig'
    ])
    expect(lastToken().permissions).toEqual({ administration: 'write' })
    expect(lastToken().repositories).toEqual([world.repo])

    const [registered] = [...world.admin.github.runners.values()]
    expect(registered).toMatchObject({
      name: env.CONTAINER_APP_JOB_EXECUTION_NAME,
      runnerGroupId: 1,
      labels: ['studio', 'linux-vnet'],
      scope: { owner: 'altinn-test', repo: 'studio' }
    })
    const argv = runner.record('argv')!.trim().split('\n')
    expect(argv.slice(0, 2)).toEqual(['run', '--jitconfig'])
    expect(JSON.parse(Buffer.from(argv[2]!, 'base64').toString()).runnerId).toBe(registered!.id)
    expect(runner.record('cwd')!.trim()).toBe(runner.runnerDir)

    const childEnv = runner.record('env')!
    expect(childEnv).not.toMatch(/^(IDENTITY_|RUNNER_SETUP_)/m)
    expect(childEnv).not.toContain(world.admin.identities.header)
    expect(childEnv).toMatch(/^ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT=1$/m)
    // An exact allow-list: a RUNNER_* setting only run.sh read does not pass by its prefix.
    expect(childEnv).not.toMatch(/^RUNNER_MANUALLY_TRAP_SIG=/m)
    expect(childEnv).toMatch(/^USER=runner$/m)
    expect(childEnv).toMatch(/^LANG=C.UTF-8$/m)
    expect(childEnv).toMatch(/^ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE=1$/m)

    // No way to gain privileges: no_new_privs always; as root also another uid, no groups, no capabilities.
    const status = runner.record('status')!
    expect(status).toMatch(/^NoNewPrivs:\s+1$/m)
    if (isRoot) {
      expect(status).toMatch(/^Uid:\s+65534\s+65534\s+65534\s+65534$/m)
      expect(status).toMatch(/^Gid:\s+65534\s+65534\s+65534\s+65534$/m)
      expect(status).toMatch(/^Groups:\s*$/m)
      expect(status).toMatch(/^CapBnd:\s+0+$/m)
      expect(status).toMatch(/^CapEff:\s+0+$/m)
    }
    expect(run.stdout()).toMatch(/managed identity token \(\d+ ms\)/)
    expect(run.stdout()).toContain('runner| 2026-01-01 00:00:00Z: Running job: build')
    expect(run.stderr()).toBe('')
  })

  it('org scope (github.com-style URL): looks up the runner group by name, token limited to self-hosted runners', async () => {
    const { start } = setup('org', 'job', { RUNNER_SETUP_GITHUB_API_URL: `${world.harness.url}/github/api` })
    const run = start()
    expect(await run.done).toBe(0)
    expect(calls()).toEqual([
      'GET /msi/token',
      'GET /keyvault/…',
      'POST /github/api/app/installations/{id}/access_tokens',
      'GET /github/api/orgs/altinn-test/actions/runner-groups',
      'POST /github/api/orgs/altinn-test/actions/runners/generate-jitconfig'
    ])
    expect(lastToken().permissions).toEqual({ organization_self_hosted_runners: 'write' })
    expect(lastToken().repositories).toBeUndefined()
    expect([...world.admin.github.runners.values()][0]).toMatchObject({
      runnerGroupId: world.teamGroupId,
      scope: { org: 'altinn-test' }
    })
  })

  it('org scope with the group id in the environment takes 4 calls', async () => {
    const { start } = setup('org', 'job', { RUNNER_SETUP_RUNNER_GROUP_ID: String(world.teamGroupId) })
    const run = start()
    expect(await run.done).toBe(0)
    expect(calls()).toHaveLength(4)
    expect([...world.admin.github.runners.values()][0]!.runnerGroupId).toBe(world.teamGroupId)
  })

  it('retries 5xx and secondary rate limits with back-off, then succeeds', async () => {
    world.admin.fault({ method: 'POST', path: '/access_tokens', status: 502, times: 1 })
    world.admin.fault({
      method: 'POST',
      path: '/generate-jitconfig',
      kind: 'secondary-rate-limit',
      retryAfterSeconds: 60,
      times: 2
    })
    world.admin.fault({ path: '/msi/token', status: 503, times: 1 })
    const run = setup('repo', 'job').start()
    expect(await run.done).toBe(0)
    expect(world.admin.requests().map(r => r.status)).toEqual([503, 200, 200, 502, 201, 403, 403, 201])
  })
})

describe('a failure before the listener: one clear line, exit 1, no registration left behind', () => {
  const cases: [string, () => Record<string, string> | void, RegExp][] = [
    [
      'managed identity down',
      () => world.admin.fault({ path: '/msi/token', status: 503 }),
      /managed identity token failed \(HTTP 503/
    ],
    [
      'Key Vault 403',
      () => world.admin.keyVaults.revoke(world.principalId, 'kv-studio', 'github-app-key'),
      /Key Vault refused to read .* \(HTTP 403: Forbidden: Caller is not authorized.*"Key Vault Secrets User"/
    ],
    [
      "a key that is not the App's",
      () => secret('wrong-key', world.admin.createApp().privateKeyPem),
      /installation token failed \(HTTP 401: A JSON web token could not be decoded\): the App key/
    ],
    ['a secret that is no PEM', () => secret('not-pem', 'not a key'), /not a PEM private key/],
    [
      'JIT 422',
      () =>
        world.admin.fault({
          path: '/generate-jitconfig',
          status: 422,
          body: { message: 'Invalid request.\n\n"runner_group_id" wasn\'t supplied.' }
        }),
      /JIT runner registration failed \(HTTP 422: Invalid request\. "runner_group_id" wasn't supplied\.\)/
    ],
    [
      'JIT 403: a GitHub-hosted group',
      () => ({
        RUNNER_SETUP_SCOPE: 'org',
        RUNNER_SETUP_RUNNER_GROUP_ID: String(
          world.admin.github.addRunnerGroup(world.org, { name: `hosted-${Math.random()}`, hosted: true }).id
        )
      }),
      /HTTP 403.*cannot take self-hosted runners/
    ],
    [
      'JIT 404: no such group',
      () => ({ RUNNER_SETUP_SCOPE: 'org', RUNNER_SETUP_RUNNER_GROUP_ID: '999999' }),
      /HTTP 404: Not Found\): runner group 999999 does not exist/
    ],
    [
      'unknown group name',
      () => ({ RUNNER_SETUP_SCOPE: 'org', RUNNER_SETUP_RUNNER_GROUP: 'nope' }),
      /runner group "nope" does not exist in altinn-test/
    ]
  ]
  for (const [name, arrange, message] of cases) {
    it(name, async () => {
      const { env, start } = setup('repo', 'job')
      Object.assign(env, arrange() ?? {})
      const run = start()
      expect(await run.done).toBe(1)
      const lines = errorLines(run.stderr())
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^runner-setup \[\+\d+ms\] error: /)
      expect(lines[0]).toMatch(message)
      expect(run.stdout()).not.toMatch(/\n\s+at /)
      expect(world.admin.github.runners.size).toBe(0)
    })
  }

  it('the listener missing: fails before any HTTP call', async () => {
    const { env, options } = setup('repo', 'job')
    const run = runEntrypoint(bundle, env, { ...options, runnerDir: join(world.dir, 'no-such') })
    expect(await run.done).toBe(1)
    expect(errorLines(run.stderr())).toEqual([
      expect.stringMatching(/no-such\/bin\/Runner\.Listener not found: use the runner image/)
    ])
    expect(world.admin.requests()).toEqual([])
  })

  it('the listener not executable: fails before any HTTP call', async () => {
    const run = setup('repo', 'job', {}, 0o644).start()
    expect(await run.done).toBe(1)
    expect(errorLines(run.stderr())).toEqual([
      expect.stringMatching(/Runner\.Listener is not executable: use the runner image/)
    ])
    expect(world.admin.requests()).toEqual([])
  })

  it('the runner ends at once without a job: the registration made for it is deleted', async () => {
    const run = setup('repo', { exit: 0 }).start()
    expect(await run.done).toBe(0)
    expect(calls().at(-1)).toMatch(/^DELETE \/github\/api\/v3\/repos\/altinn-test\/studio\/actions\/runners\/\d+$/)
    expect(world.admin.github.runners.size).toBe(0)
    expect(run.stderr()).toBe('')
  })
})

/** Another secret in the vault, readable by the job's identity; returns the env pointing at it. */
function secret(name: string, value: string): Record<string, string> {
  world.admin.keyVaults.setSecret('kv-studio', name, value)
  world.admin.keyVaults.grant(world.principalId, 'kv-studio', name)
  return { RUNNER_SETUP_KEY_SECRET_URI: `${world.harness.url}/keyvault/kv-studio/secrets/${name}` }
}

/** The calls a deregistration makes: a fresh token through the managed identity, then the DELETE. */
const DEREGISTRATION = ['GET', 'GET', 'POST', 'DELETE']

describe('after the listener started', () => {
  it('idle timeout: deletes the registration (a fresh token), stops the runner, exits 0', async () => {
    const { runner, start } = setup('repo', 'idle', { RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: '0.3' })
    const run = start()
    expect(await run.done).toBe(0)
    expect(runner.record('signal')).toBe('TERM\n')
    expect(
      calls()
        .slice(4)
        .map(c => c.split(' ')[0])
    ).toEqual(DEREGISTRATION)
    expect(world.admin.github.runners.size).toBe(0)
    expect(run.stdout()).toContain('no job within 0.3 s')
  })

  it('idle timeout while GitHub says the runner is busy (DELETE answers 422): keeps it', async () => {
    const { runner, start } = setup('repo', 'idle', { RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: '0.3' })
    const run = start()
    await waitFor(() => world.admin.github.runners.size === 1)
    ;[...world.admin.github.runners.values()][0]!.busy = true
    await waitFor(() => run.stdout().includes('keeping the runner') && runner.record('ready') !== undefined)
    expect(world.admin.requests().at(-1)).toMatchObject({ method: 'DELETE', status: 422 })
    expect(runner.record('signal')).toBeUndefined()
    run.child.kill('SIGTERM')
    expect(await run.done).toBe(143)
    expect(world.admin.github.runners.size).toBe(1)
  })

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130]
  ] as const) {
    it(`passes ${signal} on to the runner and exits 128 + its number`, async () => {
      const { runner, start } = setup('repo', 'idle')
      const run = start()
      await waitFor(() => runner.record('ready') !== undefined)
      run.child.kill(signal)
      expect(await run.done).toBe(code)
      expect(runner.record('signal')).toBe(signal.slice(3) + '\n')
      // It ended without a job: its registration goes too.
      expect(world.admin.github.runners.size).toBe(0)
    })
  }

  for (const code of [1, 5, 6, 7, 42]) {
    it(`exits with the listener's own exit code ${code} (run-helper.sh would turn 1, 5, 6 and 42 into 0)`, async () => {
      const run = setup('repo', { exit: code }).start()
      expect(await run.done).toBe(code)
      expect(run.stdout()).toContain(`the listener exited with code ${code}`)
    })
  }

  /** A listener that counts its starts in the runner folder, then behaves as `byStart[start - 1]`. */
  const counting = (...byStart: string[]): Behaviour => ({
    script: [
      'n=$(( $(cat "$rec/starts" 2>/dev/null || echo 0) + 1 )); echo $n > "$rec/starts"',
      ...byStart.map((body, i) => `if [ $n -eq ${i + 1} ]; then ${body}; fi`),
      'exit 99'
    ].join('\n')
  })

  it('2 before any job: started again (run-helper.sh waits 5 s); a restart code after the job ends the container', async () => {
    const { runner, env, options } = setup(
      'repo',
      counting('echo "retryable"; exit 2', 'echo "2026-01-01 00:00:00Z: Running job: build"; exit 3')
    )
    const run = runEntrypoint(bundle, env, { ...options, listenerRetryDelayMs: 10 })
    expect(await run.done).toBe(3)
    expect(runner.record('starts')).toBe('2\n') // never a third start from the runner-owned folder
    expect(run.stdout()).toContain('starting the listener again (retryable error)')
    expect(run.stdout()).toContain('the listener exited with code 3')
  })

  it('4 before any job: waits for the update script’s update.finished (removed), then starts the listener again', async () => {
    const { runner, start } = setup(
      'repo',
      counting(
        '(sleep 0.3; touch "$PWD/update.finished") > /dev/null 2>&1 & exit 4',
        'echo "2026-01-01 00:00:00Z: Running job: build"; exit 0'
      )
    )
    const run = start()
    expect(await run.done).toBe(0)
    expect(runner.record('starts')).toBe('2\n')
    expect(run.stdout()).toContain('starting the listener again (after its update)')
    expect(existsSync(join(runner.runnerDir, 'update.finished'))).toBe(false)
  })

  it('a listener that ignores SIGTERM is killed after the grace period; nothing is left', async () => {
    const marker = `stubborn-${Math.random().toString(36).slice(2, 8)}`
    const { runner, env, options } = setup('repo', 'stubborn', { RUNNER_EMULATED_CONTAINER: marker })
    const run = runEntrypoint(bundle, env, { ...options, stopGraceMs: 300 })
    await waitFor(() => runner.record('ready') !== undefined)
    const stopped = Date.now()
    run.child.kill('SIGTERM')
    expect(await run.done).toBe(143)
    expect(Date.now() - stopped).toBeGreaterThanOrEqual(300)
    expect(runner.record('signal')).toBe('TERM\n')
    expect(containerProcesses(marker)).toEqual([])
  })
})

it('a job step that left the runner’s session still holding its output does not keep the container running', async () => {
  const marker = `daemon-${Math.random().toString(36).slice(2, 8)}`
  const { env, options } = setup('repo', 'daemon', { RUNNER_EMULATED_CONTAINER: marker })
  try {
    const run = runEntrypoint(bundle, env, { ...options, stopGraceMs: 300 })
    const started = Date.now()
    // Its exit, not the end of its output: the daemon also holds the stderr PID 1 passed on to the runner.
    expect(await new Promise(resolve => run.child.once('exit', resolve))).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
  } finally {
    killContainer(marker) // here PID 1 is no PID 1: its end does not take the daemon with it
  }
})
