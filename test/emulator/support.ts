/** Real SDK clients and the real ClientAssertionCredential, pointed at a fresh emulator. */
import { get } from 'node:https'
import { ClientAssertionCredential } from '@azure/identity'
import { NetworkManagementClient } from '@azure/arm-network'
import { ContainerAppsAPIClient } from '@azure/arm-appcontainers'
import { PrivateDnsManagementClient } from '@azure/arm-privatedns'
import { ManagedServiceIdentityClient } from '@azure/arm-msi'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { MonitorClient } from '@azure/arm-monitor'
import { ResourceManagementClient } from '@azure/arm-resources'
import type { TokenCredential } from '@azure/core-auth'
import { FEDERATED_AUDIENCE, type Emulator } from '../../emulator/index.js'

export const SUB = '11111111-2222-3333-4444-555555555555'
export const RG = 'rg-team-runners'
export const LOCATION = 'norwayeast'
export const rgId = `/subscriptions/${SUB}/resourceGroups/${RG}`
export const net = (type: string, name: string): string => `${rgId}/providers/Microsoft.Network/${type}/${name}`

/** Fetches a GitHub ID token from the emulated Actions endpoint, as @actions/core would. */
export function fetchIdToken(emulator: Emulator, audience = FEDERATED_AUDIENCE): Promise<string> {
  const url = `${emulator.oidc.requestUrl}&audience=${encodeURIComponent(audience)}`
  return new Promise((resolve, reject) => {
    get(url, { ca: emulator.caPem, headers: { authorization: `Bearer ${emulator.oidc.requestToken}` } }, res => {
      let data = ''
      res.on('data', (chunk: Buffer) => (data += chunk.toString()))
      res.on('end', () =>
        res.statusCode === 200
          ? resolve((JSON.parse(data) as { value: string }).value)
          : reject(new Error(`ID token request failed: ${res.statusCode} ${data}`))
      )
    }).on('error', reject)
  })
}

export function credentialFor(
  emulator: Emulator,
  getAssertion: () => Promise<string> = () => fetchIdToken(emulator)
): TokenCredential {
  return new ClientAssertionCredential(emulator.tenantId, emulator.clientId, getAssertion, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.caPem }
  })
}

/** Fast retries: the SDK honours Retry-After, and its exponential backoff is shrunk to milliseconds. */
export function clientOptions(emulator: Emulator) {
  return {
    endpoint: emulator.url,
    tlsOptions: { ca: emulator.caPem },
    retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 5 }
  }
}

export function clients(
  emulator: Emulator,
  credential: TokenCredential = credentialFor(emulator),
  subscriptionId = SUB
) {
  const options = clientOptions(emulator)
  const classic = { ...options, endpoint: emulator.url, baseUri: emulator.url }
  return {
    network: new NetworkManagementClient(credential, subscriptionId, options),
    apps: new ContainerAppsAPIClient(credential, subscriptionId, options),
    dns: new PrivateDnsManagementClient(credential, subscriptionId, options),
    msi: new ManagedServiceIdentityClient(credential, subscriptionId, classic),
    auth: new AuthorizationManagementClient(credential, subscriptionId, classic),
    monitor: new MonitorClient(credential, subscriptionId, options),
    resources: new ResourceManagementClient(credential, subscriptionId, options)
  }
}

/** What the tests expect a thrown SDK error to carry. */
export async function armFailure(
  promise: PromiseLike<unknown>
): Promise<{ statusCode?: number; code?: string; message: string }> {
  try {
    await promise
  } catch (error) {
    const e = error as { statusCode?: number; code?: string; message: string }
    return { statusCode: e.statusCode, code: e.code, message: e.message }
  }
  throw new Error('expected the call to fail')
}
