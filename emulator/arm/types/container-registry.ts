/**
 * Microsoft.ContainerRegistry: a registry as runner-setup reads it (GET: `loginServer`, `roleAssignmentMode`;
 * learn.microsoft.com/rest/api/containerregistry/registries/get) and its build path (ACR Tasks quick builds) at api-version 2019-06-01-preview.
 * - `listBuildSourceUploadUrl` hands out a SAS URL on a storage blob and its `relativePath` (the
 *   SourceUploadDefinition of the 2019-06-01-preview spec, Azure/azure-rest-api-specs
 *   specification/containerregistry/resource-manager/Microsoft.ContainerRegistry/preview/2019-06-01-preview/containerregistry_build.json).
 * - The upload is a Put Blob of a block blob (learn.microsoft.com/rest/api/storageservices/put-blob: `x-ms-blob-type`
 *   is required; 201 Created), served here by `createBuildBlobService`.
 * - `scheduleRun` with a DockerBuildRequest answers 202 and, at its Location, the Run `Queued`; the run then goes Started, Running and
 *   ends Succeeded, Failed, Canceled, Error or Timeout (RunStatus in the same spec). The "build" checks that the
 *   Dockerfile is in the uploaded context at `dockerFilePath`, fails on `RUN exit N` (N > 0), takes `RUN sleep N`
 *   build seconds, and derives the image digest from the context's bytes.
 * - The run's log is a blob that grows while the run goes; `x-ms-meta-complete` appears once it is finished, which is
 *   what the Azure CLI waits for (Azure/azure-cli src/azure-cli/azure/cli/command_modules/acr/_stream_utils.py).
 * - A registry with network rules (publicNetworkAccess Disabled or networkRuleSet.defaultAction Deny) refuses a
 *   task's own push unless `networkRuleBypassAllowedForTasks` is true: the run fails with a 403 from the registry
 *   (learn.microsoft.com/azure/container-registry/manage-network-bypass-policy-for-tasks).
 * - `runs/{id}/cancel` ends a running run Canceled; a run on an agent pool cannot be cancelled
 *   (learn.microsoft.com/azure/container-registry/tasks-agent-pools, "Preview limitations").
 * - Without a role, ARM's generic 403 AuthorizationFailed names the action (see the denials in the ARM service).
 */
import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { extract } from 'tar-stream'
import { Readable } from 'node:stream'
import type { EmuResponse, Service } from '../../http.js'
import { armError } from '../errors.js'
import type { ResourceStore, StoredResource, Wire } from '../store.js'
import { asWire, envelope, props, type ResourceType, type TypeContext } from './resource-type.js'

export const REGISTRIES = 'Microsoft.ContainerRegistry/registries'
export const RUNS = 'Microsoft.ContainerRegistry/registries/runs'
/** Where the emulator serves the storage account that holds build sources and run logs. */
export const BLOB_PREFIX = '/acr-storage/'

const TERMINAL = new Set(['Succeeded', 'Failed', 'Canceled', 'Error', 'Timeout'])

interface UploadedSource {
  bytes: Buffer
  /** Context paths (no leading `./`) with their contents. */
  files: Map<string, Buffer>
  /** Why the archive could not be read, when it could not. */
  unreadable?: string
}

interface LogLine {
  atMs: number
  text: string
}

interface BuildRun {
  id: string
  runId: string
  startedAt: number
  lines: LogLine[]
  /** When each status begins, relative to startedAt; the last is terminal. */
  phases: { status: string; atMs: number }[]
  digest?: string
  images: string[]
  loginServer: string
  sourceLocation: string
  /** One build second, in ms. */
  secondMs: number
  errorMessage?: string
  agentPool?: string
}

/** The build state of one emulator (keyed by its store): uploaded blobs, runs and the build clock. */
export interface RegistryBuilds {
  /** How long one second of a build takes in the emulator (default 1000; tests shrink it). */
  secondMs: number
  sources: Map<string, UploadedSource>
  runs: Map<string, BuildRun>
  /** The DockerBuildRequest bodies scheduleRun received, for tests. */
  requests: Wire[]
  /** Paths of the files in the context a run built from, for tests. */
  contextFiles(runId: string): string[]
}

const states = new WeakMap<ResourceStore, RegistryBuilds>()

export function registryBuilds(store: ResourceStore): RegistryBuilds {
  let state = states.get(store)
  if (state === undefined) {
    const created: RegistryBuilds = {
      secondMs: 1000,
      sources: new Map(),
      runs: new Map(),
      requests: [],
      contextFiles: runId => {
        const run = [...created.runs.values()].find(r => r.runId === runId)
        const source = run && created.sources.get(run.sourceLocation)
        return source ? [...source.files.keys()].sort() : []
      }
    }
    state = created
    states.set(store, state)
  }
  return state
}

export const registries: ResourceType = {
  type: REGISTRIES,
  put: 'sync',
  patch: 'sync',
  delete: 'sync',
  requiresLocation: true,
  build: (_ctx, input) => {
    const name = input.target.name.toLowerCase()
    const p = props(input.body)
    return envelope(input, REGISTRIES, {
      loginServer: `${name}.azurecr.io`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: p.publicNetworkAccess ?? 'Enabled',
      networkRuleBypassAllowedForTasks: p.networkRuleBypassAllowedForTasks ?? false,
      adminUserEnabled: p.adminUserEnabled ?? false,
      anonymousPullEnabled: p.anonymousPullEnabled ?? false,
      // AbacRepositoryPermissions: the registry ignores AcrPull/AcrPush for data actions and honours the Container
      // Registry Repository roles (learn.microsoft.com/azure/container-registry/container-registry-rbac-abac-repository-permissions).
      roleAssignmentMode: p.roleAssignmentMode ?? 'LegacyRegistryPermissions'
    })
  },
  actions: {
    listBuildSourceUploadUrl: (ctx, registry, req) => {
      const relativePath = `source/${new Date().toISOString().slice(0, 10).replace(/-/g, '')}/${crypto.randomUUID()}.tar.gz`
      const account = `${registry.id.split('/').at(-1)!.toLowerCase()}acrtasks`
      void ctx
      return {
        response: {
          status: 200,
          body: {
            uploadUrl: `${req.url.origin}${BLOB_PREFIX}${account}/${relativePath}?sv=2019-12-12&sr=b&sp=cw&sig=emulated`,
            relativePath
          }
        }
      }
    },
    scheduleRun: (ctx, registry, req) => scheduleRun(ctx, registry, asWire(req.body))
  }
}

export const runs: ResourceType = {
  type: RUNS,
  put: 'sync',
  delete: 'sync',
  build: (_ctx, input) => envelope(input, RUNS),
  view: (ctx, stored) => runView(registryBuilds(ctx.store).runs.get(stored.id.toLowerCase()), stored),
  actions: {
    listLogSasUrl: (ctx, stored, req) => {
      const run = registryBuilds(ctx.store).runs.get(stored.id.toLowerCase())
      if (run === undefined) return { error: armError(404, 'NotFound', `Run ${stored.id} not found.`) }
      return {
        response: {
          status: 200,
          body: {
            logLink: `${req.url.origin}${BLOB_PREFIX}logs/${run.runId}/rawtext.log?sv=2019-12-12&sr=b&sp=r&sig=emulated`
          }
        }
      }
    },
    cancel: (ctx, stored) => {
      const run = registryBuilds(ctx.store).runs.get(stored.id.toLowerCase())
      if (run === undefined) return { error: armError(404, 'NotFound', `Run ${stored.id} not found.`) }
      if (run.agentPool !== undefined)
        return {
          error: armError(
            400,
            'RunCancelNotSupported',
            `Run ${run.runId} runs on agent pool '${run.agentPool}' and cannot be cancelled.`
          )
        }
      const now = Date.now() - run.startedAt
      if (!TERMINAL.has(statusAt(run, now))) {
        run.phases = [...run.phases.filter(p => p.atMs < now), { status: 'Canceled', atMs: now }]
        run.lines = [
          ...run.lines.filter(l => l.atMs <= now),
          {
            atMs: now,
            text: `${stamp(run.startedAt + now)} Run ID: ${run.runId} was canceled after ${seconds(now, run.secondMs)}s`
          }
        ]
      }
      return { lroResult: { status: 200 } }
    }
  }
}

function scheduleRun(
  ctx: TypeContext,
  registry: StoredResource,
  request: Wire
): { lroResult?: EmuResponse; error?: ReturnType<typeof armError> } {
  const state = registryBuilds(ctx.store)
  if (request.type !== 'DockerBuildRequest')
    return {
      error: armError(400, 'InvalidRequestContent', `Run request type '${String(request.type)}' is not supported here.`)
    }
  const dockerFilePath = request.dockerFilePath
  if (typeof dockerFilePath !== 'string' || dockerFilePath === '')
    return { error: armError(400, 'InvalidRequestContent', "The 'dockerFilePath' property is required.") }
  const platform = asWire(request.platform)
  if (typeof platform.os !== 'string')
    return { error: armError(400, 'InvalidRequestContent', "The 'platform.os' property is required.") }
  const timeout = typeof request.timeout === 'number' ? request.timeout : 3600
  if (timeout < 300 || timeout > 28800)
    return { error: armError(400, 'InvalidRequestContent', `The timeout ${timeout} is outside 300 to 28800 seconds.`) }
  state.requests.push(structuredClone(request))

  const number = state.runs.size + 1
  const runId = `ca${number}`
  const id = `${registry.id}/runs/${runId}`
  const loginServer = String(props(registry.body).loginServer)
  const sourceLocation = typeof request.sourceLocation === 'string' ? request.sourceLocation : ''
  const source = state.sources.get(sourceLocation)
  const images = Array.isArray(request.imageNames) ? request.imageNames.map(String) : []
  const s = state.secondMs
  const run: BuildRun = {
    id,
    runId,
    startedAt: Date.now(),
    lines: [],
    phases: [
      { status: 'Queued', atMs: 0 },
      { status: 'Started', atMs: s },
      { status: 'Running', atMs: 2 * s }
    ],
    images,
    loginServer,
    sourceLocation,
    secondMs: s,
    ...(typeof request.agentPoolName === 'string' ? { agentPool: request.agentPoolName } : {})
  }
  const log = (atMs: number, text: string): void =>
    void run.lines.push({ atMs, text: `${stamp(run.startedAt + atMs)} ${text}` })
  const end = (status: string, atMs: number, message?: string): void => {
    run.phases.push({ status, atMs })
    if (message) run.errorMessage = message
  }

  log(s, 'Downloading source code...')
  if (source === undefined || source.unreadable) {
    const why = source?.unreadable ?? `no source at '${sourceLocation}'`
    log(2 * s, `Failed to download source code: ${why}`)
    end('Error', 2 * s, `failed to download the source: ${why}`)
  } else {
    log(2 * s, 'Finished downloading source code')
    const dockerfile = source.files.get(dockerFilePath.replace(/^\.\//, ''))
    if (dockerfile === undefined) {
      log(
        2 * s,
        `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /workspace/${dockerFilePath}: no such file or directory`
      )
      end('Failed', 3 * s)
    } else {
      runBuild(run, dockerfile.toString('utf8'), source, registry, request, timeout, log, end)
    }
  }
  const ended = run.phases.at(-1)!
  const verdict =
    ended.status === 'Succeeded'
      ? `was successful after ${seconds(ended.atMs, s)}s`
      : ended.status === 'Timeout'
        ? `timed out after ${seconds(ended.atMs, s)}s`
        : `failed after ${seconds(ended.atMs, s)}s. Error: failed during run, err: exit status 1`
  run.lines.push({ atMs: ended.atMs, text: `Run ID: ${runId} ${verdict}` })
  state.runs.set(id.toLowerCase(), run)
  ctx.store.put({ id, type: RUNS, body: { id, name: runId, type: RUNS, properties: {} } })
  // Long-running in the spec: answered as 202 with a Location that gives the Run (the ARM service serves the polls).
  return { lroResult: { status: 200, body: runView(run, ctx.store.get(id)!) } }
}

function runBuild(
  run: BuildRun,
  dockerfile: string,
  source: UploadedSource,
  registry: StoredResource,
  request: Wire,
  timeout: number,
  log: (atMs: number, text: string) => void,
  end: (status: string, atMs: number, message?: string) => void
): void {
  const s = run.secondMs
  let at = 3 * s
  const args = Array.isArray(request.arguments) ? request.arguments.map(asWire) : []
  // ACR removes secret arguments from the build log (Argument.isSecret in the spec); the others show as given.
  const shown = args.map(a => `--build-arg ${String(a.name)}${a.isSecret ? '' : `=${String(a.value)}`}`).join(' ')
  log(
    at,
    `Scanning for dependencies... docker build ${shown} -f ${String(request.dockerFilePath)} .`.replace(/\s+/g, ' ')
  )
  const steps = dockerfile
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'))
  for (const [i, step] of steps.entries()) {
    at += s
    log(at, `Step ${i + 1}/${steps.length} : ${step}`)
    if (at > timeout * s) return end('Timeout', timeout * s, `run exceeded the timeout of ${timeout}s`)
    const exit = /^RUN\s+exit\s+(\d+)/i.exec(step)
    if (exit && Number(exit[1]) > 0) {
      log(at, `The command '/bin/sh -c exit ${exit[1]}' returned a non-zero code: ${exit[1]}`)
      return end('Failed', at + s, 'failed during run, err: exit status 1')
    }
    const sleep = /^RUN\s+sleep\s+(\d+)/i.exec(step)
    if (sleep) {
      at += Number(sleep[1]) * s
      if (at > timeout * s) return end('Timeout', timeout * s, `run exceeded the timeout of ${timeout}s`)
    }
  }
  const p = props(registry.body)
  const restricted = p.publicNetworkAccess === 'Disabled' || asWire(p.networkRuleSet).defaultAction === 'Deny'
  if (restricted && p.networkRuleBypassAllowedForTasks !== true && run.agentPool === undefined) {
    at += s
    log(
      at,
      `denied: client with IP '20.50.2.1' is not allowed access, refer https://aka.ms/acr/firewall to grant access (403 Forbidden)`
    )
    return end('Failed', at + s, 'failed to push: 403 Forbidden')
  }
  run.digest = `sha256:${createHash('sha256').update(source.bytes).digest('hex')}`
  for (const image of run.images) {
    at += s
    log(at, `Successfully pushed image: ${run.loginServer}/${image}`)
  }
  end('Succeeded', at + s)
}

function statusAt(run: BuildRun, elapsed: number): string {
  let status = 'Queued'
  for (const phase of run.phases) if (phase.atMs <= elapsed) status = phase.status
  return status
}

function runView(run: BuildRun | undefined, stored: StoredResource): Wire {
  if (run === undefined) return structuredClone(stored.body)
  const elapsed = Date.now() - run.startedAt
  const status = statusAt(run, elapsed)
  const done = TERMINAL.has(status)
  return {
    id: run.id,
    name: run.runId,
    type: RUNS,
    properties: {
      runId: run.runId,
      status,
      runType: 'QuickRun',
      createTime: new Date(run.startedAt).toISOString(),
      ...(done ? { finishTime: new Date(run.startedAt + run.phases.at(-1)!.atMs).toISOString() } : {}),
      ...(run.agentPool ? { agentPoolName: run.agentPool } : {}),
      ...(done && run.errorMessage ? { runErrorMessage: run.errorMessage } : {}),
      ...(status === 'Succeeded' && run.digest
        ? {
            outputImages: run.images.map(image => {
              const [repo, t] = image.split(':')
              return { registry: run.loginServer, repository: repo, tag: t ?? 'latest', digest: run.digest }
            })
          }
        : {}),
      provisioningState: 'Succeeded'
    }
  }
}

/** The storage account behind build sources and run logs: Put Blob for uploads, ranged Get Blob for logs. */
export function createBuildBlobService(store: ResourceStore): Service {
  return {
    name: 'acr-storage',
    async handle(req) {
      if (!req.url.pathname.startsWith(BLOB_PREFIX)) return undefined
      const state = registryBuilds(store)
      if (req.url.searchParams.get('sig') === null)
        return blobError(403, 'AuthenticationFailed', 'Server failed to authenticate the request.')
      const path = req.url.pathname.slice(BLOB_PREFIX.length)
      const log = /^logs\/([^/]+)\/rawtext\.log$/.exec(path)
      if (log) return readLog(state, log[1]!, req.method, req.headers.range)
      if (req.method !== 'PUT') return blobError(404, 'BlobNotFound', 'The specified blob does not exist.')
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
        return blobError(
          400,
          'MissingRequiredHeader',
          'An HTTP header that is mandatory for this request is not specified. x-ms-blob-type'
        )
      const relativePath = path.split('/').slice(1).join('/')
      state.sources.set(relativePath, await readContext(req.rawBytes ?? Buffer.alloc(0)))
      return { status: 201, headers: { etag: `"0x${Date.now().toString(16)}"` } }
    }
  }
}

function readLog(state: RegistryBuilds, runId: string, method: string, range: string | undefined): EmuResponse {
  const run = [...state.runs.values()].find(r => r.runId === runId)
  if (run === undefined) return blobError(404, 'BlobNotFound', 'The specified blob does not exist.')
  const elapsed = Date.now() - run.startedAt
  const text = run.lines
    .filter(l => l.atMs <= elapsed)
    .map(l => `${l.text}\n`)
    .join('')
  const bytes = Buffer.from(text)
  const headers: Record<string, string> = { 'x-ms-blob-type': 'AppendBlob', 'content-type': 'text/plain' }
  if (TERMINAL.has(statusAt(run, elapsed))) headers['x-ms-meta-complete'] = 'true'
  if (method === 'HEAD')
    return { status: 200, headers: { ...headers, 'x-ms-blob-content-length': String(bytes.length) } }
  const from = range ? Number(/bytes=(\d+)-/.exec(range)?.[1] ?? 0) : 0
  if (from >= bytes.length && bytes.length > 0 && range) return { status: 416, headers, body: '' }
  return { status: range ? 206 : 200, headers, body: bytes.subarray(from).toString('utf8') }
}

async function readContext(bytes: Buffer): Promise<UploadedSource> {
  const files = new Map<string, Buffer>()
  try {
    const tar = gunzipSync(bytes)
    const parser = extract()
    const done = new Promise<void>((resolve, reject) => {
      parser.on('entry', (header, stream, next) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: unknown) => chunks.push(c as Buffer))
        stream.on('end', () => {
          if (header.type === 'file') files.set(header.name.replace(/^\.\//, ''), Buffer.concat(chunks))
          next()
        })
        stream.resume()
      })
      parser.on('finish', resolve)
      parser.on('error', reject)
    })
    Readable.from([tar]).pipe(parser)
    await done
    return { bytes, files }
  } catch (error) {
    return { bytes, files, unreadable: `the source archive is not a readable tar.gz (${(error as Error).message})` }
  }
}

function blobError(status: number, code: string, message: string): EmuResponse {
  return {
    status,
    headers: { 'x-ms-error-code': code, 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`
  }
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19).replace(/-/g, '/')
/** Build seconds, as the run log counts them. */
const seconds = (ms: number, secondMs: number): number => Math.max(1, Math.round(ms / secondMs))
