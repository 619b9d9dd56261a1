/** Key paths and their file positions: `a.b[2].c` → nearest ancestor that was present. */
import type { SourcePosition } from './types.js'

/** `network.peerings[0].remoteVnetId` → `network.peerings[0]` → `network.peerings` → `network` → ''. */
export function parentPath(path: string): string {
  const m = /^(.*?)(?:\[\d+\]|\.?[^.[\]]+)$/.exec(path)
  return m ? m[1] : ''
}

/** True when `other` is `path`, above it or below it. */
export function related(path: string, other: string): boolean {
  const within = (inner: string, outer: string) =>
    outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`)
  return within(path, other) || within(other, path)
}

export function nearestPosition(positions: (path: string) => SourcePosition | undefined, path: string): SourcePosition {
  for (let at = path; ; at = parentPath(at)) {
    const found = positions(at)
    if (found) return found
    if (at === '') return { line: 1, col: 1 }
  }
}
