import type { Timings } from '../azure/engine.js'
import type { RunnerReport } from './runners.js'
import type { VerifyCheck } from './verify-types.js'

export interface ExecutionReport {
  name: string
  status: string
  startTime?: string
}

/** What `verify` found for one team: its checks, plus the runners and executions the reusable verify workflow reads. */
export interface VerifyReport {
  checks: VerifyCheck[]
  runners: RunnerReport[]
  executions: ExecutionReport[]
  timings: Timings
}
