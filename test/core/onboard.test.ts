/**
 * Onboarding's pure core: the resources it wants (identity in the platform group, exact subject, least grants with the
 * conditional administrator), the plan constraints on federated credentials, and the saved-plan comparison that keeps a
 * reviewed plan from being trusted alone.
 */
import { describe, expect, it } from '@jest/globals'
import { onboardingResources, onboardLayout, type OnboardTarget } from '../../src/commands/onboard/identities.js'
import {
  credentialLimitProblem,
  environmentProblem,
  repositoryProblem
} from '../../src/commands/onboard/constraints.js'
import { exclusiveKeys } from '../../src/core/exclusive.js'
import { planApply, planOffline } from '../../src/core/plan.js'
import { planDifference } from '../../src/core/plan-file.js'
import { orgTeam, SUB } from './fixtures.js'

const target: OnboardTarget = {
  platformGroupId: `/subscriptions/${SUB}/resourceGroups/rg-runner-setup-platform`,
  repository: 'altinn/altinn-studio',
  environment: 'runner-setup',
  issuer: 'https://token.actions.githubusercontent.com'
}

describe('onboarding resources', () => {
  const resources = onboardingResources(orgTeam(), target)

  it("puts the setup identity in the platform group, never the team's", () => {
    const identity = resources.find(r => r.kind === 'identity')!
    expect(identity.id).toBe(
      `${target.platformGroupId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-studio-setup`
    )
    expect(identity.body.tags).toMatchObject({ 'runner-setup-team': 'studio', 'runner-setup-purpose': 'setup' })
  })

  it('trusts exactly one subject: the repository and environment', () => {
    const credential = resources.find(r => r.kind === 'federatedCredential')!
    expect(credential.body).toEqual({
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'repo:altinn/altinn-studio:environment:runner-setup',
      audiences: ['api://AzureADTokenExchange']
    })
  })

  it('grants the administrator role only under a condition on the secret', () => {
    const grants = onboardLayout(orgTeam(), target).identities[0]!.grants
    const admin = grants.find(g => g.role === 'Role Based Access Control Administrator')!
    expect(admin.scope).toMatch(/\/secrets\/gh-app-key$/)
    expect(admin.condition).toContain("ActionMatches{'Microsoft.Authorization/roleAssignments/write'}")
    expect(admin.condition).toContain("ActionMatches{'Microsoft.Authorization/roleAssignments/delete'}")
    expect(grants.filter(g => g.condition).length).toBe(1)
    const body = resources.find(r => r.id === admin.id)!.body
    expect(body).toMatchObject({ conditionVersion: '2.0', principalType: 'ServicePrincipal' })
  })

  it('plans every write of one identity’s credentials apart from the others', () => {
    const credential = resources.find(r => r.kind === 'federatedCredential')!
    expect(exclusiveKeys(credential.id, credential.body)).toEqual([
      `${target.platformGroupId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-studio-setup`.toLowerCase()
    ])
    const entry = planOffline(resources).entries.find(e => e.kind === 'federatedCredential')!
    expect(entry.exclusive).toEqual(exclusiveKeys(credential.id, credential.body))
  })
})

describe('federated credential constraints', () => {
  it('allows at most 20 per identity', () => {
    expect(credentialLimitProblem('/id', 19, 1)).toBeUndefined()
    expect(credentialLimitProblem('/id', 20, 1)).toContain('at most 20 per identity')
  })

  it('refuses what an exact subject cannot be', () => {
    expect(repositoryProblem('altinn/altinn-studio')).toBeUndefined()
    expect(repositoryProblem('altinn/*')).toContain('exactly')
    expect(repositoryProblem('altinn')).toContain('not OWNER/REPO')
    expect(environmentProblem('runner-setup')).toBeUndefined()
    expect(environmentProblem('prod:*')).toContain('cannot be part of an exact federated subject')
  })
})

describe('reviewed plans', () => {
  const resources = onboardingResources(orgTeam(), target)
  const plan = planApply(resources, { actual: new Map(), verdicts: new Map() })

  it('accepts the same plan, and names what differs', () => {
    expect(planDifference(plan, structuredClone(plan))).toBeUndefined()
    const changed = structuredClone(plan)
    const credential = changed.entries.find(e => e.kind === 'federatedCredential')!
    credential.body = { ...credential.body, subject: 'repo:altinn/other:environment:runner-setup' }
    expect(planDifference(plan, changed)).toContain(
      `Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials ${credential.name}: the body to send differs`
    )
    const fewer = { ...plan, entries: plan.entries.slice(1) }
    expect(planDifference(plan, fewer)).toContain('is no longer planned')
    expect(planDifference(fewer, plan)).toContain('is not in the saved plan')
  })
})
