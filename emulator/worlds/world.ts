/**
 * One local world for the sandbox, the benchmarks and end-to-end tests: the emulator (Azure, Entra, Actions
 * OIDC) with the GitHub doubles mounted, seeded for some team configs, and a way to run the built CLI against it
 * as a child process with exactly the environment a workflow would give it.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { startEmulator, type Emulator, type EmulatorOptions } from '../index.js'
import { createGitHubServices } from '../github/index.js'
import { seedTeam } from '../seed-team.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export interface World {
  emulator: Emulator
  github: ReturnType<typeof createGitHubServices>
  /** Environment that points the CLI or the action bundle at the emulator. */
  env: NodeJS.ProcessEnv
  cli(args: string[], options?: { env?: NodeJS.ProcessEnv }): Promise<CliRun>
  close(): Promise<void>
}

export const CLI_BUNDLE = 'bin/runner-setup.js'
export const ACTION_BUNDLE = 'dist/index.js'

export async function startWorld(configFiles: string[], options: EmulatorOptions = {}): Promise<World> {
  const emulator = await startEmulator(options)
  const github = createGitHubServices()
  for (const service of github.services) emulator.addService(service)
  for (const file of configFiles) {
    const team = parse(readFileSync(file, 'utf8')) as Parameters<typeof seedTeam>[1] & {
      azure?: { createResourceGroup?: boolean }
    }
    // A config that creates its resource group must find none: the platform's would be refused as foreign.
    seedTeam(emulator.admin, team, { createResourceGroup: team.azure?.createResourceGroup !== true })
  }

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_EXTRA_CA_CERTS: emulator.caPath,
    AZURE_TENANT_ID: emulator.tenantId,
    AZURE_CLIENT_ID: emulator.clientId,
    AZURE_AUTHORITY_HOST: emulator.url,
    AZURE_RESOURCE_MANAGER_ENDPOINT: emulator.url,
    ACTIONS_ID_TOKEN_REQUEST_URL: emulator.oidc.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.oidc.requestToken
  }

  return {
    emulator,
    github,
    env,
    cli: (args, extra = {}) => runNode(CLI_BUNDLE, args, { ...env, ...extra.env }),
    close: () => emulator.close()
  }
}

/** Runs a bundle with the current Node (24 under npm scripts) and resolves with its exit code and output. */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise(resolve => {
    execFile(process.execPath, [script, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** Counts ARM requests by kind, for "a second apply writes nothing" and the benchmarks. */
export function countArm(emulator: Emulator, since = 0): { reads: number; writes: number } {
  const arm = emulator
    .requests()
    .slice(since)
    .filter(r => r.path.startsWith('/subscriptions/') && !/operation(s|Statuses|Results)\//i.test(r.path))
  return {
    reads: arm.filter(r => r.method === 'GET').length,
    writes: arm.filter(r => r.method !== 'GET').length
  }
}
