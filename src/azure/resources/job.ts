/** The Container Apps Job that KEDA scales; deleting it first stops the runners still executing. */
import type { Job, JobExecution } from '@azure/arm-appcontainers'
import { parseArmId, rgAndNames } from '../arm-id.js'
import type { Clients } from '../clients.js'
import { AzureError, isNotFound } from '../errors.js'
import { isActiveExecution } from '../executions.js'
import { callOptions, deleteIgnoringNotFound, getOrUndefined, signalOf, toActual, waitFor } from './lro.js'
import type { OperationContext, ResourceAdapter } from './types.js'

export interface JobStopOptions {
  sleep: (ms: number) => Promise<void>
  now: () => number
  /** How often to look again while executions wind down. */
  pollMs: number
  /** Give up (with a clear error) when executions still run after this long. */
  timeoutMs: number
}

export function jobAdapter(clients: Clients, stop: JobStopOptions): ResourceAdapter {
  const apps = (id: string) => clients.apps(parseArmId(id).subscriptionId)
  return {
    get: id => {
      const [rg, name] = rgAndNames(id, 1)
      return getOrUndefined(id, () => apps(id).jobs.get(rg, name))
    },
    put: async (id, body, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      return toActual(
        id,
        await waitFor(apps(id).jobs.createOrUpdate(rg, name, body as unknown as Job, callOptions(clients, ctx)), ctx)
      )
    },
    delete: async (id, ctx) => {
      const [rg, name] = rgAndNames(id, 1)
      await stopExecutions(clients, id, stop, ctx)
      await deleteIgnoringNotFound(() => waitFor(apps(id).jobs.delete(rg, name, callOptions(clients, ctx)), ctx))
    }
  }
}

async function stopExecutions(
  clients: Clients,
  id: string,
  stop: JobStopOptions,
  ctx: OperationContext
): Promise<void> {
  const [rg, name] = rgAndNames(id, 1)
  const api = clients.apps(parseArmId(id).subscriptionId)
  const started = stop.now()
  const stopped = new Set<string>()
  for (;;) {
    const active = await activeExecutions(() => collect(api.jobsExecutions.list(rg, name, signalOf(ctx))))
    if (active.length === 0) return
    if (stop.now() - started > stop.timeoutMs) {
      throw new AzureError(
        `Job ${name} still has ${active.length} running execution(s) after ${Math.round(stop.timeoutMs / 1000)}s: stop them in the portal or rerun destroy later.`
      )
    }
    let issued = 0
    for (const execution of active) {
      const execName = execution.name ?? ''
      if (!execName || stopped.has(execName)) continue
      ctx.progress(`stopping execution ${execName}`)
      await deleteIgnoringNotFound(() =>
        waitFor(api.jobs.stopExecution(rg, name, execName, callOptions(clients, ctx)), ctx)
      )
      stopped.add(execName)
      issued++
    }
    // The stops just finished as operations: look again at once; wait only for executions already asked to stop.
    if (issued > 0) continue
    ctx.progress(`waiting for ${active.length} execution(s) to stop`)
    await stop.sleep(stop.pollMs)
  }
}

/** A job already gone has no executions. */
async function activeExecutions(list: () => Promise<JobExecution[]>): Promise<JobExecution[]> {
  try {
    return (await list()).filter(e => isActiveExecution(e.status))
  } catch (error) {
    if (isNotFound(error)) return []
    throw error
  }
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterator) items.push(item)
  return items
}
