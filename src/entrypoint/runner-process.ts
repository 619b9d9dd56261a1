/** Starts `run.sh --jitconfig` as the runner user and watches its output for the start of a job. */
import { spawn } from 'node:child_process'
import { dirname } from 'node:path'
import { createInterface } from 'node:readline'
import type { SystemUser } from './system-user.js'

export interface RunnerExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface RunnerProcess {
  pid: number
  exited: Promise<RunnerExit>
  /** Resolves when the runner prints that it is running a job. */
  jobStarted: Promise<void>
  signal(signal: NodeJS.Signals): void
  /** SIGTERM, then SIGKILL to its whole process group after the grace period. */
  stop(graceMs: number): Promise<RunnerExit>
}

/** The runner prints this line when it takes a job (Runner.Listener, "Running job: <name>"). */
export const JOB_STARTED = /Running job:/

export function startRunner(options: {
  runSh: string
  jitConfig: string
  user: SystemUser
  env: Record<string, string>
}): Promise<RunnerProcess> {
  const child = spawn(options.runSh, ['--jitconfig', options.jitConfig], {
    cwd: dirname(options.runSh),
    env: options.env,
    uid: options.user.uid,
    gid: options.user.gid,
    detached: true, // its own process group, so stop() can reach the listener and worker it starts
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('spawn', () => {
      child.off('error', reject)
      // 'close', not 'exit': every output line (a "Running job" just before the end) is read first.
      const exited = new Promise<RunnerExit>(done => child.once('close', (code, signal) => done({ code, signal })))
      let markStarted: () => void = () => {}
      const jobStarted = new Promise<void>(done => (markStarted = done))
      createInterface({ input: child.stdout! }).on('line', line => {
        process.stdout.write(line + '\n')
        if (JOB_STARTED.test(line)) markStarted()
      })
      const pid = child.pid!
      const send = (signal: NodeJS.Signals, group = false): void => {
        try {
          process.kill(group ? -pid : pid, signal)
        } catch {
          // already gone
        }
      }
      resolve({
        pid,
        exited,
        jobStarted,
        signal: signal => send(signal),
        async stop(graceMs) {
          send('SIGTERM')
          const timer = setTimeout(() => send('SIGKILL', true), graceMs)
          const result = await exited
          clearTimeout(timer)
          return result
        }
      })
    })
  })
}

/** The shell convention: the code, or 128 + the signal number. */
export function exitCodeOf(exit: RunnerExit, signalNumbers: Record<string, number>): number {
  if (exit.code !== null) return exit.code
  return 128 + (exit.signal ? (signalNumbers[exit.signal] ?? 0) : 0)
}
