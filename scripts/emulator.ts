/**
 * `npm run emulator`: the local Azure (and GitHub) emulator on its own, until Ctrl-C.
 *   --port N            listen on N (default: any free port)
 *   --latency MS        add MS to every request
 *   --lro-polls N       status polls before a long-running operation completes (default 1)
 *   --seed FILE...      seed what these team configs expect to exist (resource group, unless the config has
 *                       azure.createResourceGroup: true; private VNets, DNS zones, workspace, vault) and their
 *                       GitHub side (org, repositories, App and installation, runner group, the App key in Key Vault,
 *                       readable by the signed-in CLI as verify needs)
 *   --run-jobs          run the Container Apps jobs apply creates: KEDA polls the GitHub double and starts
 *                       executions, each the real runner entrypoint taking one job (as `npm start` does)
 *   --speed N           simulated seconds per real second for those jobs (polling interval, job length; default 20)
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { loadTeamConfigs } from '../src/config/load.js'
import { startEmulator } from '../emulator/index.js'
import { createGitHubServices } from '../emulator/github/index.js'
import { seedTeam } from '../emulator/seed-team.js'
import { parseSecretUri, seedGitHubTeam } from '../emulator/lifecycle/seed-github.js'
import { createClock } from '../emulator/lifecycle/clock.js'
import { JobRuntime } from '../emulator/lifecycle/job-runtime.js'
import { executionFailure } from '../emulator/lifecycle/runtime-state.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    latency: { type: 'string' },
    'lro-polls': { type: 'string' },
    seed: { type: 'string', multiple: true },
    'run-jobs': { type: 'boolean' },
    speed: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  }
})

if (values.help) {
  console.log(
    'usage: npm run emulator -- [--port N] [--latency MS] [--lro-polls N] [--seed examples/teams/studio.yaml ...] [--run-jobs [--speed N]]'
  )
  process.exit(0)
}

const speed = Number(values.speed ?? 20)
if (!(speed > 0)) {
  console.error(`--speed must be a positive number of simulated seconds per real second, not '${values.speed}'`)
  process.exit(2)
}

const emulator = await startEmulator({
  port: values.port === undefined ? undefined : Number(values.port),
  latencyMs: values.latency === undefined ? undefined : Number(values.latency),
  lroPolls: values['lro-polls'] === undefined ? undefined : Number(values['lro-polls'])
})
const github = createGitHubServices({ signedIn: emulator.signedIn })
for (const service of github.services) emulator.addService(service)

for (const file of values.seed ?? []) {
  const team = parse(readFileSync(file, 'utf8')) as Parameters<typeof seedTeam>[1] & {
    azure?: { createResourceGroup?: boolean }
  }
  // A config that creates its resource group must find none: apply creates it, tagged as the team's. A group
  // seeded here would be the platform's, untagged, and apply refuses to take it over.
  const ids = seedTeam(emulator.admin, team, { createResourceGroup: team.azure?.createResourceGroup !== true })
  // The platform's GitHub side, and the App key readable by the identity the CLI signs in as ("Key Vault Secrets User"
  // on the secret), which verify needs to act as the App.
  const [config] = loadTeamConfigs([file])
  seedGitHubTeam(github.admin, config!)
  const secret = parseSecretUri(config!.github.app.privateKeySecretUri)
  github.admin.keyVaults.grant(emulator.principalObjectId, secret.vault, secret.name)
  console.log(
    `seeded from ${file}:\n${ids.map(id => `  ${id}`).join('\n')}\n  GitHub: ${config!.github.owner}/{${config!.github.repos.join(',')}}, App ${config!.github.app.id} (installation ${config!.github.app.installationId}), its key at ${config!.github.app.privateKeySecretUri}`
  )
}

const runtime = values['run-jobs'] ? startJobs(speed) : undefined

const env = {
  NODE_EXTRA_CA_CERTS: emulator.caPath,
  AZURE_TENANT_ID: emulator.tenantId,
  AZURE_CLIENT_ID: emulator.clientId,
  AZURE_AUTHORITY_HOST: emulator.url,
  AZURE_RESOURCE_MANAGER_ENDPOINT: emulator.url,
  ACTIONS_ID_TOKEN_REQUEST_URL: emulator.oidc.requestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.oidc.requestToken,
  GITHUB_API_URL: `${emulator.url}${github.admin.basePaths[0]}`,
  AZURE_KEYVAULT_ENDPOINT: `${emulator.url}/keyvault`,
  EMULATOR_URL: emulator.url
}
const inputs = {
  'INPUT_TENANT-ID': emulator.tenantId,
  'INPUT_CLIENT-ID': emulator.clientId,
  'INPUT_AUTHORITY-HOST': emulator.url,
  'INPUT_ARM-ENDPOINT': emulator.url,
  'INPUT_KEY-VAULT-ENDPOINT': `${emulator.url}/keyvault`
}
const quote = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`

console.log(`
Azure emulator listening on ${emulator.url}
  ARM endpoint + Entra authority  ${emulator.url}
  Actions ID-token endpoint       ${emulator.oidc.requestUrl}
  GitHub REST                     ${env.GITHUB_API_URL}
  Key Vault                       ${env.AZURE_KEYVAULT_ENDPOINT}/<vault>/secrets/<name>
  CA certificate                  ${emulator.caPath}
  tenant / client id              ${emulator.tenantId} / ${emulator.clientId}
  admin API                       ${emulator.url}/_admin/requests, /_admin/faults, /_admin/resources?id=...
  GitHub admin                    ${emulator.url}/_admin/github/jobs (POST: queue a job), /jobs/ID?wait=S, /runners
  Container Apps jobs             ${runtime ? `run here: KEDA polls and executions on a ×${runtime.speed} clock` : 'not run (add --run-jobs)'}

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
  await runtime?.stop()
  await emulator.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

/** KEDA and Container Apps for every job apply creates, on a fast clock; what they do is printed as it happens. */
function startJobs(speed: number): { speed: number; stop(): Promise<void> } {
  const clock = createClock(speed)
  github.admin.workflows.wallClock = clock.epochMs
  let last = ''
  const jobs = new Map<number, string>()
  const runtime = new JobRuntime({
    emulator,
    github: github.admin,
    clock,
    onPoll(p) {
      const line = `KEDA poll of ${p.jobId.split('/').at(-1)}: queue ${p.queueLength}, running ${p.running}, starting ${p.started}${p.error ? `, error: ${p.error}` : ''}`
      if (line !== last) console.log(line)
      last = line
    },
    onExecution(e) {
      console.log(`execution ${e.name}: ${e.status}`)
      if (e.status === 'Failed') console.log(`  ${executionFailure(e)}`)
    }
  })
  runtime.start()
  // Each workflow job's moves (queued, in_progress on a runner, completed), as GitHub would show them.
  const watch = setInterval(() => {
    for (const job of github.admin.workflows.jobs.values()) {
      const seen = `${job.status} ${job.conclusion ?? ''}`
      if (jobs.get(job.id) === seen) continue
      jobs.set(job.id, seen)
      const where = job.runnerName ? ` on runner ${job.runnerName}` : ''
      console.log(
        `workflow job ${job.id} (${job.owner}/${job.repo}, runs-on: [${job.labels.join(', ')}]): ${job.status}${job.conclusion ? `, ${job.conclusion}` : ''}${where}`
      )
    }
  }, 100)
  return {
    speed,
    async stop() {
      clearInterval(watch)
      await runtime.stop()
    }
  }
}
