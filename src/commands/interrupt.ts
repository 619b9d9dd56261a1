/**
 * Cancelling a workflow sends SIGINT, then SIGTERM 7.5 s later, then ends the process tree 2.5 s after that (the
 * runner's cancellation; actions/runner, ProcessInvoker). An environment operation runs for minutes, so on either
 * signal the command starts no new write and waits for nothing: it names each operation Azure accepted and has not
 * finished (id and status URL) and exits at once. The next run finds those resources mid-operation and waits for them.
 */
import { interruptedLines, type OperationsLedger } from '../azure/operations-ledger.js'

const EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const

/** Installs the handlers for one run; returns their removal. */
export function exitOnInterrupt(ledger: OperationsLedger, write: (line: string) => void): () => void {
  const handler = (signal: keyof typeof EXIT_CODE): void => {
    for (const line of interruptedLines(ledger.inFlight())) write(line)
    process.exit(EXIT_CODE[signal])
  }
  process.once('SIGINT', handler)
  process.once('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
}
