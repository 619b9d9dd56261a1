/**
 * User-assigned identities' federated credentials as Azure treats them: at most 20 per identity, one issuer and subject
 * pair per identity, overlapping writes to one identity refused with 409; Entra signs a managed identity in only for an
 * exact subject; and ARM gives that identity only what its role assignments (and their conditions) grant.
 */
import { get } from 'node:https'
import { ClientAssertionCredential } from '@azure/identity'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { armFailure, clients, LOCATION, RG, rgId, SUB } from './support.js'
import { secretsUserOnlyCondition } from '../../src/commands/onboard/roles.js'

let emulator: Emulator
let c: ReturnType<typeof clients>
const ISSUER = () => emulator.oidc.issuer
const AUDIENCES = ['api://AzureADTokenExchange']
const role = (guid: string) => `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`
const SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6'
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c'
const RBAC_ADMIN = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168'

beforeAll(async () => {
  emulator = await startEmulator()
  c = clients(emulator)
  await emulator.admin.seedResourceGroup(SUB, RG, LOCATION)
})
afterAll(async () => emulator.close())

async function identity(name: string) {
  return c.msi.userAssignedIdentities.createOrUpdate(RG, name, { location: LOCATION })
}

describe('federated credentials', () => {
  it('refuses a 21st credential and a second one with the same issuer and subject', async () => {
    await identity('id-many')
    for (let i = 0; i < 20; i++)
      await c.msi.federatedIdentityCredentials.createOrUpdate(RG, 'id-many', `fic-${i}`, {
        issuer: ISSUER(),
        subject: `repo:acme/app-${i}:environment:prod`,
        audiences: AUDIENCES
      })
    const extra = await armFailure(
      c.msi.federatedIdentityCredentials.createOrUpdate(RG, 'id-many', 'fic-20', {
        issuer: ISSUER(),
        subject: 'repo:acme/app-20:environment:prod',
        audiences: AUDIENCES
      })
    )
    expect(extra.statusCode).toBe(400)
    expect(extra.message).toContain('at most 20')
    const twin = await armFailure(
      c.msi.federatedIdentityCredentials.createOrUpdate(RG, 'id-many', 'fic-0-twin', {
        issuer: ISSUER(),
        subject: 'repo:acme/app-0:environment:prod',
        audiences: AUDIENCES
      })
    )
    expect(twin.statusCode).toBe(409)
    // Rewriting one that exists is not a 21st.
    await c.msi.federatedIdentityCredentials.createOrUpdate(RG, 'id-many', 'fic-3', {
      issuer: ISSUER(),
      subject: 'repo:acme/app-3:environment:staging',
      audiences: AUDIENCES
    })
  })

  it('answers 409 to a write that overlaps another on the same identity, not on another identity', async () => {
    await Promise.all([identity('id-a'), identity('id-b')])
    const write = (id: string, name: string) =>
      c.msi.federatedIdentityCredentials
        .createOrUpdate(RG, id, name, {
          issuer: ISSUER(),
          subject: `repo:acme/${name}:environment:prod`,
          audiences: AUDIENCES
        })
        .then(
          () => 'ok',
          (error: { code?: string }) => error.code
        )
    const same = await Promise.all([write('id-a', 'one'), write('id-a', 'two')])
    expect(same.sort()).toEqual(['ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity', 'ok'])
    const apart = await Promise.all([write('id-a', 'three'), write('id-b', 'four')])
    expect(apart).toEqual(['ok', 'ok'])
  })
})

describe('a managed identity signing in with its federated credential', () => {
  const SUBJECT = 'repo:acme/payments:environment:runner-setup'
  let clientId: string
  let principalId: string

  beforeAll(async () => {
    const made = await identity('id-payments-setup')
    clientId = made.clientId!
    principalId = made.principalId!
    await c.msi.federatedIdentityCredentials.createOrUpdate(RG, 'id-payments-setup', 'github', {
      issuer: ISSUER(),
      subject: SUBJECT,
      audiences: AUDIENCES
    })
  })

  const idTokenWith = (requestToken: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const url = `${emulator.oidc.requestUrl}&audience=api://AzureADTokenExchange`
      get(url, { ca: emulator.caPem, headers: { authorization: `Bearer ${requestToken}` } }, res => {
        let data = ''
        res.on('data', (chunk: Buffer) => (data += chunk.toString()))
        res.on('end', () => resolve((JSON.parse(data) as { value: string }).value))
      }).on('error', reject)
    })

  const signedInAs = (subject: string) => {
    const token = emulator.oidc.requestTokenFor({ sub: subject })
    return new ClientAssertionCredential(emulator.tenantId, clientId, () => idTokenWith(token), {
      authorityHost: emulator.url,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: emulator.caPem }
    })
  }

  it('is refused for a subject that differs only in case', async () => {
    await expect(
      signedInAs(SUBJECT.replace('payments', 'Payments')).getToken(`${emulator.url}/.default`)
    ).rejects.toThrow(/AADSTS70021/)
  })

  it('may do only what its role assignments grant, within their conditions', async () => {
    const vault = `${rgId}/providers/Microsoft.KeyVault/vaults/kv-payments`
    await emulator.admin.seed(vault, { location: LOCATION, properties: { enableRbacAuthorization: true } })
    const scope = `${vault}/secrets/gh-app-key`
    const admin = c.auth
    await admin.roleAssignments.create(rgId.slice(1), crypto.randomUUID(), {
      roleDefinitionId: role(CONTRIBUTOR),
      principalId,
      principalType: 'ServicePrincipal'
    })
    await admin.roleAssignments.create(scope.slice(1), crypto.randomUUID(), {
      roleDefinitionId: role(RBAC_ADMIN),
      principalId,
      principalType: 'ServicePrincipal',
      condition: secretsUserOnlyCondition(),
      conditionVersion: '2.0'
    })
    const team = clients(emulator, signedInAs(SUBJECT))
    await team.network.networkSecurityGroups.createOrUpdate(RG, 'nsg-payments', { location: LOCATION })
    const grants = team.auth
    const someone = crypto.randomUUID()
    // Contributor may not grant roles; the conditional administrator may grant only Key Vault Secrets User, to a service principal.
    const outside = await armFailure(
      grants.roleAssignments.create(rgId.slice(1), crypto.randomUUID(), {
        roleDefinitionId: role(SECRETS_USER),
        principalId: someone,
        principalType: 'ServicePrincipal'
      })
    )
    expect(outside.code).toBe('AuthorizationFailed')
    const wider = await armFailure(
      grants.roleAssignments.create(scope.slice(1), crypto.randomUUID(), {
        roleDefinitionId: role(CONTRIBUTOR),
        principalId: someone,
        principalType: 'ServicePrincipal'
      })
    )
    expect(wider.code).toBe('AuthorizationFailed')
    const toUser = await armFailure(
      grants.roleAssignments.create(scope.slice(1), crypto.randomUUID(), {
        roleDefinitionId: role(SECRETS_USER),
        principalId: someone,
        principalType: 'User'
      })
    )
    expect(toUser.code).toBe('AuthorizationFailed')
    const granted = await grants.roleAssignments.create(scope.slice(1), crypto.randomUUID(), {
      roleDefinitionId: role(SECRETS_USER),
      principalId: someone,
      principalType: 'ServicePrincipal'
    })
    expect(granted.principalId).toBe(someone)
  })
})
