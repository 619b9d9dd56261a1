/** Walks a parsed YAML tree against the schema: unknown, missing and mistyped keys, value checks, duplicates, static defaults. */
import { show } from './issue.js'
import { joinPath } from './parse-yaml.js'
import { secretByKeyName } from './secrets-in-config.js'
import type { ListSpec, MapSpec, ObjectSpec, Spec } from './spec.js'
import { suggest } from './suggest.js'

/** Where a finding points: the key itself, its value, or (for a missing key) the mapping that should hold it. */
export type Anchor = 'key' | 'value' | 'parent'

export interface Finding {
  path: string
  at: Anchor
  message: string
  hint?: string
}

export interface Validated {
  /** The tree with static defaults filled in; only meaningful when there are no findings. */
  value: unknown
  findings: Finding[]
}

const EXPECTED: Record<Spec['type'], string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  list: 'a list',
  object: 'a mapping',
  map: 'a mapping'
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value'
  if (Array.isArray(value)) return 'a list'
  if (isMapping(value)) return 'a mapping'
  if (typeof value === 'object') return 'a tagged value'
  if (typeof value === 'boolean') return 'a boolean'
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : 'an infinite or NaN number'
  return 'a string'
}

/** A plain YAML mapping; tagged values such as !!binary come out as other objects. */
function isMapping(value: unknown): value is Record<string, unknown> {
  // toString rather than a prototype check: objects from another realm (structuredClone under jest) are still plain.
  return Object.prototype.toString.call(value) === '[object Object]'
}

function prefixed(path: string, message: string): string {
  return path === '' ? message : `${path}: ${message}`
}

/** `poisoned` paths already carry a finding (a pasted secret): they are neither checked nor quoted again. */
export function validateTree(spec: ObjectSpec, tree: unknown, poisoned: ReadonlySet<string>): Validated {
  const walker = new Walker(poisoned)
  const value = walker.walk(spec, tree, '')
  return { value, findings: walker.findings }
}

class Walker {
  readonly findings: Finding[] = []
  private readonly poisoned: ReadonlySet<string>

  constructor(poisoned: ReadonlySet<string>) {
    this.poisoned = poisoned
  }

  private add(path: string, at: Anchor, message: string, hint?: string): void {
    this.findings.push({ path, at, message: prefixed(path, message), hint })
  }

  walk(spec: Spec, value: unknown, path: string): unknown {
    if (this.poisoned.has(path)) return value
    if (!this.hasType(spec, value)) {
      this.typeError(spec, value, path)
      return value
    }
    switch (spec.type) {
      case 'string': {
        const text = value as string
        if (spec.maxLength !== undefined && text.length > spec.maxLength) {
          this.add(
            path,
            'value',
            `longer than ${spec.maxLength} characters`,
            `Azure allows at most ${spec.maxLength} here`
          )
        } else if (spec.oneOf && !spec.oneOf.includes(text)) {
          const near = suggest(text, spec.oneOf)
          const choices = spec.oneOf.map(choice => `\`${choice}\``).join(' or ')
          this.add(
            path,
            'value',
            `must be ${choices}, got ${show(text)}`,
            near ? `did you mean \`${near}\`?` : undefined
          )
        } else {
          const issue = spec.check?.(text)
          if (issue) this.add(path, 'value', issue.message, issue.hint)
        }
        return text
      }
      case 'integer': {
        const n = value as number
        if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
          const range =
            spec.max === Number.MAX_SAFE_INTEGER ? 'a positive integer' : `an integer from ${spec.min} to ${spec.max}`
          this.add(path, 'value', `must be ${range}, got ${n}`)
        }
        return n
      }
      case 'number': {
        const issue = spec.check?.(value as number)
        if (issue) this.add(path, 'value', issue.message, issue.hint)
        return value
      }
      case 'boolean':
        return value
      case 'list':
        return this.list(spec, value as unknown[], path)
      case 'object':
        return this.object(spec, value as Record<string, unknown>, path)
      case 'map':
        return this.map(spec, value as Record<string, unknown>, path)
    }
  }

  private hasType(spec: Spec, value: unknown): boolean {
    switch (spec.type) {
      case 'string':
        return typeof value === 'string'
      case 'integer':
      case 'number':
        return typeof value === 'number' && Number.isFinite(value)
      case 'boolean':
        return typeof value === 'boolean'
      case 'list':
        return Array.isArray(value)
      default:
        return isMapping(value)
    }
  }

  private typeError(spec: Spec, value: unknown, path: string): void {
    if (path === '' && spec.type === 'object' && spec.document) {
      const got = value === null || value === undefined ? 'the file is empty' : `got ${kindOf(value)}`
      this.add(path, 'value', `${spec.document.what}; ${got}`, spec.document.hint)
      return
    }
    const quote = spec.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')
    const hint = quote ? `quote it: "${String(value)}"` : spec.example ? `write it like ${spec.example}` : undefined
    this.add(path, 'value', `expected ${EXPECTED[spec.type]}, got ${kindOf(value)}`, hint)
  }

  private list(spec: ListSpec, items: unknown[], path: string): unknown[] {
    if (spec.minItems !== undefined && items.length < spec.minItems) {
      this.add(
        path,
        'value',
        spec.minItems === 1 ? 'must not be empty' : `needs at least ${spec.minItems} items`,
        spec.example && `write it like ${spec.example}`
      )
    }
    if (spec.maxItems !== undefined && items.length > spec.maxItems) {
      this.add(path, 'value', `at most ${spec.maxItems} items, got ${items.length}`)
    }
    const seen = new Map<string, number>()
    return items.map((item, i) => {
      const itemPath = `${path}[${i}]`
      const result = this.walk(spec.items, item, itemPath)
      const identity = this.poisoned.has(itemPath) ? undefined : spec.identity?.(item)
      if (identity !== undefined) {
        const first = seen.get(identity)
        if (first === undefined) seen.set(identity, i)
        else this.add(itemPath, 'value', `duplicate of ${path}[${first}]`, 'list each item once')
      }
      return result
    })
  }

  /** True when the key named like a secret holds what looks like one; reported instead of anything else about it. */
  private secretKey(key: string, value: unknown, path: string): boolean {
    const issue = this.poisoned.has(path) ? undefined : secretByKeyName(key, value)
    if (issue) this.add(path, 'value', issue.message, issue.hint)
    return issue !== undefined || this.poisoned.has(path)
  }

  private object(spec: ObjectSpec, object: Record<string, unknown>, path: string): Record<string, unknown> {
    const known = Object.keys(spec.fields)
    const result: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(object)) {
      const childPath = joinPath(path, key)
      if (Object.hasOwn(spec.fields, key)) continue
      if (this.secretKey(key, value, childPath)) continue
      const near = suggest(key, known)
      const where = path === '' ? 'at the top level' : `in ${path}`
      if (near)
        this.add(
          childPath,
          'key',
          `unknown key; did you mean \`${near}\`?`,
          `keys allowed ${where}: ${known.join(', ')}`
        )
      else this.add(childPath, 'key', 'unknown key', `keys allowed ${where}: ${known.join(', ')}`)
    }
    for (const [key, field] of Object.entries(spec.fields)) {
      const childPath = joinPath(path, key)
      if (Object.hasOwn(object, key)) {
        result[key] = this.walk(field, object[key], childPath)
      } else if (field.required) {
        this.findings.push({
          path: childPath,
          at: 'parent',
          message: prefixed(path, `missing required key \`${key}\``),
          hint: field.example && `add ${field.example}`
        })
      } else if (field.default !== undefined) {
        result[key] = this.walk(field, structuredClone(field.default), childPath)
      }
    }
    return result
  }

  private map(spec: MapSpec, object: Record<string, unknown>, path: string): Record<string, unknown> {
    const entries = Object.entries(object)
    if (spec.maxEntries !== undefined && entries.length > spec.maxEntries) {
      this.add(
        path,
        'value',
        `at most ${spec.maxEntries} entries, got ${entries.length}`,
        'Azure allows 50 tags per resource and runner-setup adds two'
      )
    }
    const result: Record<string, unknown> = {}
    for (const [key, value] of entries) {
      const childPath = joinPath(path, key)
      if (this.secretKey(key, value, childPath)) continue
      const issue = spec.keyCheck?.(key)
      if (issue)
        this.findings.push({ path: childPath, at: 'key', message: prefixed(path, issue.message), hint: issue.hint })
      const checked = this.walk(spec.values, value, childPath)
      Object.defineProperty(result, key, { value: checked, enumerable: true, writable: true, configurable: true })
    }
    return result
  }
}
