/**
 * onboard and offboard: read what onboarding wants, plan with the same ownership rules and executor as apply and
 * destroy, carry the plan out. A second onboard writes nothing; offboard refuses while the team's runners exist.
 */
import type { TokenCredential } from '@azure/core-auth'
import type { TeamConfig } from '../../config/types.js'
import { findActual } from '../../core/actual.js'
import type { Logger } from '../../core/logger.js'
import { judgeOwnership } from '../../core/ownership.js'
import { countActions, planApply, planDestroy } from '../../core/plan.js'
import type { Plan, PlanAction } from '../../core/types.js'
import { parseArmId, requireResourceGroup } from '../../azure/arm-id.js'
import { createClients, type Clients, type ClientsOptions } from '../../azure/clients.js'
import { listTagged } from '../../azure/discover.js'
import { AzureError, describeAzureError } from '../../azure/errors.js'
import { executePlan, type WriteRecord } from '../../azure/execute.js'
import { readEach } from '../../azure/read.js'
import { createAdapters } from '../../azure/resources/index.js'
import { defaultTiming, type Timing } from '../../azure/timing.js'
import { credentialLimitProblem } from './constraints.js'
import { onboardingResources, onboardLayout, type OnboardLayout, type OnboardTarget } from './identities.js'
import { offboardNextSteps, onboardNextSteps } from './next-steps.js'
import { ensureRunnerGroup, type RunnerGroupOutcome } from './runner-group.js'
import { openAppAccess } from '../../verify/app-access.js'
import type { HttpClient } from '../../http/json-client.js'
import type { GitHubFor } from '../../github/rest.js'

export interface OnboardingOptions {
  credential: TokenCredential
  /** The GitHub client the runner group step acts as the team's App with. */
  github: GitHubFor
  /** Key Vault reads (the App key). */
  http: HttpClient
  /** Tests and the sandbox: Key Vault secrets under this endpoint instead of `https://<vault>.vault.azure.net`. */
  keyVaultEndpoint?: string
  endpoint?: string
  logger: Logger
  timing?: Partial<Timing>
  tlsOptions?: ClientsOptions['tlsOptions']
  updateIntervalInMs?: number
}

export interface OnboardingResult {
  plan: Plan
  counts: Record<PlanAction, number>
  writes: WriteRecord[]
  /** What is left to do by hand, with the values filled in. */
  nextSteps: string[]
  /** Each identity's grants, one line each: role, scope, why (the plan names role assignments by GUID). */
  grants: string[]
  /** onboard: what happened to the team's runner group (org scope), through the App. */
  runnerGroup?: RunnerGroupOutcome
}

export interface Onboarding {
  onboard(config: TeamConfig, target: OnboardTarget, dryRun: boolean): Promise<OnboardingResult>
  offboard(config: TeamConfig, target: OnboardTarget, dryRun: boolean): Promise<OnboardingResult>
}

export function createOnboarding(options: OnboardingOptions): Onboarding {
  const timing: Timing = { ...defaultTiming, ...options.timing }
  const clients = createClients(options)
  const adapters = createAdapters(clients, {
    sleep: timing.sleep,
    now: () => timing.clock.now(),
    pollMs: timing.executionPollMs,
    timeoutMs: timing.executionStopTimeoutMs
  })
  const endpoint = clients.endpoint
  const readOptions = { adapters, endpoint }
  const execute = (plan: Plan) => executePlan(plan, { adapters, logger: options.logger, timing, endpoint })

  const observe = async (config: TeamConfig, target: OnboardTarget) => {
    const desired = onboardingResources(config, target)
    const [actual] = await Promise.all([readEach(desired, readOptions), requirePlatformGroup(target.platformGroupId)])
    return { desired, actual, verdicts: judgeOwnership(desired, actual, config.team) }
  }

  const requirePlatformGroup = async (id: string) => {
    const found = await adapters.resourceGroup.get(id).catch(error => {
      throw new AzureError(describeAzureError(error, `read the platform resource group ${id}`, endpoint))
    })
    if (!found) {
      const name = id.split('/').at(-1)
      throw new AzureError(
        `The platform resource group ${id} does not exist: create it once (az group create --subscription ${parseArmId(id).subscriptionId} --name ${name} --location <region>); the teams' identities live there, never in a team's group.`
      )
    }
  }

  /** Other credentials already on each identity onboarding writes one to: Azure allows 20 per identity. */
  const checkCredentialLimits = async (plan: Plan) => {
    const creating = plan.entries.filter(e => e.kind === 'federatedCredential' && e.action === 'create')
    await Promise.all(
      creating.map(async entry => {
        const identityId = entry.id.slice(0, entry.id.toLowerCase().lastIndexOf('/federatedidentitycredentials/'))
        const existing = await countCredentials(clients, identityId, entry.id)
        const problem = credentialLimitProblem(identityId, existing, 1)
        if (problem) throw new AzureError(problem)
      })
    )
  }

  return {
    async onboard(config, target, dryRun) {
      const { desired, actual, verdicts } = await observe(config, target)
      const plan = planApply(desired, { actual, verdicts })
      await checkCredentialLimits(plan)
      const writes = dryRun ? [] : await execute(plan)
      const layout = onboardLayout(config, target)
      const identities = dryRun
        ? actual
        : await readEach(
            desired.filter(r => r.kind === 'identity'),
            readOptions
          )
      const clientIds = new Map(
        layout.identities.map(i => {
          const clientId = findActual(identities, i.id)?.body.clientId
          return [i.id.toLowerCase(), typeof clientId === 'string' ? clientId : undefined] as const
        })
      )
      const access = await openAppAccess(config, {
        gh: options.github(config.github.apiUrl),
        http: options.http,
        credential: options.credential,
        keyVaultEndpoint: options.keyVaultEndpoint,
        now: () => timing.clock.now()
      })
      const runnerGroup = await ensureRunnerGroup(config, access, dryRun)
      const nextSteps = onboardNextSteps(config, target, layout, clientIds)
      return { plan, counts: countActions(plan), writes, nextSteps, runnerGroup, grants: grantLines(layout) }
    },

    async offboard(config, target, dryRun) {
      const layout = onboardLayout(config, target)
      const runners = await listTagged(clients, layout.resourceGroupId, config.team, endpoint)
      if (runners.length > 0)
        throw new AzureError(
          `Team ${config.team}'s runner resources still exist (${runners.map(r => r.id.split('/').at(-1)).join(', ')}): run destroy first; offboarding removes the identity that teardown signs in with.`
        )
      const { desired, actual, verdicts } = await observe(config, target)
      const plan = planDestroy(desired, { actual, verdicts })
      const writes = dryRun ? [] : await execute(plan)
      return {
        plan,
        counts: countActions(plan),
        writes,
        nextSteps: offboardNextSteps(config, layout),
        grants: grantLines(layout)
      }
    }
  }
}

async function countCredentials(clients: Clients, identityId: string, except: string): Promise<number> {
  const parsed = parseArmId(identityId)
  let count = 0
  try {
    for await (const credential of clients
      .identities(parsed.subscriptionId)
      .federatedIdentityCredentials.list(requireResourceGroup(parsed, identityId), parsed.names[0] ?? '')) {
      if (credential.id?.toLowerCase() !== except.toLowerCase()) count++
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return 0
    throw new AzureError(describeAzureError(error, `list the federated credentials of ${identityId}`))
  }
  return count
}

function grantLines(layout: OnboardLayout): string[] {
  return layout.identities.flatMap(identity =>
    identity.grants.map(
      g =>
        `${identity.id.split('/').at(-1)}: ${g.role}${g.condition ? ' (conditional)' : ''} on ${g.scope} (${g.id.split('/').at(-1)}): ${g.why}`
    )
  )
}
