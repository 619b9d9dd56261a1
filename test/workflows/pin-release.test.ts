/**
 * The release's pinning step (scripts/pin-release.js), on a copy of the workflows: every inner use of the action in the
 * reusable workflows, the bootstrap action and the drift check is pinned to the released commit, nothing else changes,
 * the pinned files still pass the workflow checks, and bad input or a second pinning is refused.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { readText } from './files.js'
import { actionlintFindings } from './validate.js'
import { tempDir } from './run-step.js'

const PINNED = [
  '.github/workflows/reusable-setup.yml',
  '.github/workflows/reusable-verify.yml',
  '.github/workflows/reusable-teardown.yml',
  '.github/workflows/drift-check.yml',
  'actions/bootstrap/action.yml'
]
const SHA = 'c0ffee0000000000000000000000000000c0ffee'

function copyOfTheWorkflows(): string {
  const root = tempDir()
  for (const file of PINNED) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    cpSync(file, join(root, file))
  }
  return root
}

const pin = (root: string, sha = SHA, tag = 'v1.4.0') =>
  spawnSync(process.execPath, ['scripts/pin-release.js', '--root', root, '--sha', sha, '--tag', tag], {
    encoding: 'utf8'
  })

describe('release pinning', () => {
  it('pins every inner use to the released commit and changes nothing else', async () => {
    const root = copyOfTheWorkflows()
    const run = pin(root)
    expect(run.status).toBe(0)
    for (const file of PINNED) {
      const before = readText(file).split('\n')
      const after = readFileSync(join(root, file), 'utf8').split('\n')
      expect(after.length).toBe(before.length)
      const changed = after.filter((line, i) => line !== before[i])
      expect(changed.length).toBeGreaterThan(0)
      for (const line of changed)
        expect(line).toMatch(new RegExp(`uses: altinn/runner-setup(/\\S+)?@${SHA} # v1\\.4\\.0$`))
      // Every use is pinned; prose (a notice naming the action for teams) may still say @v1.
      const uses = after.filter(line => /^\s*(-\s+)?uses:/.test(line))
      expect(uses.join('\n')).not.toMatch(/altinn\/runner-setup(\/\S+)?@v1\b/)
    }
    const workflows = PINNED.filter(f => f.startsWith('.github/'))
    const lint = await actionlintFindings(
      workflows.map(path => ({ path, data: readFileSync(join(root, path), 'utf8') }))
    )
    for (const path of workflows) expect(lint[path]).toEqual([])
  })

  it('refuses a short SHA, a tag that is not vX.Y.Z, and files already pinned', () => {
    const root = copyOfTheWorkflows()
    expect(pin(root, 'c0ffee').stderr).toContain('--sha must be a full commit SHA')
    expect(pin(root, SHA, '1.4').stderr).toContain('--tag must be vX.Y.Z')
    expect(pin(root).status).toBe(0)
    const again = pin(root)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain("no 'uses: altinn/runner-setup…@v1' to pin (already pinned?)")
  })

  it('is what the release workflow runs, with the commit before the pinning commit', () => {
    const text = readText('.github/workflows/release.yml')
    expect(text).toContain('base="$(git rev-parse HEAD)"')
    expect(text).toContain('node scripts/pin-release.js --sha "$base" --tag "$tag"')
    expect(execFileSync('git', ['ls-files', 'scripts/pin-release.js'], { encoding: 'utf8' }).trim()).toBe(
      'scripts/pin-release.js'
    )
  })
})
