/**
 * Test fixtures: a GitHub org with a repo, an App and its installation, a managed identity allowed to read the App
 * key from Key Vault, a fake runner (bin/Runner.Listener) that records what it gets and what it can read, and a way to run the
 * entrypoint (test-bundle.ts) as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EntrypointOptions } from '../../src/entrypoint/config.js'
import { createGitHubServices, type GitHubAdmin } from '../github/index.js'
import type { Service } from '../http.js'
import { startHarness, type Harness } from './https-harness.js'
import { entrypointArgs, runnerPasswd } from '../runner-entrypoint/bundle.js'

export interface World {
  dir: string
  harness: Harness
  admin: GitHubAdmin
  org: string
  repo: string
  appId: number
  installationId: number
  clientId: string
  principalId: string
  privateKeyPem: string
  secretUri: string
  teamGroupId: number
  /** Every bearer credential a client sent: managed identity tokens, App JWTs, installation tokens. */
  bearers: Set<string>
  close(): Promise<void>
}

export async function createWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'rs-entrypoint-'))
  chmodSync(dir, 0o755)
  const { services, admin } = createGitHubServices()
  const bearers = new Set<string>()
  const seeBearer: Service = {
    name: 'bearer-log',
    handle(req) {
      const auth = req.headers.authorization
      if (auth?.startsWith('Bearer ')) bearers.add(auth.slice('Bearer '.length))
      return undefined
    }
  }
  const harness = await startHarness([seeBearer, ...services], dir)
  const org = 'altinn-test'
  const repo = 'studio'
  admin.github.addOrg(org)
  admin.github.addRepo(org, repo)
  admin.github.addRepo(org, 'other')
  const teamGroup = admin.github.addRunnerGroup(org, { name: 'team-studio', repositories: [repo] })
  const { app, privateKeyPem } = admin.createApp()
  const installation = admin.github.addInstallation({
    appId: app.id,
    account: org,
    permissions: {
      organization_self_hosted_runners: 'write',
      administration: 'write',
      actions: 'read',
      metadata: 'read'
    }
  })
  const { clientId, principalId } = admin.identities.assign()
  const version = admin.keyVaults.setSecret('kv-studio', 'github-app-key', privateKeyPem)
  admin.keyVaults.grant(principalId, 'kv-studio', 'github-app-key')
  return {
    dir,
    harness,
    admin,
    org,
    repo,
    appId: app.id,
    installationId: installation.id,
    clientId,
    principalId,
    privateKeyPem,
    secretUri: `${harness.url}/keyvault/kv-studio/secrets/github-app-key/${version}`,
    teamGroupId: teamGroup.id,
    bearers,
    async close() {
      await harness.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export type Behaviour = 'job' | 'idle' | 'stubborn' | 'daemon' | { exit: number } | { script: string }

/**
 * A fake runner folder whose bin/Runner.Listener records argv, env, uid, cwd and its credentials
 * (/proc/self/status), then: 'job' prints that it runs a job and exits 0; 'idle' waits (a trap records the signal);
 * 'stubborn' ignores SIGINT and SIGTERM; 'daemon' runs a job that leaves a process behind in a session of its own
 * (holding the output pipe), then exits 0; { exit } exits with that code; { script } runs that bash.
 */
export function fakeRunner(
  dir: string,
  behaviour: Behaviour,
  mode = 0o755
): { runnerDir: string; record: (name: string) => string | undefined } {
  const folder = mkdtempSync(join(dir, 'runner-'))
  chmodSync(folder, 0o777)
  mkdirSync(join(folder, 'bin'))
  chmodSync(join(folder, 'bin'), 0o755)
  const tails: Record<string, string> = {
    job: 'echo "√ Connected to GitHub"\necho "2026-01-01 00:00:00Z: Running job: build"\nexit 0',
    idle: [
      'echo "√ Connected to GitHub"',
      'echo "Listening for Jobs"',
      'sleep 30 & s=$!',
      'echo ready > "$rec/ready"',
      'wait $s'
    ].join('\n'),
    daemon: 'echo "Running job: build"\nsetsid sleep 20 &\nexit 0',
    stubborn: [
      `trap 'echo TERM >> "$rec/signal"' TERM`,
      `trap 'echo INT >> "$rec/signal"' INT`,
      'echo ready > "$rec/ready"',
      'while :; do sleep 0.05; done'
    ].join('\n')
  }
  const tail =
    typeof behaviour !== 'object'
      ? tails[behaviour]!
      : 'exit' in behaviour
        ? `exit ${behaviour.exit}`
        : behaviour.script
  // Traps first: the idle timeout or a test's signal may come while it is still collecting.
  const traps =
    behaviour === 'idle'
      ? 'trap \'echo TERM > "$rec/signal"; kill $s 2>/dev/null; exit 3\' TERM\ntrap \'echo INT > "$rec/signal"; kill $s 2>/dev/null; exit 4\' INT\n'
      : ''
  const script = `#!/bin/bash
rec="$(cd "$(dirname "$0")/.." && pwd)/record"
mkdir -p "$rec"
${traps}printf '%s\\n' "$@" > "$rec/argv"
env > "$rec/env"
id -u > "$rec/uid"
pwd > "$rec/cwd"
grep -E '^(Uid|Gid|Groups|NoNewPrivs|CapEff|CapBnd|Seccomp):' /proc/self/status > "$rec/status"
if command -v sudo > /dev/null; then sudo -n id -u > "$rec/sudo" 2>&1 < /dev/null; fi
${tail}
`
  const listener = join(folder, 'bin', 'Runner.Listener')
  writeFileSync(listener, script)
  chmodSync(listener, mode)
  const record = (name: string): string | undefined => {
    const path = join(folder, 'record', name)
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined
  }
  return { runnerDir: folder, record }
}

/** An /etc/passwd whose `runner` is unprivileged (nobody's uid as root, else the current user). */
export function fakePasswd(dir: string): string {
  const passwdFile = join(mkdtempSync(join(dir, 'etc-')), 'passwd')
  runnerPasswd(passwdFile, dir)
  return passwdFile
}

/** The job template's environment plus what Container Apps injects. */
export function jobEnv(
  world: World,
  scope: 'org' | 'repo',
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    NODE_EXTRA_CA_CERTS: world.harness.caFile,
    IDENTITY_ENDPOINT: `${world.harness.url}/msi/token`,
    IDENTITY_HEADER: world.admin.identities.header,
    CONTAINER_APP_JOB_NAME: 'studio-runner',
    CONTAINER_APP_JOB_EXECUTION_NAME: `studio-runner-${Math.random().toString(36).slice(2, 8)}`,
    CONTAINER_APP_REPLICA_NAME: 'studio-runner-abc-replica',
    RUNNER_MANUALLY_TRAP_SIG: '1',
    ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT: '1',
    RUNNER_SETUP_SCOPE: scope,
    RUNNER_SETUP_GITHUB_URL: `${world.harness.url}/github`,
    RUNNER_SETUP_GITHUB_API_URL: `${world.harness.url}/github/api/v3`,
    RUNNER_SETUP_OWNER: world.org,
    ...(scope === 'repo' ? { RUNNER_SETUP_REPO: world.repo } : { RUNNER_SETUP_RUNNER_GROUP: 'team-studio' }),
    RUNNER_SETUP_LABELS: 'studio,linux-vnet',
    RUNNER_SETUP_APP_ID: String(world.appId),
    RUNNER_SETUP_INSTALLATION_ID: String(world.installationId),
    RUNNER_SETUP_KEY_SECRET_URI: world.secretUri,
    RUNNER_SETUP_IDENTITY_CLIENT_ID: world.clientId,
    RUNNER_SETUP_IDLE_TIMEOUT_SECONDS: '60',
    RUNNER_SETUP_SUDO: 'false',
    ...extra
  }
}

export interface Run {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  done: Promise<number>
}

export function runEntrypoint(bundle: string, env: Record<string, string>, options: EntrypointOptions = {}): Run {
  const child = spawn(process.execPath, entrypointArgs(bundle, options), { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const done = new Promise<number>(resolve =>
    child.once('close', (code, signal) => resolve(code ?? 128 + (signal ? 1 : 0)))
  )
  return { child, stdout: () => stdout, stderr: () => stderr, done }
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise(r => setTimeout(r, 10))
  }
}

/** The one-line failure contract: exactly one error line, no stack trace. */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter(l => l.trim() !== '')
}
