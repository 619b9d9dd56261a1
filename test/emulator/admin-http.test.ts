import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { request } from 'node:https'
import { startEmulator, type Emulator, type RequestLogEntry } from '../../emulator/index.js'
import { seedTeam } from '../../emulator/seed-team.js'
import { armFailure, clients, LOCATION, net, RG, SUB } from './support.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => emulator.close())

/** What a child process would do: plain JSON over HTTPS, trusting the emulator's CA. */
function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}/_admin/${path}`,
      { method, ca: emulator.caPem, headers: { 'content-type': 'application/json' } },
      res => {
        let data = ''
        res.on('data', (chunk: Buffer) => (data += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: data === '' ? undefined : JSON.parse(data) }))
      }
    )
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

describe('admin API over HTTPS', () => {
  const vnetId = net('virtualNetworks', 'vnet-admin')

  it('seeds, reads, patches and deletes resources', async () => {
    expect((await admin('POST', 'resource-groups', { subscriptionId: SUB, name: RG, location: LOCATION })).status).toBe(
      200
    )
    const seeded = await admin('PUT', `resources?id=${encodeURIComponent(vnetId)}`, {
      location: LOCATION,
      properties: { addressSpace: { addressPrefixes: ['10.5.0.0/24'] } }
    })
    expect((seeded.json as { properties: { provisioningState: string } }).properties.provisioningState).toBe(
      'Succeeded'
    )
    await admin('PATCH', `resources?id=${encodeURIComponent(vnetId)}`, {
      properties: { dhcpOptions: { dnsServers: ['10.9.9.9'] } }
    })
    const c = clients(emulator)
    expect((await c.network.virtualNetworks.get(RG, 'vnet-admin')).dhcpOptions?.dnsServers).toEqual(['10.9.9.9'])
    expect(
      (await admin('GET', `resources?type=${encodeURIComponent('Microsoft.Network/virtualNetworks')}`)).json
    ).toEqual([vnetId])
    expect((await admin('DELETE', `resources?id=${encodeURIComponent(vnetId)}`)).json).toEqual({ deleted: true })
    expect((await admin('GET', `resources?id=${encodeURIComponent(vnetId)}`)).status).toBe(404)
  })

  it('injects faults and denials, sets latency, and serves the request log', async () => {
    const c = clients(emulator)
    await admin('DELETE', 'requests')
    await admin('POST', 'faults', {
      kind: 'status',
      status: 503,
      method: 'GET',
      path: 'virtualNetworks/vnet-admin$',
      times: 1
    })
    await admin('POST', 'latency', { ms: 5 })
    expect((await armFailure(c.network.virtualNetworks.get(RG, 'vnet-admin'))).statusCode).toBe(404)
    await admin('POST', 'latency', { ms: 0 })
    await admin('POST', 'denials', { action: 'natGateways/write', scopePrefix: `/subscriptions/${SUB}` })
    expect((await armFailure(c.network.natGateways.createOrUpdate(RG, 'nat', { location: LOCATION }))).code).toBe(
      'AuthorizationFailed'
    )
    await admin('DELETE', 'denials')
    const log = (await admin('GET', 'requests')).json as RequestLogEntry[]
    const vnetGets = log.filter(r => r.path === vnetId).map(r => r.status)
    expect(vnetGets).toEqual([503, 404])
    // 5 ms of latency each; timers are millisecond-grained, so allow the one they may round away.
    expect(log.filter(r => r.path === vnetId).every(r => r.durationMs >= 4)).toBe(true)
    expect(log.some(r => r.path.startsWith('/_admin/'))).toBe(false)
  })

  it('issues a static token ARM accepts', async () => {
    const { token } = (await admin('POST', 'token')).json as { token: string }
    const res = await new Promise<number>((resolve, reject) => {
      request(
        `${emulator.url}/subscriptions/${SUB}/resourcegroups/${RG}?api-version=2025-04-01`,
        { ca: emulator.caPem, headers: { authorization: `Bearer ${token}` } },
        r => {
          r.resume()
          resolve(r.statusCode ?? 0)
        }
      )
        .on('error', reject)
        .end()
    })
    expect(res).toBe(200)
  })

  it('leaves unknown admin routes to other services', async () => {
    expect((await admin('GET', 'github/requests')).status).toBe(404)
  })
})

describe('seedTeam', () => {
  it('seeds the resource group, peering targets, DNS zones, workspace and vault of a team config', () => {
    const team = {
      azure: { subscriptionId: SUB, resourceGroup: 'rg-seeded', location: LOCATION },
      network: {
        peerings: [
          {
            remoteVnetId:
              '/subscriptions/aaaa/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-private'
          }
        ],
        privateDnsZones: [
          '/subscriptions/aaaa/resourceGroups/rg-net/providers/Microsoft.Network/privateDnsZones/privatelink.postgres.database.azure.com'
        ]
      },
      github: { app: { privateKeySecretUri: 'https://kv-seeded.vault.azure.net/secrets/gh-app-key' } },
      logs: {
        workspaceId: `/subscriptions/${SUB}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law`
      }
    }
    const ids = seedTeam(emulator.admin, team)
    expect(ids).toEqual([
      `/subscriptions/${SUB}/resourceGroups/rg-seeded`,
      team.network.peerings[0]!.remoteVnetId,
      team.network.privateDnsZones[0],
      team.logs.workspaceId,
      `/subscriptions/${SUB}/resourceGroups/rg-seeded/providers/Microsoft.KeyVault/vaults/kv-seeded`
    ])
    expect(emulator.admin.getResource('/subscriptions/aaaa/resourceGroups/rg-net')).toBeDefined()
    expect(emulator.admin.getResource(team.logs.workspaceId)?.properties).toHaveProperty('customerId')
  })
})
