/**
 * Small team configs for the lifecycle tests: small max, 20 s polling, a 5 minute idle timeout. At ×100 that is 3 s
 * real: the idle timer runs in real time against real process start-up (the entrypoint and the runner, slower on a
 * loaded machine), so a 1 minute timeout (0.6 s) could stop a runner just as it was taking its job.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TeamSpec {
  team: string
  index: number
  scope?: 'org' | 'repo'
  repos: string[]
  /** `github.labels`; empty leaves the key out (a team with `runners.pools` labels its pools instead). */
  labels: string[]
  max?: number
  idleMinutes?: number
  jobTimeoutMinutes?: number
  /** Extra `runners:` keys, indented two spaces (e.g. a warm pool). */
  runners?: string
  sudo?: boolean
}

/**
 * Clock ×100, and no runner takes a job in the middle of a scaler poll: tests count executions exactly, so they must
 * not depend on KEDA's double count of a run that moves from queued to in_progress between its two calls.
 */
export const LIFECYCLE_OPTIONS = { speed: 100, holdAssignmentDuringPolls: true }

export function writeTeamConfigs(specs: TeamSpec[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rs-lifecycle-teams-'))
  return specs.map(spec => {
    const file = join(dir, `${spec.team}.yaml`)
    writeFileSync(
      file,
      `team: ${spec.team}
azure:
  subscriptionId: 00000000-0000-0000-0000-${String(200000000000 + spec.index)}
  resourceGroup: rg-${spec.team}-runners
  location: norwayeast
network:
  addressSpace: 10.${120 + spec.index}.0.0/24
  subnet: 10.${120 + spec.index}.0.0/27
github:
  owner: altinn
  scope: ${spec.scope ?? 'org'}
  repos: [${spec.repos.join(', ')}]
${spec.labels.length > 0 ? `  labels: [${spec.labels.join(', ')}]\n` : ''}  app:
    id: 123456
    installationId: 7891011
    privateKeySecretUri: https://kv-${spec.team}.vault.azure.net/secrets/gh-app-key
runners:
  max: ${spec.max ?? 3}
  pollingIntervalSeconds: 20
  idleTimeoutMinutes: ${spec.idleMinutes ?? 5}
  jobTimeoutMinutes: ${spec.jobTimeoutMinutes ?? 30}
  sudo: ${spec.sudo ?? false}
${spec.runners ?? ''}`
    )
    return file
  })
}
