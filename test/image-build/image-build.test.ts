/**
 * The built image-build bundle as a child process against the emulator's ACR build path. Build first: `npm run build`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { bundleBuilt, BUILD_BUNDLE, runImageBuild } from '../../emulator/worlds/image-build-run.js'

const SUB = '00000000-0000-0000-0000-0000000000aa'
const RG = 'rg-studio-build'
const REGISTRY_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.ContainerRegistry/registries/acrstudio`
const OPTIONS = { pollMs: 20, retryOptions: { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 20 } }

let emulator: Emulator
let env: Record<string, string>

const inputs = (context: string, extra: Record<string, string> = {}): Record<string, string> => ({
  registry: REGISTRY_ID,
  image: 'studio/api:1.0.0',
  context,
  'tenant-id': emulator.tenantId,
  'client-id': emulator.clientId,
  'arm-endpoint': emulator.url,
  'authority-host': emulator.url,
  ...extra
})

/** A context folder with these files (path → content). */
function contextWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'image-build-context-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

const scheduled = (): string[] =>
  emulator
    .requests()
    .filter(r => /scheduleRun|listBuildSourceUploadUrl|acr-storage\/.*source/i.test(r.path))
    .map(r => `${r.method} ${r.path}`)

beforeAll(async () => {
  if (!bundleBuilt()) throw new Error(`${BUILD_BUNDLE} is missing: run npm run build first`)
  emulator = await startEmulator({ buildSecondMs: 10, lroPolls: 1 })
  env = {
    NODE_EXTRA_CA_CERTS: emulator.caPath,
    ACTIONS_ID_TOKEN_REQUEST_URL: emulator.oidc.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.oidc.requestToken
  }
})
afterAll(() => emulator?.close())
beforeEach(() => {
  emulator.clearRequests()
  emulator.admin.clearDenials()
  emulator.admin.seedResourceGroup(SUB, RG, 'norwayeast')
  emulator.admin.seed(REGISTRY_ID, { location: 'norwayeast', sku: { name: 'Premium' }, properties: {} })
})

describe('the image-build bundle', () => {
  it('builds and pushes, uploads no file .dockerignore excludes, and outputs the image by digest', async () => {
    const context = contextWith({
      Dockerfile: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY app/ /app/\n',
      '.dockerignore': 'node_modules\n*.log\n!keep.log\nsecrets/\n',
      'app/main.js': 'console.log(1)\n',
      'app/debug.log': 'not at the root: Docker rules keep it\n',
      'node_modules/left-pad/index.js': 'x',
      'build.log': 'ignored',
      'keep.log': 'kept by the exception',
      'secrets/token': 'never uploaded'
    })
    const run = await runImageBuild(inputs(context, { image: 'studio/api:1.0.0\nstudio/api:latest' }), env, OPTIONS)
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(run.code).toBe(0)
    const runId = run.outputs['run-id']
    expect(runId).toMatch(/^ca\d+$/)
    expect(emulator.registryBuilds.contextFiles(runId)).toEqual([
      '.dockerignore',
      'Dockerfile',
      'app/debug.log',
      'app/main.js',
      'keep.log'
    ])
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(run.outputs.image).toBe(`acrstudio.azurecr.io/studio/api@${run.outputs.digest}`)
    // The run's log went into the step log, through Queued, Started and Running to the push.
    expect(run.stdout).toContain('Step 2/2 : COPY app/ /app/')
    expect(run.stdout).toContain('Successfully pushed image: acrstudio.azurecr.io/studio/api:latest')
    expect(run.stdout).toContain(`Run ID: ${runId} was successful`)
    expect(run.stdout).toContain("ACR's shared build compute (outside the team VNet)")
    // scheduleRun is long-running: 202, then its Location gives the Run.
    const schedule = emulator.requests().findIndex(r => r.path.endsWith('/scheduleRun'))
    expect(emulator.requests()[schedule]!.status).toBe(202)
    expect(emulator.requests()[schedule + 1]).toMatchObject({ method: 'GET', status: 200 })
    expect(emulator.requests()[schedule + 1]!.path).toMatch(/\/operationResults\//)
  })

  it('uploads a multi-megabyte context whole (the archive the emulator unpacks is complete)', async () => {
    const context = contextWith({ Dockerfile: 'FROM alpine\nCOPY data.bin /\n' })
    writeFileSync(join(context, 'data.bin'), randomBytes(3 * 1024 * 1024))
    const run = await runImageBuild(inputs(context), env, OPTIONS)
    expect(run.code).toBe(0)
    expect(emulator.registryBuilds.contextFiles(run.outputs['run-id'])).toEqual(['Dockerfile', 'data.bin'])
  })

  it('sends build args as given and secret args as ACR secrets, masked in the step log', async () => {
    const context = contextWith({ Dockerfile: 'FROM alpine\nARG VERSION\nARG NPM_TOKEN\n' })
    const before = emulator.registryBuilds.requests.length
    const run = await runImageBuild(
      inputs(context, {
        'build-args': 'VERSION=1.2.3\nCHANNEL=stable',
        'secret-build-args': 'NPM_TOKEN=s3cr3t-npm-value'
      }),
      env,
      OPTIONS
    )
    expect(run.code).toBe(0)
    const request = emulator.registryBuilds.requests[before]!
    expect(request.arguments).toEqual([
      { name: 'VERSION', value: '1.2.3', isSecret: false },
      { name: 'CHANNEL', value: 'stable', isSecret: false },
      { name: 'NPM_TOKEN', value: 's3cr3t-npm-value', isSecret: true }
    ])
    expect(request).toMatchObject({ type: 'DockerBuildRequest', dockerFilePath: 'Dockerfile', isPushEnabled: true })
    expect(request.platform).toEqual({ os: 'Linux', architecture: 'amd64' })
    expect(run.stdout).toContain('::add-mask::s3cr3t-npm-value')
    expect(run.stdout.replace('::add-mask::s3cr3t-npm-value', '')).not.toContain('s3cr3t-npm-value')
    expect(run.stdout).toContain('--build-arg VERSION=1.2.3')
  })

  it('refuses a Dockerfile missing at its path before signing in or uploading', async () => {
    const context = contextWith({ 'docker/Dockerfile.prod': 'FROM alpine\n' })
    const run = await runImageBuild(inputs(context, { dockerfile: 'Dockerfile' }), env, OPTIONS)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::No Dockerfile at ${join(context, 'Dockerfile')}: input 'dockerfile' (Dockerfile) is relative to the context (${context}). Nothing was uploaded.`
    )
    expect(emulator.requests()).toEqual([])
  })

  it('fails a failing build with the log tail and the run id', async () => {
    const context = contextWith({ Dockerfile: 'FROM alpine\nRUN echo building\nRUN exit 2\nRUN echo never\n' })
    const run = await runImageBuild(inputs(context), env, OPTIONS)
    expect(run.code).toBe(1)
    const runId = run.outputs['run-id']
    expect(runId).toMatch(/^ca\d+$/)
    const error = run.stdout.split('\n').find(line => line.startsWith('::error::'))!
    expect(error).toContain(
      `::error::Build run ${runId} failed: failed during run, err: exit status 1. Last lines of its log:`
    )
    // The annotation carries the tail (newlines escaped as %0A), ending with the run's verdict.
    expect(error).toContain("The command '/bin/sh -c exit 2' returned a non-zero code: 2")
    expect(error).toMatch(new RegExp(`Run ID: ${runId} failed after \\d+s`))
    expect(run.outputs.digest).toBeUndefined()
  })

  it('ends a timed-out run with its status', async () => {
    const context = contextWith({ Dockerfile: 'FROM alpine\nRUN sleep 900\n' })
    const run = await runImageBuild(inputs(context, { 'timeout-minutes': '5' }), env, OPTIONS)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Build run ca\d+ timed out \(input 'timeout-minutes'\): run exceeded the timeout of 300s/
    )
  })

  it('cancels the run when the workflow is cancelled', async () => {
    const context = contextWith({ Dockerfile: 'FROM alpine\nRUN sleep 3000\n' })
    let signalled = false
    const run = await runImageBuild(inputs(context), env, OPTIONS, (stdout, child) => {
      if (!signalled && stdout.includes('Step 2/2 : RUN sleep 3000')) {
        signalled = true
        child.kill('SIGINT')
      }
    })
    expect(signalled).toBe(true)
    expect(run.code).toBe(1)
    const runId = run.outputs['run-id']
    expect(run.stdout).toContain(`::warning::The workflow was cancelled: cancelling run ${runId}.`)
    expect(run.stdout).toContain(`::error::The workflow was cancelled; run ${runId} was cancelled.`)
    const cancels = emulator.requests().filter(r => r.path.endsWith(`/runs/${runId}/cancel`))
    expect(cancels.map(r => r.status)).toEqual([202])
    const status = emulator.admin.getResource(`${REGISTRY_ID}/runs/${runId}`) as { properties: { status: string } }
    expect(status.properties.status).toBe('Canceled')
  })

  it('names the missing role and scope on a 403', async () => {
    emulator.admin.denyAction('Microsoft.ContainerRegistry/registries/scheduleRun/action', REGISTRY_ID)
    const context = contextWith({ Dockerfile: 'FROM alpine\n' })
    const run = await runImageBuild(inputs(context), env, OPTIONS)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::Cannot build the image: the signed-in identity lacks 'Microsoft.ContainerRegistry/registries/scheduleRun/action' on ${REGISTRY_ID}. Grant it the "Container Registry Tasks Contributor" role on that scope (or a parent), then rerun.`
    )
  })

  it('refuses a context over the limit, naming what to ignore, before any upload', async () => {
    const context = contextWith({
      Dockerfile: 'FROM alpine\n',
      'node_modules/big.bin': 'x'.repeat(300_000),
      'src/app.js': 'y'.repeat(10_000)
    })
    const run = await runImageBuild(inputs(context), env, { ...OPTIONS, maxContextBytes: 200_000 })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::The build context ${context} is 0.3 MiB after .dockerignore, over the 0.2 MiB limit. Largest: node_modules/ 0.3 MiB, src/ 0.0 MiB, Dockerfile 0.0 MiB. Add what the build does not need to ${join(context, '.dockerignore')}`
    )
    expect(scheduled()).toEqual([])
  })

  it('refuses a registry whose network rules stop ACR Tasks, with the fix, before any upload', async () => {
    emulator.admin.seed(REGISTRY_ID, {
      location: 'norwayeast',
      sku: { name: 'Premium' },
      properties: { networkRuleSet: { defaultAction: 'Deny' } }
    })
    const context = contextWith({ Dockerfile: 'FROM alpine\n' })
    const run = await runImageBuild(inputs(context), env, OPTIONS)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::Registry acrstudio has network rules (default action Deny) and does not let ACR Tasks bypass them, so the build could not push. Allow it (az resource update --ids ${REGISTRY_ID} --set properties.networkRuleBypassAllowedForTasks=true)`
    )
    expect(scheduled()).toEqual([])

    emulator.admin.patchResource(REGISTRY_ID, { properties: { networkRuleBypassAllowedForTasks: true } })
    const allowed = await runImageBuild(inputs(context), env, OPTIONS)
    expect(allowed.code).toBe(0)
  })

  it('warns about agent pools and refuses one where the region has none', async () => {
    const context = contextWith({ Dockerfile: 'FROM alpine\n' })
    const run = await runImageBuild(inputs(context, { 'agent-pool': 'studio-vnet' }), env, OPTIONS)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::warning::ACR Tasks agent pools are a preview, for Premium registries only')
    expect(run.stdout).toContain(
      "::error::Input 'agent-pool' (studio-vnet): registry acrstudio is in norwayeast, where ACR Tasks has no agent pools"
    )
    expect(scheduled()).toEqual([])
  })

  it('finds the registry by login server, retrying a throttled ARM answer and a failed upload', async () => {
    emulator.admin.fault({ kind: 'status', status: 429, path: 'listBuildSourceUploadUrl', times: 1 })
    emulator.admin.fault({ kind: 'status', status: 503, method: 'PUT', path: '^/acr-storage/', times: 1 })
    const context = contextWith({ Dockerfile: 'FROM alpine\n' })
    const run = await runImageBuild(
      inputs(context, { registry: 'acrstudio.azurecr.io', 'subscription-id': SUB }),
      env,
      OPTIONS
    )
    expect(run.code).toBe(0)
    expect(run.outputs.image).toMatch(/^acrstudio\.azurecr\.io\/studio\/api@sha256:/)
    expect(
      emulator
        .requests()
        .filter(r => r.path.endsWith('/listBuildSourceUploadUrl'))
        .map(r => r.status)
    ).toEqual([429, 200])
    expect(
      emulator
        .requests()
        .filter(r => r.method === 'PUT')
        .map(r => r.status)
    ).toEqual([503, 201])
  })
})
