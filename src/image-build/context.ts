/**
 * The build context as ACR Tasks takes it: a tar.gz of the context folder, without what `.dockerignore` excludes.
 * `.dockerignore` follows Docker's rules, not git's (a bare `foo` matches only at the context root), so it is read
 * with @balena/dockerignore, which implements Docker's matcher; `ignore` implements .gitignore's.
 */
import { createReadStream, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { pack as tarPack } from 'tar-stream'
import createIgnore from '@balena/dockerignore'
import { InputError } from '../commands/input-error.js'

/** The largest context (after `.dockerignore`, before compression) the action uploads: 256 MiB. */
export const MAX_CONTEXT_BYTES = 256 * 1024 * 1024

export interface ContextFile {
  /** Relative to the context, `/`-separated. */
  path: string
  size: number
  mode: number
  mtime: Date
  symlink?: string
}

export interface PackedContext {
  archive: Buffer
  files: number
  /** Sum of the file sizes, before compression. */
  bytes: number
}

/** The files the build will see; refuses a missing context or Dockerfile and a context over the limit. */
export function contextFiles(context: string, dockerfile: string, maxBytes = MAX_CONTEXT_BYTES): ContextFile[] {
  if (!existsSync(context) || !statSync(context).isDirectory())
    throw new InputError(
      `Input 'context' is '${context}', which is not a folder: check out the repository first, or fix the path.`
    )
  const dockerfilePath = join(context, dockerfile)
  if (!existsSync(dockerfilePath) || !statSync(dockerfilePath).isFile())
    throw new InputError(
      `No Dockerfile at ${dockerfilePath}: input 'dockerfile' (${dockerfile}) is relative to the context (${context}). Nothing was uploaded.`
    )
  const rules = readDockerignore(context)
  const ignored = createIgnore().add(rules)
  // Without `!` exceptions an ignored folder can be skipped whole; with them, its files must each be asked.
  const canPrune = !rules.some(rule => rule.trim().startsWith('!'))
  // Docker sends the Dockerfile and .dockerignore even when .dockerignore lists them.
  const alwaysSent = new Set([dockerfile, '.dockerignore'])
  const files: ContextFile[] = []
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(context, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name
      const full = join(context, path)
      if (entry.isDirectory()) {
        if (canPrune && ignored.ignores(path)) continue
        walk(path)
        continue
      }
      if (ignored.ignores(path) && !alwaysSent.has(path)) continue
      const stat = lstatSync(full)
      if (stat.isSymbolicLink())
        files.push({ path, size: 0, mode: stat.mode, mtime: stat.mtime, symlink: readlinkSync(full) })
      else if (stat.isFile()) files.push({ path, size: stat.size, mode: stat.mode, mtime: stat.mtime })
    }
  }
  walk('')
  const total = files.reduce((sum, f) => sum + f.size, 0)
  if (total > maxBytes) throw new InputError(tooLarge(context, files, total, maxBytes))
  return files
}

/** Packs the files as a gzipped tar, in memory (the context is bounded by MAX_CONTEXT_BYTES). */
export async function packContext(context: string, files: ContextFile[]): Promise<PackedContext> {
  const tar = tarPack()
  const chunks: Buffer[] = []
  const compressed = pipeline(tar, createGzip(), async (gzipped: AsyncIterable<Buffer>) => {
    for await (const chunk of gzipped) chunks.push(chunk)
  })
  for (const file of files) {
    const header = { name: file.path, mode: file.mode & 0o7777, mtime: file.mtime }
    if (file.symlink !== undefined) {
      tar.entry({ ...header, type: 'symlink', linkname: file.symlink })
      continue
    }
    const entry = tar.entry({ ...header, type: 'file', size: file.size })
    await pipeline(createReadStream(join(context, file.path)), entry)
  }
  tar.finalize()
  await compressed
  return { archive: Buffer.concat(chunks), files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) }
}

function readDockerignore(context: string): string[] {
  const path = join(context, '.dockerignore')
  return existsSync(path) ? readFileSync(path, 'utf8').split(/\r?\n/) : []
}

/** Names the biggest top-level entries, so the fix (add them to .dockerignore) is obvious. */
function tooLarge(context: string, files: ContextFile[], total: number, maxBytes: number): string {
  const byTop = Map.groupBy(files, f => (f.path.includes('/') ? `${f.path.split('/')[0]}/` : f.path))
  const biggest = [...byTop]
    .map(([name, group]) => ({ name, size: group.reduce((sum, f) => sum + f.size, 0) }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 5)
    .map(e => `${e.name} ${mib(e.size)}`)
  return `The build context ${context} is ${mib(total)} after .dockerignore, over the ${mib(maxBytes)} limit. Largest: ${biggest.join(', ')}. Add what the build does not need to ${join(context, '.dockerignore')} (e.g. .git, node_modules, build output). Nothing was uploaded.`
}

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
