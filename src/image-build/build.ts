/**
 * One image build on ACR Tasks: check the context, find the registry, refuse what cannot work, upload the context,
 * schedule a Docker build run, follow its log into the step log, and end with the run's status.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { AzureError } from '../azure/errors.js'
import { InputError } from '../commands/input-error.js'
import type { AcrApi, DockerBuildRequest, Registry, Run } from './acr-api.js'
import { AGENT_POOL_WARNING, checkAgentPool } from './agent-pool.js'
import type { BlobApi } from './blob.js'
import { contextFiles, MAX_CONTEXT_BYTES, packContext, type ContextFile } from './context.js'
import { checkNetworkRules } from './network-rules.js'
import type { BuildSettings } from './settings.js'

export const TERMINAL_STATUSES = ['Succeeded', 'Failed', 'Canceled', 'Error', 'Timeout']
/** Lines of the run's log a failure repeats in its message. */
const TAIL_LINES = 20

export interface BuildOutput {
  /** The first image name with its digest, e.g. myteam.azurecr.io/api@sha256:…. */
  image: string
  digest: string
  runId: string
}

export interface BuildSteps {
  info(message: string): void
  warning(message: string): void
  /** The run id is known: the caller records it before anything else can fail. */
  scheduled(runId: string): void
}

export interface BuildDeps {
  acr: AcrApi
  blob: BlobApi
  steps: BuildSteps
  /** Aborted when the workflow is cancelled. */
  cancelled: AbortSignal
  /** How often the run and its log are read (default 2 s). */
  pollMs?: number
}

/** The run ended in another status than Succeeded: the message carries the run id and the log's last lines. */
export class BuildFailed extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BuildFailed'
  }
}

/** Before signing in: the context and its Dockerfile exist and the context is not too large. */
export function checkContext(settings: BuildSettings, maxBytes = MAX_CONTEXT_BYTES): ContextFile[] {
  return contextFiles(settings.context, settings.dockerfile, maxBytes)
}

/** `files`: the context as checkContext found it. */
export async function buildImage(settings: BuildSettings, files: ContextFile[], deps: BuildDeps): Promise<BuildOutput> {
  const { acr, blob, steps } = deps
  const registry = await findRegistry(acr, settings)
  if (settings.agentPool) {
    steps.warning(AGENT_POOL_WARNING)
    checkAgentPool(registry, settings.agentPool, settings.platform.os)
  }
  checkNetworkRules(registry, settings.agentPool)

  const packStarted = Date.now()
  const packed = await packContext(settings.context, files)
  steps.info(
    `Packed ${packed.files} files (${mib(packed.bytes)}, ${mib(packed.archive.length)} compressed) in ${Date.now() - packStarted} ms.`
  )
  const upload = await acr.sourceUploadUrl(registry.id)
  const uploadStarted = Date.now()
  await blob.upload(upload.uploadUrl, packed.archive)
  steps.info(`Uploaded the context in ${Date.now() - uploadStarted} ms.`)

  if (deps.cancelled.aborted) throw new BuildFailed('The workflow was cancelled before the build run was scheduled.')
  const run = await acr.scheduleRun(registry.id, dockerBuildRequest(settings, upload.relativePath))
  steps.scheduled(run.runId)
  steps.info(
    `Scheduled run ${run.runId} on ${settings.agentPool ? `agent pool ${settings.agentPool}` : "ACR's shared build compute (outside the team VNet)"}.`
  )
  const ended = await follow(registry, run, deps)
  if (ended.run.status !== 'Succeeded') throw new BuildFailed(failure(ended.run, ended.lines))
  return output(registry, settings, ended.run)
}

async function findRegistry(acr: AcrApi, settings: BuildSettings): Promise<Registry> {
  if ('id' in settings.registry) return acr.registry(settings.registry.id)
  const found = await acr.findRegistry(settings.registry.subscriptionId, settings.registry.loginServer)
  if (!found)
    throw new InputError(
      `No registry with login server ${settings.registry.loginServer} in subscription ${settings.registry.subscriptionId} that the build identity can read: check 'registry' and 'subscription-id', or give the registry's ARM id.`
    )
  return found
}

function dockerBuildRequest(settings: BuildSettings, sourceLocation: string): DockerBuildRequest {
  return {
    type: 'DockerBuildRequest',
    imageNames: settings.images,
    isPushEnabled: true,
    noCache: false,
    dockerFilePath: settings.dockerfile,
    sourceLocation,
    arguments: settings.arguments,
    ...(settings.target ? { target: settings.target } : {}),
    platform: settings.platform,
    timeout: settings.timeoutSeconds,
    ...(settings.agentPool ? { agentPoolName: settings.agentPool } : {}),
    isArchiveEnabled: false
  }
}

/** Reads the run and its log until the run ends; on cancellation, cancels the run and stops. */
async function follow(registry: Registry, scheduled: Run, deps: BuildDeps): Promise<{ run: Run; lines: string[] }> {
  const { acr, blob, steps } = deps
  const lines: string[] = []
  let partial = ''
  let offset = 0
  let logUrl: string | undefined
  const show = (line: string): void => {
    steps.info(line)
    lines.push(line)
    if (lines.length > TAIL_LINES) lines.shift()
  }
  // Whole lines only: a read may end mid-line, whose rest comes with the next read.
  const print = (text: string): void => {
    const parts = (partial + text).split('\n')
    partial = parts.pop() ?? ''
    parts.forEach(show)
  }
  const readLog = async (): Promise<boolean> => {
    logUrl ??= await acr.logUrl(registry.id, scheduled.runId)
    const chunk = await blob.readFrom(logUrl, offset)
    offset += Buffer.byteLength(chunk.text)
    print(chunk.text)
    return chunk.complete
  }

  let run = scheduled
  for (;;) {
    if (deps.cancelled.aborted) return cancel(registry, run, deps)
    const status = TERMINAL_STATUSES.includes(run.status) ? run : await acr.run(registry.id, run.runId)
    run = status
    const complete = await readLog()
    if (TERMINAL_STATUSES.includes(run.status)) {
      // The log may trail the status by a moment; read until the blob says it is complete, for a few polls at most.
      for (let i = 0; i < 5 && !complete && !(await readLog()); i++) await pause(deps)
      if (partial) show(partial)
      return { run, lines }
    }
    await pause(deps)
  }
}

async function cancel(registry: Registry, run: Run, deps: BuildDeps): Promise<never> {
  deps.steps.warning(`The workflow was cancelled: cancelling run ${run.runId}.`)
  try {
    await deps.acr.cancel(registry.id, run.runId)
  } catch (error) {
    throw new AzureError(
      `The workflow was cancelled, but run ${run.runId} could not be cancelled (${(error as Error).message}); it runs on until it ends or times out.`
    )
  }
  throw new BuildFailed(`The workflow was cancelled; run ${run.runId} was cancelled.`)
}

function pause(deps: BuildDeps): Promise<void> {
  return sleep(deps.pollMs ?? 2000, undefined, { signal: deps.cancelled }).catch(() => undefined)
}

function failure(run: Run, tail: string[]): string {
  const why: Record<string, string> = {
    Failed: 'failed',
    Error: 'ended in an error',
    Timeout: "timed out (input 'timeout-minutes')",
    Canceled: 'was cancelled'
  }
  const reason = run.runErrorMessage ? `: ${run.runErrorMessage}` : ''
  return `Build run ${run.runId} ${why[run.status] ?? `ended ${run.status}`}${reason}. Last lines of its log:\n${tail.join('\n')}`
}

function output(registry: Registry, settings: BuildSettings, run: Run): BuildOutput {
  const [repository] = settings.images[0].split(':')
  const digest = run.outputImages.find(i => i.repository === repository)?.digest ?? run.outputImages[0]?.digest
  if (!digest) throw new BuildFailed(`Build run ${run.runId} succeeded but reported no image digest.`)
  return { image: `${registry.loginServer}/${repository}@${digest}`, digest, runId: run.runId }
}

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
