/**
 * Runs the started runner to its end: passes a stop signal on to its whole process tree, enforces the idle timeout,
 * reports how it ended.
 */
import { oneLine } from './errors.js'
import type { Log } from './log.js'
import type { RunnerEnd } from './runner-outcome.js'
import type { RunnerProcess } from './runner-process.js'

export interface Supervision extends RunnerEnd {
  jobStarted: boolean
}

export interface SuperviseOptions {
  idleTimeoutMs: number
  /** Decides at the idle timeout, when the runner shows no job: 'keep' when GitHub gave it one after all. */
  onIdle(): Promise<'stop' | 'keep'>
  log: Log
}

export async function supervise(runner: RunnerProcess, options: SuperviseOptions): Promise<Supervision> {
  const { log } = options
  let jobStarted = false
  let stoppedIdle = false
  let stopSignal: NodeJS.Signals | undefined
  const busy = (): boolean => jobStarted || runner.hasWorker()
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

  void runner.jobStarted.then(() => {
    jobStarted = true
    clearTimeout(idleTimer)
    log.info('the runner took a job')
  })

  const exit = await runner.exited
  clearTimeout(idleTimer)
  // Ended during an idle check that deregistered it: the listener noticed first. Still an idle stop.
  if (idleDecision && !jobStarted && !stopSignal && (await idleDecision) === 'stop') stoppedIdle = true
  process.off('SIGTERM', onTerm)
  process.off('SIGINT', onInt)
  return { exit, jobStarted, stoppedIdle, stopSignal, listenerCode: runner.listenerCode() }
}
