/**
 * The operations Azure has accepted and not yet finished, by status URL. Cancelling a workflow gives a process
 * 10 s in all (the runner sends SIGINT, SIGTERM 7.5 s later, then ends the tree), while an environment operation
 * runs for minutes: so an interrupted run names what still runs in Azure instead of waiting for it, and the next run
 * finds those resources mid-operation and waits for them.
 */
export interface AcceptedOperation {
  /** What it works on, e.g. `environment cae-studio-runners`. */
  label: string
  /** The operation id: the last segment of its status URL. */
  id: string
  statusUrl: string
}

export class OperationsLedger {
  private readonly running = new Map<string, AcceptedOperation>()

  accept(label: string, statusUrl: string): void {
    const id = new URL(statusUrl).pathname.split('/').at(-1) ?? statusUrl
    this.running.set(statusUrl, { label, id, statusUrl })
  }

  finish(statusUrl: string): void {
    this.running.delete(statusUrl)
  }

  inFlight(): AcceptedOperation[] {
    return [...this.running.values()]
  }
}

/** What an interrupted run prints: each operation still running in Azure, with its id and status URL. */
export function interruptedLines(operations: AcceptedOperation[]): string[] {
  if (operations.length === 0) return ['Interrupted: no operation was running in Azure; rerun to converge.']
  return [
    `Interrupted: started no new write; ${operations.length} accepted operation${operations.length === 1 ? '' : 's'} still run${operations.length === 1 ? 's' : ''} in Azure and finish${operations.length === 1 ? 'es' : ''} on their own (the next run waits for them):`,
    ...operations.map(op => `  ${op.label}: operation ${op.id}, status ${op.statusUrl}`)
  ]
}
