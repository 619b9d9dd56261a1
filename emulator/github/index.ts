/**
 * The GitHub side of the emulator plus what a runner container talks to: GitHub REST, the Container Apps managed
 * identity endpoint and Key Vault secrets, as `Service`s for `emulator.addService(...)`, with one admin handle
 * (in-process) and a small admin HTTP API for out-of-process callers.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import type { EmuRequest, EmuResponse, Service } from '../http.js'
import { handleIdentity, ManagedIdentities } from './identity.js'
import { KEY_VAULT_PATH, KeyVaults, type SignedIn } from './keyvault.js'
import { createRestHandler } from './rest.js'
import { GitHubState, type App } from './state.js'
import { observed, Traffic, type FaultRule, type LoggedRequest } from './traffic.js'
import { BROKER_PATH, Workflows, type WorkflowJob } from './workflows.js'
import type { RateLimits } from './rate-limit.js'

export { GitHubState } from './state.js'
export { Workflows, type WorkflowJob } from './workflows.js'
export type { FaultRule, LoggedRequest } from './traffic.js'

export interface GitHubServicesOptions {
  /** Where the REST API is mounted. Default: `/github/api/v3` (GHES style) and `/github/api` (github.com style). */
  basePaths?: string[]
  /** IDENTITY_ENDPOINT path. Default `/msi/token`. */
  identityPath?: string
  /** Admin HTTP API. Default `/_admin/github`. */
  adminPath?: string
  now?: () => number
  /** Lets Key Vault accept the emulator's Entra tokens too (`emulator.signedIn`): a signed-in CLI reading a secret. */
  signedIn?: SignedIn
}

export interface GitHubAdmin {
  github: GitHubState
  identities: ManagedIdentities
  keyVaults: KeyVaults
  /** Workflow runs and jobs, and their assignment to runners. */
  workflows: Workflows
  /** Rate-limit buckets per credential (`installation:<id>`). */
  limits: RateLimits
  basePaths: string[]
  identityPath: string
  /** Registers an App with a fresh RSA key; the private key PEM is for the test to store in Key Vault. */
  createApp(): { app: App; privateKeyPem: string }
  fault(rule: FaultRule): void
  clearFaults(): void
  requests(): LoggedRequest[]
  clearRequests(): void
}

export function createGitHubServices(options: GitHubServicesOptions = {}): { services: Service[]; admin: GitHubAdmin } {
  const now = options.now ?? Date.now
  const basePaths = options.basePaths ?? ['/github/api/v3', '/github/api']
  const identityPath = options.identityPath ?? '/msi/token'
  const adminPath = options.adminPath ?? '/_admin/github'
  const github = new GitHubState(now)
  const identities = new ManagedIdentities(now)
  const keyVaults = new KeyVaults(now)
  const traffic = new Traffic(now)
  const workflows = new Workflows(github)
  const rest = createRestHandler(github, basePaths, workflows)

  const admin: GitHubAdmin = {
    github,
    identities,
    keyVaults,
    workflows,
    limits: rest.limits,
    basePaths,
    identityPath,
    createApp() {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
      const app = github.addApp(publicKey.export({ type: 'spki', format: 'pem' }).toString())
      return { app, privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString() }
    },
    fault: rule => traffic.addFault(rule),
    clearFaults: () => traffic.clearFaults(),
    requests: () => [...traffic.log],
    clearRequests: () => void traffic.log.splice(0)
  }

  const services: Service[] = [
    { name: 'github', handle: withRequestId(observed('github', traffic, rest.owns, rest.handle)) },
    {
      name: 'managed-identity',
      handle: observed(
        'managed-identity',
        traffic,
        req => req.url.pathname === identityPath,
        req => handleIdentity(identities, req)
      )
    },
    {
      name: 'key-vault',
      handle: observed(
        'key-vault',
        traffic,
        req => KEY_VAULT_PATH.test(req.url.pathname),
        req => keyVaults.handle(identities, req, options.signedIn)
      )
    },
    {
      name: 'github-broker',
      handle: observed(
        'github-broker',
        traffic,
        req => req.url.pathname.startsWith(BROKER_PATH + '/'),
        req => workflows.handleBroker(req)!
      )
    },
    { name: 'github-admin', handle: req => adminApi(admin, adminPath, req) }
  ]
  return { services, admin }
}

/**
 * GET|DELETE requests, POST|DELETE faults (path as a string, or `{ "regex": "..." }`), GET runners, PATCH runners/{id},
 * POST jobs (queue a workflow job) and GET jobs/{id}, each with `?wait=SECONDS`: answer once the job completed, or
 * as it is after SECONDS.
 */
async function adminApi(admin: GitHubAdmin, base: string, req: EmuRequest) {
  if (!req.url.pathname.startsWith(base + '/')) return undefined
  const path = req.url.pathname.slice(base.length)
  const ok = (body?: unknown) => ({ status: body === undefined ? 204 : 200, body })
  if (path === '/requests' && req.method === 'GET') return ok(admin.requests())
  if (path === '/requests' && req.method === 'DELETE') return ok(admin.clearRequests())
  if (path === '/faults' && req.method === 'DELETE') return ok(admin.clearFaults())
  if (path === '/faults' && req.method === 'POST') {
    const rule = req.body as FaultRule & { path: string | { regex: string } }
    admin.fault({ ...rule, path: typeof rule.path === 'string' ? rule.path : new RegExp(rule.path.regex) })
    return ok()
  }
  if (path === '/runners' && req.method === 'GET') return ok([...admin.github.runners.values()])
  const wait = Math.min(Number(req.url.searchParams.get('wait') ?? 0) || 0, 600) * 1000
  if (path === '/jobs' && req.method === 'POST') {
    const queued = queueJobs(admin, req.body)
    if (!Array.isArray(queued.body)) return queued
    return { status: 201, body: await Promise.all(queued.body.map(j => completed(j, wait))) }
  }
  const job = /^\/jobs\/(\d+)$/.exec(path)
  if (job && req.method === 'GET') {
    const found = admin.workflows.jobs.get(Number(job[1]))
    if (!found) return { status: 404, body: { message: `no job ${job[1]}` } }
    return ok(await completed(found, wait))
  }
  const runner = /^\/runners\/(\d+)$/.exec(path)
  if (runner && req.method === 'PATCH') {
    const found = admin.github.runners.get(Number(runner[1]))
    if (!found) return { status: 404, body: { message: 'no such runner' } }
    Object.assign(found, req.body as object)
    return ok(found)
  }
  return { status: 404, body: { message: `unknown admin call ${req.method} ${path}` } }
}

/** Every REST answer carries `x-github-request-id`, the id GitHub Support asks for. */
function withRequestId(
  handle: (req: EmuRequest) => EmuResponse | undefined
): (req: EmuRequest) => EmuResponse | undefined {
  return req => {
    const response = handle(req)
    if (!response) return undefined
    const id = randomBytes(10)
      .toString('hex')
      .toUpperCase()
      .replace(/(.{4})(.{4})(.{6})(.{6})/, '$1:$2:$3:$4')
    return { ...response, headers: { 'x-github-request-id': id, ...response.headers } }
  }
}

/** The job once completed, or as it is after `waitMs`. */
async function completed(job: WorkflowJob, waitMs: number): Promise<WorkflowJob> {
  const until = Date.now() + waitMs
  while (job.status !== 'completed' && Date.now() < until) await new Promise(r => setTimeout(r, 50))
  return job
}

/** `{ owner, repo, labels, name?, runSeconds?, result? }`: one workflow run with one job, as a push would queue it. */
function queueJobs(admin: GitHubAdmin, body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>
  const labels = b.labels
  if (typeof b.owner !== 'string' || typeof b.repo !== 'string' || !Array.isArray(labels) || labels.length === 0)
    return { status: 400, body: { message: 'expected { "owner": "...", "repo": "...", "labels": ["..."] }' } }
  const jobs = admin.workflows.queueJob({
    owner: b.owner,
    repo: b.repo,
    labels: labels.map(String),
    ...(typeof b.name === 'string' ? { name: b.name } : {}),
    runMs: (typeof b.runSeconds === 'number' ? b.runSeconds : 10) * 1000,
    ...(b.result === 'failure' ? { result: 'failure' as const } : {})
  })
  return { status: 201, body: jobs }
}
