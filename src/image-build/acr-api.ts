/**
 * ACR Tasks' quick-build operations over ARM. @azure/arm-containerregistry 12.x (api-version 2025-11-01) dropped the
 * Tasks and Runs operations, so these go through @azure/core-client's pipeline (bearer token, retries with back-off
 * on 408/429/5xx and dropped connections, honouring Retry-After) at api-version 2019-06-01-preview: the newest one
 * with `scheduleRun`, `listBuildSourceUploadUrl`, `runs/{id}/listLogSasUrl`, `runs/{id}/cancel` and `agentPoolName`.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { TokenCredential } from '@azure/core-auth'
import { createClientPipeline } from '@azure/core-client'
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  RestError,
  type HttpClient,
  type HttpHeaders,
  type Pipeline,
  type PipelineResponse
} from '@azure/core-rest-pipeline'
import type { BuildArgument, BuildSettings } from './settings.js'

export const TASKS_API_VERSION = '2019-06-01-preview'
/** The registry itself (network rules, networkRuleBypassAllowedForTasks, location) at the SDK 12.x version. */
export const REGISTRY_API_VERSION = '2025-11-01'

export interface RetryOptions {
  maxRetries?: number
  retryDelayInMs?: number
  maxRetryDelayInMs?: number
}

export interface Registry {
  id: string
  name: string
  location: string
  sku?: string
  loginServer: string
  publicNetworkAccess?: string
  defaultAction?: string
  networkRuleBypassAllowedForTasks?: boolean
}

export interface Run {
  runId: string
  status: string
  runErrorMessage?: string
  outputImages: { registry?: string; repository?: string; tag?: string; digest?: string }[]
}

export interface DockerBuildRequest {
  type: 'DockerBuildRequest'
  imageNames: string[]
  isPushEnabled: true
  noCache: false
  dockerFilePath: string
  sourceLocation: string
  arguments: BuildArgument[]
  target?: string
  platform: BuildSettings['platform']
  timeout: number
  agentPoolName?: string
  isArchiveEnabled: false
}

export interface AcrApi {
  registry(id: string): Promise<Registry>
  /** The registry whose login server this is, among the subscription's; undefined when none. */
  findRegistry(subscriptionId: string, loginServer: string): Promise<Registry | undefined>
  sourceUploadUrl(registryId: string): Promise<{ uploadUrl: string; relativePath: string }>
  scheduleRun(registryId: string, request: DockerBuildRequest): Promise<Run>
  run(registryId: string, runId: string): Promise<Run>
  logUrl(registryId: string, runId: string): Promise<string>
  cancel(registryId: string, runId: string): Promise<void>
}

export interface AcrApiOptions {
  credential: TokenCredential
  endpoint: string
  retryOptions?: RetryOptions
  /** In-process tests only: trust the emulator's CA. Child processes use NODE_EXTRA_CA_CERTS instead. */
  tlsOptions?: { ca: string }
}

type Json = Record<string, unknown>

/** Polls of scheduleRun's Location before giving up (about a minute at ARM's usual Retry-After). */
const MAX_SCHEDULE_POLLS = 60

export function createAcrApi(options: AcrApiOptions): AcrApi {
  const endpoint = options.endpoint.replace(/\/+$/, '')
  const pipeline = createClientPipeline({
    credentialOptions: { credential: options.credential, credentialScopes: [`${endpoint}/.default`] },
    ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
  })
  const http = createDefaultHttpClient()
  const call = (method: 'GET' | 'POST', path: string, apiVersion: string, body?: unknown): Promise<Json> =>
    send(pipeline, http, method, `${endpoint}${path}${path.includes('?') ? '&' : '?'}api-version=${apiVersion}`, body)

  return {
    async registry(id) {
      return toRegistry(await call('GET', id, REGISTRY_API_VERSION))
    },
    async findRegistry(subscriptionId, loginServer) {
      let url: string | undefined =
        `${endpoint}/subscriptions/${subscriptionId}/providers/Microsoft.ContainerRegistry/registries?api-version=${REGISTRY_API_VERSION}`
      while (url) {
        const page = await send(pipeline, http, 'GET', url)
        const found = (page.value as Json[] | undefined)?.map(toRegistry).find(r => r.loginServer === loginServer)
        if (found) return found
        url = typeof page.nextLink === 'string' ? page.nextLink : undefined
      }
      return undefined
    },
    async sourceUploadUrl(registryId) {
      const answer = await call('POST', `${registryId}/listBuildSourceUploadUrl`, TASKS_API_VERSION)
      return { uploadUrl: String(answer.uploadUrl), relativePath: String(answer.relativePath) }
    },
    async scheduleRun(registryId, request) {
      const url = `${endpoint}${registryId}/scheduleRun?api-version=${TASKS_API_VERSION}`
      let answer = await exchange(pipeline, http, 'POST', url, request)
      // The spec marks scheduleRun long-running: ARM may answer 202 with a Location that answers 202 until the Run.
      for (let polls = 0; answer.status === 202 && polls < MAX_SCHEDULE_POLLS; polls++) {
        const location = answer.headers.get('location')
        if (!location) break
        await sleep(retryAfterMs(answer.headers.get('retry-after')))
        answer = await exchange(pipeline, http, 'GET', location)
      }
      return toRun(answer.body)
    },
    async run(registryId, runId) {
      return toRun(await call('GET', `${registryId}/runs/${runId}`, TASKS_API_VERSION))
    },
    async logUrl(registryId, runId) {
      return String((await call('POST', `${registryId}/runs/${runId}/listLogSasUrl`, TASKS_API_VERSION)).logLink)
    },
    async cancel(registryId, runId) {
      // A long-running operation; the run's own status says when it ended, so its poller is not needed.
      await call('POST', `${registryId}/runs/${runId}/cancel`, TASKS_API_VERSION)
    }
  }
}

async function send(
  pipeline: Pipeline,
  http: HttpClient,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown
): Promise<Json> {
  return (await exchange(pipeline, http, method, url, body)).body
}

/** One ARM request; a 4xx or 5xx (after the pipeline's retries) becomes the SDKs' RestError. */
async function exchange(
  pipeline: Pipeline,
  http: HttpClient,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown
): Promise<{ status: number; headers: HttpHeaders; body: Json }> {
  const request = createPipelineRequest({
    url,
    method,
    headers: createHttpHeaders({ 'content-type': 'application/json', accept: 'application/json' }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  const response = await pipeline.sendRequest(http, request)
  const parsed = parseJson(response)
  if (response.status >= 400) throw armError(response, parsed)
  return { status: response.status, headers: response.headers, body: parsed }
}

/** Retry-After as seconds or an HTTP date; 1 s without one, never more than 10 s. */
function retryAfterMs(value: string | undefined): number {
  if (!value) return 1000
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - Date.now()
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 10_000) : 1000
}

function parseJson(response: PipelineResponse): Json {
  if (!response.bodyAsText) return {}
  try {
    return JSON.parse(response.bodyAsText) as Json
  } catch {
    return {}
  }
}

/** The SDKs' error shape (statusCode, code, message), so describeAzureError words it like every other ARM failure. */
function armError(response: PipelineResponse, body: Json): RestError {
  const error = (body.error ?? {}) as Json
  const message = typeof error.message === 'string' ? error.message : `HTTP ${response.status}`
  return new RestError(message, {
    statusCode: response.status,
    ...(typeof error.code === 'string' ? { code: error.code } : {}),
    response
  })
}

function toRegistry(body: Json): Registry {
  const p = (body.properties ?? {}) as Json
  const rules = (p.networkRuleSet ?? {}) as Json
  return {
    id: String(body.id),
    name: String(body.name),
    location: String(body.location ?? ''),
    ...(typeof (body.sku as Json | undefined)?.name === 'string' ? { sku: String((body.sku as Json).name) } : {}),
    loginServer: String(p.loginServer ?? '').toLowerCase(),
    ...(typeof p.publicNetworkAccess === 'string' ? { publicNetworkAccess: p.publicNetworkAccess } : {}),
    ...(typeof rules.defaultAction === 'string' ? { defaultAction: rules.defaultAction } : {}),
    ...(typeof p.networkRuleBypassAllowedForTasks === 'boolean'
      ? { networkRuleBypassAllowedForTasks: p.networkRuleBypassAllowedForTasks }
      : {})
  }
}

function toRun(body: Json): Run {
  const p = (body.properties ?? {}) as Json
  return {
    runId: String(p.runId ?? body.name),
    status: String(p.status ?? 'Queued'),
    ...(typeof p.runErrorMessage === 'string' ? { runErrorMessage: p.runErrorMessage } : {}),
    outputImages: Array.isArray(p.outputImages) ? (p.outputImages as Run['outputImages']) : []
  }
}
