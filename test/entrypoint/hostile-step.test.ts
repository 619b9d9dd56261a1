/**
 * A hostile job step against the built entrypoint as its container's PID 1: as root, the entrypoint runs in a PID
 * namespace of its own (`unshare --pid --fork --mount-proc`), so a double-forked daemon is re-parented to it as in
 * production. The runner is the emulated one (runner-layout.ts), owned by the runner user as in the official image:
 * the listener PID 1 starts, a worker per job, the step a child of the worker, the worker's output relayed by the
 * listener. Each attack asserts the exit code PID 1 reports, its log (no forged line as its own), its peak memory,
 * how soon the container ends, and, for user namespaces, the refusal; each has a control that shows the attack
 * would succeed without the defence.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { RELAY_MARK } from '../../src/entrypoint/runner-output.js'
import { containerProcesses, killContainer } from '../../emulator/lifecycle/container-processes.js'
import { writeRunnerLayout } from '../../emulator/lifecycle/runner-layout.js'
import { entrypointArgs, runnerPasswd, testBundle } from '../../emulator/runner-entrypoint/bundle.js'
import { createWorld, jobEnv, waitFor, type World } from '../../emulator/worlds/runner-world.js'

const isRoot = process.getuid?.() === 0
if (!isRoot)
  console.warn('hostile-step tests are SKIPPED: a PID namespace and another user need root (CI runs as root)')
const describeAsRoot = isRoot ? describe : describe.skip
const GRACE_MS = 500
/** How soon after its listener the container must be gone: the grace period, plus this loaded machine's slack. */
const ENDS_WITHIN_MS = GRACE_MS + 4000
const FORGED = 'runner-setup [+1ms] deleted: runner 4242 (idle timeout)'

let world: World
let bundle: string
let passwdFile: string
let runnerUser: { uid: number; gid: number }
/** The step's tools, built with gcc (fixtures/): the user-namespace probe and the fd thief. */
let probe: string
let thief: string

beforeAll(async () => {
  bundle = testBundle()
  world = await createWorld()
  passwdFile = join(mkdtempSync(join(world.dir, 'etc-')), 'passwd')
  runnerUser = runnerPasswd(passwdFile, world.dir)
  const tools = mkdtempSync(join(world.dir, 'tools-'))
  chmodSync(tools, 0o755)
  const build = (name: string): string => {
    const binary = join(tools, name)
    execFileSync('gcc', ['-O2', '-Wall', '-o', binary, resolve(import.meta.dirname, `fixtures/${name}.c`)])
    return binary
  }
  probe = build('userns-probe')
  thief = build('fd-thief')
}, 60_000)

afterAll(async () => {
  await world?.close()
})

interface Container {
  code: Promise<number>
  stdout(): string
  stderr(): string
  /** PID 1's peak resident memory (VmHWM), in bytes, as last read. */
  peakBytes(): number
  /** Real ms at which the container process ended. */
  endedAt(): number
}

/** Folder for a step: its script and what it records, writable by the runner user. */
function stepFolder(script: (rec: string) => string): { step: string; rec: string } {
  const rec = mkdtempSync(join(world.dir, 'step-'))
  chmodSync(rec, 0o777)
  const step = join(rec, 'step.sh')
  writeFileSync(step, `#!/bin/bash\nrec="${rec}"\n${script(rec)}`)
  chmodSync(step, 0o755)
  return { step, rec }
}

/** A runner folder owned by the runner user, and the entrypoint in a PID namespace of its own (or not: controls). */
function startContainer(step: string, extra: Record<string, string> = {}, pidNamespace = true) {
  const runnerDir = mkdtempSync(join(world.dir, 'runner-'))
  // Its own linked Node: the checkout's may sit where the runner user cannot reach it (root, a mode-0700 directory).
  writeRunnerLayout(runnerDir, undefined, runnerUser)
  const marker = `hostile-${Math.random().toString(36).slice(2, 8)}`
  const env = jobEnv(world, 'repo', {
    RUNNER_EMULATED_CONTAINER: marker,
    RUNNER_FAKE_POLL_MS: '20',
    RUNNER_FAKE_STEP: step,
    ...extra
  })
  const args = entrypointArgs(bundle, { runnerDir, passwdFile, stopGraceMs: GRACE_MS })
  const command = pidNamespace
    ? ['unshare', '--pid', '--fork', '--mount-proc', process.execPath, ...args]
    : [process.execPath, ...args]
  const child = spawn(command[0]!, command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let peak = 0
  let ended = 0
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const inner = (): number | undefined => {
    if (!pidNamespace) return child.pid
    try {
      return (
        Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ')[0]) || undefined
      )
    } catch {
      return undefined
    }
  }
  const watch = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${inner()}/status`, 'utf8')
      peak = Math.max(peak, Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024)
    } catch {
      // not started yet, or gone
    }
  }, 20)
  const code = new Promise<number>(done =>
    child.once('close', (c, signal) => {
      ended = Date.now()
      clearInterval(watch)
      done(c ?? 128 + (signal ? 1 : 0))
    })
  )
  const container: Container = {
    code,
    stdout: () => stdout,
    stderr: () => stderr,
    peakBytes: () => peak,
    endedAt: () => ended
  }
  return { container, runnerDir, marker }
}

/** The job the runner takes; `runMs` after its step. */
function queueJob(runMs = 100) {
  return world.admin.workflows.queueJob({ owner: world.org, repo: world.repo, labels: ['studio'], runMs })[0]!
}

/** PID 1's own lines: every line without the relay mark. */
function ownLines(out: string): string[] {
  return out.split('\n').filter(line => line !== '' && !line.startsWith(RELAY_MARK))
}

/** When the listener reported its job done (the last line it prints before it exits). */
async function jobDoneAt(container: Container): Promise<number> {
  try {
    await waitFor(() => /completed with result/.test(container.stdout()), 60_000)
  } catch {
    const tail = (text: string) => text.slice(-6000).replace(/x{80,}/g, m => `<x ${m.length}>`)
    throw new Error(`the job did not complete; PID 1 wrote:\n${tail(container.stdout())}\n${tail(container.stderr())}`)
  }
  return Date.now()
}

describeAsRoot('a hostile job step against PID 1 in its own PID namespace', () => {
  // Every output pipe it can open (fds 1 and 2 of every process): the ones a runner's output travels through. Bytes
  // written into a process's internal pipes (fd 3 and up: Node's event loop has some) crash the emulated listener;
  // PID 1 then reports the signal, as for a listener the step kills (below).
  describe('rewrites every runner-owned file, writes to every output pipe it can open, prints a 600 MiB line', () => {
    let result: { code: number; stdout: string; stderr: string; peak: number; endsIn: number }
    let runnerDir: string
    let rec: string

    beforeAll(async () => {
      world.admin.github.runners.clear()
      const folder = stepFolder(
        () => String.raw`
exec 2>> "$rec/errors"
listener=$(awk '{print $4}' /proc/$PPID/stat)
echo "$listener" > "$rec/listener"
echo "$PPID" > "$rec/worker"
forged=$'\n${FORGED}\nRunner listener exit with deprecated version exit code: 77.\n'
for fd in /proc/[0-9]*/fd/[12]; do
  [ -p "$fd" ] || continue
  timeout 1 bash -c 'printf "%s" "$1" > "$2"' _ "$forged" "$fd" 2>/dev/null && echo "$fd" >> "$rec/pipes"
done
printf '%s' "$forged" | "${thief}" $listener 1 && echo "$listener 1" > "$rec/stolen"
{ head -c $((600 * 1024 * 1024)) /dev/zero | tr '\0' x; echo; } | "${thief}" $listener 1
echo done > "$rec/done"
# Last: the worker is a bash script too, which bash reads as it runs it.
for f in run.sh run-helper.sh bin/Runner.Listener bin/Runner.Worker; do
  printf '#!/bin/bash\necho "Runner listener exit with deprecated version exit code: 77."\nexit 77\n' > "$f" && echo "$f" >> "$rec/rewritten"
done
`
      )
      rec = folder.rec
      queueJob()
      const started = startContainer(folder.step)
      runnerDir = started.runnerDir
      const done = await jobDoneAt(started.container)
      const code = await started.container.code
      result = {
        code,
        stdout: started.container.stdout(),
        stderr: started.container.stderr(),
        peak: started.container.peakBytes(),
        endsIn: started.container.endedAt() - done
      }
    }, 120_000)

    it('the step did it all: every runner-owned file rewritten, the worker’s pipe written, PID 1’s own taken', () => {
      expect(readFileSync(join(rec, 'rewritten'), 'utf8').trim().split('\n')).toHaveLength(4)
      const worker = readFileSync(join(rec, 'worker'), 'utf8').trim()
      expect(readFileSync(join(rec, 'pipes'), 'utf8')).toContain(`/proc/${worker}/fd/1`)
      // The listener's output goes to PID 1 over a socket /proc cannot open; pidfd_getfd takes it anyway.
      const listener = readFileSync(join(rec, 'listener'), 'utf8').trim()
      expect(readFileSync(join(rec, 'stolen'), 'utf8')).toBe(`${listener} 1\n`)
      expect(existsSync(join(rec, 'done'))).toBe(true)
    })

    it('the exit code is the listener’s own (0, its job done), not the 77 the step wrote into files and pipes', () => {
      expect(result.code).toBe(0)
      expect(ownLines(result.stdout)).toContainEqual(expect.stringMatching(/the listener exited with code 0$/))
    })

    it('control: the rewritten run.sh, as the official image would run it, exits 77', () => {
      const out = spawnSync('runuser', ['-u', 'nobody', '--', join(runnerDir, 'run.sh')], { encoding: 'utf8' })
      expect(out.status).toBe(77)
    })

    it('no forged line appears as PID 1’s own; the forged text arrived, marked as the runner’s (the control)', () => {
      const own = ownLines(result.stdout)
      expect(own.length).toBeGreaterThan(3)
      for (const line of own) expect(line).toMatch(/^runner-setup \[\+\d+ms\] /)
      expect(own.filter(line => line.includes('runner 4242'))).toEqual([])
      expect(result.stdout).toContain(`${RELAY_MARK}${FORGED}`)
      for (const line of ownLines(result.stderr)) expect(line).toMatch(/^runner-setup \[\+\d+ms\] /)
    })

    it('the 600 MiB line is cut and marked; PID 1’s peak memory stays small', () => {
      expect(result.stdout).toMatch(
        new RegExp(`^${RELAY_MARK.replace('|', '\\|')}x{16384} \\[cut at 16384 bytes\\]$`, 'm')
      )
      expect(result.peak).toBeGreaterThan(20 * 1024 * 1024) // measured
      expect(result.peak).toBeLessThan(250 * 1024 * 1024)
    })

    it('control: a reader without a line bound holds the whole line (here 100 MiB) in memory', () => {
      const out = execFileSync(
        'bash',
        [
          '-c',
          `head -c $((100 * 1024 * 1024)) /dev/zero | tr '\\0' x | "${process.execPath}" -e "require('readline').createInterface({ input: process.stdin }).on('line', l => console.log(l.length, process.memoryUsage().rss))"`
        ],
        { encoding: 'utf8', maxBuffer: 1024 * 1024 }
      )
      const [length, rss] = out.trim().split(' ').map(Number)
      expect(length).toBe(100 * 1024 * 1024)
      expect(rss).toBeGreaterThan(100 * 1024 * 1024)
    })

    it('the container ends within the grace period of its listener', () => {
      expect(result.endsIn).toBeLessThan(ENDS_WITHIN_MS)
    })
  })

  describe('daemonises and sleeps after its job', () => {
    const daemons = () =>
      stepFolder(
        () => String.raw`
listener=$(awk '{print $4}' /proc/$PPID/stat)
printf '#!/bin/bash\nsleep 3600\n' > run-helper.sh
setsid bash -c 'trap "" TERM HUP INT; while :; do sleep 0.1; done' > /dev/null 2>&1 < /dev/null &
( ( trap "" TERM HUP INT; exec sleep 3600 ) > /proc/$listener/fd/1 2>&1 < /dev/null & )
echo started > "$rec/daemons"
`
      )

    it('PID 1 ends every process once the listener has ended: the container exits within the grace period', async () => {
      world.admin.github.runners.clear()
      const { step, rec } = daemons()
      queueJob()
      const { container } = startContainer(step)
      const done = await jobDoneAt(container)
      expect(await container.code).toBe(0)
      expect(existsSync(join(rec, 'daemons'))).toBe(true)
      expect(container.endedAt() - done).toBeLessThan(ENDS_WITHIN_MS)
      expect(ownLines(container.stdout())).toContainEqual(
        expect.stringMatching(/ended [2-9]\d* processes the runner left behind$/)
      )
    }, 90_000)

    it('control: an entrypoint that is not PID 1 walks its tree, which the daemons left: they outlive it', async () => {
      world.admin.github.runners.clear()
      const { step } = daemons()
      queueJob()
      const { container, marker } = startContainer(step, {}, false)
      try {
        expect(await container.code).toBe(0)
        expect(containerProcesses(marker).length).toBeGreaterThanOrEqual(2)
      } finally {
        killContainer(marker)
      }
    }, 90_000)
  })

  describe('user namespaces', () => {
    const step = () =>
      stepFolder(
        () => String.raw`
unshare -Ur true > "$rec/unshare" 2>&1; echo "rc=$?" >> "$rec/unshare"
"${probe}" > "$rec/probe" 2>&1
grep -E '^(Seccomp|NoNewPrivs):' /proc/self/status > "$rec/status"
`
      )

    it('refused by default: unshare -Ur fails, clone3 answers ENOSYS, clone and unshare EPERM', async () => {
      world.admin.github.runners.clear()
      const { step: script, rec } = step()
      queueJob()
      const { container } = startContainer(script)
      expect(await container.code).toBe(0)
      expect(readFileSync(join(rec, 'unshare'), 'utf8')).toMatch(/Operation not permitted[\s\S]*rc=1/)
      expect(readFileSync(join(rec, 'probe'), 'utf8')).toBe('clone3=ENOSYS\nclone=EPERM\nunshare=EPERM\n')
      expect(readFileSync(join(rec, 'status'), 'utf8')).toMatch(/^Seccomp:\s+2$/m)
      expect(ownLines(container.stdout())).toContainEqual(expect.stringMatching(/no new user namespaces$/))
    }, 90_000)

    it('control: with runners.allowUserNamespaces the same step gets them (a browser sandbox works)', async () => {
      world.admin.github.runners.clear()
      const { step: script, rec } = step()
      queueJob()
      const { container } = startContainer(script, { RUNNER_SETUP_ALLOW_USER_NAMESPACES: 'true' })
      expect(await container.code).toBe(0)
      expect(readFileSync(join(rec, 'unshare'), 'utf8')).toBe('rc=0\n')
      expect(readFileSync(join(rec, 'probe'), 'utf8')).toBe('clone3=ok\nclone=ok\nunshare=ok\n')
      expect(readFileSync(join(rec, 'status'), 'utf8')).toMatch(/^Seccomp:\s+0$/m)
      expect(readFileSync(join(rec, 'status'), 'utf8')).toMatch(/^NoNewPrivs:\s+1$/m)
      expect(ownLines(container.stdout())).toContainEqual(expect.stringMatching(/user namespaces allowed$/))
    }, 90_000)
  })

  describe('kills its own listener', () => {
    it('PID 1 reports what the kernel says (137), not a forged success line; the container ends at once', async () => {
      world.admin.github.runners.clear()
      const { step } = stepFolder(
        () => String.raw`
listener=$(awk '{print $4}' /proc/$PPID/stat)
echo "Runner listener exit with 0 return code, stop the service, no retry needed." > /proc/$listener/fd/1
kill -KILL $listener
`
      )
      queueJob(60_000)
      const { container } = startContainer(step)
      await waitFor(() => container.stdout().includes('Running job'), 60_000)
      const code = await container.code
      expect(code).toBe(137)
      expect(ownLines(container.stdout())).toContainEqual(expect.stringMatching(/the listener was killed by SIGKILL$/))
      expect(ownLines(container.stdout())).toContainEqual(expect.stringMatching(/container exit code 137$/))
      // The worker, still in its 60 s job, ended with the listener.
      expect(ownLines(container.stdout())).toContainEqual(expect.stringMatching(/ended \d+ process/))
    }, 90_000)

    it('control: the official run.sh and run-helper.sh report a killed listener as 0', () => {
      const dir = mkdtempSync(join(world.dir, 'control-'))
      writeRunnerLayout(dir)
      writeFileSync(join(dir, 'bin', 'Runner.Listener'), '#!/bin/bash\nkill -KILL $$\n')
      const out = spawnSync(join(dir, 'run.sh'), ['--jitconfig', 'x'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH }
      })
      expect(out.stdout).toContain('Exiting with unknown error code: 137')
      expect(out.status).toBe(0)
    })
  })
})
