/** The image-build inputs, parsed once: every bad input is one clear line before any network call. */
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/commands/input-error.js'
import { parseBuildInputs } from '../../src/image-build/settings.js'

const REGISTRY =
  '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acrstudio'

const parse = (inputs: Record<string, string>) => parseBuildInputs(name => inputs[name] ?? '')
const refusal = (inputs: Record<string, string>): string => {
  try {
    parse({ registry: REGISTRY, image: 'studio/api:1', ...inputs })
  } catch (error) {
    if (error instanceof InputError) return error.message
    throw error
  }
  throw new Error('expected an InputError')
}

describe('image-build inputs', () => {
  it('parses a full set, with defaults for the rest', () => {
    const settings = parse({
      registry: REGISTRY,
      image: 'studio/api:1.2.3\n\nstudio/api',
      'build-args': 'A=1\nB=x=y',
      'secret-build-args': 'TOKEN=abc',
      platform: 'linux/arm64/v8',
      'timeout-minutes': '10'
    })
    expect(settings).toMatchObject({
      registry: { id: REGISTRY },
      images: ['studio/api:1.2.3', 'studio/api:latest'],
      context: '.',
      dockerfile: 'Dockerfile',
      arguments: [
        { name: 'A', value: '1', isSecret: false },
        { name: 'B', value: 'x=y', isSecret: false },
        { name: 'TOKEN', value: 'abc', isSecret: true }
      ],
      platform: { os: 'Linux', architecture: 'arm64', variant: 'v8' },
      timeoutSeconds: 600,
      azure: { signIn: 'oidc', armEndpoint: 'https://management.azure.com' }
    })
  })

  it('takes a login server with subscription-id', () => {
    expect(parse({ registry: 'AcrStudio.azurecr.io', 'subscription-id': 'sub', image: 'a:1' }).registry).toEqual({
      loginServer: 'acrstudio.azurecr.io',
      subscriptionId: 'sub'
    })
  })

  it('refuses bad inputs, never echoing a secret value', () => {
    expect(refusal({ registry: 'acrstudio.azurecr.io' })).toBe(
      "Input 'registry' is a login server (acrstudio.azurecr.io): set 'subscription-id' too, or give the registry's ARM id."
    )
    expect(refusal({ image: 'acrstudio.azurecr.io/studio/api:1' })).toMatch(
      /^Input 'image' has 'acrstudio.azurecr.io\/studio\/api:1'; expected repository:tag/
    )
    expect(refusal({ dockerfile: '../Dockerfile' })).toBe(
      "Input 'dockerfile' is '../Dockerfile'; expected a path inside the context, relative to it."
    )
    expect(refusal({ 'secret-build-args': 'not a pair s3cr3t' })).toBe(
      "Input 'secret-build-args': line 1 is not KEY=VALUE (a secret must fit on one line)."
    )
    expect(refusal({ 'secret-build-args': 'A=1\n\nBAD-NAME=s3cr3t' })).toBe(
      "Input 'secret-build-args': line 3 is not KEY=VALUE (a secret must fit on one line)."
    )
    expect(refusal({ 'timeout-minutes': '2' })).toBe(
      "Input 'timeout-minutes' is '2'; ACR Tasks accept 5 to 480 whole minutes."
    )
    expect(refusal({ platform: 'darwin/arm64' })).toMatch(/^Input 'platform' is 'darwin\/arm64'/)
  })
})
