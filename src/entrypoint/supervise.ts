/** Runs the started runner to its end: forwards signals, enforces the idle timeout, reports how it ended. */
import { oneLine } from './errors.js'
import type { Log } from './log.js'
import type { RunnerExit, RunnerProcess } from './runner-process.js'

export interface Supervision {
  exit: RunnerExit
  jobStarted: boolean
  stoppedIdle: boolean
}

export interface SuperviseOptions {
  idleTimeoutMs: number
  stopGraceMs: number
  /** Decides at the idle timeout: 'keep' when a job turned out to be assigned after all. */
  onIdle(): Promise<'stop' | 'keep'>
  log: Log
}

export async function supervise(runner: RunnerProcess, options: SuperviseOptions): Promise<Supervision> {
  const { log } = options
  let jobStarted = false
  let stoppedIdle = false
  const idleTimer = setTimeout(async () => {
    if (jobStarted) return
    let decision: 'stop' | 'keep' = 'stop'
    try {
      decision = await options.onIdle()
    } catch (error) {
      log.info(`idle check failed (${oneLine(error)}); stopping the runner anyway`)
    }
    if (decision === 'keep' || jobStarted) {
      log.info('a job was assigned at the idle timeout; keeping the runner')
      return
    }
    stoppedIdle = true
    log.info(`no job within ${options.idleTimeoutMs / 1000} s; stopping the runner`)
    await runner.stop(options.stopGraceMs)
  }, options.idleTimeoutMs)

  const forward = (signal: NodeJS.Signals): void => {
    log.info(`received ${signal}, forwarding it to the runner`)
    clearTimeout(idleTimer)
    runner.signal(signal)
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
  process.off('SIGTERM', onTerm)
  process.off('SIGINT', onInt)
  return { exit, jobStarted, stoppedIdle }
}
