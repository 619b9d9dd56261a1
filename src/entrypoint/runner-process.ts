/**
 * Starts `bin/Runner.Listener run --jitconfig` as the runner user, directly: no runner-owned script stands between
 * PID 1 and the listener, so its exit status is the kernel's (waitpid), not what a script a job step can rewrite
 * says. Watches its output (only for the start of a job) and ends whatever the runner left behind.
 */
import { spawn } from 'node:child_process'
import { endAllButSelf, isInit, listProcesses, runnerTree, signalTree } from './process-tree.js'
import { relayLine, splitLines } from './runner-output.js'
import type { RunnerSettings } from './config.js'
import type { SystemUser } from './system-user.js'
import type { RunnerExit } from './runner-outcome.js'

export interface RunnerProcess {
  pid: number
  /** The listener's own end, as waitpid reports it. */
  exited: Promise<RunnerExit>
  /** Resolves when the listener prints that it is running a job. */
  jobStarted: Promise<void>
  /** A job is being worked on: Runner.Worker runs in the tree (the listener starts one per job). */
  hasWorker(): boolean
  /** `signal` to every process group of the runner, then SIGKILL to what is left after the grace period. */
  stop(signal: NodeJS.Signals): Promise<RunnerExit>
  /**
   * After the listener's end: ends every process it left behind (as PID 1: every process but itself; otherwise
   * its tree), then reads its output to the end. Resolves to how many processes it found left.
   */
  endRest(): Promise<number>
}

/**
 * The listener prints this line when it takes a job (JobDispatcher.cs, "Running job: <name>"). A job step can print
 * it too, but only while a job runs, and all it does is keep the runner from an idle stop: it never decides the
 * exit code or a restart.
 */
export const JOB_STARTED = /Running job:/

/** util-linux setpriv(1): in the official runner image (Ubuntu) and on Debian. */
export const SETPRIV = '/usr/bin/setpriv'

/**
 * How the listener is started. By root, in the default mode: the runner user's uid and gid, no supplementary group,
 * no capability (bounding and inheritable sets emptied), and the kernel's no_new_privs flag, which every descendant
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

export interface StartOptions {
  /** The runner's folder: the listener's working directory, as run.sh has it. */
  runnerDir: string
  listener: string
  jitConfig: string
  user: SystemUser
  env: Record<string, string>
  sudo: boolean
  /** The seccomp helper to start the listener through (refuses new user namespaces), or none. */
  seccompHelper: string | undefined
  /** How long the runner's processes get to end after a stop signal before SIGKILL. */
  graceMs: number
}

/** The command line: setpriv, then the seccomp helper (it needs no_new_privs, so never in sudo mode), then the listener. */
export function listenerCommand(options: StartOptions, root: boolean): string[] {
  const filter = options.seccompHelper && !options.sudo ? [options.seccompHelper] : []
  return [
    ...setprivArgs(options.user, { sudo: options.sudo, root }),
    ...filter,
    options.listener,
    'run',
    '--jitconfig',
    options.jitConfig
  ]
}

/** How both modes start the listener: sudo mode without the seccomp helper (it needs no_new_privs). */
export function runnerStart(
  local: RunnerSettings,
  user: SystemUser,
  jitConfig: string,
  env: Record<string, string>
): StartOptions {
  return {
    runnerDir: local.runnerDir,
    listener: local.listener,
    jitConfig,
    user,
    env,
    sudo: local.sudo,
    seccompHelper: local.allowUserNamespaces ? undefined : local.seccompHelper,
    graceMs: local.stopGraceMs
  }
}

export function startRunner(options: StartOptions): Promise<RunnerProcess> {
  const child = spawn(SETPRIV, listenerCommand(options, process.getuid!() === 0), {
    cwd: options.runnerDir,
    env: options.env,
    // A session of its own (setsid): the listener's processes are found by its session id.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('spawn', () => {
      child.off('error', reject)
      const pid = child.pid!
      let markStarted: () => void = () => {}
      const jobStarted = new Promise<void>(done => (markStarted = done))
      const relay = (stream: NodeJS.ReadableStream, write: (line: string) => void, watch: boolean) => {
        const lines = splitLines((line, cut) => {
          write(relayLine(line, cut) + '\n')
          if (watch && JOB_STARTED.test(line)) markStarted()
        })
        stream.on('data', (chunk: Buffer) => lines.push(chunk))
        return new Promise<void>(done =>
          stream.once('close', () => {
            lines.end()
            done()
          })
        )
      }
      const drained = Promise.all([
        relay(child.stdout!, line => process.stdout.write(line), true),
        relay(child.stderr!, line => process.stderr.write(line), false)
      ])
      const exited = new Promise<RunnerExit>(done => child.once('exit', (code, signal) => done({ code, signal })))
      resolve({
        pid,
        exited,
        jobStarted,
        hasWorker: () => runnerTree(pid, listProcesses()).some(p => p.comm === 'Runner.Worker'),
        async stop(signal) {
          signalTree(pid, signal)
          const timer = setTimeout(() => signalTree(pid, 'SIGKILL'), options.graceMs)
          const result = await exited
          clearTimeout(timer)
          return result
        },
        async endRest() {
          // As PID 1, every process but itself; otherwise the tree (a daemon that left it is out of reach here).
          const left = isInit() ? await endAllButSelf(options.graceMs) : await endTree(pid, options.graceMs)
          // Every writer of the output is gone with them, unless one escaped (outside the tree, or unkillable):
          // stop reading after the grace period.
          const timer = setTimeout(() => {
            child.stdout!.destroy()
            child.stderr!.destroy()
          }, options.graceMs)
          await drained
          clearTimeout(timer)
          return left
        }
      })
    })
  })
}

/** Waits until no process of the tree is left, SIGKILLing it at once and again while any is left. */
async function endTree(pid: number, graceMs: number): Promise<number> {
  const deadline = Date.now() + graceMs
  const left = runnerTree(pid, listProcesses()).length
  while (runnerTree(pid, listProcesses()).length > 0 && Date.now() < deadline) {
    signalTree(pid, 'SIGKILL')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  return left
}
