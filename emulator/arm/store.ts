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
  /** Told of every put and delete (by id, the resource or undefined once gone): Resource Graph's index follows them. */
  private readonly listeners: ((id: string, resource: StoredResource | undefined) => void)[] = []

  onChange(listener: (id: string, resource: StoredResource | undefined) => void): void {
    this.listeners.push(listener)
  }

  get(id: string): StoredResource | undefined {
    return this.resources.get(lower(id))
  }

  has(id: string): boolean {
    return this.resources.has(lower(id))
  }

  put(resource: StoredResource): void {
    const stored = { ...resource, body: structuredClone(resource.body) }
    this.resources.set(lower(resource.id), stored)
    for (const listener of this.listeners) listener(resource.id, stored)
  }

  /** Removes the resource and everything under it (children and extension resources). */
  delete(id: string): boolean {
    const existed = this.resources.delete(lower(id))
    if (existed) for (const listener of this.listeners) listener(id, undefined)
    for (const key of [...this.resources.keys()])
      if (isUnder(key, id)) {
        this.resources.delete(key)
        for (const listener of this.listeners) listener(key, undefined)
      }
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
