/**
 * `npm run emulator`: the local Azure (and GitHub) emulator on its own, until Ctrl-C.
 *   --port N            listen on N (default: any free port)
 *   --latency MS        add MS to every request
 *   --lro-polls N       status polls before a long-running operation completes (default 1)
 *   --seed FILE...      seed what these team configs expect to exist (resource group, unless the config has
 *                       azure.createResourceGroup: true; private VNets, DNS zones, workspace, vault)
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { startEmulator } from '../test/emulator/index.js'
import { createGitHubServices } from '../test/emulator/github/index.js'
import { seedTeam } from '../test/emulator/seed-team.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    latency: { type: 'string' },
    'lro-polls': { type: 'string' },
    seed: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' }
  }
})

if (values.help) {
  console.log(
    'usage: npm run emulator -- [--port N] [--latency MS] [--lro-polls N] [--seed examples/teams/studio.yaml ...]'
  )
  process.exit(0)
}

const emulator = await startEmulator({
  port: values.port === undefined ? undefined : Number(values.port),
  latencyMs: values.latency === undefined ? undefined : Number(values.latency),
  lroPolls: values['lro-polls'] === undefined ? undefined : Number(values['lro-polls'])
})
const github = createGitHubServices()
for (const service of github.services) emulator.addService(service)

for (const file of values.seed ?? []) {
  const team = parse(readFileSync(file, 'utf8')) as Parameters<typeof seedTeam>[1] & {
    azure?: { createResourceGroup?: boolean }
  }
  // A config that creates its resource group must find none: apply creates it, tagged as the team's. A group
  // seeded here would be the platform's, untagged, and apply refuses to take it over.
  const ids = seedTeam(emulator.admin, team, { createResourceGroup: team.azure?.createResourceGroup !== true })
  console.log(`seeded from ${file}:\n${ids.map(id => `  ${id}`).join('\n')}`)
}

const env = {
  NODE_EXTRA_CA_CERTS: emulator.caPath,
  AZURE_TENANT_ID: emulator.tenantId,
  AZURE_CLIENT_ID: emulator.clientId,
  AZURE_AUTHORITY_HOST: emulator.url,
  AZURE_RESOURCE_MANAGER_ENDPOINT: emulator.url,
  ACTIONS_ID_TOKEN_REQUEST_URL: emulator.oidc.requestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.oidc.requestToken,
  GITHUB_API_URL: `${emulator.url}${github.admin.basePaths[0]}`
}
const inputs = {
  'INPUT_TENANT-ID': emulator.tenantId,
  'INPUT_CLIENT-ID': emulator.clientId,
  'INPUT_AUTHORITY-HOST': emulator.url,
  'INPUT_ARM-ENDPOINT': emulator.url
}
const quote = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`

console.log(`
Azure emulator listening on ${emulator.url}
  ARM endpoint + Entra authority  ${emulator.url}
  Actions ID-token endpoint       ${emulator.oidc.requestUrl}
  GitHub REST                     ${env.GITHUB_API_URL}
  CA certificate                  ${emulator.caPath}
  tenant / client id              ${emulator.tenantId} / ${emulator.clientId}
  admin API                       ${emulator.url}/_admin/requests, /_admin/faults, /_admin/resources?id=...

Point the CLI at it:
${Object.entries(env)
  .map(([k, v]) => `  export ${k}=${quote(v)}`)
  .join('\n')}

Or run the action bundle (also set INPUT_COMMAND and INPUT_CONFIG):
  env ${Object.entries({
    ...inputs,
    NODE_EXTRA_CA_CERTS: env.NODE_EXTRA_CA_CERTS,
    ACTIONS_ID_TOKEN_REQUEST_URL: env.ACTIONS_ID_TOKEN_REQUEST_URL,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  })
    .map(([k, v]) => `${quote(`${k}=${v}`)}`)
    .join(' ')} node dist/index.js

Ctrl-C to stop.`)

const stop = async (): Promise<void> => {
  await emulator.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
