/**
 * The entrypoint's pure parts: settings, retry policy, the runner user, how the runner is started and found, its
 * outcome, the runner's env, the App JWT.
 */
import { describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { createAppJwt } from '../../src/github/app-jwt.js'
import { readRegistrationSettings, readRunnerSettings, type RunnerSettings } from '../../src/entrypoint/config.js'
import { EntrypointError } from '../../src/entrypoint/errors.js'
import { retryDelayMs, type HttpRequest } from '../../src/http/json-client.js'
import { getManagedIdentityToken } from '../../src/http/key-vault.js'
import { parseStat, runnerTree, type ProcessInfo } from '../../src/entrypoint/process-tree.js'
import { buildRunnerEnv, buildSupervisorEnv } from '../../src/entrypoint/runner-environment.js'
import { containerExitCode, listenerVerdict, type RunnerEnd } from '../../src/entrypoint/runner-outcome.js'
import { MAX_LINE_BYTES, RELAY_MARK, relayLine, splitLines } from '../../src/entrypoint/runner-output.js'
import { listenerCommand, runnerStart, setprivArgs } from '../../src/entrypoint/runner-process.js'
import { cannotSwitchTo, parsePasswd } from '../../src/entrypoint/system-user.js'
import { verifyAppJwt } from '../../emulator/github/app-jwt.js'
import { GitHubState } from '../../emulator/github/state.js'

const baseEnv = {
  RUNNER_SETUP_SCOPE: 'org',
  RUNNER_SETUP_GITHUB_API_URL: 'https://ghes.example.com/api/v3/',
  RUNNER_SETUP_OWNER: 'altinn',
  RUNNER_SETUP_RUNNER_GROUP: 'team-a',
  RUNNER_SETUP_LABELS: 'team-a, extra ,',
  RUNNER_SETUP_APP_ID: '12',
  RUNNER_SETUP_INSTALLATION_ID: '34',
  RUNNER_SETUP_KEY_SECRET_URI: 'https://kv.vault.azure.net/secrets/app-key',
  RUNNER_SETUP_IDENTITY_CLIENT_ID: 'client',
  IDENTITY_ENDPOINT: 'http://localhost:42356/msi/token',
  IDENTITY_HEADER: 'secret-header'
}

describe('settings', () => {
  it('reads the job template contract, trims the API URL and labels, names the runner after the execution', () => {
    const settings = readRegistrationSettings(
      { ...baseEnv, CONTAINER_APP_JOB_EXECUTION_NAME: 'job-x1', CONTAINER_APP_REPLICA_NAME: 'replica' },
      'host'
    )
    expect(settings).toMatchObject({
      target: { scope: 'org', owner: 'altinn' },
      apiUrl: 'https://ghes.example.com/api/v3',
      runnerGroup: 'team-a',
      labels: ['team-a', 'extra'],
      runnerName: 'job-x1'
    })
    expect(readRegistrationSettings(baseEnv, 'host').runnerName).toBe('host')
    expect(readRegistrationSettings({ ...baseEnv, CONTAINER_APP_REPLICA_NAME: 'replica' }, 'host').runnerName).toBe(
      'replica'
    )
  })

  it('refuses what the job template must provide, with the fix', () => {
    expect(() => readRegistrationSettings({ ...baseEnv, RUNNER_SETUP_SCOPE: 'enterprise' }, 'h')).toThrow(
      'RUNNER_SETUP_SCOPE must be "org" or "repo", not "enterprise"'
    )
    expect(() => readRegistrationSettings({ ...baseEnv, RUNNER_SETUP_SCOPE: 'repo' }, 'h')).toThrow(
      'RUNNER_SETUP_REPO is not set: re-run apply'
    )
    expect(() => readRegistrationSettings({ ...baseEnv, RUNNER_SETUP_RUNNER_GROUP: '' }, 'h')).toThrow(
      'org scope needs RUNNER_SETUP_RUNNER_GROUP'
    )
    expect(() => readRegistrationSettings({ ...baseEnv, RUNNER_SETUP_LABELS: ' , ' }, 'h')).toThrow(
      'must list 1 to 100 labels, found 0'
    )
    expect(() => readRegistrationSettings({ ...baseEnv, IDENTITY_HEADER: '' }, 'h')).toThrow('no managed identity')
    expect(() => readRegistrationSettings({ ...baseEnv, RUNNER_SETUP_RUNNER_GROUP_ID: '1.5' }, 'h')).toThrow(
      EntrypointError
    )
  })

  it('has production defaults for the local settings; fractions of a second for the idle timeout', () => {
    expect(readRunnerSettings({})).toEqual({
      runnerDir: '/home/runner',
      listener: '/home/runner/bin/Runner.Listener',
      seccompHelper: '/opt/runner-setup/no-user-namespaces',
      allowUserNamespaces: false,
      runnerUser: 'runner',
      passwdFile: '/etc/passwd',
      idleTimeoutMs: 600_000,
      stopGraceMs: 10_000,
      listenerRetryDelayMs: undefined,
      updateWaitMs: undefined,
      runnerEnvNames: [],
      sudo: false
    })
    expect(
      readRunnerSettings({
        RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: '0.25',
        RUNNER_SETUP_SUDO: 'TRUE',
        RUNNER_SETUP_ALLOW_USER_NAMESPACES: 'true'
      })
    ).toMatchObject({ idleTimeoutMs: 250, sudo: true, allowUserNamespaces: true })
    expect(() => readRunnerSettings({ RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: 'soon' })).toThrow(
      'must be a non-negative number, not "soon"'
    )
  })
})

describe('retry policy', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 5000 }
  const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null

  it('backs off exponentially on 5xx and 429, bounded', () => {
    expect(retryDelayMs(502, headers({}), 1, policy, 0)).toBe(100)
    expect(retryDelayMs(503, headers({}), 3, policy, 0)).toBe(400)
    expect(retryDelayMs(500, headers({}), 10, policy, 0)).toBe(5000)
    expect(retryDelayMs(429, headers({}), 1, policy, 0)).toBe(100)
  })

  it('honours retry-after and x-ratelimit-reset on secondary/primary rate limits, never a plain 403', () => {
    expect(retryDelayMs(403, headers({ 'retry-after': '2' }), 1, policy, 0)).toBe(2000)
    expect(retryDelayMs(403, headers({ 'retry-after': '600' }), 1, policy, 0)).toBe(5000)
    expect(
      retryDelayMs(403, headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '103' }), 1, policy, 100_000)
    ).toBe(3000)
    expect(retryDelayMs(403, headers({ 'x-ratelimit-remaining': '10' }), 1, policy, 0)).toBeUndefined()
    expect(retryDelayMs(404, headers({}), 1, policy, 0)).toBeUndefined()
    expect(retryDelayMs(422, headers({}), 1, policy, 0)).toBeUndefined()
  })
})

describe('the runner user', () => {
  const passwd = 'root:x:0:0:root:/root:/bin/bash\nrunner:x:1001:1001:,,,:/home/runner:/bin/bash\nnologin:x:5:5::/:\n'

  it('is looked up in passwd', () => {
    expect(parsePasswd(passwd, 'runner')).toEqual({
      name: 'runner',
      uid: 1001,
      gid: 1001,
      home: '/home/runner',
      shell: '/bin/bash'
    })
    expect(parsePasswd(passwd, 'nologin')).toMatchObject({ home: '/', shell: '/bin/sh' })
    expect(parsePasswd(passwd, 'runne')).toBeUndefined()
  })

  it('can be switched to only by root (or when it is the current user), and is never root', () => {
    const runner = parsePasswd(passwd, 'runner')!
    expect(cannotSwitchTo(runner, 0)).toBeUndefined()
    expect(cannotSwitchTo(runner, 1001)).toBeUndefined()
    expect(cannotSwitchTo(runner, 1000)).toBe(
      'the entrypoint runs as uid 1000 and cannot start the runner as runner: PID 1 must start as root (USER root in runner/Dockerfile)'
    )
    expect(cannotSwitchTo(parsePasswd(passwd, 'root')!, 0)).toMatch(/^the runner user root is root \(uid 0\)/)
  })

  it('is started with no way to gain privileges; in sudo mode with the user switch only', () => {
    const runner = parsePasswd(passwd, 'runner')!
    expect(setprivArgs(runner, { sudo: false, root: true })).toEqual([
      '--reuid=1001',
      '--regid=1001',
      '--clear-groups',
      '--no-new-privs',
      '--inh-caps=-all',
      '--bounding-set=-all',
      '--'
    ])
    expect(setprivArgs(runner, { sudo: true, root: true })).toEqual([
      '--reuid=1001',
      '--regid=1001',
      '--clear-groups',
      '--'
    ])
    expect(setprivArgs(runner, { sudo: false, root: false })).toEqual(['--no-new-privs', '--inh-caps=-all', '--'])
  })

  it('starts bin/Runner.Listener itself, through the seccomp helper unless user namespaces are allowed or in sudo mode', () => {
    const runner = parsePasswd(passwd, 'runner')!
    const settings = readRunnerSettings({})
    const argv = (local: RunnerSettings) => listenerCommand(runnerStart(local, runner, 'JIT', {}), true)
    const tail = ['/home/runner/bin/Runner.Listener', 'run', '--jitconfig', 'JIT']
    expect(argv(settings)).toEqual([
      ...setprivArgs(runner, { sudo: false, root: true }),
      '/opt/runner-setup/no-user-namespaces',
      ...tail
    ])
    expect(argv({ ...settings, allowUserNamespaces: true })).toEqual([
      ...setprivArgs(runner, { sudo: false, root: true }),
      ...tail
    ])
    expect(argv({ ...settings, sudo: true })).toEqual([...setprivArgs(runner, { sudo: true, root: true }), ...tail])
  })
})

describe("the runner's processes", () => {
  it('reads /proc/<pid>/stat, names with spaces and parentheses included; zombies are gone', () => {
    expect(parseStat('42 (Runner.Listener) S 41 41 40 0 -1 4194560 ...')).toEqual({
      pid: 42,
      ppid: 41,
      pgid: 41,
      sid: 40,
      comm: 'Runner.Listener'
    })
    expect(parseStat('43 (a (b) c) R 1 43 43 0')).toMatchObject({ pid: 43, comm: 'a (b) c', sid: 43 })
    expect(parseStat('44 (sleep) Z 41 41 40 0')).toBeUndefined()
  })

  it("are run.sh's session plus every descendant, also one in a session of its own", () => {
    const p = (pid: number, ppid: number, pgid: number, sid: number): ProcessInfo => ({
      pid,
      ppid,
      pgid,
      sid,
      comm: ''
    })
    const all = [
      p(1, 0, 1, 1),
      p(40, 1, 40, 40), // run.sh
      p(41, 40, 41, 40), // run-helper.sh: `set -m` gives it a group of its own
      p(42, 41, 41, 40), // Runner.Listener
      p(50, 42, 50, 50), // a job step that called setsid
      p(51, 50, 50, 50),
      p(60, 1, 41, 40), // an orphan of the runner's session
      p(70, 1, 70, 70) // someone else
    ]
    expect(
      runnerTree(40, all)
        .map(x => x.pid)
        .sort((a, b) => a - b)
    ).toEqual([40, 41, 42, 50, 51, 60])
  })
})

describe("the listener's exit status (actions/runner v2.336.0 run-helper.sh) and the container's exit code", () => {
  const signals = { SIGTERM: 15, SIGINT: 2, SIGKILL: 9 }
  const exit = (code: number | null, signal: NodeJS.Signals | null = null) => ({ code, signal })

  it('stops on 0, 1, 5, 7 and unknown codes, each keeping its own code (run-helper.sh turns 1, 5 and unknown into 0)', () => {
    for (const code of [0, 1, 5, 6, 7, 42])
      for (const jobMayHaveRun of [false, true])
        expect(listenerVerdict(exit(code), jobMayHaveRun, signals)).toEqual({ code })
  })

  it('restarts on 2 (retryable) and after an update on 3 and 4, only while no job can have run', () => {
    expect(listenerVerdict(exit(2), false, signals)).toEqual({ restart: 'retry' })
    expect(listenerVerdict(exit(3), false, signals)).toEqual({ restart: 'update' })
    expect(listenerVerdict(exit(4), false, signals)).toEqual({ restart: 'update' })
    // After a job the runner-owned bin/ is never executed again: the container ends with the code.
    for (const code of [2, 3, 4]) expect(listenerVerdict(exit(code), true, signals)).toEqual({ code })
  })

  it('a listener killed by a signal (a job step can kill its own listener): 128+n', () => {
    expect(listenerVerdict(exit(null, 'SIGKILL'), true, signals)).toEqual({ code: 137 })
  })

  it("the container: the listener's code; 0 for an idle stop; 128+n for the container's stop signal", () => {
    const end = (over: Partial<RunnerEnd>): RunnerEnd => ({
      verdict: { code: 0 },
      stoppedIdle: false,
      stopSignal: undefined,
      ...over
    })
    expect(containerExitCode(end({ verdict: { code: 1 } }), signals)).toBe(1)
    expect(containerExitCode(end({ verdict: { code: 5 } }), signals)).toBe(5)
    expect(containerExitCode(end({ verdict: { code: 137 } }), signals)).toBe(137)
    expect(containerExitCode(end({ verdict: { code: 0 } }), signals)).toBe(0)
    expect(containerExitCode(end({ verdict: { code: 143 }, stoppedIdle: true }), signals)).toBe(0)
    expect(containerExitCode(end({ verdict: { code: 0 }, stopSignal: 'SIGTERM' }), signals)).toBe(143)
    // A restart the container's stop cut short.
    expect(containerExitCode(end({ verdict: { restart: 'retry' } }), signals)).toBe(1)
  })
})

describe("the runner's output", () => {
  const split = (chunks: string[], max: number) => {
    const lines: [string, boolean][] = []
    const splitter = splitLines((line, cut) => lines.push([line, cut]), max)
    for (const chunk of chunks) splitter.push(Buffer.from(chunk))
    splitter.end()
    return lines
  }

  it('is split into lines across chunks; a last line without a newline still counts', () => {
    expect(split(['ab', 'c\nde\n', '\nf'], 10)).toEqual([
      ['abc', false],
      ['de', false],
      ['', false],
      ['f', false]
    ])
  })

  it('cuts a line over the limit, marks it, skips its rest, and goes on with the next line', () => {
    expect(split(['0123', '456789', 'abc', 'def\nnext\n'], 8)).toEqual([
      ['01234567', true],
      ['next', false]
    ])
    expect(split(['12345678\n'], 8)).toEqual([['12345678', false]])
  })

  it('is relayed with a mark PID 1 never prints first, control characters escaped', () => {
    expect(relayLine('runner-setup [+1ms] deleted: runner 4242 (idle timeout)', false)).toBe(
      'runner| runner-setup [+1ms] deleted: runner 4242 (idle timeout)'
    )
    expect(relayLine('a\rrunner-setup', false)).toBe('runner| a\\x0drunner-setup')
    expect(relayLine('x', true)).toBe(`runner| x [cut at ${MAX_LINE_BYTES} bytes]`)
    expect(RELAY_MARK.startsWith('runner-setup')).toBe(false)
  })
})

describe('the runner environment', () => {
  const user = { name: 'runner', uid: 1001, gid: 1001, home: '/home/runner', shell: '/bin/bash' }
  const source = {
    PATH: '/usr/bin',
    LANG: 'en_US.UTF-8',
    IDENTITY_ENDPOINT: 'http://localhost:42356/msi/token',
    IDENTITY_HEADER: 'secret',
    MSI_SECRET: 'secret',
    RUNNER_SETUP_KEY_SECRET_URI: 'https://kv.vault.azure.net/secrets/k',
    RUNNER_SETUP_JIT_CONFIG: 'jit',
    RUNNER_MANUALLY_TRAP_SIG: '1',
    ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT: '1',
    HOME: '/root',
    AZURE_CLIENT_ID: 'x',
    RUNNER_ANYTHING: 'x',
    ACTIONS_RUNNER_ANYTHING: 'x'
  }

  it('is an exact allow-list: no IDENTITY_*, no RUNNER_SETUP_*, nothing by prefix; HOME and USER of the runner user', () => {
    expect(buildRunnerEnv(source, user)).toEqual({
      PATH: '/usr/bin',
      LANG: 'en_US.UTF-8',
      ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT: '1',
      ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE: '1',
      HOME: '/home/runner',
      USER: 'runner',
      LOGNAME: 'runner',
      SHELL: '/bin/bash'
    })
    expect(buildRunnerEnv(source, user, ['RUNNER_ANYTHING'])).toMatchObject({ RUNNER_ANYTHING: 'x' })
  })

  it('the sudo-mode supervisor keeps its own settings but no identity', () => {
    const env = buildSupervisorEnv(source)
    expect(Object.keys(env).sort()).toEqual([
      'ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT',
      'LANG',
      'PATH',
      'RUNNER_SETUP_JIT_CONFIG',
      'RUNNER_SETUP_KEY_SECRET_URI'
    ])
  })
})

describe('the identity endpoint', () => {
  const call = async (endpoint: string): Promise<string> => {
    let asked = ''
    const http = Object.assign(
      async (request: HttpRequest) => {
        asked = request.url
        return { status: 200, headers: new Headers(), body: { access_token: 'token' } }
      },
      { backoff: async () => {}, maxAttempts: 1 }
    )
    await getManagedIdentityToken(http, { endpoint, header: 'h', clientId: 'c' }, 'https://vault.azure.net')
    return new URL(asked).host
  }

  it('is called at 127.0.0.1 for localhost, never by a name another process could answer on ::1', async () => {
    expect(await call('http://localhost:42356/msi/token')).toBe('127.0.0.1:42356')
    expect(await call('http://LOCALHOST:42356/msi/token')).toBe('127.0.0.1:42356')
    expect(await call('https://127.0.0.1:8443/msi/token')).toBe('127.0.0.1:8443')
  })
})

describe('App JWT', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

  it('is RS256, iat 60 s back, exp 9 min ahead, and verifies with the App public key', () => {
    let now = 1_700_000_000_000
    const state = new GitHubState(() => now)
    const app = state.addApp(publicKey.export({ type: 'spki', format: 'pem' }).toString())
    const jwt = createAppJwt(String(app.id), pem, 1_700_000_000)
    expect(JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString())).toEqual({
      iat: 1_699_999_940,
      exp: 1_700_000_540,
      iss: String(app.id)
    })
    expect(verifyAppJwt(state, jwt)).toEqual({ app })
    // The double enforces GitHub's rules: signed by another key, expired.
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString()
    expect(verifyAppJwt(state, createAppJwt(String(app.id), other, 1_700_000_000))).toEqual({
      error: 'A JSON web token could not be decoded'
    })
    now += 540_000
    expect(verifyAppJwt(state, jwt)).toEqual({
      error: expect.stringContaining("'Expiration time' claim ('exp') must be")
    })
  })

  it('refuses a key that is not RSA PEM with a hint, without echoing it', () => {
    expect(() => createAppJwt('1', 'garbage-key-material', 0)).toThrow(
      /not a PEM private key: store the App's downloaded \.pem/
    )
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString()
    expect(() => createAppJwt('1', ec, 0)).toThrow('is ec, not RSA')
  })
})
