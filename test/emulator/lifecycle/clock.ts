/**
 * Simulated time for the lifecycle: `speed` simulated seconds pass per real second, so a 20 s polling interval
 * at speed 100 is a 200 ms real wait. Every wait goes through `sleep(simulatedMs)`, so the code paths are the
 * same at any speed; timings are reported back in simulated seconds.
 */
export interface Clock {
  speed: number
  /** Simulated milliseconds since the clock started. */
  now(): number
  /** Real milliseconds a simulated duration takes. */
  realMs(simulatedMs: number): number
  /** Simulated seconds a real duration stands for. */
  simulatedSeconds(realMs: number): number
  sleep(simulatedMs: number): Promise<void>
}

export function createClock(speed = 1, realNow: () => number = Date.now): Clock {
  if (!(speed > 0)) throw new Error(`clock speed must be positive, not ${speed}`)
  const start = realNow()
  return {
    speed,
    now: () => (realNow() - start) * speed,
    realMs: simulatedMs => simulatedMs / speed,
    simulatedSeconds: realMs => (realMs * speed) / 1000,
    sleep: simulatedMs => new Promise(resolve => setTimeout(resolve, Math.max(0, simulatedMs / speed)))
  }
}
