/** Runs the built action (`node dist/index.js`) the way the runner does: INPUT_* env, output and summary files. */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const BUNDLE = resolve('dist/index.js')

export interface ActionRun {
  code: number
  stdout: string
  outputs: Record<string, string>
  summary: string
}

export function bundleBuilt(): boolean {
  return existsSync(BUNDLE)
}

/** `inputs` use the action.yml names (`tenant-id`); @actions/core reads INPUT_<NAME uppercased>, hyphens kept. */
export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string | undefined>
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'runner-setup-action-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile
  }
  for (const [k, v] of Object.entries({ ...env, ...inputEnv })) if (v !== undefined) childEnv[k] = v
  const child = spawn(process.execPath, [BUNDLE], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stdout += c.toString()))
  const code = await new Promise<number>(done => child.on('close', c => done(c ?? -1)))
  return {
    code,
    stdout,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}

/** GITHUB_OUTPUT entries are `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3]
  return outputs
}
