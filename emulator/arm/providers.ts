/**
 * Resource provider registration per subscription (learn.microsoft.com/azure/azure-resource-manager/management/
 * resource-providers-and-types; Providers - Get and Providers - Register in the Resources REST reference). Every
 * namespace is Registered unless a test unregisters it. A write of a resource in an unregistered namespace is refused
 * as Azure does: MissingSubscriptionRegistration, "The subscription is not registered to use namespace ..." (Learn,
 * "Resolve errors for resource provider registration"; ARM answers it with 409).
 */
import type { EmuResponse } from '../http.js'
import { armError, type ArmError } from './errors.js'
import { lower } from './router.js'

export type RegistrationState = 'Registered' | 'NotRegistered' | 'Registering' | 'Unregistering'

export class ProviderRegistrations {
  private readonly states = new Map<string, RegistrationState>()

  set(subscriptionId: string, namespace: string, state: RegistrationState): void {
    this.states.set(key(subscriptionId, namespace), state)
  }

  state(subscriptionId: string, namespace: string): RegistrationState {
    return this.states.get(key(subscriptionId, namespace)) ?? 'Registered'
  }
}

const key = (subscriptionId: string, namespace: string): string => `${lower(subscriptionId)}|${lower(namespace)}`

const PROVIDER = /^\/subscriptions\/([^/]+)\/providers\/([^/]+)(\/register)?$/i

/** GET `/subscriptions/{id}/providers/{namespace}` and POST `.../register`; undefined for any other path. */
export function providerAnswer(
  registrations: ProviderRegistrations,
  method: string,
  pathname: string
): EmuResponse | undefined {
  const match = PROVIDER.exec(pathname)
  if (match === null) return undefined
  const [, subscriptionId, namespace, register] = match as unknown as [string, string, string, string | undefined]
  if (register !== undefined && method === 'POST') registrations.set(subscriptionId, namespace, 'Registered')
  else if (register !== undefined || method !== 'GET') return undefined
  return {
    status: 200,
    body: {
      id: `/subscriptions/${subscriptionId}/providers/${namespace}`,
      namespace,
      registrationState: registrations.state(subscriptionId, namespace),
      registrationPolicy: 'RegistrationRequired',
      resourceTypes: []
    }
  }
}

/** The refusal of a write (`PUT`, `PATCH`, `POST`) to a resource type whose namespace the subscription has not registered. */
export function missingRegistration(
  registrations: ProviderRegistrations,
  method: string,
  subscriptionId: string,
  type: string
): ArmError | undefined {
  if (method === 'GET' || method === 'HEAD' || method === 'DELETE') return undefined
  const namespace = type.split('/')[0] ?? ''
  if (registrations.state(subscriptionId, namespace) === 'Registered') return undefined
  return armError(
    409,
    'MissingSubscriptionRegistration',
    `The subscription is not registered to use namespace '${namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`
  )
}
