/**
 * Simulated time for the lifecycle: `speed` simulated seconds pass per real second, so a 20 s polling interval
 * at speed 100 is a 200 ms real wait. Every wait goes through `sleep(simulatedMs)`, so the code paths are the
 * same at any speed; timings are reported back in simulated seconds.
 *
 * `pause()` stops simulated time until its resume is called (holds nest): the job runtime serves each KEDA poll
 * with the clock paused, so the real time this machine spends on the poll's HTTP calls does not become simulated
 * seconds of queue wait. In production a poll takes a few GitHub round trips, well under a second of a 20 s interval.
 * `limit(at)` keeps simulated time from passing `at` (the next poll that is due): when this machine stalls and the
 * poll starts late in real time, it still happens at its simulated instant, and the stall is dropped.
 */
export interface Clock {
  speed: number
  /** Simulated milliseconds since the clock started, paused time left out. */
  now(): number
  /** The simulated wall clock (ms since the epoch): the real start plus simulated time. Timestamps use this. */
  epochMs(): number
  /** Real milliseconds a simulated duration takes. */
  realMs(simulatedMs: number): number
  /** Simulated seconds a real duration stands for. */
  simulatedSeconds(realMs: number): number
  sleep(simulatedMs: number): Promise<void>
  /** Stops simulated time; the returned function resumes it (once). */
  pause(): () => void
  /** Simulated time stops at `at` until the limit moves on (undefined: no limit); time held back is dropped. */
  limit(at: number | undefined): void
}

export function createClock(speed = 1, realNow: () => number = Date.now): Clock {
  if (!(speed > 0)) throw new Error(`clock speed must be positive, not ${speed}`)
  const start = realNow()
  let simulatedAtMark = 0
  let realAtMark = start
  let holds = 0
  let barrier: number | undefined
  const now = (): number => {
    const free = simulatedAtMark + (holds > 0 ? 0 : (realNow() - realAtMark) * speed)
    return barrier === undefined ? free : Math.min(free, Math.max(barrier, simulatedAtMark))
  }
  const mark = (): void => {
    simulatedAtMark = now()
    realAtMark = realNow()
  }
  return {
    speed,
    now,
    epochMs: () => start + now(),
    realMs: simulatedMs => simulatedMs / speed,
    simulatedSeconds: realMs => (realMs * speed) / 1000,
    sleep: simulatedMs => new Promise(resolve => setTimeout(resolve, Math.max(0, simulatedMs / speed))),
    limit(at) {
      mark()
      barrier = at
    },
    pause() {
      mark()
      holds++
      let resumed = false
      return () => {
        if (resumed) return
        resumed = true
        mark()
        holds--
        realAtMark = realNow()
      }
    }
  }
}
