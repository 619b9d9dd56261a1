/**
 * Azure Resource Graph's query endpoint, `POST /providers/Microsoft.ResourceGraph/resources`
 * (learn.microsoft.com/rest/api/azureresourcegraph/resourcegraph/resources/resources), over the resources the ARM side
 * holds. What it models:
 * - the index lags writes (learn.microsoft.com/azure/governance/resource-graph/overview: changes reach it "within
 *   seconds"); the lag is a setting, and a query sees each resource as it was `lagMs` ago;
 * - paging with `$top` (at most 1,000 rows, 100 by default) and `$skipToken`;
 * - the per-user quota of 15 queries per 5-second window, told in `x-ms-user-quota-remaining` and
 *   `x-ms-user-quota-resets-after` on every answer, 429 past it
 *   (learn.microsoft.com/azure/governance/resource-graph/concepts/guidance-for-throttled-requests);
 * - rows shaped as Graph returns them: type lowercased, `subscriptionId` and `resourceGroup` columns, a VNet's subnets
 *   and peerings inside its properties (they are not rows of their own), role assignments in `authorizationresources`
 *   and resource groups in `resourcecontainers`.
 *
 * Queries are KQL. Only the subset runner-setup sends is implemented: a table, then `where` clauses joined by `and`
 * (`=~`, `==`, `in~ (...)`, `startswith`) on dotted columns, `project` and `order by <column> asc`. Anything else is
 * refused with a 400 that names the part it cannot run, so no query passes by accident.
 */
import type { EmuRequest, EmuResponse } from '../http.js'
import { lower, topLevelId } from './router.js'
import type { ResourceStore, StoredResource, Wire } from './store.js'

export interface GraphSettings {
  /** How long a write takes to reach the index. */
  lagMs: number
  /** Queries per window per user, and the window (15 per 5 s). */
  quota: { queries: number; windowMs: number }
  /** Off: no quota (quick tests). */
  limited: boolean
}

export const GRAPH_PATH = '/providers/microsoft.resourcegraph/resources'

const DEFAULT_TOP = 100
const MAX_TOP = 1000
const SUBNET = 'microsoft.network/virtualnetworks/subnets'
const PEERING = 'microsoft.network/virtualnetworks/virtualnetworkpeerings'
/** Child types that are rows of their own in the resources table. */
const CHILD_ROWS = new Set(['microsoft.network/privatednszones/virtualnetworklinks'])
const TABLE_OF: Record<string, string> = {
  'microsoft.resources/resourcegroups': 'resourcecontainers',
  'microsoft.authorization/roleassignments': 'authorizationresources'
}
/** Graph's name for a resource group's type. */
const GRAPH_TYPE: Record<string, string> = {
  'microsoft.resources/resourcegroups': 'microsoft.resources/subscriptions/resourcegroups'
}

interface Version {
  at: number
  resource: StoredResource | undefined
}

export interface GraphStats {
  queries: number
  throttled: number
  refused: number
}

export interface ResourceGraph {
  handle(req: EmuRequest, principal: string): EmuResponse | undefined
  settings: GraphSettings
  stats: GraphStats
}

export function createResourceGraph(
  store: ResourceStore,
  settings: GraphSettings,
  view: (stored: StoredResource) => Wire,
  now: () => number = Date.now
): ResourceGraph {
  const versions = new Map<string, Version[]>()
  store.onChange((id, resource) => {
    const key = lower(id)
    const list = versions.get(key) ?? []
    const at = now()
    // Keep one version already visible and those still ahead of the lag.
    const visible = list.filter(v => v.at <= at - settings.lagMs)
    versions.set(key, [...visible.slice(-1), ...list.filter(v => v.at > at - settings.lagMs), { at, resource }])
  })
  // Pages of one query ask for the same rows: kept while nothing changed (and no lag makes them age).
  let changes = 0
  store.onChange(() => changes++)
  let cached: { key: string; changes: number; rows: Wire[] } | undefined
  const answer = (plan: QueryPlan, subscriptions: string[]): Wire[] => {
    const key = `${plan.text}|${subscriptions.join(',')}`
    if (settings.lagMs === 0 && cached?.key === key && cached.changes === changes) return cached.rows
    const rows = run(plan, rowsOf(indexed(), plan.table, view), subscriptions)
    cached = { key, changes, rows }
    return rows
  }
  const windows = new Map<string, { start: number; used: number }>()
  const stats: GraphStats = { queries: 0, throttled: 0, refused: 0 }

  /** Every resource as the index holds it now. */
  const indexed = (): StoredResource[] => {
    const horizon = now() - settings.lagMs
    const out: StoredResource[] = []
    for (const list of versions.values()) {
      const seen = list.filter(v => v.at <= horizon).at(-1)?.resource
      if (seen !== undefined) out.push(seen)
    }
    return out
  }

  const quota = (principal: string): { headers: Record<string, string>; refused?: EmuResponse } => {
    if (!settings.limited) return { headers: {} }
    const t = now()
    const window = windows.get(principal)
    const current = window && t - window.start < settings.quota.windowMs ? window : { start: t, used: 0 }
    windows.set(principal, current)
    const resetsMs = current.start + settings.quota.windowMs - t
    const headers = (remaining: number): Record<string, string> => ({
      'x-ms-user-quota-remaining': String(remaining),
      'x-ms-user-quota-resets-after': hms(resetsMs)
    })
    if (current.used >= settings.quota.queries) {
      stats.throttled++
      const h = { ...headers(0), 'retry-after': String(Math.max(1, Math.ceil(resetsMs / 1000))) }
      const message = `Please provide below info when asking for support: timestamp = ${new Date(t).toISOString()}. The number of requests exceeds the quota of ${settings.quota.queries} per ${settings.quota.windowMs / 1000} seconds for this user.`
      return { headers: h, refused: { status: 429, headers: h, body: { error: { code: 'RateLimiting', message } } } }
    }
    current.used++
    return { headers: headers(settings.quota.queries - current.used) }
  }

  return {
    settings,
    stats,
    handle(req, principal) {
      if (lower(req.url.pathname) !== GRAPH_PATH) return undefined
      if (req.method !== 'POST') return refuse(405, 'MethodNotAllowed', `The method '${req.method}' is not allowed.`)
      const limited = quota(principal)
      if (limited.refused) return limited.refused
      stats.queries++
      const request = req.body as QueryBody | undefined
      let plan: QueryPlan
      try {
        plan = parseQuery(String(request?.query ?? ''))
      } catch (error) {
        stats.refused++
        return { ...refuse(400, 'BadRequest', (error as Error).message), headers: limited.headers }
      }
      const options = request?.options ?? {}
      const top = Math.min(MAX_TOP, Number(options.$top ?? DEFAULT_TOP))
      const token = options.$skipToken ? decodeToken(options.$skipToken) : undefined
      if (options.$skipToken && (token === undefined || token.query !== plan.text)) {
        stats.refused++
        return {
          ...refuse(400, 'BadRequest', 'The $skipToken does not belong to this query.'),
          headers: limited.headers
        }
      }
      const subscriptions = (request?.subscriptions ?? []).map(lower)
      const all = answer(plan, subscriptions)
      const offset = token?.offset ?? Number(options.$skip ?? 0)
      const data = all.slice(offset, offset + top)
      const next = offset + data.length < all.length ? encodeToken(plan.text, offset + data.length) : undefined
      return {
        status: 200,
        headers: limited.headers,
        body: {
          totalRecords: all.length,
          count: data.length,
          resultTruncated: 'false',
          ...(next ? { $skipToken: next } : {}),
          data
        }
      }
    }
  }
}

interface QueryBody {
  subscriptions?: string[]
  query?: string
  options?: { $top?: number; $skip?: number; $skipToken?: string; resultFormat?: string }
}

type Condition =
  { op: 'eq' | 'eqi' | 'startswith'; column: string; value: string } | { op: 'in'; column: string; values: string[] }

interface QueryPlan {
  text: string
  table: 'resources' | 'resourcecontainers' | 'authorizationresources'
  where: Condition[]
  project?: string[]
  orderBy?: string
}

const TABLES = new Set(['resources', 'resourcecontainers', 'authorizationresources'])
const COLUMN = String.raw`[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*`
const STRING = String.raw`'((?:[^'\\]|\\.)*)'`

function parseQuery(text: string): QueryPlan {
  const [table, ...stages] = text.split('|').map(s => s.trim())
  if (!table || !TABLES.has(lower(table)))
    throw new Error(
      `Query refused: the emulator's Resource Graph knows the tables ${[...TABLES].join(', ')}, not '${table}'.`
    )
  const plan: QueryPlan = { text, table: lower(table) as QueryPlan['table'], where: [] }
  for (const stage of stages) {
    const where = /^where\s+(.+)$/is.exec(stage)
    const project = /^project\s+(.+)$/is.exec(stage)
    const order = new RegExp(`^order\\s+by\\s+(${COLUMN})\\s+asc$`, 'i').exec(stage)
    if (where) plan.where.push(...where[1]!.split(/\s+and\s+/i).map(parseCondition))
    else if (project) plan.project = project[1]!.split(',').map(c => c.trim())
    else if (order) plan.orderBy = order[1]!
    else throw new Error(`Query refused: the emulator's Resource Graph does not implement '${stage}'.`)
  }
  return plan
}

function parseCondition(text: string): Condition {
  const compare = new RegExp(`^(${COLUMN})\\s*(=~|==|startswith)\\s*${STRING}$`, 'i').exec(text.trim())
  if (compare) {
    const op = compare[2] === '==' ? 'eq' : compare[2] === '=~' ? 'eqi' : 'startswith'
    return { op, column: compare[1]!, value: unescape(compare[3]!) }
  }
  const list = new RegExp(`^(${COLUMN})\\s+in~\\s*\\((.*)\\)$`, 'is').exec(text.trim())
  if (list) {
    const values = [...list[2]!.matchAll(new RegExp(STRING, 'g'))].map(m => unescape(m[1]!))
    return { op: 'in', column: list[1]!, values }
  }
  throw new Error(`Query refused: the emulator's Resource Graph does not implement the condition '${text.trim()}'.`)
}

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1')

function columnOf(row: Wire, column: string): unknown {
  return column.split('.').reduce<unknown>((value, key) => {
    if (typeof value !== 'object' || value === null) return undefined
    const object = value as Record<string, unknown>
    // Graph's dynamic columns match property names case-insensitively.
    return object[key] ?? object[Object.keys(object).find(k => lower(k) === lower(key)) ?? key]
  }, row)
}

function matches(row: Wire, condition: Condition): boolean {
  const value = columnOf(row, condition.column)
  if (typeof value !== 'string') return false
  switch (condition.op) {
    case 'eq':
      return value === condition.value
    case 'eqi':
      return lower(value) === lower(condition.value)
    case 'startswith':
      return lower(value).startsWith(lower(condition.value))
    case 'in':
      return condition.values.some(v => lower(v) === lower(value))
  }
}

function run(plan: QueryPlan, rows: Wire[], subscriptions: string[]): Wire[] {
  const scoped =
    subscriptions.length === 0 ? rows : rows.filter(r => subscriptions.includes(lower(String(r.subscriptionId))))
  const found = scoped.filter(r => plan.where.every(c => matches(r, c)))
  if (plan.orderBy) {
    const key = plan.orderBy
    found.sort((a, b) => (String(columnOf(a, key)) < String(columnOf(b, key)) ? -1 : 1))
  }
  if (!plan.project) return found
  return found.map(r => Object.fromEntries(plan.project!.map(c => [c, columnOf(r, c) ?? null])))
}

/** The table's rows: ARM bodies with Graph's columns, a VNet carrying its subnets and peerings. */
function rowsOf(resources: StoredResource[], table: QueryPlan['table'], view: (s: StoredResource) => Wire): Wire[] {
  const children = new Map<string, StoredResource[]>()
  for (const r of resources) {
    const type = lower(r.type)
    if (type !== SUBNET && type !== PEERING) continue
    const parent = lower(r.id.slice(0, r.id.lastIndexOf('/', r.id.lastIndexOf('/') - 1)))
    children.set(parent, [...(children.get(parent) ?? []), r])
  }
  return resources.flatMap(r => {
    const type = lower(r.type)
    const rowTable = TABLE_OF[type] ?? 'resources'
    if (rowTable !== table) return []
    if (rowTable === 'resources' && lower(topLevelId(r.id)) !== lower(r.id) && !CHILD_ROWS.has(type)) return []
    return [row(r, children, view)]
  })
}

function row(r: StoredResource, children: Map<string, StoredResource[]>, view: (s: StoredResource) => Wire): Wire {
  const type = lower(r.type)
  // Container Apps' views only hide write-only values; the network views scan the store, so VNets are composed here.
  // Rows are serialised at once and never kept: shallow copies are enough.
  const body = type.startsWith('microsoft.app/') ? view(r) : { ...r.body }
  if (type === 'microsoft.network/virtualnetworks') {
    const mine = children.get(lower(r.id)) ?? []
    body.properties = {
      ...((body.properties as Wire | undefined) ?? {}),
      subnets: mine.filter(c => lower(c.type) === SUBNET).map(c => c.body),
      virtualNetworkPeerings: mine.filter(c => lower(c.type) === PEERING).map(c => c.body)
    }
  }
  const segments = r.id.split('/')
  const groupAt = segments.findIndex(s => lower(s) === 'resourcegroups')
  return {
    ...body,
    id: r.id,
    name: body.name ?? segments.at(-1),
    type: GRAPH_TYPE[type] ?? type,
    subscriptionId: segments[2],
    resourceGroup: groupAt < 0 ? '' : lower(segments[groupAt + 1] ?? '')
  }
}

function encodeToken(query: string, offset: number): string {
  return Buffer.from(JSON.stringify({ query, offset })).toString('base64url')
}

function decodeToken(token: string): { query: string; offset: number } | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString()) as { query?: unknown; offset?: unknown }
    return typeof value.query === 'string' && typeof value.offset === 'number'
      ? { query: value.query, offset: value.offset }
      : undefined
  } catch {
    return undefined
  }
}

function refuse(status: number, code: string, message: string): EmuResponse {
  return { status, body: { error: { code, message } } }
}

function hms(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`
}
