import { describe, expect, it } from '@jest/globals'
import { extensionScope, parseArmId, rgAndNames } from '../../src/azure/arm-id.js'
import { mapLimit } from '../../src/azure/concurrency.js'
import { formatElapsed } from '../../src/azure/progress.js'
import { isKeyVaultAccessError } from '../../src/azure/errors.js'

describe('ARM ids', () => {
  it('splits a nested id into resource group and names', () => {
    const id =
      '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-studio/providers/Microsoft.Network/virtualNetworks/vnet-studio-runners/subnets/snet-runners'
    expect(parseArmId(id)).toEqual({
      subscriptionId: '00000000-0000-0000-0000-0000000000aa',
      resourceGroup: 'rg-studio',
      names: ['vnet-studio-runners', 'snet-runners']
    })
    expect(rgAndNames(id, 2)).toEqual(['rg-studio', 'vnet-studio-runners', 'snet-runners'])
  })

  it('finds the scope of an extension resource', () => {
    const scope = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/secrets/app-key'
    expect(
      extensionScope(`${scope}/providers/Microsoft.Authorization/roleAssignments/0b3c1d2e-0000-5000-8000-000000000001`)
    ).toEqual({
      scope,
      name: '0b3c1d2e-0000-5000-8000-000000000001'
    })
  })

  it('refuses what is not an ARM id', () => {
    expect(() => parseArmId('vnet-x')).toThrow('Not an ARM resource id: vnet-x')
  })
})

describe('mapLimit', () => {
  it('never runs more than the limit at once and keeps input order', async () => {
    let running = 0
    let peak = 0
    const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async n => {
      running++
      peak = Math.max(peak, running)
      await new Promise(r => setTimeout(r, n))
      running--
      return n * 10
    })
    expect(out).toEqual([50, 10, 40, 20, 30, 0])
    expect(peak).toBe(2)
  })

  it('rejects with the first failure and starts no new work after it', async () => {
    const started: number[] = []
    await expect(
      mapLimit([1, 2, 3, 4], 1, async n => {
        started.push(n)
        if (n === 2) throw new Error('boom')
        return n
      })
    ).rejects.toThrow('boom')
    expect(started).toEqual([1, 2])
  })
})

describe('progress', () => {
  it.each([
    [0, '0s'],
    [59_999, '59s'],
    [190_000, '3m10s'],
    [3_605_000, '60m05s']
  ])('%d ms → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text)
  })

  it('recognises ARM refusing a job whose Key Vault secret the identity cannot read yet', () => {
    const arm = `The long-running operation has failed. InvalidParameterValueInContainerTemplate. The following field(s) are either invalid or missing. Field 'configuration.secrets' is invalid with details: 'Invalid value: "github-app-key": Unable to get value using Managed identity /subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-studio-runners for secret github-app-key.`
    expect(isKeyVaultAccessError(new Error(arm))).toBe(true)
    expect(
      isKeyVaultAccessError(new Error('The long-running operation has failed. ContainerAppInvalidImage. bad image'))
    ).toBe(false)
  })
})

describe('forEachTeam', () => {
  it('runs at most `concurrency` teams at once and records a failing team as one line without stopping the rest', async () => {
    const { forEachTeam } = await import('../../src/azure/engine.js')
    const { studioConfig } = await import('../../emulator/worlds/azure-fixture.js')
    const teams = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'].map(team => studioConfig({ team }))
    let running = 0
    let peak = 0
    const outcomes = await forEachTeam(
      teams,
      async config => {
        running++
        peak = Math.max(peak, running)
        await new Promise(r => setTimeout(r, 5))
        running--
        if (config.team === 'c3') throw new Error('The long-running operation has failed. Conflict. busy')
        return config.team.toUpperCase()
      },
      { concurrency: 2 }
    )
    expect(peak).toBe(2)
    expect(outcomes).toEqual([
      { team: 'a1', ok: true, value: 'A1' },
      { team: 'b2', ok: true, value: 'B2' },
      { team: 'c3', ok: false, error: 'Cannot run for team c3: Azure reported Conflict: busy' },
      { team: 'd4', ok: true, value: 'D4' },
      { team: 'e5', ok: true, value: 'E5' },
      { team: 'f6', ok: true, value: 'F6' }
    ])
  })
})

describe('sharedTokenCredential', () => {
  it('asks the credential once for concurrent callers and reuses the token until near expiry', async () => {
    const { sharedTokenCredential } = await import('../../src/azure/shared-token.js')
    let clock = 0
    let calls = 0
    const credential = {
      getToken: async () => {
        calls++
        await new Promise(r => setTimeout(r, 2))
        return { token: `t${calls}`, expiresOnTimestamp: clock + 60 * 60_000 }
      }
    }
    const shared = sharedTokenCredential(credential, () => clock)
    const tokens = await Promise.all([1, 2, 3].map(() => shared.getToken('https://management.azure.com/.default')))
    expect(tokens.map(t => t?.token)).toEqual(['t1', 't1', 't1'])
    clock = 54 * 60_000
    expect((await shared.getToken('https://management.azure.com/.default'))?.token).toBe('t1')
    clock = 56 * 60_000
    expect((await shared.getToken('https://management.azure.com/.default'))?.token).toBe('t2')
    expect(calls).toBe(2)
  })
})
