/**
 * A root newcomer's clone in a directory only root may enter (under /root, or `mktemp -d`): `npm start` runs the
 * whole lifecycle. The emulated runner is another user (uid 65534) and cannot enter the checkout, so everything it
 * executes must be its execution's own, outside the checkout. The copy here holds the checkout's files and its own
 * Node (the rest of node_modules is linked: only what the runner executes must be out of its reach to test this).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const asRoot = process.getuid?.() === 0

/** The checkout's files (tracked and new) and dist/ into `to`; node_modules linked, its Node binary a copy of its own. */
function copyCheckout(to: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' })
  for (const file of files.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(to, file)), { recursive: true })
    try {
      copyFileSync(join(root, file), join(to, file))
    } catch {
      // deleted in the work tree but not yet in the index
    }
  }
  for (const file of readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' })) {
    mkdirSync(dirname(join(to, 'dist', file)), { recursive: true })
    try {
      copyFileSync(join(root, 'dist', file), join(to, 'dist', file))
    } catch {
      // a folder
    }
  }
  mkdirSync(join(to, 'node_modules/node/bin'), { recursive: true })
  for (const entry of readdirSync(join(root, 'node_modules')))
    if (entry !== 'node') symlinkSync(join(root, 'node_modules', entry), join(to, 'node_modules', entry))
  const node = join(to, 'node_modules/node/bin/node')
  try {
    linkSync(process.execPath, node)
  } catch {
    copyFileSync(process.execPath, node)
  }
  chmodSync(node, 0o755)
}

describe('the sandbox from a checkout the runner user cannot enter', () => {
  let home: string
  beforeAll(() => {
    if (!asRoot) return
    home = mkdtempSync(join(tmpdir(), 'rs-private-home-'))
    chmodSync(home, 0o700)
    copyCheckout(join(home, 'rs'))
  })
  afterAll(() => {
    if (home) rmSync(home, { recursive: true, force: true })
  })

  const maybe = asRoot ? it : it.skip
  if (!asRoot) console.log('skipped: only root runs the emulated runner as another user (uid 65534)')

  maybe(
    '`npm start` (scripts/sandbox.ts) passes as root under a mode-0700 directory; every execution succeeds',
    async () => {
      const checkout = join(home, 'rs')
      const node = join(checkout, 'node_modules/node/bin/node')
      // Node's own path is how the runtime finds the Node to give the runner: it must be the copy's.
      const run = await new Promise<{ code: number | null; output: string }>(done => {
        const child = spawn(node, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/sandbox.ts'], {
          cwd: checkout,
          env: { ...process.env, PATH: `${join(checkout, 'node_modules/.bin')}:${process.env.PATH}` },
          stdio: ['ignore', 'pipe', 'pipe']
        })
        let output = ''
        child.stdout.on('data', (c: Buffer) => (output += c.toString()))
        child.stderr.on('data', (c: Buffer) => (output += c.toString()))
        child.once('close', code => done({ code, output }))
      })
      expect(execFileSync('stat', ['-c', '%a', home], { encoding: 'utf8' }).trim()).toBe('700')
      expect(run.output).not.toMatch(/execution \S+: Failed/)
      expect(run.output).toContain('Done: the whole lifecycle ran against the local emulator.')
      expect(run.code).toBe(0)
    },
    240_000
  )
})
