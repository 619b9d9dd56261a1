/** Runs a workflow `run:` step locally the way GitHub's `shell: bash` does, with the step's literal env plus overrides. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, chmodSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Yaml } from './files.js'

export interface StepRun {
  status: number | null
  stdout: string
  outputs: string
  summary: string
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'runner-setup-workflows-'))
}

/** Puts executables (name → bash body) first on PATH, e.g. a fake `sudo` or `gh`. */
export function fakeBin(commands: Record<string, string>): string {
  const dir = tempDir()
  for (const [name, body] of Object.entries(commands)) {
    writeFileSync(join(dir, name), `#!/usr/bin/env bash\n${body}\n`)
    chmodSync(join(dir, name), 0o755)
  }
  return dir
}

export function runStep(step: Yaml, env: Record<string, string>, binDir?: string): StepRun {
  const dir = tempDir()
  const literalEnv = Object.fromEntries(
    Object.entries((step.env ?? {}) as Record<string, unknown>)
      .filter(([, value]) => !String(value).includes('${{'))
      .map(([name, value]) => [name, String(value)])
  )
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') }
  const path = [binDir, process.env.PATH].filter(Boolean).join(':')
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
    env: { PATH: path, HOME: dir, ...files, ...literalEnv, ...env },
    encoding: 'utf8',
    timeout: 20000
  })
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '')
  return {
    status: result.status,
    stdout: result.stdout + result.stderr,
    outputs: read(files.GITHUB_OUTPUT),
    summary: read(files.GITHUB_STEP_SUMMARY)
  }
}
