/**
 * What a job step can reach. Default mode, for real as root with a real unprivileged user: the runner cannot read
 * the key, the installation token, IDENTITY_HEADER or PID 1's environment, and cannot sudo. Sudo mode: once the
 * runner runs, no process environment, argv, the supervisor's memory or any file holds them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scanFiles, scanMemory, scanProcesses } from './secret-scan.js'
import {
  buildBundle,
  createWorld,
  fakeRunner,
  fakeSystemFiles,
  jobEnv,
  runEntrypoint,
  waitFor,
  type World
} from './world.js'

const isRoot = process.getuid?.() === 0
const hasSudo = spawnSync('sh', ['-c', 'command -v sudo']).status === 0
if (!isRoot)
  console.warn('isolation tests with a real unprivileged user are SKIPPED: they need root (CI runs them as root)')
const asRoot = isRoot ? it : it.skip

let bundle: string
let buildDir: string
let world: World

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'rs-entrypoint-build-'))
  bundle = buildBundle(buildDir)
  world = await createWorld()
})

afterAll(async () => {
  await world.close()
  rmSync(buildDir, { recursive: true, force: true })
})

beforeEach(() => {
  world.admin.clearRequests()
  world.admin.github.runners.clear()
})

/** The values no job step may obtain. */
function secrets(): string[] {
  const keyBody = world.privateKeyPem.split('\n')[5]!
  const tokens = [...world.admin.github.tokens.keys()]
  return [world.admin.identities.header, keyBody, ...tokens]
}

describe('default mode', () => {
  asRoot(
    `a real unprivileged runner user cannot read the key, the token, IDENTITY_HEADER or PID 1's env, and cannot sudo${hasSudo ? '' : ' (sudo not installed: only its absence is checked)'}`,
    async () => {
      const id = Math.random().toString(36).slice(2, 8)
      const user = `rs-runner-${id}`
      const group = `rs-sudo-${id}`
      const userSudoers = `/etc/sudoers.d/rs-user-${id}`
      const groupSudoers = `/etc/sudoers.d/rs-group-${id}`
      execFileSync('useradd', ['--create-home', '--shell', '/bin/bash', user])
      execFileSync('groupadd', [group])
      execFileSync('usermod', ['-aG', group, user])
      writeFileSync(userSudoers, `${user} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 })
      writeFileSync(groupSudoers, `%${group} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 })
      try {
        if (hasSudo) {
          // Precondition: the grants work, so the "denied" below is the entrypoint's doing.
          expect(spawnSync('runuser', ['-u', user, '--', 'sudo', '-n', 'true']).status).toBe(0)
        }
        const runner = fakeRunner(world.dir, 'job')
        const uid = Number(execFileSync('id', ['-u', user]).toString())
        chownSync(join(runner.runSh, '..'), uid, uid)
        const env = jobEnv(world, 'repo', { RUNNER_SETUP_RUN_SH: runner.runSh, RUNNER_SETUP_RUNNER_USER: user })
        const run = runEntrypoint(bundle, env)
        expect(await run.done).toBe(0)

        expect(Number(runner.record('uid'))).toBe(uid)
        expect(runner.record('parent-environ')).toBe('denied\n')
        expect(runner.record('loot')).toMatch(/^denied: \/proc\/\d+\/environ$/m)
        for (const secret of secrets()) {
          expect(runner.record('loot')).not.toContain(secret)
          expect(runner.record('env')).not.toContain(secret)
        }
        expect(runner.record('sudo')).toBe(hasSudo ? 'denied\n' : 'absent\n')
        expect(existsSync(userSudoers)).toBe(false)
        expect(readFileSync('/etc/group', 'utf8')).toMatch(new RegExp(`^${group}:x:\\d+:$`, 'm'))
      } finally {
        rmSync(userSudoers, { force: true })
        rmSync(groupSudoers, { force: true })
        spawnSync('userdel', ['--remove', user])
        spawnSync('groupdel', [group])
      }
    }
  )
})

describe('sudo mode', () => {
  function sudoModeEnv(runSh: string, idleSeconds: string): Record<string, string> {
    const files = fakeSystemFiles(world.dir)
    return jobEnv(world, 'repo', {
      RUNNER_SETUP_SUDO: 'true',
      RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: idleSeconds,
      RUNNER_SETUP_RUN_SH: runSh,
      RUNNER_SETUP_PASSWD_FILE: files.passwdFile,
      RUNNER_SETUP_GROUP_FILE: files.groupFile,
      RUNNER_SETUP_SUDOERS_DIR: files.sudoersDir
    })
  }

  it('PID 1 replaces itself with a supervisor: no environment, argv, memory or file holds a credential', async () => {
    const runner = fakeRunner(world.dir, 'idle')
    const env = sudoModeEnv(runner.runSh, '60')
    const run = runEntrypoint(bundle, env)
    await waitFor(() => runner.record('ready') !== undefined)
    const pid = run.child.pid!
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain('--supervise')

    const needles = secrets()
    // The runner runs as the same uid here, so it could read PID 1's environment: it must be clean.
    expect(runner.record('parent-environ')).toBe('readable\n')
    expect(runner.record('loot')).toContain('--supervise')
    for (const secret of needles) expect(runner.record('loot')).not.toContain(secret)
    expect(scanProcesses(needles)).toEqual([])
    expect(scanFiles(world.dir, needles)).toEqual([])
    if (isRoot) {
      const memory = scanMemory(pid, needles)
      expect(memory.bytes).toBeGreaterThan(1_000_000)
      expect(memory.findings).toEqual([])
    }
    // The runner user keeps its sudo rights in this mode.
    expect(existsSync(join(env.RUNNER_SETUP_SUDOERS_DIR!, 'runner'))).toBe(true)
    expect(run.stdout()).toContain('credential-free supervisor')

    run.child.kill('SIGTERM')
    expect(await run.done).toBe(3)
    expect(runner.record('signal')).toBe('TERM\n')
  })

  it('an idle runner is stopped without deregistration (the supervisor has no token)', async () => {
    const runner = fakeRunner(world.dir, 'idle')
    const run = runEntrypoint(bundle, sudoModeEnv(runner.runSh, '0.3'))
    expect(await run.done).toBe(0)
    expect(runner.record('signal')).toBe('TERM\n')
    expect(world.admin.requests()).toHaveLength(4)
    expect(world.admin.github.runners.size).toBe(1)
  })

  it('control: the memory scan finds the installation token in a default-mode PID 1', async () => {
    if (!isRoot) return expect(isRoot).toBe(false) // memory of another process is readable to root only
    const runner = fakeRunner(world.dir, 'idle')
    const files = fakeSystemFiles(world.dir)
    const env = jobEnv(world, 'repo', {
      RUNNER_SETUP_RUN_SH: runner.runSh,
      RUNNER_SETUP_PASSWD_FILE: files.passwdFile,
      RUNNER_SETUP_GROUP_FILE: files.groupFile,
      RUNNER_SETUP_SUDOERS_DIR: files.sudoersDir
    })
    const run = runEntrypoint(bundle, env)
    await waitFor(() => runner.record('ready') !== undefined)
    const token = [...world.admin.github.tokens.keys()].at(-1)!
    expect(scanMemory(run.child.pid!, [token]).findings.length).toBeGreaterThan(0)
    run.child.kill('SIGTERM')
    expect(await run.done).toBe(3)
  })
})
