/** Runs the built image-build bundle as the runner does (INPUT_* env, output file), with injected options. */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ImageBuildOptions } from '../../src/image-build/main.js'

export const BUILD_BUNDLE = resolve('dist/image-build/index.js')

export interface BuildRun {
  code: number
  stdout: string
  outputs: Record<string, string>
}

export const bundleBuilt = (): boolean => existsSync(BUILD_BUNDLE)

/** `whileRunning` sees the output so far as it grows and may signal the child (a cancelled workflow). */
export async function runImageBuild(
  inputs: Record<string, string>,
  env: Record<string, string | undefined>,
  options: ImageBuildOptions,
  whileRunning?: (stdout: string, child: ChildProcess) => void
): Promise<BuildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'image-build-action-'))
  const outputFile = join(dir, 'output')
  writeFileSync(outputFile, '')
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile
  }
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  for (const [k, v] of Object.entries({ ...env, ...inputEnv })) if (v !== undefined) childEnv[k] = v
  const script = `const { run } = await import(${JSON.stringify(pathToFileURL(BUILD_BUNDLE).href)}); await run(${JSON.stringify(options)})`
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  const seen = (chunk: Buffer): void => {
    stdout += chunk.toString()
    whileRunning?.(stdout, child)
  }
  child.stdout.on('data', seen)
  child.stderr.on('data', seen)
  const code = await new Promise<number>(done => child.on('close', c => done(c ?? -1)))
  return { code, stdout, outputs: parseOutputs(readFileSync(outputFile, 'utf8')) }
}

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const match of text.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]] = match[3]
  return outputs
}
