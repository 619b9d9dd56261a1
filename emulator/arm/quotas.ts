/**
 * Container Apps quotas (learn.microsoft.com/azure/container-apps/quotas): environments per subscription and region
 * (default 15) and Consumption cores per environment (default 100), exposed as the usage lists the SDK reads
 * (`usages.list`, `managedEnvironmentUsages.list`; usage names as `az containerapp env list-usages` shows them). A
 * create past the environment quota is refused with MaxNumberOfRegionalEnvironmentsInSubExceeded, the code Azure
 * deployments report for it (the HTTP status is not documented; 400 here).
 */
import type { EmuResponse } from '../http.js'
import { armError, type ArmError } from './errors.js'
import { lower } from './router.js'
import type { ResourceStore } from './store.js'

export interface Quotas {
  environmentsPerRegion: number
  consumptionCores: number
}

export const DEFAULT_QUOTAS: Quotas = { environmentsPerRegion: 15, consumptionCores: 100 }

const ENVIRONMENT = 'microsoft.app/managedenvironments'
const REGION_USAGES = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.App\/locations\/([^/]+)\/usages$/i
const ENVIRONMENT_USAGES =
  /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.App\/managedEnvironments\/[^/]+)\/usages$/i

const region = (location: unknown): string => lower(String(location ?? '')).replace(/\s+/g, '')

function environmentsIn(store: ResourceStore, subscriptionId: string, location: string): number {
  return store
    .all()
    .filter(
      r =>
        lower(r.type) === ENVIRONMENT &&
        lower(r.id).startsWith(`/subscriptions/${lower(subscriptionId)}/`) &&
        region(r.body.location) === region(location)
    ).length
}

function usage(name: string, localized: string, current: number, limit: number): Record<string, unknown> {
  return { unit: 'Count', name: { value: name, localizedValue: localized }, currentValue: current, limit }
}

/** The usage lists, or undefined when the path is not one of them. */
export function usagesAnswer(store: ResourceStore, quotas: Quotas, pathname: string): EmuResponse | undefined {
  const regional = REGION_USAGES.exec(pathname)
  if (regional) {
    const count = environmentsIn(store, regional[1]!, regional[2]!)
    const value = [usage('ManagedEnvironmentCount', 'Managed Environment Count', count, quotas.environmentsPerRegion)]
    return { status: 200, body: { value } }
  }
  const perEnvironment = ENVIRONMENT_USAGES.exec(pathname)
  if (perEnvironment) {
    if (store.get(perEnvironment[1]!) === undefined) return undefined
    const value = [
      usage('ManagedEnvironmentConsumptionCores', 'Managed Environment Consumption Cores', 0, quotas.consumptionCores)
    ]
    return { status: 200, body: { value } }
  }
  return undefined
}

/** A new environment past the subscription's quota in its region. */
export function environmentQuotaError(
  store: ResourceStore,
  quotas: Quotas,
  id: string,
  location: unknown
): ArmError | undefined {
  const subscriptionId = id.split('/')[2] ?? ''
  if (environmentsIn(store, subscriptionId, String(location)) < quotas.environmentsPerRegion) return undefined
  return armError(
    400,
    'MaxNumberOfRegionalEnvironmentsInSubExceeded',
    `The subscription '${subscriptionId}' cannot have more than ${quotas.environmentsPerRegion} environments in ${String(location)}.`
  )
}
