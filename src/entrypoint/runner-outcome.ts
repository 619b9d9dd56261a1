/**
 * What the listener's exit status means, and the container's exit code. The listener's codes and what the official
 * scripts do with them follow actions/runner v2.336.0: Runner.Common/Constants.cs (Runner.ReturnCode) and
 * src/Misc/layoutroot/run-helper.sh.template, which PID 1 no longer runs (it is the runner user's, so a job step can
 * rewrite it) but whose decisions it takes over:
 * - 0 success; 1 terminated (e.g. a registration GitHub refuses or deleted); 5 session conflict; 7 version deprecated
 *   (with ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE=1, which the listener itself reads): the runner stops.
 *   run-helper.sh turns 1, 5 and unknown codes into 0; here each keeps its own code (the README's table).
 * - 2 retryable error: run-helper.sh waits 5 s, and run.sh starts the listener again.
 * - 3 updating, 4 updating a run-once (ephemeral) runner: run-helper.sh waits up to 30 s for the update script to
 *   write `update.finished` in the runner's folder, removes it, and run.sh starts the (new) listener again.
 * A restart executes bin/ of the runner's folder, which the runner user owns: PID 1 only does that while no job step
 * can have run. After a job, a restart code ends the container with that code.
 */
/** How the listener process ended, as waitpid reports it. */
export interface RunnerExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export const RETRY_DELAY_MS = 5000
/** run-helper.sh looks for update.finished 31 times, a second apart. */
export const UPDATE_WAIT_MS = 31_000
export const UPDATE_FINISHED = 'update.finished'

export type ListenerVerdict = { restart: 'retry' | 'update' } | { restart?: undefined; code: number }

export function listenerVerdict(
  exit: RunnerExit,
  jobMayHaveRun: boolean,
  signalNumbers: Record<string, number>
): ListenerVerdict {
  if (exit.signal) return { code: 128 + (signalNumbers[exit.signal] ?? 0) }
  const code = exit.code ?? 1
  if (!jobMayHaveRun && code === 2) return { restart: 'retry' }
  if (!jobMayHaveRun && (code === 3 || code === 4)) return { restart: 'update' }
  return { code }
}

export interface RunnerEnd {
  /** The listener's last verdict. */
  verdict: ListenerVerdict
  /** The entrypoint stopped an idle runner (no job came): routine, the scaler over-provisioned. */
  stoppedIdle: boolean
  /** The signal the container was told to stop with (Container Apps: a stopped execution, replicaTimeout). */
  stopSignal: NodeJS.Signals | undefined
}

/**
 * 0 job run (whatever its result: that is the workflow's, shown in GitHub) or idle runner stopped; 128+n stopped by
 * signal n (the container's, or the listener's own death); otherwise the listener's own code (1 terminated,
 * 5 session conflict, 7 version deprecated, 2-4 a restart asked for after a job).
 */
export function containerExitCode(end: RunnerEnd, signalNumbers: Record<string, number>): number {
  if (end.stoppedIdle) return 0
  if (end.stopSignal) return 128 + (signalNumbers[end.stopSignal] ?? 0)
  return end.verdict.restart === undefined ? end.verdict.code : 1
}
