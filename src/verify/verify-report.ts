import type { Timings } from '../core/drift.js'
import type { ExecutionSummary } from '../azure/executions.js'
import type { RunnerReport } from './team-runners.js'
import type { VerifyCheck } from './verify-check.js'

/** What `verify` found for one team: its checks, plus the runners and executions the reusable verify workflow reads. */
export interface VerifyReport {
  checks: VerifyCheck[]
  runners: RunnerReport[]
  executions: ExecutionSummary[]
  timings: Timings
}
