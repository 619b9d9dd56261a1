/**
 * bin/runner-setup.js on every Node this machine has: an older Node is refused before the bundle loads (so before
 * any call, and before any file is read), naming the Node it needs and how to get it; Node 24 runs the CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { CLI_BUNDLE } from '../../emulator/worlds/world.js'

/** Every distinct Node binary: the ones on the PATH (Debian's, e.g. /usr/bin/node), /usr/bin/node, and this one. */
function nodesOnThisMachine(): { path: string; major: number }[] {
  const candidates = [process.execPath, '/usr/bin/node', '/usr/local/bin/node']
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(resolve(dir, 'node'))
  const seen = new Map<string, { path: string; major: number }>()
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue
    const real = realpathSync(candidate)
    if (seen.has(real)) continue
    const version = execFileSync(real, ['--version'], { encoding: 'utf8' }).trim()
    seen.set(real, { path: real, major: Number(version.replace(/^v/, '').split('.')[0]) })
  }
  return [...seen.values()]
}

describe('the CLI and the Node that runs it', () => {
  const nodes = nodesOnThisMachine()

  it('finds at least this Node', () => {
    expect(nodes.some(n => n.major >= 24)).toBe(true)
  })

  it.each(nodes.map(n => [`Node ${n.major} (${n.path})`, n] as const))('%s', (_, node) => {
    // A config that does not exist: Node 24 gets as far as reading it; an older Node must stop before that.
    const run = spawnSync(node.path, [CLI_BUNDLE, 'plan', '--offline', '--config', 'no-such-team.yaml'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH }
    })
    if (node.major < 24) {
      expect(run.status).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain(`runner-setup needs Node 24 or newer; this is Node ${node.major}.`)
      expect(run.stderr).toContain('npx runner-setup')
      expect(run.stderr).not.toContain('no-such-team.yaml')
      expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
    } else {
      expect(run.stderr).toContain('no-such-team.yaml')
      expect(run.stderr).not.toContain('needs Node')
      expect(run.status).toBe(1)
    }
  })
})
