/**
 * Config files shaped by an attacker, fed to the built CLI bundle as a child process with a 128 MB heap ceiling:
 * alias bombs, deep nesting, huge files, bytes that are not UTF-8, symbolic links out of the folder, to devices,
 * to /etc/shadow and to FIFOs, a FIFO itself and a folder named like a config. Each must end at once with one
 * exact message, having read nothing it refused; the child's peak memory is measured and bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CLI_BUNDLE } from '../../emulator/worlds/world.js'

const MAX_RSS = new URL('../support/max-rss.js', import.meta.url).href
const MINIMAL = readFileSync('examples/teams/minimal.yaml', 'utf8')
/** Peak resident memory a refusal may take: Node itself needs about 60 MB. */
const MEMORY_CEILING_KB = 200 * 1024

interface Run {
  code: number | string | null
  stdout: string
  stderr: string
  maxRssKb: number
}

let dir: string

function runPlan(config: string): Promise<Run> {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`)
  const args = ['--max-old-space-size=128', '--import', MAX_RSS, resolve(CLI_BUNDLE)]
  return new Promise(done => {
    execFile(
      process.execPath,
      [...args, 'plan', '--offline', '--config', config],
      // The timeout is a guard against a hang, not a timing assertion.
      { env: { PATH: process.env.PATH, MAX_RSS_FILE: rssFile }, timeout: 20_000, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (error.code ?? error.signal ?? null) : 0
        let maxRssKb = Number.NaN
        try {
          maxRssKb = Number(readFileSync(rssFile, 'utf8'))
        } catch {
          // killed before it could write: maxRssKb stays NaN and the assertion below says so
        }
        done({ code, stdout, stderr, maxRssKb })
      }
    )
  })
}

/** Runs `plan --offline` on `config` and expects exactly the `FILE:LINE:COL: message` and hint lines given. */
async function expectRefused(config: string, ...lines: string[]): Promise<Run> {
  const run = await runPlan(config)
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
    code: 1,
    stdout: '',
    stderr: `${lines.join('\n')}\n`
  })
  expect(run.maxRssKb).toBeLessThan(MEMORY_CEILING_KB)
  return run
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-'))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('alias bombs', () => {
  it('the 900-byte "billion laughs" (9 levels of 9 aliases, 9^9 values) stops at the alias limit', async () => {
    const levels = ['lol1', 'lol2', 'lol3', 'lol4', 'lol5', 'lol6', 'lol7', 'lol8', 'lol9']
    const lines = [`${levels[0]}: &${levels[0]} [${Array(9).fill('"lolololololololololololo"').join(', ')}]`]
    for (let i = 1; i < levels.length; i++)
      lines.push(
        `${levels[i]}: &${levels[i]} [${Array(9)
          .fill(`*${levels[i - 1]}`)
          .join(', ')}]`
      )
    const text = `${lines.join('\n')}\n`
    expect(text.length).toBeGreaterThan(850)
    expect(text.length).toBeLessThan(950)
    await expectRefused(
      file('laughs.yaml', text),
      `${dir}/laughs.yaml:5:14: aliases expand to more than 10000 values (at *lol4); refused as an alias bomb`,
      '  hint: write the values out, or use fewer and smaller aliases'
    )
  })

  it('a 700-byte bomb of mappings, under a real team config', async () => {
    const lines = ['x0: &x0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}']
    for (let i = 1; i < 12; i++)
      lines.push(`x${i}: &x${i} {a: *x${i - 1}, b: *x${i - 1}, c: *x${i - 1}, d: *x${i - 1}, e: *x${i - 1}}`)
    const text = `${MINIMAL}tags:\n${lines.map(line => `  ${line}`).join('\n')}\n`
    expect(text.length - MINIMAL.length).toBeLessThan(750)
    await expectRefused(
      file('maps.yaml', text),
      `${dir}/maps.yaml:23:15: aliases expand to more than 10000 values (at *x4); refused as an alias bomb`,
      '  hint: write the values out, or use fewer and smaller aliases'
    )
  })

  it('one wide anchor repeated a thousand times: the alias that crosses the limit is named', async () => {
    const text = `big: &big [${Array(20).fill('x').join(', ')}]\nall: [${Array(1000).fill('*big').join(', ')}]\n`
    await expectRefused(
      file('wide.yaml', text),
      `${dir}/wide.yaml:2:2863: aliases expand to more than 10000 values (at *big); refused as an alias bomb`,
      '  hint: write the values out, or use fewer and smaller aliases'
    )
  })

  it('an alias inside its own anchor', async () => {
    await expectRefused(
      file('cycle.yaml', 'loop: &loop [a, *loop]\n'),
      `${dir}/cycle.yaml:1:17: alias *loop refers to a value that contains it`,
      '  hint: an alias may only repeat a finished value; remove the cycle'
    )
  })
})

describe('size and nesting', () => {
  it('a file over 1 MiB is refused before it is read (a 4 GiB sparse file too)', async () => {
    const big = file('big.yaml', `${MINIMAL}# ${'x'.repeat(1024 * 1024)}\n`)
    await expectRefused(
      big,
      `${big}:1:1: is larger than 1 MiB (${MINIMAL.length + 1024 * 1024 + 3} bytes); refused unread`,
      '  hint: a config is a few kilobytes; check that this is the right file'
    )
    const sparse = file('sparse.yaml', '')
    truncateSync(sparse, 4 * 1024 ** 3)
    await expectRefused(
      sparse,
      `${sparse}:1:1: is larger than 1 MiB (${4 * 1024 ** 3} bytes); refused unread`,
      '  hint: a config is a few kilobytes; check that this is the right file'
    )
  })

  const DEEP_HINT =
    '  hint: a config needs a few levels of keys and lists; look for unclosed or runaway [ or { brackets'

  it('100,000 nested brackets', async () => {
    await expectRefused(
      file('brackets.yaml', `team: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
      `${dir}/brackets.yaml:1:109: nested deeper than 100 levels`,
      DEEP_HINT
    )
  })

  it('100,000 unclosed nested mappings, and 100,000 nested block lists on one line', async () => {
    await expectRefused(
      file('maps-deep.yaml', `${'{a: '.repeat(100_000)}\n`),
      `${dir}/maps-deep.yaml:1:410: nested deeper than 100 levels`,
      DEEP_HINT
    )
    await expectRefused(
      file('dashes.yaml', `${'- '.repeat(100_000)}x\n`),
      `${dir}/dashes.yaml:1:206: nested deeper than 100 levels`,
      DEEP_HINT
    )
  })
})

describe('encodings', () => {
  const UTF8_HINT = '  hint: save the file as UTF-8'

  it('UTF-16 with a byte order mark, and without one', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL, 'utf16le')])
    await expectRefused(
      file('utf16.yaml', utf16),
      `${dir}/utf16.yaml:1:1: is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8`,
      UTF8_HINT
    )
    await expectRefused(
      file('utf16-bare.yaml', Buffer.from(MINIMAL, 'utf16le')),
      `${dir}/utf16-bare.yaml:1:2: not UTF-8 text: a NUL byte at line 1 (UTF-16 without a byte order mark?)`,
      UTF8_HINT
    )
  })

  it('a Latin-1 byte names its line and column', async () => {
    const latin1 = Buffer.from(MINIMAL.replace('team: minimal', 'team: minimal\ntags:\n  owner: Bjørn'), 'latin1')
    await expectRefused(
      file('latin1.yaml', latin1),
      `${dir}/latin1.yaml:4:12: not UTF-8: byte 0xF8 at line 4 is not a valid character`,
      UTF8_HINT
    )
  })
})

describe('what a config folder may hold', () => {
  let teams: string
  const secret = 'root:$6$SECRET-HASH-THAT-MUST-NOT-APPEAR:19000:0:99999:7:::'

  beforeAll(() => {
    teams = join(dir, 'teams')
    mkdirSync(teams)
    writeFileSync(join(dir, 'outside.yaml'), `${secret}\n`)
  })

  function alone(name: string, make: (path: string) => void): string {
    const folder = join(teams, name.replace(/\W/g, '-'))
    mkdirSync(folder)
    make(join(folder, name))
    return folder
  }

  it('a link to a file outside the folder is refused unread', async () => {
    const folder = alone('out.yaml', path => symlinkSync(join(dir, 'outside.yaml'), path))
    const run = await expectRefused(
      folder,
      `${folder}/out.yaml:1:1: is a symbolic link that leads outside ${folder}; refused unread`,
      `  hint: only links to files inside ${folder} are followed; copy the file in instead`
    )
    expect(run.stderr).not.toContain('SECRET')
    expect(run.stderr).not.toContain('outside.yaml')
  })

  it('a link to /etc/shadow: nothing of it is read or echoed', async () => {
    const folder = alone('shadow.yaml', path => symlinkSync('/etc/shadow', path))
    const run = await expectRefused(
      folder,
      `${folder}/shadow.yaml:1:1: is a symbolic link that leads outside ${folder}; refused unread`,
      `  hint: only links to files inside ${folder} are followed; copy the file in instead`
    )
    expect(run.stderr).not.toMatch(/root:|shadow:|\/etc/)
  })

  it('a link to /dev/zero', async () => {
    const folder = alone('zero.yaml', path => symlinkSync('/dev/zero', path))
    await expectRefused(
      folder,
      `${folder}/zero.yaml:1:1: is a symbolic link that leads outside ${folder}; refused unread`,
      `  hint: only links to files inside ${folder} are followed; copy the file in instead`
    )
  })

  it('/dev/zero named directly', async () => {
    await expectRefused(
      '/dev/zero',
      '/dev/zero:1:1: is a device, not a config file',
      '  hint: only regular files are read as configs'
    )
  })

  it('a FIFO, directly, in a folder, and behind a link in the folder', async () => {
    const folder = alone('pipe.yaml', path => execFileSync('mkfifo', [path]))
    const pipe = join(folder, 'pipe.yaml')
    const notAFile = [
      `${pipe}:1:1: is a named pipe (FIFO), not a config file`,
      '  hint: only regular files are read as configs'
    ]
    await expectRefused(pipe, ...notAFile)
    await expectRefused(folder, ...notAFile)
    symlinkSync('pipe.yaml', join(folder, 'via-link.yaml'))
    await expectRefused(
      folder,
      ...notAFile,
      `${folder}/via-link.yaml:1:1: is a symbolic link to a named pipe (FIFO), not a config file`,
      '  hint: only regular files are read as configs'
    )
  })

  it('a folder named x.yaml', async () => {
    const folder = alone('x.yaml', path => mkdirSync(path))
    await expectRefused(
      folder,
      `${folder}/x.yaml:1:1: is a folder, not a config file`,
      '  hint: a folder of configs holds only files; rename or move this folder'
    )
  })

  it('a broken link', async () => {
    const folder = alone('gone.yaml', path => symlinkSync(join(dir, 'no-such-file'), path))
    await expectRefused(
      folder,
      `${folder}/gone.yaml:1:1: is a symbolic link that leads nowhere`,
      '  hint: remove the link, or point it at a config file'
    )
  })

  it('a link to a regular file inside the folder is followed', async () => {
    const folder = alone('team.yaml', path => symlinkSync('minimal.txt', path))
    writeFileSync(join(folder, 'minimal.txt'), MINIMAL)
    const run = await runPlan(folder)
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    expect(run.stdout).toContain('minimal')
  })
})
