/**
 * Runs the started runner to its end: passes a stop signal on to its whole process tree, enforces the idle timeout,
 * restarts the listener when it asks for it before any job (runner-outcome.ts), and ends whatever it left behind.
 */
import { existsSync, rmSync } from 'node:fs'
import { constants } from 'node:os'
import { join } from 'node:path'
import { oneLine } from './errors.js'
import type { Log } from './log.js'
import {
  listenerVerdict,
  RETRY_DELAY_MS,
  UPDATE_FINISHED,
  UPDATE_WAIT_MS,
  type ListenerVerdict,
  type RunnerEnd
} from './runner-outcome.js'
import type { RunnerExit } from './runner-outcome.js'
import type { RunnerProcess } from './runner-process.js'

export interface Supervision extends RunnerEnd {
  jobStarted: boolean
}

export interface SuperviseOptions {
  idleTimeoutMs: number
  /** Decides at the idle timeout, when the runner shows no job: 'keep' when GitHub gave it one after all. */
  onIdle(): Promise<'stop' | 'keep'>
  /** Starts the listener again (a restart or update code before any job). */
  restart(): Promise<RunnerProcess>
  /** The runner's folder, where the update script writes update.finished. */
  runnerDir: string
  retryDelayMs?: number
  updateWaitMs?: number
  log: Log
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export function describeExit(exit: RunnerExit): string {
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`
}

export async function supervise(first: RunnerProcess, options: SuperviseOptions): Promise<Supervision> {
  const { log } = options
  let runner = first
  let jobStarted = false
  let workerSeen = false
  let stoppedIdle = false
  let stopSignal: NodeJS.Signals | undefined
  const busy = (): boolean => jobStarted || runner.hasWorker()
  // A job may have run once a worker was ever seen, even if its "Running job" line was never read.
  const workerWatch = setInterval(() => (workerSeen ||= runner.hasWorker()), 500)
  // Settles once the idle check has decided; the runner may end meanwhile (its listener sees the deletion).
  let idleDecision: Promise<'stop' | 'keep'> | undefined
  const decideIdle = async (): Promise<'stop' | 'keep'> => {
    // A Runner.Worker means the listener is on a job, even before its "Running job" line is read.
    if (runner.hasWorker()) return 'keep'
    try {
      return await options.onIdle()
    } catch (error) {
      log.info(`idle check failed (${oneLine(error)}); stopping the runner anyway`)
      return 'stop'
    }
  }
  const idleTimer = setTimeout(async () => {
    if (jobStarted) return
    idleDecision = decideIdle()
    const decision = await idleDecision
    if (decision === 'keep' || busy() || stopSignal) {
      if (!stopSignal) log.info('a job was assigned at the idle timeout; keeping the runner')
      return
    }
    stoppedIdle = true
    log.info(`no job within ${options.idleTimeoutMs / 1000} s; stopping the runner`)
    await runner.stop('SIGTERM')
  }, options.idleTimeoutMs)

  const forward = (signal: NodeJS.Signals): void => {
    log.info(`received ${signal}, passing it on to every process of the runner`)
    clearTimeout(idleTimer)
    stopSignal ??= signal
    void runner.stop(signal)
  }
  const onTerm = (): void => forward('SIGTERM')
  const onInt = (): void => forward('SIGINT')
  process.on('SIGTERM', onTerm)
  process.on('SIGINT', onInt)

  const watchJob = (r: RunnerProcess): void =>
    void r.jobStarted.then(() => {
      if (jobStarted) return
      jobStarted = true
      clearTimeout(idleTimer)
      log.info('the runner took a job')
    })
  watchJob(runner)

  let verdict: ListenerVerdict
  for (;;) {
    const exit = await runner.exited
    const jobMayHaveRun = jobStarted || workerSeen || runner.hasWorker()
    verdict = listenerVerdict(exit, jobMayHaveRun, constants.signals)
    log.info(`the listener ${describeExit(exit)}`)
    if (verdict.restart === undefined || stopSignal || stoppedIdle) break
    if (verdict.restart === 'update') await waitForUpdate(options.runnerDir, options.updateWaitMs ?? UPDATE_WAIT_MS)
    await runner.endRest()
    if (verdict.restart === 'retry') await sleep(options.retryDelayMs ?? RETRY_DELAY_MS)
    if (stopSignal || stoppedIdle) break
    log.info(`starting the listener again (${verdict.restart === 'update' ? 'after its update' : 'retryable error'})`)
    runner = await options.restart()
    watchJob(runner)
  }
  clearTimeout(idleTimer)
  clearInterval(workerWatch)
  // An idle check still asking GitHub runs in a child process: let it finish before every process is ended.
  const idle = idleDecision ? await idleDecision : undefined
  // Whatever the job left behind (daemons, new sessions) ends with the listener.
  const left = await runner.endRest()
  if (left > 0) log.info(`ended ${left} process${left === 1 ? '' : 'es'} the runner left behind`)
  // Ended during an idle check that deregistered it: the listener noticed first. Still an idle stop.
  if (idle === 'stop' && !jobStarted && !stopSignal) stoppedIdle = true
  process.off('SIGTERM', onTerm)
  process.off('SIGINT', onInt)
  return { verdict, jobStarted, stoppedIdle, stopSignal }
}

/** As run-helper.sh: until the update script has written update.finished (then removed), or the wait is over. */
async function waitForUpdate(runnerDir: string, waitMs: number): Promise<void> {
  const flag = join(runnerDir, UPDATE_FINISHED)
  const deadline = Date.now() + waitMs
  while (!existsSync(flag) && Date.now() < deadline) await sleep(100)
  rmSync(flag, { force: true })
}
