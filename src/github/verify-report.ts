import type { Timings } from '../azure/engine.js'
import type { ExecutionSummary } from '../azure/executions.js'
import type { RunnerReport } from './runners.js'
import type { VerifyCheck } from './verify-types.js'

/** What `verify` found for one team: its checks, plus the runners and executions the reusable verify workflow reads. */
export interface VerifyReport {
  checks: VerifyCheck[]
  runners: RunnerReport[]
  executions: ExecutionSummary[]
  timings: Timings
}
