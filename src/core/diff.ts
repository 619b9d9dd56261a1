/**
 * Desired against actual, field by field. Only what we ask for is compared: Azure adds ids, provisioning states,
 * defaults and (through policy) tags of its own, and none of that is drift. A `null` asks for the field to be unset;
 * an `absent` resource asks for the whole resource to be gone.
 */
import { isFailed, provisioningState } from './actual.js'
import { isRef, renderRef, renderRefs } from './refs.js'
import type { ActualResource, DesiredResource, FieldChange, ResourceKind } from './types.js'

export interface ResourceDiff {
  action: 'create' | 'update' | 'noop' | 'delete'
  changes: FieldChange[]
}

/** Fields Azure never returns on GET (secret values): comparing them would report drift forever. `[]` = any item. */
const WRITE_ONLY: Partial<Record<ResourceKind, string[]>> = {
  job: ['configuration.secrets[].value'],
  managedEnvironment: ['appLogsConfiguration.logAnalyticsConfiguration.sharedKey']
}

const ARM_ID = /^\/subscriptions\//i
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

interface Walk {
  changes: FieldChange[]
  ignored: string[]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isRef(value)
}

/** What a desired value looks like in a change: refs shown as `(known after apply: ...)`. */
function shown(value: unknown): unknown {
  if (isRef(value)) return renderRef(value)
  if (Array.isArray(value)) return value.map(shown)
  return isObject(value) ? renderRefs(value) : value
}

function join(path: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`
  return path === '' ? key : `${path}.${key}`
}

function samePrimitive(desired: unknown, actual: unknown, path: string): boolean {
  if (typeof desired === 'string' && typeof actual === 'string') {
    if (ARM_ID.test(desired)) return desired.toLowerCase() === actual.toLowerCase()
    // ARM may answer `Norway East` for `norwayeast`.
    if (path === 'location') return desired.toLowerCase() === actual.toLowerCase().replaceAll(' ', '')
  }
  return desired === actual
}

/** ARM ids used as keys (userAssignedIdentities) come back in any case. */
function actualKey(actual: Record<string, unknown>, key: string): string {
  if (key in actual || !ARM_ID.test(key)) return key
  return Object.keys(actual).find(k => k.toLowerCase() === key.toLowerCase()) ?? key
}

function compare(desired: unknown, actual: unknown, path: string, pattern: string, walk: Walk): void {
  if (desired === undefined || walk.ignored.includes(pattern)) return
  if (desired === null) {
    // Must be unset: Azure may say so with null or by leaving the field out.
    if (actual !== undefined && actual !== null) walk.changes.push({ path, from: actual, to: undefined })
  } else if (isRef(desired)) {
    walk.changes.push({ path, from: actual, to: renderRef(desired) })
  } else if (Array.isArray(desired)) {
    compareArray(desired, actual, path, pattern, walk)
  } else if (isObject(desired)) {
    if (actual !== undefined && actual !== null && !isObject(actual)) {
      walk.changes.push({ path, from: actual, to: shown(desired) })
      return
    }
    // A missing object compares field by field, so a change names the exact fields it sets.
    const present = actual ?? {}
    for (const [key, value] of Object.entries(desired)) {
      compare(value, present[actualKey(present, key)], join(path, key), join(pattern, key), walk)
    }
  } else if (!samePrimitive(desired, actual, path)) {
    walk.changes.push({ path, from: actual, to: desired })
  }
}

function isNamed(value: unknown): value is Record<string, unknown> & { name: string } {
  return isObject(value) && typeof value.name === 'string'
}

function compareArray(desired: unknown[], actual: unknown, path: string, pattern: string, walk: Walk): void {
  // An empty list asks for "none", and Azure may say so by leaving the field out.
  if (desired.length === 0 && (actual === undefined || actual === null)) return
  if (!Array.isArray(actual)) {
    walk.changes.push({ path, from: actual, to: shown(desired) })
  } else if (desired.length > 0 && desired.every(isNamed)) {
    compareByName(desired, actual, path, pattern, walk)
  } else if (desired.length === actual.length && desired.every(isObject)) {
    desired.forEach((item, i) => compare(item, actual[i], `${path}[${i}]`, `${pattern}[]`, walk))
  } else {
    // A list of values (address prefixes, DNS servers) is one setting: reported whole.
    const same = desired.length === actual.length && desired.every((item, i) => samePrimitive(item, actual[i], path))
    if (!same) walk.changes.push({ path, from: actual, to: shown(desired) })
  }
}

/** Rules, containers, env vars, secrets: matched by name, in any order; one we did not ask for is drift too. */
function compareByName(
  desired: (Record<string, unknown> & { name: string })[],
  actual: unknown[],
  path: string,
  pattern: string,
  walk: Walk
): void {
  const actualByName = new Map(actual.filter(isNamed).map(item => [item.name, item]))
  for (const item of desired) {
    const itemPath = `${path}[${item.name}]`
    const match = actualByName.get(item.name)
    if (match === undefined) walk.changes.push({ path: itemPath, from: undefined, to: shown(item) })
    else compare(item, match, itemPath, `${pattern}[]`, walk)
  }
  const wanted = new Set(desired.map(item => item.name))
  for (const [name, item] of actualByName) {
    if (!wanted.has(name)) walk.changes.push({ path: `${path}[${name}]`, from: item, to: undefined })
  }
}

export function diffResource(
  desired: Pick<DesiredResource, 'kind' | 'body' | 'absent'>,
  actual: ActualResource | undefined
): ResourceDiff {
  if (desired.absent) return { action: actual === undefined ? 'noop' : 'delete', changes: [] }
  if (actual === undefined) return { action: 'create', changes: [] }
  const walk: Walk = { changes: [], ignored: WRITE_ONLY[desired.kind] ?? [] }
  compare(desired.body, actual.body, '', '', walk)
  const state = provisioningState(actual.body)
  if (isFailed(state)) {
    walk.changes.push({ path: 'provisioningState', from: state, to: 'Succeeded' })
  }
  return { action: walk.changes.length > 0 ? 'update' : 'noop', changes: walk.changes }
}
