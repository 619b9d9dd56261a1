/** The vocabulary of the declarative config schema (schema.ts) that validate.ts walks. */
import type { Issue } from './issue.js'

interface Common {
  required?: boolean
  /** Used when the key is absent. Values that depend on other keys are filled by defaults.ts. */
  default?: unknown
  /** How the key is written, for hints: `location: norwayeast`. */
  example?: string
}

export interface StringSpec extends Common {
  type: 'string'
  check?: (value: string) => Issue | undefined
  oneOf?: readonly string[]
  maxLength?: number
}

export interface IntegerSpec extends Common {
  type: 'integer'
  min: number
  max: number
}

export interface NumberSpec extends Common {
  type: 'number'
  check?: (value: number) => Issue | undefined
}

export interface BooleanSpec extends Common {
  type: 'boolean'
}

export interface ListSpec extends Common {
  type: 'list'
  items: Spec
  minItems?: number
  maxItems?: number
  /** Items with the same identity are duplicates; undefined means "not comparable" (an invalid item). */
  identity?: (item: unknown) => string | undefined
}

export interface ObjectSpec extends Common {
  type: 'object'
  fields: Record<string, Spec>
  /** For the top level of a file: what the file must be, and where to start, when it is not a mapping. */
  document?: { what: string; hint: string }
}

/** Free-form keys (tags): every key checked, every value by `values`. */
export interface MapSpec extends Common {
  type: 'map'
  values: Spec
  keyCheck?: (key: string) => Issue | undefined
  maxEntries?: number
}

export type Spec = StringSpec | IntegerSpec | NumberSpec | BooleanSpec | ListSpec | ObjectSpec | MapSpec
