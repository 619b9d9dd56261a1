/**
 * YAML text to a plain value tree plus the position of every key and value, by dotted path
 * (`network.peerings[0].remoteVnetId`). Syntax errors and duplicate keys come back as problems.
 *
 * Bounded for hostile input: nesting stops at MAX_DEPTH while the text is parsed (the yaml library's parser
 * would otherwise build a million-level tree and recurse until the stack overflows), and aliases may expand to
 * at most MAX_ALIAS_VALUES values in all (a 900-byte "billion laughs" file would otherwise grow past 1 GB).
 */
import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
  type Alias,
  type CST,
  type Document,
  type Node
} from 'yaml'
import type { SourcePosition } from './types.js'

/** A team config is about five levels deep; this is for runaway brackets, not for real files. */
export const MAX_DEPTH = 100
/** Values produced through aliases, over the whole file; the yaml library's own limit counts the same way. */
export const MAX_ALIAS_VALUES = 10_000

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
  /** Syntax errors and limits hit (the tree is then unusable), and duplicate keys (the first occurrence wins). */
  problems: Located[]
  syntaxError: boolean
}

export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`
}

const SYNTAX_HINT = 'fix the YAML syntax; nothing else in this file was checked'
const DEPTH_MESSAGE = `nested deeper than ${MAX_DEPTH} levels`
const DEPTH_HINT = 'a config needs a few levels of keys and lists; look for unclosed or runaway [ or { brackets'

/** Thrown out of the builder when a limit is hit; becomes one problem, and the tree is dropped. */
class LimitHit extends Error {
  readonly offset: number
  readonly hint: string
  constructor(message: string, offset: number, hint: string) {
    super(message)
    this.offset = offset
    this.hint = hint
  }
}

/** `noun` names the kind of file in messages: `a team config`, `a platform policy`. */
export function parseYaml(text: string, noun = 'a team config'): ParsedYaml {
  const lineCounter = new LineCounter()
  const result: ParsedYaml = {
    value: undefined,
    keyPositions: new Map(),
    valuePositions: new Map(),
    scalars: [],
    lineCounter,
    problems: [],
    syntaxError: false
  }
  try {
    const doc = composeOne(text, lineCounter)
    for (const error of doc.errors) {
      result.problems.push({
        path: '',
        message:
          error.code === 'MULTIPLE_DOCS'
            ? `${noun} is one YAML document; this file holds several`
            : error.message.split('\n')[0],
        hint: SYNTAX_HINT,
        position: lineCounter.linePos(error.pos[0])
      })
    }
    result.syntaxError = doc.errors.length > 0
    if (!result.syntaxError) result.value = new TreeBuilder(doc, result).build(doc.contents as Node | null, '', 1)
    return result
  } catch (error) {
    if (!(error instanceof LimitHit)) throw error
    // Whatever was built is dropped: the limit is the one problem reported.
    const position = lineCounter.linePos(error.offset)
    return {
      ...result,
      value: undefined,
      scalars: [],
      problems: [{ path: '', message: error.message, hint: error.hint, position }],
      syntaxError: true
    }
  }
}

/** What `parseDocument` does, with the parser's nesting checked after every token so a deep file stops early. */
function composeOne(text: string, lineCounter: LineCounter): Document {
  const parser = new Parser(lineCounter.addNewLine)
  lineCounter.addNewLine(0)
  function* tokens(): Generator<CST.Token> {
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme)
      // The stack also holds the document and the node being read; TreeBuilder's exact count reports the near misses.
      if (parser.stack.length > MAX_DEPTH + 3) throw new LimitHit(DEPTH_MESSAGE, parser.offset, DEPTH_HINT)
    }
    yield* parser.end()
  }
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false })
  let doc: Document | undefined
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (!doc) doc = next
    else {
      const at = next.range?.[0] ?? 0
      doc.errors.push(new YAMLParseError([at, at + 1], 'MULTIPLE_DOCS', 'Source contains multiple documents'))
      break
    }
  }
  return doc!
}

class TreeBuilder {
  private readonly out: ParsedYaml
  /** Each alias's target: the last node before it with that anchor (YAML's rule), found in one pass. */
  private readonly targets = new Map<Alias, Node>()
  /** Nodes being built, so an alias inside its own anchor is a cycle, not endless recursion. */
  private readonly building = new Set<Node>()
  /** The outermost alias being expanded, named when a limit is hit. */
  private expanding: Alias | undefined
  private aliasValues = 0

  constructor(doc: Document, out: ParsedYaml) {
    this.out = out
    const anchors = new Map<string, Node>()
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          const target = anchors.get(node.source)
          if (target) this.targets.set(node, target)
        } else if (node.anchor) anchors.set(node.anchor, node)
      }
    })
  }

  private at(offset: number): SourcePosition {
    return this.out.lineCounter.linePos(offset)
  }

  build(node: Node | null | undefined, path: string, depth: number): unknown {
    if (node === null || node === undefined) return null
    if (this.expanding && ++this.aliasValues > MAX_ALIAS_VALUES) {
      throw new LimitHit(
        `aliases expand to more than ${MAX_ALIAS_VALUES} values (at *${this.expanding.source}); refused as an alias bomb`,
        this.expanding.range?.[0] ?? 0,
        'write the values out, or use fewer and smaller aliases'
      )
    }
    if (node.range) this.out.valuePositions.set(path, this.at(node.range[0]))
    if (isAlias(node)) return this.alias(node, path, depth)
    if (isScalar(node)) {
      if (node.range) this.out.scalars.push({ path, start: node.range[0], end: node.range[1] })
      return node.value
    }
    // Collections count as levels: the top-level mapping is level 1.
    if (depth > MAX_DEPTH) {
      const through = this.expanding ? ` (through *${this.expanding.source})` : ''
      throw new LimitHit(`${DEPTH_MESSAGE}${through}`, (this.expanding ?? node).range?.[0] ?? 0, DEPTH_HINT)
    }
    this.building.add(node)
    try {
      if (isSeq(node)) return node.items.map((item, i) => this.item(item as Node | null, `${path}[${i}]`, depth + 1))
      if (isMap(node)) return this.mapping(node.items, path, depth + 1)
      return null
    } finally {
      this.building.delete(node)
    }
  }

  private alias(node: Alias, path: string, depth: number): unknown {
    const target = this.targets.get(node)
    if (target && this.building.has(target)) {
      throw new LimitHit(
        `alias *${node.source} refers to a value that contains it`,
        node.range?.[0] ?? 0,
        'an alias may only repeat a finished value; remove the cycle'
      )
    }
    const outer = this.expanding
    this.expanding ??= node
    try {
      return this.build(target, path, depth)
    } finally {
      this.expanding = outer
    }
  }

  private item(node: Node | null, path: string, depth: number): unknown {
    if (node?.range) this.out.keyPositions.set(path, this.at(node.range[0]))
    return this.build(node, path, depth)
  }

  private mapping(pairs: { key: unknown; value: unknown }[], path: string, depth: number): Record<string, unknown> {
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
      const value = this.build(pair.value as Node | null, childPath, depth)
      if (!this.out.valuePositions.has(childPath)) this.out.valuePositions.set(childPath, keyAt)
      // defineProperty: a key named __proto__ must stay a plain key.
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
    }
    return object
  }
}
