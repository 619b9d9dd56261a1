/**
 * The two storage calls a quick build needs, on SAS URLs the registry hands out: Put Blob of the source archive, and
 * ranged reads of the run's log blob. A small pipeline (retries with back-off on 408/429/5xx and dropped connections)
 * instead of @azure/storage-blob: two requests do not need its weight in the bundle.
 */
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  RestError,
  type HttpClient,
  type Pipeline
} from '@azure/core-rest-pipeline'
import type { RetryOptions } from './acr-api.js'

/** A storage REST version whose Put Blob takes up to 5000 MiB in one request (learn.microsoft.com/rest/api/storageservices/put-blob). */
const STORAGE_VERSION = '2021-08-06'

export interface LogChunk {
  text: string
  /** The blob carries `x-ms-meta-complete` once the run wrote its last line. */
  complete: boolean
}

export interface BlobApi {
  upload(sasUrl: string, bytes: Buffer): Promise<void>
  /** Log text from byte `from` on; empty while the log does not exist yet or has nothing new. */
  readFrom(sasUrl: string, from: number): Promise<LogChunk>
}

/** `tlsOptions`: in-process tests only (trust the emulator's CA). */
export function createBlobApi(retryOptions?: RetryOptions, tlsOptions?: { ca: string }): BlobApi {
  const pipeline: Pipeline = createPipelineFromOptions({
    ...(retryOptions ? { retryOptions } : {}),
    ...(tlsOptions ? { tlsOptions } : {})
  })
  const http: HttpClient = createDefaultHttpClient()
  return {
    async upload(sasUrl, bytes) {
      const request = createPipelineRequest({
        url: sasUrl,
        method: 'PUT',
        headers: createHttpHeaders({
          'x-ms-blob-type': 'BlockBlob',
          'x-ms-version': STORAGE_VERSION,
          'content-type': 'application/gzip'
        }),
        body: bytes
      })
      const response = await pipeline.sendRequest(http, request)
      if (response.status >= 300)
        throw storageError('upload the build context', response.status, response.headers.get('x-ms-error-code'))
    },
    async readFrom(sasUrl, from) {
      const request = createPipelineRequest({
        url: sasUrl,
        method: 'GET',
        headers: createHttpHeaders({ range: `bytes=${from}-`, 'x-ms-version': STORAGE_VERSION })
      })
      const response = await pipeline.sendRequest(http, request)
      const complete = response.headers.get('x-ms-meta-complete') !== undefined
      if (response.status === 404 || response.status === 416) return { text: '', complete }
      if (response.status >= 300)
        throw storageError('read the build log', response.status, response.headers.get('x-ms-error-code'))
      return { text: response.bodyAsText ?? '', complete }
    }
  }
}

function storageError(what: string, status: number, code: string | undefined): RestError {
  const message = `Azure Storage refused to ${what} (HTTP ${status}${code ? ` ${code}` : ''}); the SAS URL the registry handed out may have expired: rerun the step.`
  return new RestError(message, { statusCode: status, ...(code ? { code } : {}) })
}
