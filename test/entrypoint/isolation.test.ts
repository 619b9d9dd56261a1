/**
 * What a hostile job step can reach, tried for real as root with a real unprivileged user, set up the way the
 * official runner image sets it up (member of `sudo` in /etc/group and /etc/gshadow, sudoers rules by name, by uid
 * and by group). The runner is started with no_new_privs, no groups and no capabilities, so every way up must fail:
 * every setuid/setgid binary on the machine, sg/newgrp, sudo, su, and every way into PID 1 (its environment,
 * memory, open files, ptrace, a core dump). Each attack is its own test; a control shows each would work without
 * the entrypoint's hardening. Sudo mode: once the runner runs, no process, memory or file holds a credential.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { killContainer } from '../../emulator/lifecycle/container-processes.js'
import { writeAttacker, type Attacker } from './attacker.js'
import { scanFiles, scanMemory, scanProcesses } from './secret-scan.js'
import { testBundle } from '../../emulator/runner-entrypoint/bundle.js'
import {
  createWorld,
  fakePasswd,
  fakeRunner,
  jobEnv,
  runEntrypoint,
  waitFor,
  type Run,
  type World
} from '../../emulator/worlds/runner-world.js'

const isRoot = process.getuid?.() === 0
const hasSudo = spawnSync('sh', ['-c', 'command -v sudo']).status === 0
if (!isRoot) console.warn('isolation tests with a real unprivileged user are SKIPPED: they need root (CI runs as root)')
const describeAsRoot = isRoot ? describe : describe.skip
const SUDO_MISSING = 'SKIPPED: sudo is not installed here (.ci/run installs it)'
const withSudo = hasSudo ? it : it.skip

let world: World
let bundle: string

beforeAll(async () => {
  bundle = testBundle()
  world = await createWorld()
})

afterAll(async () => {
  await world?.close()
})

/** The values no job step may obtain: IDENTITY_HEADER, every line of the App key, every token and JWT. */
function secrets(): string[] {
  const keyLines = world.privateKeyPem.split('\n').filter(l => l !== '' && !l.startsWith('-----'))
  return [world.admin.identities.header, ...keyLines, ...world.bearers, ...world.admin.github.tokens.keys()]
}

function leaked(text: string): string[] {
  return secrets()
    .filter(s => text.includes(s))
    .map(s => s.slice(0, 8) + '…')
}

/** Every uid and gid an `id` output shows, when it shows any. */
function ids(text: string): { uids: number[]; gids: number[] } {
  const uids = [...text.matchAll(/uid=(\d+)/g)].map(m => Number(m[1]))
  const gids = [...text.matchAll(/(?:gid=|groups=|,)(\d+)\(/g)].map(m => Number(m[1]))
  return { uids, gids }
}

/** Every setuid and setgid file on this machine's root filesystem. */
function setidBinaries(): string[] {
  if (!isRoot) return []
  return execFileSync('find', ['/', '-xdev', '-perm', '/6000', '-type', 'f'], { encoding: 'utf8' })
    .split('\n')
    .filter(b => b !== '')
}

describeAsRoot('default mode: a hostile job step as a real unprivileged user', () => {
  const binaries = setidBinaries()
  const tag = Math.random().toString(36).slice(2, 8)
  const user = `rs-att-${tag}`
  const group = `rs-priv-${tag}`
  const sudoers = `/etc/sudoers.d/rs-att-${tag}`
  const memberOf = [group, 'sudo']
  let uid = -1
  let gid = -1
  let groupId = -1
  let attacker: Attacker
  let run: Run | undefined
  let pid = 0
  let memory: ReturnType<typeof scanMemory>
  let headerInMemory: ReturnType<typeof scanMemory>
  let environAsRoot = ''

  beforeAll(async () => {
    // Everything made here is removed in afterAll, which runs even when this fails half-way.
    execFileSync('groupadd', [group])
    execFileSync('useradd', ['--user-group', '--no-create-home', '--home-dir', '/nonexistent', user])
    // As the official image does it (usermod -aG sudo runner): /etc/group and /etc/gshadow both list the member.
    execFileSync('usermod', ['-aG', memberOf.join(','), user])
    uid = Number(execFileSync('id', ['-u', user]).toString())
    gid = Number(execFileSync('id', ['-g', user]).toString())
    groupId = Number(execFileSync('getent', ['group', group]).toString().split(':')[2])
    if (hasSudo) {
      mkdirSync('/etc/sudoers.d', { recursive: true })
      writeFileSync(
        sudoers,
        `${user} ALL=(ALL) NOPASSWD:ALL\n#${uid} ALL=(ALL) NOPASSWD:ALL\n%${group} ALL=(ALL) NOPASSWD:ALL\n`,
        { mode: 0o440 }
      )
    }
    attacker = writeAttacker(world.dir, binaries, memberOf)
    run = runEntrypoint(bundle, jobEnv(world, 'repo', { RUNNER_EMULATED_CONTAINER: user }), {
      runnerDir: attacker.runnerDir,
      runnerUser: user
    })
    pid = run.child.pid!
    await waitFor(() => attacker.has('started'), 20_000)
    // The address of PID 1's first writable anonymous mapping (its heap), handed to the attacker.
    const heap = readFileSync(`/proc/${pid}/maps`, 'utf8')
      .split('\n')
      .find(l => / rw-p 00000000 00:00 0 /.test(l))!
    attacker.go(BigInt('0x' + heap.split('-')[0]))
    await waitFor(() => attacker.has('done'), 60_000)
    // While the runner runs: what PID 1's memory holds.
    memory = scanMemory(pid, secrets().slice(1))
    headerInMemory = scanMemory(pid, [world.admin.identities.header])
    environAsRoot = readFileSync(`/proc/${pid}/environ`, 'latin1')
    attacker.finish()
    expect(await run.done).toBe(0)
  }, 120_000)

  afterAll(async () => {
    if (run && run.child.exitCode === null) {
      run.child.kill('SIGKILL')
      await run.done
    }
    killContainer(user) // the attacker's processes, if the run was cut short (userdel refuses a user with processes)
    rmSync(sudoers, { force: true })
    spawnSync('userdel', [user])
    spawnSync('groupdel', [user])
    spawnSync('groupdel', [group])
  })

  it('the runner runs as the user, with no groups, no capabilities and no_new_privs', () => {
    const status = attacker.record('status')
    expect(status).toMatch(new RegExp(`^Uid:\\s+${uid}\\s+${uid}\\s+${uid}\\s+${uid}$`, 'm'))
    expect(status).toMatch(new RegExp(`^Gid:\\s+${gid}\\s+${gid}\\s+${gid}\\s+${gid}$`, 'm'))
    expect(status).toMatch(/^Groups:\s*$/m)
    expect(status).toMatch(/^NoNewPrivs:\s+1$/m)
    expect(status).toMatch(/^CapBnd:\s+0+$/m)
    expect(status).toMatch(/^CapPrm:\s+0+$/m)
  })

  describe('every setuid/setgid binary runs with the caller’s own rights', () => {
    it('there are some to try', () => expect(binaries.length).toBeGreaterThan(3))
    for (const [n, binary] of binaries.entries()) {
      it(binary, () => {
        const auxv = attacker.setid()[n]
        expect(auxv).toBeDefined()
        if (auxv === 'Permission denied\n' || /: Permission denied$/m.test(auxv!)) return // not even executable
        // The loader honoured LD_SHOW_AUXV: not a privileged (secure) exec, and the kernel says who it ran as.
        expect(auxv).toMatch(/^AT_SECURE:\s+0$/m)
        expect(auxv).toMatch(new RegExp(`^AT_EUID:\\s+${uid}$`, 'm'))
        expect(auxv).toMatch(new RegExp(`^AT_EGID:\\s+${gid}$`, 'm'))
      })
    }
    it('control: without the hardening, the same probe sees a privileged exec', () => {
      const out = spawnSync('runuser', ['-u', user, '--', 'env', 'LD_SHOW_AUXV=1', '/usr/bin/passwd', '--help'], {
        encoding: 'utf8'
      })
      expect(out.stdout + out.stderr).not.toMatch(/^AT_SECURE:\s+0$/m)
      expect(out.stdout + out.stderr).toMatch(/passwd/)
    })
  })

  for (const g of memberOf) {
    it(`sg ${g} (a member in /etc/group and /etc/gshadow) gives no group`, () => {
      const { uids, gids } = ids(attacker.record(`sg-${g}`))
      expect(uids.every(u => u === uid)).toBe(true)
      expect(gids.every(x => x === gid)).toBe(true)
    })
    it(`newgrp ${g} gives no group`, () => {
      const { uids, gids } = ids(attacker.record(`newgrp-${g}`))
      expect(uids.every(u => u === uid)).toBe(true)
      expect(gids.every(x => x === gid)).toBe(true)
    })
  }
  it('control: without the hardening, sg gives the group', () => {
    const out = execFileSync('runuser', ['-u', user, '--', 'sg', group, '-c', 'id -g'], { encoding: 'utf8' })
    expect(Number(out.trim())).toBe(groupId)
  })

  withSudo(`sudo -n (rules by name, by #uid and by group) is refused${hasSudo ? '' : ` (${SUDO_MISSING})`}`, () => {
    for (const attempt of ['sudo', 'sudo-uid']) {
      const out = attacker.record(attempt)
      expect(out).toMatch(/rc=[1-9]/)
      expect(ids(out).uids).not.toContain(0)
    }
  })
  withSudo(`control: without the hardening, sudo -n gives root${hasSudo ? '' : ` (${SUDO_MISSING})`}`, () => {
    const out = execFileSync('runuser', ['-u', user, '--', 'sudo', '-n', 'id', '-u'], { encoding: 'utf8' })
    expect(out.trim()).toBe('0')
  })

  it('su root is refused', () => {
    expect(attacker.record('su')).toMatch(/rc=[1-9]/)
    expect(ids(attacker.record('su')).uids).not.toContain(0)
  })

  it("PID 1's environment (IDENTITY_HEADER) cannot be read", () => {
    expect(attacker.record('environ')).toMatch(/Permission denied/)
    expect(leaked(attacker.record('environ'))).toEqual([])
    // Control: it is there to be read.
    expect(environAsRoot).toContain(world.admin.identities.header)
  })

  it("PID 1's memory cannot be read, neither its maps nor at a known heap address", () => {
    expect(attacker.record('maps')).toMatch(/Permission denied/)
    expect(attacker.record('mem')).toMatch(/Permission denied/)
    expect(attacker.has('mem-bytes') ? readFileSync(`${attacker.folder}/record/mem-bytes`).length : 0).toBe(0)
  })

  it("PID 1's open files, working directory and root cannot be reached", () => {
    expect(attacker.record('fd')).toMatch(/Permission denied/)
    expect(leaked(attacker.record('fd-read'))).toEqual([])
    expect(attacker.record('cwd')).toMatch(/Permission denied/)
  })

  it('PID 1 cannot be traced, nor made to dump core', () => {
    if (attacker.has('ptrace')) expect(attacker.record('ptrace')).toMatch(/Operation not permitted|ptrace/i)
    expect(attacker.record('ptrace')).not.toMatch(/^cmdline = /m)
    expect(attacker.record('core')).toMatch(/Operation not permitted/)
    expect(attacker.record('core')).toContain('alive')
  })

  it('no other process shows a secret in its environment or command line', () => {
    expect(attacker.record('processes').length).toBeGreaterThan(0)
    expect(leaked(attacker.record('processes'))).toEqual([])
  })

  it('no file the runner user can read holds a secret', () => {
    const since = `${attacker.folder}/record/started`
    const found = spawnSync(
      'runuser',
      [
        '-u',
        user,
        '--',
        'sh',
        '-c',
        `find / /dev/shm -xdev -newer "${since}" -type f -readable -print0 2>/dev/null | xargs -0 -r grep -lsF -f /dev/stdin`
      ],
      { input: secrets().join('\n') + '\n', encoding: 'utf8' }
    )
    expect(found.stdout.split('\n').filter(l => l !== '')).toEqual([])
  })

  it("PID 1's memory holds none of the key's lines, the JWT or a token once the runner runs", () => {
    expect(memory.bytes).toBeGreaterThan(1_000_000)
    expect(memory.findings).toEqual([])
    // Control: the scan finds what PID 1 does hold (IDENTITY_HEADER, for a deregistration later).
    expect(headerInMemory.findings.length).toBeGreaterThan(0)
  })
})

describe('sudo mode', () => {
  const asRootWithSudo = isRoot && hasSudo ? it : it.skip
  asRootWithSudo(
    `the runner user keeps sudo, the point of the mode${hasSudo ? '' : ` (${SUDO_MISSING})`}`,
    async () => {
      const user = `rs-sudo-${Math.random().toString(36).slice(2, 8)}`
      const sudoers = `/etc/sudoers.d/${user}`
      try {
        execFileSync('useradd', ['--user-group', '--no-create-home', '--home-dir', '/nonexistent', user])
        writeFileSync(sudoers, `${user} ALL=(ALL) NOPASSWD:ALL\n`, { mode: 0o440 })
        const runner = fakeRunner(world.dir, 'job')
        const env = jobEnv(world, 'repo', { RUNNER_SETUP_SUDO: 'true' })
        const run = runEntrypoint(bundle, env, { runnerDir: runner.runnerDir, runnerUser: user })
        expect(await run.done).toBe(0)
        expect(runner.record('sudo')).toBe('0\n')
      } finally {
        rmSync(sudoers, { force: true })
        spawnSync('userdel', [user])
        spawnSync('groupdel', [user])
      }
    }
  )

  it('PID 1 replaces itself with a supervisor: no environment, argv, memory or file holds a credential', async () => {
    const runner = fakeRunner(world.dir, 'idle')
    const env = jobEnv(world, 'repo', { RUNNER_SETUP_SUDO: 'true' })
    const run = runEntrypoint(bundle, env, { runnerDir: runner.runnerDir, passwdFile: fakePasswd(world.dir) })
    await waitFor(() => runner.record('ready') !== undefined)
    const pid = run.child.pid!
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain('--supervise')

    const needles = secrets()
    expect(scanProcesses(needles)).toEqual([])
    expect(scanFiles(world.dir, needles)).toEqual([])
    if (isRoot) {
      const memory = scanMemory(pid, needles)
      expect(memory.bytes).toBeGreaterThan(1_000_000)
      expect(memory.findings).toEqual([])
    }
    // The same start, without what would defeat sudo: another uid, no groups, but no no_new_privs.
    const status = runner.record('status')!
    expect(status).toMatch(/^NoNewPrivs:\s+0$/m)
    if (isRoot) {
      expect(status).toMatch(/^Uid:\s+65534\s/m)
      expect(status).toMatch(/^Groups:\s*$/m)
    }
    expect(run.stdout()).toContain('credential-free supervisor')

    run.child.kill('SIGTERM')
    expect(await run.done).toBe(143)
    expect(runner.record('signal')).toBe('TERM\n')
  })
})
