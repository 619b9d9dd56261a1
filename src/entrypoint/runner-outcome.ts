/**
 * The container's exit code: the runner's real outcome, not run.sh's. The actions/runner run-helper.sh maps the
 * listener's exit codes 1 (terminated, e.g. a registration GitHub refuses), 5 (session conflict) and any unknown
 * code to 0, and run.sh exits 143 after it trapped a SIGTERM. run-helper.sh prints the listener's code before
 * mapping it (runner v2.336.0, src/Misc/layoutroot/run-helper.sh.template), which is how it is learned here.
 */
import type { RunnerExit } from './runner-process.js'

const LISTENER_LINES: [RegExp, (match: RegExpExecArray) => number][] = [
  [/Runner listener exit with 0 return code/, () => 0],
  [/Runner listener exit with terminated error/, () => 1],
  [/Runner listener exit with Session Conflict error/, () => 5],
  [/Runner listener exit with deprecated version exit code: (\d+)/, m => Number(m[1])],
  [/Exiting with unknown error code: (-?\d+)/, m => Number(m[1])],
  // Retryable (2) and updating (3, 4): run.sh starts the listener again, so an earlier code no longer holds.
  [/Runner listener exit with retryable error|Runner listener exit because of updating/, () => Number.NaN]
]

/** The listener's exit code a run-helper.sh line reports, NaN for "restarting", undefined for other lines. */
export function listenerExitCode(line: string): number | undefined {
  for (const [pattern, code] of LISTENER_LINES) {
    const match = pattern.exec(line)
    if (match) return code(match)
  }
  return undefined
}

export interface RunnerEnd {
  exit: RunnerExit
  /** From listenerExitCode; NaN or undefined when not known. */
  listenerCode: number | undefined
  /** The entrypoint stopped an idle runner (no job came): routine, the scaler over-provisioned. */
  stoppedIdle: boolean
  /** The signal the container was told to stop with (Container Apps: a stopped execution, replicaTimeout). */
  stopSignal: NodeJS.Signals | undefined
}

/**
 * 0 job run (whatever its result: that is the workflow's, shown in GitHub) or idle runner stopped; 128+n stopped
 * by signal n; otherwise the listener's own code (1 terminated, 5 session conflict, 7 version deprecated), or
 * run.sh's when the listener's is not known.
 */
export function containerExitCode(end: RunnerEnd, signalNumbers: Record<string, number>): number {
  const bySignal = (signal: string): number => 128 + (signalNumbers[signal] ?? 0)
  if (end.stoppedIdle) return 0
  if (end.stopSignal) return bySignal(end.stopSignal)
  if (end.exit.signal) return bySignal(end.exit.signal)
  if (end.listenerCode !== undefined && !Number.isNaN(end.listenerCode)) return end.listenerCode
  return end.exit.code ?? 1
}
