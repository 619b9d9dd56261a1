/**
 * The Container Apps Job that runs one ephemeral runner per queued GitHub job (Microsoft.App/jobs,
 * api-version 2026-07-01; KEDA's `github-runner` scaler).
 * KEDA's `github-runner` rule reads the queue with the App key from Key Vault; the container gets identifiers only.
 */
import type { EnvironmentVar, Job } from '@azure/arm-appcontainers'
import type { TeamConfig } from '../../config/types.js'
import type { TeamLayout } from '../layout.js'
import { ref, type WithRefs } from '../refs.js'
import { RUNNER_ENV } from '../runner-env.js'
import type { DesiredResource } from '../types.js'
import { API_VERSION, POOL_TAG, REPO_TAG, desired, teamTags } from './common.js'
import { poolFloor } from '../warm-pool.js'
import { loginServer, pullAssignmentId, type RegistryModes } from './registry.js'

/** Name of the job secret that references the App key in Key Vault (no value is ever set). */
export const APP_KEY_SECRET = 'github-app-key'
export const WORKLOAD_PROFILE = 'Consumption'

type JobSpec = TeamLayout['jobs'][number]

/** KEDA 2.18.1's metadata keys, spelled exactly: it reads them case-sensitively and ignores unknown ones. */
export function githubRunnerMetadata(config: TeamConfig, repo: string | undefined): Record<string, string> {
  const { github } = config
  return {
    githubApiURL: github.apiUrl,
    owner: github.owner,
    runnerScope: github.scope,
    repos: repo ?? github.repos.join(','),
    labels: github.labels.join(','),
    noDefaultLabels: 'true',
    // Off: KEDA 2.18.1 keeps the jobs it last read per repository, not per workflow run (github_runner_scaler.go,
    // getWorkflowRunJobs: previousJobs[repoName]), and answers a 304 for one run with them. With two active runs in a
    // repository, a queued job whose run's list no longer changes is hidden behind the other run's cached jobs and
    // never scaled for: a job that never runs and never fails. Without ETags every poll counts against the budget,
    // which the budget check already assumes (callsPerPoll counts every call).
    enableEtags: 'false',
    targetWorkflowQueueLength: '1',
    applicationID: String(github.app.id),
    installationID: String(github.app.installationId)
  }
}

/** Exactly the entries of RUNNER_ENV the scope needs; the entrypoint's contract. */
export function runnerEnv(
  config: TeamConfig,
  layout: TeamLayout,
  repo: string | undefined
): WithRefs<EnvironmentVar>[] {
  const { github, runners } = config
  const values: [string, WithRefs<string> | undefined][] = [
    [RUNNER_ENV.scope, github.scope],
    [RUNNER_ENV.githubUrl, github.url],
    [RUNNER_ENV.githubApiUrl, github.apiUrl],
    [RUNNER_ENV.owner, github.owner],
    [RUNNER_ENV.repo, github.scope === 'repo' ? repo : undefined],
    [RUNNER_ENV.runnerGroup, github.scope === 'org' ? github.runnerGroup : undefined],
    [
      RUNNER_ENV.runnerGroupId,
      github.scope === 'org' && github.runnerGroupId !== undefined ? String(github.runnerGroupId) : undefined
    ],
    [RUNNER_ENV.labels, github.labels.join(',')],
    [RUNNER_ENV.appId, String(github.app.id)],
    [RUNNER_ENV.installationId, String(github.app.installationId)],
    [RUNNER_ENV.keySecretUri, github.app.privateKeySecretUri],
    [RUNNER_ENV.identityClientId, ref(layout.identityId, 'clientId')],
    [RUNNER_ENV.idleTimeoutSeconds, String(runners.idleTimeoutMinutes * 60)],
    [RUNNER_ENV.sudo, String(runners.sudo)],
    // Only when set: the default leaves every existing job template as it was.
    [RUNNER_ENV.allowUserNamespaces, runners.allowUserNamespaces ? 'true' : undefined]
  ]
  return values.flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]))
}

/**
 * `config` is the pool's view (core/pools.ts `poolView`): its runners and labels are the pool's. `modes` says which
 * registries want the ABAC pull role, so the job waits for the assignment it pulls with.
 */
export function runnerJob(
  config: TeamConfig,
  layout: TeamLayout,
  job: JobSpec,
  now: number,
  modes: RegistryModes = new Map()
): DesiredResource {
  const { runners } = config
  const extraTags = {
    ...(job.repo === undefined ? {} : { [REPO_TAG]: job.repo }),
    ...(job.pool === undefined ? {} : { [POOL_TAG]: job.pool })
  }
  const body: WithRefs<Job> = {
    location: config.azure.location,
    tags: teamTags(config, extraTags),
    identity: { type: 'UserAssigned', userAssignedIdentities: { [layout.identityId]: {} } },
    environmentId: layout.managedEnvironmentId,
    workloadProfileName: runners.workloadProfile ?? WORKLOAD_PROFILE,
    configuration: {
      triggerType: 'Event',
      // A replica may wait the idle timeout for its job, then run it.
      replicaTimeout: (runners.jobTimeoutMinutes + runners.idleTimeoutMinutes) * 60,
      replicaRetryLimit: 0,
      eventTriggerConfig: {
        parallelism: 1,
        replicaCompletionCount: 1,
        scale: {
          // The warm pool's floor (KEDA's minReplicaCount): idle runners kept ready; 0 scales to zero.
          minExecutions: poolFloor(config, now),
          maxExecutions: runners.max,
          pollingInterval: runners.pollingIntervalSeconds,
          rules: [
            {
              name: 'github-runner',
              type: 'github-runner',
              metadata: githubRunnerMetadata(config, job.repo),
              auth: [{ secretRef: APP_KEY_SECRET, triggerParameter: 'appKey' }]
            }
          ]
        }
      },
      secrets: [
        { name: APP_KEY_SECRET, keyVaultUrl: config.github.app.privateKeySecretUri, identity: layout.identityId }
      ],
      // Pulled with the runner identity; an empty list asks for none (and matches a job that has none).
      registries: runners.registry ? [{ server: loginServer(runners.registry), identity: layout.identityId }] : []
    },
    template: {
      containers: [
        {
          name: 'runner',
          image: runners.image,
          resources: { cpu: runners.cpu, memory: runners.memory },
          env: runnerEnv(config, layout, job.repo)
        }
      ]
    }
  }
  return desired({
    kind: 'job',
    id: job.id,
    type: 'Microsoft.App/jobs',
    apiVersion: API_VERSION.app,
    dependsOn: [
      layout.managedEnvironmentId,
      layout.identityId,
      layout.roleAssignmentId,
      ...(runners.registry ? [pullAssignmentId(runners.registry, layout, modes)] : [])
    ],
    ownership: 'tagged',
    body
  })
}
