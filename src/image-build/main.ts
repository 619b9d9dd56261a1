/**
 * The image-build action: inputs → one ACR Tasks build → outputs (`image`, `digest`, `run-id`). A cancelled workflow
 * (SIGINT, then SIGTERM from the runner) cancels the run. `options` are injected by the bundle tests and the bench only.
 */
import * as core from '@actions/core'
import { createCredential } from '../azure/credential.js'
import { describeAzureError } from '../azure/errors.js'
import { InputError } from '../commands/input-error.js'
import { createAcrApi, type RetryOptions } from './acr-api.js'
import { createBlobApi } from './blob.js'
import { BuildFailed, buildImage, checkContext } from './build.js'
import { parseBuildInputs } from './settings.js'

export interface ImageBuildOptions {
  /** How often the run and its log are read (default 2000 ms). */
  pollMs?: number
  /** The context size limit (default MAX_CONTEXT_BYTES). */
  maxContextBytes?: number
  retryOptions?: RetryOptions
}

export async function run(options: ImageBuildOptions = {}): Promise<void> {
  const cancelled = new AbortController()
  const onSignal = (): void => cancelled.abort()
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const settings = parseBuildInputs(name => core.getInput(name))
    for (const argument of settings.arguments) if (argument.isSecret && argument.value) core.setSecret(argument.value)
    const files = checkContext(settings, options.maxContextBytes)
    const credential = createCredential(settings.azure)
    const acr = createAcrApi({
      credential,
      endpoint: settings.azure.armEndpoint,
      ...(options.retryOptions ? { retryOptions: options.retryOptions } : {})
    })
    const result = await buildImage(settings, files, {
      acr,
      blob: createBlobApi(options.retryOptions),
      steps: {
        info: message => core.info(message),
        warning: message => core.warning(message),
        scheduled: runId => core.setOutput('run-id', runId)
      },
      cancelled: cancelled.signal,
      ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs })
    })
    core.setOutput('image', result.image)
    core.setOutput('digest', result.digest)
    core.info(`Built and pushed ${result.image} (run ${result.runId}).`)
  } catch (error) {
    core.setFailed(describeBuildFailure(error))
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

function describeBuildFailure(error: unknown): string {
  if (error instanceof InputError || error instanceof BuildFailed) return error.message
  return describeAzureError(error, 'build the image')
}
