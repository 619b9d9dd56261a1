/**
 * How many executions one KEDA poll starts, as KEDA 2.18.1 decides for a ScaledJob (what a Container Apps event job
 * is): `IsScaledJobActive` (pkg/scaling/scaledjob/metrics.go) with one trigger, then `getScalingDecision` and the
 * default scaling strategy (pkg/scaling/executor/scale_jobs.go; Container Apps exposes no scalingStrategy).
 * Container Apps' `minExecutions`/`maxExecutions` are the ScaledJob's minReplicaCount/maxReplicaCount.
 *  - minReplicaCount > 0 makes the job active whatever the trigger says.
 *  - MaxReplicaCount() is max − min: the trigger's share is capped at what the floor leaves.
 *  - fewer running than the floor: start exactly the difference, whatever the queue (this poll);
 *  - otherwise: start min(queue, maxScale − (running − min)), where maxScale = ceil(min(queue / target, max − min)).
 */
export interface ScaleInput {
  queueLength: number
  /** The trigger's own activity: queueLength ≥ targetWorkflowQueueLength for github-runner. */
  scalerActive: boolean
  target: number
  minExecutions: number
  maxExecutions: number
  /** Executions not finished as the poll starts. */
  running: number
}

export function executionsToStart(input: ScaleInput): number {
  const { maxExecutions: max, running } = input
  const min = Math.min(input.minExecutions, max)
  const maxReplicaCount = input.minExecutions > max ? max : max - min
  if (!input.scalerActive && min === 0) return 0
  const queueLength = input.scalerActive ? input.queueLength : 0
  const maxScale = Math.ceil(Math.min(queueLength / input.target, maxReplicaCount))
  let scaleTo = Math.ceil(queueLength)
  let effectiveMax: number
  if (running < min) {
    scaleTo = min - running
    effectiveMax = min - running
  } else {
    effectiveMax = maxScale - (running - min)
  }
  if (effectiveMax <= 0) return 0
  return Math.min(scaleTo, effectiveMax)
}
