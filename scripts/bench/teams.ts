/** Generates N distinct, valid team configs (own resource group, address space and repos) for the benchmarks. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function writeTeams(count: number): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'runner-setup-bench-'))
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const team = `team${String(i).padStart(3, '0')}`
    const file = join(dir, `${team}.yaml`)
    writeFileSync(file, teamYaml(team, i))
    files.push(file)
  }
  return { dir, files }
}

function teamYaml(team: string, i: number): string {
  return `team: ${team}
azure:
  subscriptionId: 00000000-0000-0000-0000-${String(100000000000 + i)}
  resourceGroup: rg-${team}-runners
  location: norwayeast
network:
  addressSpace: 10.${100 + Math.floor(i / 200)}.${i % 200}.0/24
  subnet: 10.${100 + Math.floor(i / 200)}.${i % 200}.0/27
github:
  owner: altinn
  repos: [${team}-app, ${team}-api]
  app:
    id: 123456
    installationId: 7891011
    privateKeySecretUri: https://kv-${team}.vault.azure.net/secrets/gh-app-key
`
}
