/** The policy's build registries: which registries a team may build into, and the registries two teams share. */
import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../src/config/errors.js'
import { allowsBuildRegistry, sharedBuildRegistries, sharedRegistryWarning } from '../../src/policy/build-registries.js'
import { gatePolicy } from '../../src/commands/policy-gate.js'
import { parsePolicy } from '../../src/policy/load.js'

const RG =
  '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries'

const POLICY = parsePolicy(
  `teams:
  studio:
    buildRegistries: [${RG}/acrstudio, ${RG}/acrshared]
  dialogporten:
    buildRegistries: [${RG}/ACRSHARED]
  apps: {}
`,
  'policy.yaml'
)

describe('build registries in the platform policy', () => {
  it('allows a team only its listed registries, any without the rule, none for a team left out', () => {
    expect(allowsBuildRegistry(POLICY, 'studio', `${RG}/acrstudio`)).toBe(true)
    expect(allowsBuildRegistry(POLICY, 'dialogporten', `${RG}/acrstudio`)).toBe(false)
    expect(allowsBuildRegistry(POLICY, 'dialogporten', `${RG}/acrshared`)).toBe(true)
    expect(allowsBuildRegistry(POLICY, 'apps', `${RG}/anything`)).toBe(true)
    expect(allowsBuildRegistry(POLICY, 'nobody', `${RG}/acrstudio`)).toBe(false)
    expect(allowsBuildRegistry(parsePolicy('limits: {}\n', 'p.yaml'), 'nobody', `${RG}/acrstudio`)).toBe(true)
  })

  it('reports a registry two teams may build into', () => {
    const shared = sharedBuildRegistries(POLICY)
    expect(shared).toEqual([{ registryId: `${RG}/acrshared`, teams: ['dialogporten', 'studio'] }])
    expect(sharedRegistryWarning(shared[0]!)).toBe(
      `Registry ${RG}/acrshared is a build registry of dialogporten, studio: each of them can overwrite or delete the others' images in it. Give each team its own registry.`
    )
  })

  it('refuses an id that is not a registry at its line', () => {
    try {
      parsePolicy('teams:\n  studio:\n    buildRegistries: [acrstudio.azurecr.io]\n', 'policy.yaml')
      throw new Error('expected a ConfigError')
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      const [problem] = (error as ConfigError).problems
      expect(`${problem!.file}:${problem!.line}:${problem!.col}`).toBe('policy.yaml:3:23')
      expect(problem!.message).toBe(
        'teams.studio.buildRegistries[0]: `acrstudio.azurecr.io` is not an Azure resource id'
      )
    }
  })
})

describe('drift with a policy', () => {
  it('warns once per shared build registry', () => {
    const warnings: string[] = []
    const logger = {
      info: () => {},
      warning: (m: string) => void warnings.push(m),
      group: <T>(_: string, fn: () => Promise<T>) => fn()
    }
    gatePolicy('drift', [], POLICY, logger)
    expect(warnings).toEqual([sharedRegistryWarning(sharedBuildRegistries(POLICY)[0]!)])
    gatePolicy('plan', [], POLICY, logger)
    expect(warnings).toHaveLength(1)
  })
})
