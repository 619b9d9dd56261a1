/**
 * image-build figures: the bundle's start-up (process start to its first refusal, no network), and a build of a 50 MB
 * context against the emulator with added latency: packing, upload and the whole step. Run alone with
 * `npm run bench -- image-build`.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startEmulator } from '../../emulator/index.js'
import { BUILD_BUNDLE, runImageBuild } from '../../emulator/worlds/image-build-run.js'

const SUB = '00000000-0000-0000-0000-0000000000aa'
const REGISTRY_ID = `/subscriptions/${SUB}/resourceGroups/rg-bench/providers/Microsoft.ContainerRegistry/registries/acrbench`
const CONTEXT_MB = 50

export async function imageBuildFigures(
  report: (name: string, value: string) => void,
  latencyMs: number
): Promise<void> {
  const startup = median(() => {
    try {
      execFileSync(process.execPath, [BUILD_BUNDLE], { env: { PATH: process.env.PATH }, stdio: 'ignore' })
    } catch {
      // Exits 1 on the missing inputs: start-up is the time to get there.
    }
  })
  const node = median(() => execFileSync(process.execPath, ['-e', '0']))
  report(
    'image-build start-up (to its first input check)',
    `${startup.toFixed(0)} ms median vs ${node.toFixed(0)} ms for bare \`node -e 0\``
  )

  const emulator = await startEmulator({ latencyMs, buildSecondMs: 5 })
  try {
    emulator.admin.seedResourceGroup(SUB, 'rg-bench', 'norwayeast')
    emulator.admin.seed(REGISTRY_ID, { location: 'norwayeast', sku: { name: 'Premium' }, properties: {} })
    const context = mkdtempSync(join(tmpdir(), 'image-build-bench-'))
    writeFileSync(join(context, 'Dockerfile'), 'FROM alpine\nCOPY . /data\n')
    // Incompressible, as built binaries and images are: the upload carries the full 50 MB.
    for (let i = 0; i < CONTEXT_MB; i++) writeFileSync(join(context, `blob-${i}.bin`), randomBytes(1024 * 1024))
    const started = performance.now()
    const run = await runImageBuild(
      {
        registry: REGISTRY_ID,
        image: 'bench/app:1',
        context,
        'tenant-id': emulator.tenantId,
        'client-id': emulator.clientId,
        'arm-endpoint': emulator.url,
        'authority-host': emulator.url
      },
      {
        NODE_EXTRA_CA_CERTS: emulator.caPath,
        ACTIONS_ID_TOKEN_REQUEST_URL: emulator.oidc.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.oidc.requestToken
      },
      { pollMs: 20 }
    )
    const wall = performance.now() - started
    if (run.code !== 0)
      console.error(
        run.stdout
          .split('\n')
          .filter(l => l.startsWith('::error'))
          .join('\n')
      )
    const packed = /Packed (\d+) files .* in (\d+) ms/.exec(run.stdout)
    const uploaded = /Uploaded the context in (\d+) ms/.exec(run.stdout)
    report(
      `image-build, ${CONTEXT_MB} MB context (emulator, ${latencyMs} ms latency)`,
      `exit ${run.code}; pack ${packed?.[2] ?? '?'} ms (${packed?.[1] ?? '?'} files), upload ${uploaded?.[1] ?? '?'} ms (the emulator unpacks it to check the Dockerfile), whole step ${wall.toFixed(0)} ms with process start and the emulated build`
    )
  } finally {
    await emulator.close()
  }
}

function median(fn: () => unknown, runs = 5): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]
}
