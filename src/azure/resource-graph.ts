/**
 * Azure Resource Graph queries, paged and bounded: a query names its subscriptions (at most 1,000 a request, as the
 * API allows), pages of 1,000 rows follow `$skipToken`, and a query that would page past `maxRows` fails rather than
 * read without end. The per-user quota (15 queries per 5 s, learn.microsoft.com/azure/governance/resource-graph/
 * concepts/guidance-for-throttled-requests) is kept by waiting when `x-ms-user-quota-remaining` reaches 0 until
 * `x-ms-user-quota-resets-after`; a 429 is waited out by the clients' throttle policy.
 */
import type { ResourceGraphClient } from '@azure/arm-resourcegraph'
import { AzureError, describeAzureError } from './errors.js'

export const PAGE_SIZE = 1000
export const SUBSCRIPTIONS_PER_QUERY = 1000
export const DEFAULT_MAX_ROWS = 1_000_000

export type GraphRow = Record<string, unknown>

export interface GraphReader {
  /** Every row of `query` over `subscriptions` (every subscription the identity may read when none are given). */
  query(query: string, subscriptions?: string[]): Promise<GraphRow[]>
  /** Queries sent (pages count one each). */
  readonly queries: number
}

export interface GraphReaderOptions {
  sleep: (ms: number) => Promise<void>
  maxRows?: number
  endpoint?: string
}

export function graphReader(client: ResourceGraphClient, options: GraphReaderOptions): GraphReader {
  let queries = 0
  let waitUntil = 0
  const page = async (query: string, subscriptions: string[] | undefined, skipToken: string | undefined) => {
    const pause = waitUntil - Date.now()
    if (pause > 0) await options.sleep(pause)
    queries++
    let quota: { remaining?: string; resetsAfter?: string } = {}
    const answer = await client.resources(
      {
        query,
        ...(subscriptions ? { subscriptions } : {}),
        options: { top: PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) }
      },
      {
        onResponse: response => {
          quota = {
            remaining: response.headers.get('x-ms-user-quota-remaining') ?? undefined,
            resetsAfter: response.headers.get('x-ms-user-quota-resets-after') ?? undefined
          }
        }
      }
    )
    if (quota.remaining === '0') waitUntil = Date.now() + durationMs(quota.resetsAfter)
    return answer
  }

  return {
    get queries() {
      return queries
    },
    async query(query, subscriptions) {
      const chunks = subscriptions ? chunk(subscriptions, SUBSCRIPTIONS_PER_QUERY) : [undefined]
      const rows: GraphRow[] = []
      const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS
      for (const scope of chunks) {
        let skipToken: string | undefined
        do {
          let answer
          try {
            answer = await page(query, scope, skipToken)
          } catch (error) {
            throw new AzureError(describeAzureError(error, 'query Azure Resource Graph', options.endpoint))
          }
          rows.push(...((answer.data as GraphRow[] | undefined) ?? []))
          if (rows.length > maxRows)
            throw new AzureError(
              `Azure Resource Graph answered more than ${maxRows} rows for one query; check the subscriptions the configs name.`
            )
          skipToken = answer.skipToken
        } while (skipToken)
      }
      return rows
    }
  }
}

/** `hh:mm:ss`, as Resource Graph writes its quota reset. */
export function durationMs(value: string | undefined): number {
  const match = /^(\d+):(\d+):(\d+)$/.exec(value ?? '')
  if (!match) return 1000
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
