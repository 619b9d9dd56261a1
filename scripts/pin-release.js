// Release pinning: rewrites every inner `uses: altinn/runner-setup[/path]@v1` of the reusable workflows, the
// bootstrap action and the drift check to `@<sha> # <tag>`, where <sha> is the commit before the pinning commit (a
// commit cannot name its own SHA). A caller who pins a workflow of the release then runs exactly that action too.
//
//   node scripts/pin-release.js --sha <40 hex> --tag vX.Y.Z [--root DIR]
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

export const PINNED_FILES = [
  '.github/workflows/reusable-setup.yml',
  '.github/workflows/reusable-verify.yml',
  '.github/workflows/reusable-teardown.yml',
  '.github/workflows/drift-check.yml',
  'actions/bootstrap/action.yml'
]

const INNER_USE = /^(\s*(?:-\s+)?uses:\s*altinn\/runner-setup(?:\/[^@\s]+)?)@v1(?:\s+#.*)?$/

/** The file's text with each inner use pinned, and how many it pinned. */
export function pinText(text, sha, tag) {
  let count = 0
  const lines = text.split('\n').map(line => {
    const match = INNER_USE.exec(line)
    if (!match) return line
    count++
    return `${match[1]}@${sha} # ${tag}`
  })
  return { text: lines.join('\n'), count }
}

export function pinRelease({ root, sha, tag }) {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`--sha must be a full commit SHA (40 hex digits), got '${sha}'`)
  if (!/^v\d+\.\d+\.\d+$/.test(tag)) throw new Error(`--tag must be vX.Y.Z, got '${tag}'`)
  return PINNED_FILES.map(file => {
    const path = join(root, file)
    const { text, count } = pinText(readFileSync(path, 'utf8'), sha, tag)
    if (count === 0) throw new Error(`${file}: no 'uses: altinn/runner-setup…@v1' to pin (already pinned?)`)
    writeFileSync(path, text)
    return { file, count }
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({
      options: { sha: { type: 'string' }, tag: { type: 'string' }, root: { type: 'string', default: '.' } }
    })
    const pinned = pinRelease({ root: values.root, sha: values.sha ?? '', tag: values.tag ?? '' })
    for (const { file, count } of pinned) console.log(`${file}: ${count} pinned to ${values.sha} (${values.tag})`)
  } catch (error) {
    console.error(`pin-release: ${error.message}`)
    process.exit(1)
  }
}
