/** The in-memory ARM state: wire JSON bodies keyed by lowercased resource id. */
import { isUnder, lower } from './router.js'

export type Wire = Record<string, unknown>

export interface StoredResource {
  id: string
  type: string
  body: Wire
}

export class ResourceStore {
  private readonly resources = new Map<string, StoredResource>()

  get(id: string): StoredResource | undefined {
    return this.resources.get(lower(id))
  }

  has(id: string): boolean {
    return this.resources.has(lower(id))
  }

  put(resource: StoredResource): void {
    this.resources.set(lower(resource.id), { ...resource, body: structuredClone(resource.body) })
  }

  /** Removes the resource and everything under it (children and extension resources). */
  delete(id: string): boolean {
    const existed = this.resources.delete(lower(id))
    for (const key of [...this.resources.keys()]) if (isUnder(key, id)) this.resources.delete(key)
    return existed
  }

  /** Resources of `type` at or under `scopeId`, in insertion order. */
  list(type: string, scopeId: string): StoredResource[] {
    return this.all().filter(r => lower(r.type) === lower(type) && isUnder(r.id, scopeId) && !sameKey(r.id, scopeId))
  }

  all(): StoredResource[] {
    return [...this.resources.values()]
  }
}

const sameKey = (a: string, b: string): boolean => lower(a) === lower(b)
