/**
 * Refuses any import cycle in src/ and emulator/, type-only imports included (`import type` is erased at runtime,
 * so ESLint's cycle rules skip it, but it still ties two modules together). Part of `npm run lint`.
 * Reads each file with the TypeScript parser and follows its relative imports, exports and `import()` calls.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

const root = resolve(import.meta.dirname, '..')
const FOLDERS = ['src', 'emulator']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text)
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal
      if (ts.isStringLiteral(literal)) found.push(literal.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found.filter(s => s.startsWith('.'))
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier)
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]
  return candidates.find(c => existsSync(c) && statSync(c).isFile())
}

const files = FOLDERS.flatMap(folder => sourceFiles(join(root, folder)))
const graph = new Map(
  files.map(file => [
    file,
    specifiers(file)
      .map(s => resolveImport(file, s))
      .filter((f): f is string => !!f && f.endsWith('.ts'))
  ])
)

// Tarjan's strongly connected components: every component of more than one file (or a file importing itself) is
// a cycle.
let index = 0
const indices = new Map<string, number>()
const lowLinks = new Map<string, number>()
const stack: string[] = []
const onStack = new Set<string>()
const cycles: string[][] = []

function connect(file: string): void {
  indices.set(file, index)
  lowLinks.set(file, index)
  index++
  stack.push(file)
  onStack.add(file)
  for (const next of graph.get(file) ?? []) {
    if (!indices.has(next)) {
      connect(next)
      lowLinks.set(file, Math.min(lowLinks.get(file)!, lowLinks.get(next)!))
    } else if (onStack.has(next)) {
      lowLinks.set(file, Math.min(lowLinks.get(file)!, indices.get(next)!))
    }
  }
  if (lowLinks.get(file) === indices.get(file)) {
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== file)
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component)
  }
}

for (const file of graph.keys()) if (!indices.has(file)) connect(file)

if (cycles.length) {
  console.error(`Import cycles (type-only imports count; move the shared type below both files):`)
  for (const cycle of cycles)
    console.error(
      `- ${cycle
        .map(f => relative(root, f))
        .sort()
        .join(' ↔ ')}`
    )
  process.exit(1)
}
console.log(`No import cycle in ${FOLDERS.join(', ')} (${files.length} files).`)
