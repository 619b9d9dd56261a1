/** Small team configs for the lifecycle tests: short idle timeout, small max, 20 s polling. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TeamSpec {
  team: string
  index: number
  scope?: 'org' | 'repo'
  repos: string[]
  labels: string[]
  max?: number
  idleMinutes?: number
}

export function writeTeamConfigs(specs: TeamSpec[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rs-lifecycle-teams-'))
  return specs.map((spec) => {
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
  labels: [${spec.labels.join(', ')}]
  app:
    id: 123456
    installationId: 7891011
    privateKeySecretUri: https://kv-${spec.team}.vault.azure.net/secrets/gh-app-key
runners:
  max: ${spec.max ?? 3}
  pollingIntervalSeconds: 20
  idleTimeoutMinutes: ${spec.idleMinutes ?? 1}
  jobTimeoutMinutes: 30
`
    )
    return file
  })
}
