/** A config without pools is one pool: every example config of the release before pools plans no change. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseTeamConfig } from '../../src/config/load.js'
import { desiredResources } from '../../src/core/desired.js'
import { diffResource } from '../../src/core/diff.js'
import { resolveRefs, type RefLookup } from '../../src/core/refs.js'

interface Snapshot {
  text: string
  resources: { id: string; kind: string; absent: boolean; body: Record<string, unknown> }[]
}

/** Each example's text and the resources runner-setup desired from it before pools existed. */
const BEFORE = JSON.parse(
  readFileSync(new URL('../fixtures/before-pools/desired.json', import.meta.url), 'utf8')
) as Record<string, Snapshot>
const NOW = Date.UTC(2026, 11, 8, 10)
/** What Azure would have assigned: the same made-up value on both sides. */
const assigned: RefLookup = (id, property) => `${id}#${property}`

describe('upgrading to pools', () => {
  it.each(Object.keys(BEFORE))('%s: the same resources, each a no-op against what the old release wrote', file => {
    const before = BEFORE[file]!
    const after = desiredResources(parseTeamConfig(before.text, file), NOW)
    expect(after.map(r => r.id)).toEqual(before.resources.map(r => r.id))
    for (const resource of after) {
      const old = before.resources.find(r => r.id === resource.id)!
      // The old body stands for the live resource, with the values Azure assigned in place of its refs.
      const live = old.absent ? undefined : { id: old.id, body: resolveRefs(old.body, assigned).body }
      const diff = diffResource({ ...resource, body: resolveRefs(resource.body, assigned).body }, live)
      expect({ id: resource.id, action: diff.action, changes: diff.changes }).toEqual({
        id: resource.id,
        action: 'noop',
        changes: []
      })
    }
  })
})
