/** Step logs with timings. Nothing secret is ever passed here, so nothing needs masking. */
export interface Log {
  info(message: string): void
  error(message: string): void
  /** Runs one step and logs how long it took. */
  step<T>(label: string, run: () => Promise<T>): Promise<T>
}

export function createLog(
  out: (line: string) => void = line => process.stdout.write(line + '\n'),
  err: (line: string) => void = line => process.stderr.write(line + '\n'),
  now: () => number = Date.now
): Log {
  const started = now()
  const prefix = (): string => `runner-setup [+${now() - started}ms]`
  return {
    info: message => out(`${prefix()} ${message}`),
    error: message => err(`${prefix()} error: ${message}`),
    async step(label, run) {
      const begin = now()
      const result = await run()
      out(`${prefix()} ${label} (${now() - begin} ms)`)
      return result
    }
  }
}
