/**
 * Config files are read as an attacker might shape them: only regular files; a symbolic link only when it leads to
 * a regular file inside the folder it was found in (or, for a file named directly, inside the repository); at most
 * MAX_CONFIG_BYTES, checked on the open file before reading; UTF-8 only. A refusal names the path given, never the
 * link's target, and nothing of a refused file is read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import { ConfigError, type ConfigProblem } from './errors.js'

export const MAX_CONFIG_BYTES = 1024 * 1024

/** One file to read, and the folder a symbolic link in it must stay inside. */
export interface ConfigFile {
  path: string
  /** Real path of the folder; `rootLabel` is how the user wrote it. */
  root: string
  rootLabel: string
}

const PATH_HINT = 'check the path (CLI --config or --policy, action input config or policy)'
// O_NONBLOCK: opening a FIFO never waits for a writer. O_NOFOLLOW: a file swapped for a link after the checks is refused.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

/** Any other failure to read (permissions, I/O): the error's code only, never its target. */
export function unreadable(file: string, error: unknown): ConfigProblem {
  return {
    file,
    line: 1,
    col: 1,
    message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    hint: `${PATH_HINT} and its permissions`
  }
}

function refusal(file: string, message: string, hint: string, line = 1, col = 1): ConfigError {
  return new ConfigError([{ file, line, col, message, hint }])
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder'
  if (stat.isFIFO()) return 'a named pipe (FIFO)'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  if (stat.isSocket()) return 'a socket'
  return 'not a regular file'
}

function inside(root: string, real: string): boolean {
  const rel = relative(root, real)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * Files and folders to config files: a folder gives its *.yaml and *.yml entries, sorted. `repository` is the
 * folder a directly named path (or a link given as --config) must resolve inside.
 */
export function listConfigFiles(paths: string[], repository: string, problems: ConfigProblem[]): ConfigFile[] {
  const repoRoot = realpathSync(repository)
  const files: ConfigFile[] = []
  for (const path of paths) {
    try {
      const real = resolveWithin(path, repoRoot, 'the repository')
      const stat = lstatSync(real)
      if (!stat.isDirectory()) {
        files.push({ path, root: repoRoot, rootLabel: 'the repository' })
        continue
      }
      const found = readdirSync(real)
        .filter(name => /\.ya?ml$/.test(name))
        .sort()
      if (found.length === 0)
        throw refusal(path, 'the folder holds no .yaml or .yml files', 'put one config per file in it')
      files.push(...found.map(name => ({ path: join(path, name), root: real, rootLabel: path })))
    } catch (error) {
      if (error instanceof ConfigError) problems.push(...error.problems)
      else problems.push(unreadable(path, error))
    }
  }
  return files
}

/** The path itself, or the real path a symbolic link leads to when that is inside `root`; otherwise a refusal. */
function resolveWithin(path: string, root: string, rootLabel: string): string {
  const stat = lstatSync(path, { throwIfNoEntry: false })
  if (!stat) throw refusal(path, 'no such file or folder', PATH_HINT)
  if (!stat.isSymbolicLink()) return path
  let real: string
  try {
    real = realpathSync(path)
  } catch {
    throw refusal(path, 'is a symbolic link that leads nowhere', 'remove the link, or point it at a config file')
  }
  if (!inside(root, real)) {
    throw refusal(
      path,
      `is a symbolic link that leads outside ${rootLabel}; refused unread`,
      `only links to files inside ${rootLabel} are followed; copy the file in instead`
    )
  }
  return real
}

/** The text of one config file, or a ConfigError saying why it was not read. */
export function readConfigText(file: ConfigFile): string {
  const real = resolveWithin(file.path, file.root, file.rootLabel)
  const viaLink = real !== file.path
  const before = lstatSync(real)
  if (!before.isFile()) {
    const what = `${viaLink ? 'is a symbolic link to ' : 'is '}${kindOf(before)}`
    const hint = before.isDirectory()
      ? 'a folder of configs holds only files; rename or move this folder'
      : 'only regular files are read as configs'
    throw refusal(file.path, `${what}, not a config file`, hint)
  }
  let fd: number
  try {
    fd = openSync(real, OPEN_FLAGS)
  } catch (error) {
    throw refusal(file.path, `cannot open the file (${(error as NodeJS.ErrnoException).code})`, PATH_HINT)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw refusal(file.path, `changed while being read; it is now ${kindOf(stat)}`, PATH_HINT)
    if (stat.size > MAX_CONFIG_BYTES) throw tooLarge(file.path, stat.size)
    const bytes = readAtMost(fd, MAX_CONFIG_BYTES + 1)
    if (bytes.length > MAX_CONFIG_BYTES) throw tooLarge(file.path, bytes.length)
    return decodeUtf8(bytes, file.path)
  } finally {
    closeSync(fd)
  }
}

function tooLarge(path: string, size: number): ConfigError {
  return refusal(
    path,
    `is larger than 1 MiB (${size} bytes); refused unread`,
    'a config is a few kilobytes; check that this is the right file'
  )
}

function readAtMost(fd: number, limit: number): Buffer {
  const buffer = Buffer.alloc(limit)
  let length = 0
  while (length < limit) {
    const n = readSync(fd, buffer, length, limit - length, null)
    if (n === 0) break
    length += n
  }
  return buffer.subarray(0, length)
}

const UTF8_HINT = 'save the file as UTF-8'

/** Strict UTF-8 (a UTF-8 byte order mark is dropped); a refusal points at the first byte that is not. */
export function decodeUtf8(bytes: Buffer, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refusal(file, 'is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8', UTF8_HINT)
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  const lossy = new TextDecoder('utf-8').decode(body)
  const nul = lossy.indexOf('\0')
  let bad = -1
  let byteAt = 0
  let charAt = 0
  for (let i = lossy.indexOf('\uFFFD'); i !== -1; i = lossy.indexOf('\uFFFD', i + 1)) {
    byteAt += Buffer.byteLength(lossy.slice(charAt, i))
    charAt = i
    // A U+FFFD written in the file is three bytes EF BF BD; anything else is where decoding failed.
    if (body[byteAt] !== 0xef || body[byteAt + 1] !== 0xbf || body[byteAt + 2] !== 0xbd) {
      bad = i
      break
    }
  }
  if (bad !== -1 && (nul === -1 || bad < nul)) {
    const { line, col } = lineCol(lossy, bad)
    const hex = body[byteAt].toString(16).toUpperCase().padStart(2, '0')
    throw refusal(file, `not UTF-8: byte 0x${hex} at line ${line} is not a valid character`, UTF8_HINT, line, col)
  }
  if (nul !== -1) {
    const { line, col } = lineCol(lossy, nul)
    throw refusal(
      file,
      `not UTF-8 text: a NUL byte at line ${line} (UTF-16 without a byte order mark?)`,
      UTF8_HINT,
      line,
      col
    )
  }
  return lossy
}

function lineCol(text: string, index: number): { line: number; col: number } {
  const before = text.slice(0, index)
  const lastBreak = before.lastIndexOf('\n')
  return { line: before.split('\n').length, col: index - lastBreak }
}
