/** Every request the emulator saw (polls, token calls and faulted ones included), in arrival order. */
export interface RequestLogEntry {
  method: string
  /** URL path without the query string. */
  path: string
  /** 0 when the connection was dropped on purpose. */
  status: number
  /** Epoch milliseconds when the request arrived. */
  startedAt: number
  durationMs: number
}

export class RequestLog {
  private entries: RequestLogEntry[] = []
  private inFlight = 0
  private peak = 0

  begin(): () => void {
    this.inFlight += 1
    this.peak = Math.max(this.peak, this.inFlight)
    return () => {
      this.inFlight -= 1
    }
  }

  add(entry: RequestLogEntry): void {
    this.entries.push(entry)
  }

  all(): RequestLogEntry[] {
    return [...this.entries]
  }

  /** Highest number of requests in flight at once since the last clear. */
  peakConcurrency(): number {
    return this.peak
  }

  clear(): void {
    this.entries = []
    this.peak = this.inFlight
  }
}
