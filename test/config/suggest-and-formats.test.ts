import { describe, expect, it } from '@jest/globals'
import { checkHostPort, checkImage, checkLabel, checkSecretUri, gitHubApiUrl } from '../../src/config/formats.js'
import { checkResourceId, VIRTUAL_NETWORK } from '../../src/config/resource-id.js'
import { findSecretsInText } from '../../src/config/secrets-in-config.js'
import { editDistance, suggest } from '../../src/config/suggest.js'

describe('suggest', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['natgateway', 'natGateway', 1],
    ['adressSpace', 'addressSpace', 1],
    ['sbunet', 'subnet', 1],
    ['', 'abc', 3]
  ])('editDistance(%j, %j) is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
  })

  it('suggests the nearest key, case-insensitively', () => {
    expect(suggest('adressSpace', ['addressSpace', 'subnet'])).toBe('addressSpace')
    expect(suggest('SUBNET', ['addressSpace', 'subnet'])).toBe('subnet')
    expect(suggest('rpeo', ['org', 'repo'])).toBe('repo')
  })

  it('suggests nothing when nothing is close', () => {
    expect(suggest('color', ['subscriptionId', 'resourceGroup', 'location'])).toBeUndefined()
    expect(suggest('organization', ['org', 'repo'])).toBeUndefined()
  })
})

describe('formats accept the real-world forms', () => {
  it.each([
    'ghcr.io/altinn/runner-setup/runner:1',
    'myregistry.azurecr.io/runners/gh:2.329.0',
    'localhost:5000/runner',
    `mcr.microsoft.com/dotnet/runtime@sha256:${'a'.repeat(64)}`,
    `ghcr.io/altinn/runner:1@sha256:${'0'.repeat(64)}`
  ])('image %s', image => {
    expect(checkImage(image)).toBeUndefined()
  })

  it.each(['ubuntu', 'ghcr.io/Altinn/runner:1', 'ghcr.io/altinn/runner:', 'ghcr.io/altinn/runner@sha256:abc'])(
    'refuses image %s',
    image => {
      expect(checkImage(image)?.message).toBe(`\`${image}\` is not a full container image reference`)
    }
  )

  it.each([
    'https://kv-a1.vault.azure.net/secrets/key',
    'https://kv-abc.vault.azure.cn/secrets/k-1',
    `https://kvx.vault.azure.net/secrets/key/${'f'.repeat(32)}`
  ])('secret URI %s', uri => {
    expect(checkSecretUri(uri)).toBeUndefined()
  })

  it.each([
    'https://kv--a.vault.azure.net/secrets/key',
    'https://1kv.vault.azure.net/secrets/key',
    'https://kv-a.vault.azure.net/keys/key',
    `https://kv-a.vault.azure.net/secrets/key/${'f'.repeat(31)}`
  ])('refuses secret URI %s', uri => {
    expect(checkSecretUri(uri)?.message).toBe(`\`${uri}\` is not a Key Vault secret URI`)
  })

  it('reads provider segments case-insensitively but demands the exact structure', () => {
    const id =
      '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourcegroups/rg/providers/microsoft.network/virtualnetworks/vnet'
    expect(checkResourceId(id, VIRTUAL_NETWORK)).toBeUndefined()
    expect(checkResourceId(`${id}/subnets/snet`, VIRTUAL_NETWORK)?.message).toBe(
      `\`${id}/subnets/snet\` is not an Azure resource id`
    )
  })

  it('keeps the team label and refuses labels of shared fleets', () => {
    expect(checkLabel('studio')).toBeUndefined()
    expect(checkLabel('X64')?.message).toBe('`X64` is a label other runners also carry')
    expect(checkLabel('macos-14')?.message).toBe('`macos-14` is a label other runners also carry')
  })

  it('checks host:port endpoints', () => {
    expect([checkHostPort('10.20.0.4:53'), checkHostPort('kv.vault.azure.net:443')]).toEqual([undefined, undefined])
    expect(checkHostPort('host:70000')?.message).toBe('`host:70000` is not host:port')
  })

  it('derives API URLs for github.com, GHE.com and GitHub Enterprise Server', () => {
    expect(['https://github.com', 'https://acme.ghe.com', 'https://git.example.org'].map(gitHubApiUrl)).toEqual([
      'https://api.github.com',
      'https://api.acme.ghe.com',
      'https://git.example.org/api/v3'
    ])
  })
})

describe('secret patterns', () => {
  it('finds each kind at its offset and ignores look-alikes', () => {
    const text = [
      'a: ghp_shorttoken',
      `b: ghs_${'x1'.repeat(18)}`,
      'c: privateKeySecretUri is fine',
      '-----BEGIN EC PRIVATE KEY-----',
      '-----BEGIN CERTIFICATE-----'
    ].join('\n')
    expect(findSecretsInText(text).map(f => [f.offset, f.issue.message])).toEqual([
      [21, 'this looks like a GitHub token; never put the key in the config'],
      [93, 'this looks like a private key; never put the key in the config']
    ])
  })
})
