/**
 * The entrypoint bundle the tests run (entrypoint-under-test.ts: the shipped main with injected options), built once
 * per source version: ncc takes seconds, and every test file and the lifecycle runtime need it.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { EntrypointOptions } from '../../src/entrypoint/config.js'
import { TEST_OPTIONS_FLAG } from './options-flag.js'

const root = resolve(import.meta.dirname, '../..')
const WRAPPER = 'emulator/runner-entrypoint/entrypoint-under-test.ts'
const SOURCES = [WRAPPER, 'emulator/runner-entrypoint/options-flag.ts']

/** Options that keep the tests fast: short retry delays and stop grace. */
export const FAST: EntrypointOptions = { retryBaseMs: 1, retryMaxMs: 5, stopGraceMs: 500 }

/** The emulated runner's own switches and its container marker, which the entrypoint passes on in tests only. */
export const TEST_RUNNER_ENV = [
  'RUNNER_EMULATED_CONTAINER',
  'RUNNER_FAKE_POLL_MS',
  'RUNNER_FAKE_IGNORE_SIGNALS',
  'RUNNER_FAKE_SILENT_JOB',
  'RUNNER_FAKE_STEP'
]

/**
 * The seccomp helper (runner/no-user-namespaces.c), built with the machine's gcc once per source version, where
 * the runner user can execute it. The image builds it in runner/Dockerfile.
 */
export function seccompHelper(): string {
  const source = join(root, 'runner/no-user-namespaces.c')
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16)
  const dir = join(tmpdir(), `rs-no-user-namespaces-${hash}`)
  const helper = join(dir, 'no-user-namespaces')
  if (existsSync(helper)) return helper
  const building = mkdtempSync(`${dir}-building-`)
  execFileSync('gcc', ['-O2', '-Wall', '-Wextra', '-Werror', '-o', join(building, 'no-user-namespaces'), source])
  chmodSync(building, 0o755)
  try {
    renameSync(building, dir)
  } catch {
    rmSync(building, { recursive: true, force: true })
  }
  return helper
}

export function testBundle(): string {
  const hash = createHash('sha256')
  // Everything the bundle may import: all of src/, not only src/entrypoint/.
  const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).map(f => `src/${f}`)
  for (const file of [...sources.filter(f => f.endsWith('.ts')), ...SOURCES].sort())
    hash.update(file).update(readFileSync(join(root, file)))
  const dir = join(tmpdir(), `rs-entrypoint-under-test-${hash.digest('hex').slice(0, 16)}`)
  const bundle = join(dir, 'index.js')
  if (existsSync(bundle)) return bundle
  const building = mkdtempSync(`${dir}-building-`)
  execFileSync(join(root, 'node_modules/.bin/ncc'), ['build', WRAPPER, '-o', building, '--transpile-only', '-q'], {
    cwd: root
  })
  try {
    renameSync(building, dir) // atomic: a parallel worker either finds the whole bundle or builds its own
  } catch {
    rmSync(building, { recursive: true, force: true })
  }
  return bundle
}

/** argv for the test bundle: the bundle, then its options (every process it starts gets the same argv). */
export function entrypointArgs(bundle: string, options: EntrypointOptions = {}): string[] {
  const defaults: EntrypointOptions = { ...FAST, seccompHelper: seccompHelper(), runnerEnvNames: TEST_RUNNER_ENV }
  return [bundle, TEST_OPTIONS_FLAG + JSON.stringify({ ...defaults, ...options })]
}

/**
 * An /etc/passwd with a `runner` user. As root, a real unprivileged uid (nobody's), so the runner is started as
 * another user as in the image; otherwise the current user (the entrypoint then only sets no_new_privs).
 */
export function runnerPasswd(path: string, home: string): { uid: number; gid: number } {
  const root = process.getuid!() === 0
  const uid = root ? 65534 : process.getuid!()
  const gid = root ? 65534 : process.getgid!()
  writeFileSync(path, `root:x:0:0:root:/root:/bin/bash\nrunner:x:${uid}:${gid}:,,,:${home}:/bin/bash\n`)
  return { uid, gid }
}
