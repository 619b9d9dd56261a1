/** A job's executions, newest first, read through the Container Apps SDK (verify and report read them; runners are named after them). */
import { parseArmId, rgAndNames } from './arm-id.js'
import type { Clients } from './clients.js'
import { isNotFound } from './errors.js'

const ACTIVE = new Set(['running', 'processing'])

/** Whether an execution (status as Container Apps reports it) still holds a container. */
export function isActiveExecution(status: string | undefined): boolean {
  return ACTIVE.has(String(status ?? '').toLowerCase())
}

export interface ExecutionSummary {
  name: string
  /** As Container Apps reports it: Running, Processing, Succeeded, Failed, Stopped, Degraded, Unknown. */
  status: string
  startTime?: string
  endTime?: string
  /** The execution's container size, as its template recorded it (what it was billed for). */
  cpu?: number
  memoryGi?: number
}

/** Empty when the job does not exist. */
export async function listJobExecutions(clients: Clients, jobId: string): Promise<ExecutionSummary[]> {
  const [rg, name] = rgAndNames(jobId, 1)
  const api = clients.apps(parseArmId(jobId).subscriptionId)
  const found: ExecutionSummary[] = []
  try {
    for await (const e of api.jobsExecutions.list(rg, name)) {
      const resources = e.template?.containers?.[0]?.resources
      found.push({
        name: e.name ?? '',
        status: e.status ?? 'Unknown',
        ...(e.startTime ? { startTime: new Date(e.startTime).toISOString() } : {}),
        ...(e.endTime ? { endTime: new Date(e.endTime).toISOString() } : {}),
        ...(resources?.cpu !== undefined ? { cpu: resources.cpu } : {}),
        ...(resources?.memory ? { memoryGi: parseFloat(resources.memory) } : {})
      })
    }
  } catch (error) {
    if (isNotFound(error)) return []
    throw error
  }
  return found.sort((a, b) => (b.startTime ?? '').localeCompare(a.startTime ?? ''))
}
