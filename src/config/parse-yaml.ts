/**
 * YAML text to a plain value tree plus the position of every key and value, by dotted path
 * (`network.peerings[0].remoteVnetId`). Syntax errors and duplicate keys come back as problems.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import type { SourcePosition } from './types.js'

export interface Located {
  path: string
  message: string
  hint?: string
  position: SourcePosition
}

export interface ScalarSpan {
  path: string
  start: number
  end: number
}

export interface ParsedYaml {
  /** Plain JSON-like tree; undefined when the YAML could not be read at all. */
  value: unknown
  /** Position of each key present (for list items: the item). */
  keyPositions: Map<string, SourcePosition>
  /** Position where each value starts. */
  valuePositions: Map<string, SourcePosition>
  /** Character range of each scalar value, to tie a finding in the raw text to a key path. */
  scalars: ScalarSpan[]
  lineCounter: LineCounter
  /** Syntax errors (the tree is then unusable) and duplicate keys (the first occurrence wins). */
  problems: Located[]
  syntaxError: boolean
}

export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false })
  const result: ParsedYaml = {
    value: undefined,
    keyPositions: new Map(),
    valuePositions: new Map(),
    scalars: [],
    lineCounter,
    problems: [],
    syntaxError: doc.errors.length > 0
  }
  for (const error of doc.errors) {
    result.problems.push({
      path: '',
      message:
        error.code === 'MULTIPLE_DOCS'
          ? 'a team config is one YAML document; this file holds several'
          : error.message.split('\n')[0],
      hint: 'fix the YAML syntax; nothing else in this file was checked',
      position: lineCounter.linePos(error.pos[0])
    })
  }
  if (!result.syntaxError) result.value = new TreeBuilder(doc, result).build(doc.contents as Node | null, '')
  return result
}

class TreeBuilder {
  private readonly doc: Document
  private readonly out: ParsedYaml

  constructor(doc: Document, out: ParsedYaml) {
    this.doc = doc
    this.out = out
  }

  private at(offset: number): SourcePosition {
    return this.out.lineCounter.linePos(offset)
  }

  build(node: Node | null | undefined, path: string): unknown {
    if (node === null || node === undefined) return null
    if (node.range) this.out.valuePositions.set(path, this.at(node.range[0]))
    if (isAlias(node)) return this.build(node.resolve(this.doc) as Node | undefined, path)
    if (isScalar(node)) {
      if (node.range) this.out.scalars.push({ path, start: node.range[0], end: node.range[1] })
      return node.value
    }
    if (isSeq(node)) return node.items.map((item, i) => this.item(item as Node | null, `${path}[${i}]`))
    if (isMap(node)) return this.mapping(node.items, path)
    return null
  }

  private item(node: Node | null, path: string): unknown {
    if (node?.range) this.out.keyPositions.set(path, this.at(node.range[0]))
    return this.build(node, path)
  }

  private mapping(pairs: { key: unknown; value: unknown }[], path: string): Record<string, unknown> {
    const object: Record<string, unknown> = {}
    for (const pair of pairs) {
      const keyNode = pair.key as Node | null
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined
      const keyAt = keyNode?.range
        ? this.at(keyNode.range[0])
        : (this.out.valuePositions.get(path) ?? { line: 1, col: 1 })
      if (key === undefined) {
        this.out.problems.push({
          path,
          message: path === '' ? 'keys must be plain names' : `${path}: keys must be plain names`,
          hint: 'write each key as a plain word, e.g. team: studio',
          position: keyAt
        })
        continue
      }
      const childPath = joinPath(path, key)
      if (Object.hasOwn(object, key)) {
        const first = this.out.keyPositions.get(childPath)
        this.out.problems.push({
          path: childPath,
          message: `${childPath}: duplicate key`,
          hint: `\`${key}\` is already set at line ${first?.line}; keep one of them`,
          position: keyAt
        })
        continue
      }
      this.out.keyPositions.set(childPath, keyAt)
      const value = this.build(pair.value as Node | null, childPath)
      if (!this.out.valuePositions.has(childPath)) this.out.valuePositions.set(childPath, keyAt)
      // defineProperty: a key named __proto__ must stay a plain key.
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
    }
    return object
  }
}
