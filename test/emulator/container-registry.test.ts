/**
 * The emulator's ACR build path, in process, through the action's own ARM and storage clients: what the service
 * refuses and how runs end when the action's own checks are not in the way.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createAcrApi, type AcrApi, type DockerBuildRequest } from '../../src/image-build/acr-api.js'
import { createBlobApi, type BlobApi } from '../../src/image-build/blob.js'
import { contextFiles, packContext } from '../../src/image-build/context.js'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { credentialFor, LOCATION, RG, rgId, SUB } from './support.js'

const REGISTRY = `${rgId}/providers/Microsoft.ContainerRegistry/registries/acrteam`
let emulator: Emulator
let acr: AcrApi
let blob: BlobApi

beforeAll(async () => {
  emulator = await startEmulator({ buildSecondMs: 5 })
  emulator.admin.seedResourceGroup(SUB, RG, LOCATION)
  const tlsOptions = { ca: emulator.caPem }
  acr = createAcrApi({ credential: credentialFor(emulator), endpoint: emulator.url, tlsOptions })
  blob = createBlobApi({ maxRetries: 0 }, tlsOptions)
})
afterAll(() => emulator.close())

async function upload(files: Record<string, string>, dockerfile = 'Dockerfile'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'acr-emulator-'))
  mkdirSync(join(dir, 'docker'))
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text)
  const packed = await packContext(dir, contextFiles(dir, dockerfile))
  const { uploadUrl, relativePath } = await acr.sourceUploadUrl(REGISTRY)
  await blob.upload(uploadUrl, packed.archive)
  return relativePath
}

const request = (sourceLocation: string, extra: Partial<DockerBuildRequest> = {}): DockerBuildRequest => ({
  type: 'DockerBuildRequest',
  imageNames: ['team/app:1'],
  isPushEnabled: true,
  noCache: false,
  dockerFilePath: 'Dockerfile',
  sourceLocation,
  arguments: [],
  platform: { os: 'Linux', architecture: 'amd64' },
  timeout: 600,
  isArchiveEnabled: false,
  ...extra
})

/** Reads the run until it ends; returns its status and whole log. */
async function finish(runId: string): Promise<{ status: string; log: string; error?: string }> {
  const url = await acr.logUrl(REGISTRY, runId)
  for (;;) {
    // The log first: once it is complete the run has ended, so the status read after it is terminal.
    const log = await blob.readFrom(url, 0)
    const run = await acr.run(REGISTRY, runId)
    if (log.complete)
      return { status: run.status, log: log.text, ...(run.runErrorMessage ? { error: run.runErrorMessage } : {}) }
    await sleep(5)
  }
}

describe('ACR quick builds in the emulator', () => {
  it('refuses the push of a registry behind network rules unless tasks may bypass them', async () => {
    emulator.admin.seed(REGISTRY, { location: LOCATION, properties: { publicNetworkAccess: 'Disabled' } })
    const denied = await finish(
      (await acr.scheduleRun(REGISTRY, request(await upload({ Dockerfile: 'FROM alpine\n' })))).runId
    )
    expect(denied.status).toBe('Failed')
    expect(denied.log).toContain("denied: client with IP '20.50.2.1' is not allowed access")

    emulator.admin.patchResource(REGISTRY, { properties: { networkRuleBypassAllowedForTasks: true } })
    const allowed = await finish(
      (await acr.scheduleRun(REGISTRY, request(await upload({ Dockerfile: 'FROM alpine\n' })))).runId
    )
    expect(allowed.status).toBe('Succeeded')
    expect(allowed.log).toContain('Successfully pushed image: acrteam.azurecr.io/team/app:1')
  })

  it('fails a run whose Dockerfile is not in the uploaded context at its path', async () => {
    emulator.admin.seed(REGISTRY, { location: LOCATION, properties: {} })
    const source = await upload({ Dockerfile: 'FROM alpine\n' })
    const run = await finish(
      (await acr.scheduleRun(REGISTRY, request(source, { dockerFilePath: 'docker/Dockerfile' }))).runId
    )
    expect(run.status).toBe('Failed')
    expect(run.log).toContain('lstat /workspace/docker/Dockerfile: no such file or directory')
  })

  it('ends a run Error when its source cannot be read', async () => {
    emulator.admin.seed(REGISTRY, { location: LOCATION, properties: {} })
    const { uploadUrl, relativePath } = await acr.sourceUploadUrl(REGISTRY)
    await blob.upload(uploadUrl, Buffer.from('not a tarball'))
    const run = await finish((await acr.scheduleRun(REGISTRY, request(relativePath))).runId)
    expect(run.status).toBe('Error')
    expect(run.error).toMatch(/^failed to download the source: the source archive is not a readable tar.gz/)
  })

  it('refuses a timeout outside 300 to 28800 seconds, and a cancel on an agent pool', async () => {
    emulator.admin.seed(REGISTRY, { location: LOCATION, properties: {} })
    const source = await upload({ Dockerfile: 'FROM alpine\nRUN sleep 100\n' })
    await expect(acr.scheduleRun(REGISTRY, request(source, { timeout: 60 }))).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidRequestContent'
    })
    const pooled = await acr.scheduleRun(REGISTRY, request(source, { agentPoolName: 'pool' }))
    await expect(acr.cancel(REGISTRY, pooled.runId)).rejects.toMatchObject({
      statusCode: 400,
      code: 'RunCancelNotSupported'
    })
  })
})
