/**
 * `GET /subscriptions/{s}/resourceGroups/{rg}/resources` (Resources_ListByResourceGroup): every top-level resource in
 * the group. With `$filter=tagName eq 'x' and tagValue eq 'y'` only those tagged so, and, as the REST reference says,
 * "when you filter by a tag name and value, the tags for each resource are not returned in the results".
 */
import type { EmuResponse } from '../http.js'
import { lower, topLevelId } from './router.js'
import type { ResourceStore } from './store.js'

const RESOURCES = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+)\/resources$/i
const TAG_FILTER = /tagName\s+eq\s+'([^']*)'\s+and\s+tagValue\s+eq\s+'([^']*)'/i

export function resourceListAnswer(store: ResourceStore, url: URL): EmuResponse | undefined {
  const match = RESOURCES.exec(url.pathname)
  if (!match) return undefined
  const group = lower(match[1]!)
  if (store.get(match[1]!) === undefined) return undefined
  const tag = TAG_FILTER.exec(url.searchParams.get('$filter') ?? '')
  const value = store
    .all()
    .filter(r => lower(r.id).startsWith(`${group}/providers/`) && lower(topLevelId(r.id)) === lower(r.id))
    .filter(r => {
      if (!tag) return true
      const tags = (r.body.tags ?? {}) as Record<string, unknown>
      return tags[tag[1]!] === tag[2]
    })
    .map(r => {
      const { id, name, type, location, tags } = r.body as Record<string, unknown>
      return tag ? { id, name, type, location } : { id, name, type, location, tags }
    })
  return { status: 200, body: { value } }
}
