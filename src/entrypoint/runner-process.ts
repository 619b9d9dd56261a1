/**
 * Starts `run.sh --jitconfig` as the runner user, without any way back to privileges, watches its output (the start
 * of a job, the listener's own exit code) and stops its whole process tree.
 */
import { spawn } from 'node:child_process'
import { dirname } from 'node:path'
import { createInterface } from 'node:readline'
import { listenerExitCode } from './runner-outcome.js'
import { listProcesses, runnerTree, signalTree } from './process-tree.js'
import type { SystemUser } from './system-user.js'

export interface RunnerExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface RunnerProcess {
  pid: number
  /** run.sh ended, its output was read to the end, and no process of its tree is left. */
  exited: Promise<RunnerExit>
  /** Resolves when the runner prints that it is running a job. */
  jobStarted: Promise<void>
  /** The listener's own exit code, as run-helper.sh reported it before mapping it (undefined until then). */
  listenerCode(): number | undefined
  /** A job is being worked on: Runner.Worker runs in the tree (the listener starts one per job). */
  hasWorker(): boolean
  /** `signal` to every process group of the runner, then SIGKILL to what is left after the grace period. */
  stop(signal: NodeJS.Signals): Promise<RunnerExit>
}

/** The runner prints this line when it takes a job (Runner.Listener, "Running job: <name>"). */
export const JOB_STARTED = /Running job:/

/** util-linux setpriv(1): in the official runner image (Ubuntu) and on Debian. */
export const SETPRIV = '/usr/bin/setpriv'

/**
 * How run.sh is started. By root, in the default mode: the runner user's uid and gid, no supplementary group, no
 * capability (bounding and inheritable sets emptied), and the kernel's no_new_privs flag, which every descendant
 * inherits and nothing can clear (prctl(2) PR_SET_NO_NEW_PRIVS): execve(2) then never grants privileges, so sudo,
 * su, sg/newgrp, pkexec and every other setuid/setgid binary or file capability run with the caller's own rights,
 * whatever /etc/sudoers, /etc/group or /etc/gshadow say. With the bounding set empty, not even a process that
 * somehow became uid 0 would hold a capability. Sudo mode needs sudo to work, so it keeps only the user switch:
 * no_new_privs would stop sudo from becoming root, an empty bounding set would leave that root powerless.
 * Not root (tests, or an image whose PID 1 already is the runner user): no_new_privs only, which needs no privilege.
 */
export function setprivArgs(user: SystemUser, mode: { sudo: boolean; root: boolean }): string[] {
  const switchUser = mode.root ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups'] : []
  const lockDown = mode.sudo ? [] : ['--no-new-privs', '--inh-caps=-all', ...(mode.root ? ['--bounding-set=-all'] : [])]
  return [...switchUser, ...lockDown, '--']
}

export function startRunner(options: {
  runSh: string
  jitConfig: string
  user: SystemUser
  env: Record<string, string>
  sudo: boolean
  /** How long the runner's processes get to end after a stop signal (or after run.sh ended) before SIGKILL. */
  graceMs: number
}): Promise<RunnerProcess> {
  const root = process.getuid!() === 0
  const child = spawn(
    SETPRIV,
    [...setprivArgs(options.user, { sudo: options.sudo, root }), options.runSh, '--jitconfig', options.jitConfig],
    {
      cwd: dirname(options.runSh),
      env: options.env,
      // A session of its own (setsid): every process of the runner is found by its session id.
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('spawn', () => {
      child.off('error', reject)
      const pid = child.pid!
      let markStarted: () => void = () => {}
      const jobStarted = new Promise<void>(done => (markStarted = done))
      let listener: number | undefined
      createInterface({ input: child.stdout! }).on('line', line => {
        process.stdout.write(line + '\n')
        if (JOB_STARTED.test(line)) markStarted()
        listener = listenerExitCode(line) ?? listener
      })
      const closed = new Promise<void>(done => child.once('close', () => done()))
      let stopping = false
      // run.sh's own end, then the rest of its tree (a listener still cancelling its job, a job step's daemon)
      // gets the grace period, then its output is drained.
      const exited = new Promise<RunnerExit>(done =>
        child.once('exit', async (code, signal) => {
          if (!stopping) signalTree(pid, 'SIGTERM')
          await endTree(pid, options.graceMs)
          // A daemon that left the tree (a new session, orphaned) may still hold the output pipe: stop reading
          // after the grace period. When PID 1 exits, the container's PID namespace takes it with it.
          const timer = setTimeout(() => child.stdout!.destroy(), options.graceMs)
          await closed
          clearTimeout(timer)
          done({ code, signal })
        })
      )
      resolve({
        pid,
        exited,
        jobStarted,
        listenerCode: () => listener,
        hasWorker: () => runnerTree(pid, listProcesses()).some(p => p.comm === 'Runner.Worker'),
        async stop(signal) {
          stopping = true
          signalTree(pid, signal)
          const timer = setTimeout(() => signalTree(pid, 'SIGKILL'), options.graceMs)
          const result = await exited
          clearTimeout(timer)
          return result
        }
      })
    })
  })
}

/** Waits until no process of the tree is left, SIGKILLing what is still there after `graceMs`. */
async function endTree(pid: number, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs
  while (runnerTree(pid, listProcesses()).length > 0) {
    if (Date.now() >= deadline) signalTree(pid, 'SIGKILL')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}
