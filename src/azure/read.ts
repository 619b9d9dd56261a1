/** Reads the actual state of every desired resource: one GET each, concurrently, never a write. */
import type { ActualState, DesiredResource } from '../core/types.js'
import { mapLimit } from './concurrency.js'
import { AzureError, describeAzureError } from './errors.js'
import { KIND_LABEL } from './progress.js'
import type { Adapters } from './resources/index.js'

export interface ReadOptions {
  adapters: Adapters
  /** `/subscriptions/<sub>/resourceGroups/<rg>`: must exist unless the desired resources create it. */
  resourceGroupId: string
  concurrency?: number
  endpoint?: string
}

/** A team has about 20 resources: one round of GETs, well inside ARM's read limits even for 4 teams at once. */
export const DEFAULT_READ_CONCURRENCY = 20

export async function readActual(desired: DesiredResource[], options: ReadOptions): Promise<ActualState> {
  const createsGroup = desired.some(r => r.kind === 'resourceGroup')
  const groupCheck = createsGroup ? Promise.resolve() : requireResourceGroup(options)
  // The group check runs alongside the other reads: a no-op apply stays one round trip deep.
  const [, actual] = await Promise.all([groupCheck, readEach(desired, options)])
  return actual
}

/** One GET per resource, concurrently. */
export async function readEach(
  resources: Pick<DesiredResource, 'kind' | 'id' | 'name'>[],
  options: Omit<ReadOptions, 'resourceGroupId'>
): Promise<ActualState> {
  const entries = await mapLimit(resources, options.concurrency ?? DEFAULT_READ_CONCURRENCY, async r => {
    try {
      return [r.id, await options.adapters[r.kind].get(r.id)] as const
    } catch (error) {
      throw new AzureError(describeAzureError(error, `read ${KIND_LABEL[r.kind]} ${r.name}`, options.endpoint))
    }
  })
  return new Map(entries)
}

async function requireResourceGroup(options: ReadOptions): Promise<void> {
  let group
  try {
    group = await options.adapters.resourceGroup.get(options.resourceGroupId)
  } catch (error) {
    throw new AzureError(describeAzureError(error, `read resource group ${options.resourceGroupId}`, options.endpoint))
  }
  if (!group) {
    throw new AzureError(
      `Resource group ${options.resourceGroupId} does not exist: the platform team creates each team's resource group and grants the team's identity Contributor on it; ask them to, or set azure.createResourceGroup: true if this identity may create it.`
    )
  }
}
