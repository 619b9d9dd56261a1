/**
 * What a lifecycle wait says when it times out, and what the sandbox prints when an execution fails: each failed
 * execution's exit code, why it ended, and its own last lines, so a failure reads as its cause, not as a timeout.
 */
import type { Workflows } from '../github/workflows.js'
import type { ExecutionRecord, JobRuntime } from './job-runtime.js'

const TAIL_LINES = 8

/** One failed (or stopped) execution: its exit code, why, and the last lines it printed. */
export function executionFailure(execution: ExecutionRecord): string {
  const why =
    execution.reason === 'replicaTimeout'
      ? 'killed at the replica timeout'
      : execution.reason === 'stopped'
        ? 'stopped'
        : `its entrypoint exited ${execution.exitCode}`
  const tail = execution.output.trimEnd().split('\n').slice(-TAIL_LINES)
  return `execution ${execution.name} ${execution.status}, exit ${execution.exitCode ?? 'none'} (${why}); last lines:\n${tail.map(l => `    | ${l}`).join('\n')}`
}

/**
 * Jobs not done and not being run: queued ones, and ones GitHub shows in progress on a runner whose execution has
 * ended (neither queued, nor running, nor done). Each with its states on the GitHub double and the last lines of the
 * execution that took it.
 */
export function lostJobs(runtime: JobRuntime, workflows: Workflows): string[] {
  return [...workflows.jobs.values()]
    .filter(j => j.status !== 'completed')
    .flatMap(job => {
      const execution = runtime.executions.find(e => e.name === job.runnerName)
      if (execution?.status === 'Running') return []
      const states = job.history.map(
        h => `${h.status}${h.conclusion ? ` (${h.conclusion})` : ''}${h.runnerName ? ` on ${h.runnerName}` : ''}`
      )
      return [
        `job ${job.id} not done (${job.owner}/${job.repo}, runs-on ${job.labels.join(', ')}, run ${job.runId}): ${states.join(' → ')}; ${execution ? executionFailure(execution) : 'no execution of that name'}`
      ]
    })
}

/** Where a lifecycle stood: each execution's status, the last polls' decisions, and every failure's own lines. */
export function runtimeState(runtime: JobRuntime, workflows?: Workflows): string {
  const executions = runtime.executions.map(e => `${e.name} ${e.status}`).join(', ') || 'none'
  const polls = runtime.polls
    .slice(-3)
    .map(
      p => `queue ${p.queueLength}, running ${p.running}, started ${p.started}${p.error ? `, error ${p.error}` : ''}`
    )
    .join('; ')
  const failures = [
    ...runtime.executions.filter(e => e.status === 'Failed').map(executionFailure),
    ...(workflows ? lostJobs(runtime, workflows) : [])
  ]
  return `executions: ${executions}; last polls: ${polls || 'none'}${failures.length > 0 ? `\n${failures.join('\n')}` : ''}`
}
