/**
 * The entrypoint's pure parts: settings, retry policy, the runner user, how the runner is started and found, its
 * outcome, the runner's env, the App JWT.
 */
import { describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { createAppJwt } from '../../src/github-app/app-jwt.js'
import { readRegistrationSettings, readRunnerSettings } from '../../src/entrypoint/config.js'
import { EntrypointError } from '../../src/entrypoint/errors.js'
import { retryDelayMs } from '../../src/github-app/http.js'
import { parseStat, runnerTree, type ProcessInfo } from '../../src/entrypoint/process-tree.js'
import { buildRunnerEnv, buildSupervisorEnv } from '../../src/entrypoint/runner-environment.js'
import { containerExitCode, listenerExitCode, type RunnerEnd } from '../../src/entrypoint/runner-outcome.js'
import { setprivArgs } from '../../src/entrypoint/runner-process.js'
import { cannotSwitchTo, parsePasswd } from '../../src/entrypoint/system-user.js'
import { verifyAppJwt } from '../emulator/github/app-jwt.js'
import { GitHubState } from '../emulator/github/state.js'

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
      runSh: '/home/runner/run.sh',
      runnerUser: 'runner',
      passwdFile: '/etc/passwd',
      idleTimeoutMs: 600_000,
      stopGraceMs: 10_000,
      sudo: false
    })
    expect(readRunnerSettings({ RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: '0.25', RUNNER_SETUP_SUDO: 'TRUE' })).toMatchObject({
      idleTimeoutMs: 250,
      sudo: true
    })
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

describe("the container's exit code", () => {
  const signals = { SIGTERM: 15, SIGINT: 2, SIGKILL: 9 }
  const end = (over: Partial<RunnerEnd>): RunnerEnd => ({
    exit: { code: 0, signal: null },
    listenerCode: undefined,
    stoppedIdle: false,
    stopSignal: undefined,
    ...over
  })

  it("learns the listener's own code from run-helper.sh's lines", () => {
    expect(listenerExitCode('Runner listener exit with 0 return code, stop the service, no retry needed.')).toBe(0)
    expect(listenerExitCode('Runner listener exit with terminated error, stop the service, no retry needed.')).toBe(1)
    expect(
      listenerExitCode('Runner listener exit with Session Conflict error, stop the service, no retry needed.')
    ).toBe(5)
    expect(listenerExitCode('Runner listener exit with deprecated version exit code: 7.')).toBe(7)
    expect(listenerExitCode('Exiting with unknown error code: 42')).toBe(42)
    expect(listenerExitCode('Runner listener exit with retryable error, re-launch runner in 5 seconds.')).toBeNaN()
    expect(listenerExitCode('2026-01-01 00:00:00Z: Running job: build')).toBeUndefined()
  })

  it("is the listener's code, not run.sh's mapping; 0 for an idle stop; 128+n for a stop signal", () => {
    expect(containerExitCode(end({ listenerCode: 1 }), signals)).toBe(1)
    expect(containerExitCode(end({ listenerCode: 5 }), signals)).toBe(5)
    expect(containerExitCode(end({ exit: { code: 7, signal: null }, listenerCode: 7 }), signals)).toBe(7)
    expect(containerExitCode(end({ listenerCode: 0 }), signals)).toBe(0)
    expect(containerExitCode(end({ exit: { code: 3, signal: null }, listenerCode: Number.NaN }), signals)).toBe(3)
    expect(
      containerExitCode(end({ exit: { code: 143, signal: null }, listenerCode: 0, stoppedIdle: true }), signals)
    ).toBe(0)
    expect(
      containerExitCode(end({ exit: { code: 143, signal: null }, listenerCode: 0, stopSignal: 'SIGTERM' }), signals)
    ).toBe(143)
    expect(containerExitCode(end({ exit: { code: null, signal: 'SIGKILL' }, listenerCode: 0 }), signals)).toBe(137)
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
    AZURE_CLIENT_ID: 'x'
  }

  it('is an allow-list: no IDENTITY_*, no RUNNER_SETUP_*, HOME and USER of the runner user', () => {
    expect(buildRunnerEnv(source, user)).toEqual({
      PATH: '/usr/bin',
      LANG: 'en_US.UTF-8',
      RUNNER_MANUALLY_TRAP_SIG: '1',
      ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT: '1',
      ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE: '1',
      HOME: '/home/runner',
      USER: 'runner',
      LOGNAME: 'runner',
      SHELL: '/bin/bash'
    })
  })

  it('the sudo-mode supervisor keeps its own settings but no identity', () => {
    const env = buildSupervisorEnv(source)
    expect(Object.keys(env).sort()).toEqual([
      'ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT',
      'LANG',
      'PATH',
      'RUNNER_MANUALLY_TRAP_SIG',
      'RUNNER_SETUP_JIT_CONFIG',
      'RUNNER_SETUP_KEY_SECRET_URI'
    ])
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
