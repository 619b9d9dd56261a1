/** Looks for secret values where a job step with root could look: process environments, argv, memory, files. */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface Finding {
  where: string
  needle: string
}

function search(where: string, haystack: Buffer | string, needles: string[]): Finding[] {
  return needles.filter(n => haystack.includes(n)).map(needle => ({ where, needle: needle.slice(0, 8) + '…' }))
}

/** Every /proc/<pid>/environ and cmdline this process can read. */
export function scanProcesses(needles: string[]): Finding[] {
  const findings: Finding[] = []
  for (const pid of readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    for (const file of ['environ', 'cmdline']) {
      try {
        findings.push(...search(`/proc/${pid}/${file}`, readFileSync(`/proc/${pid}/${file}`), needles))
      } catch {
        // gone, or not readable by us
      }
    }
  }
  return findings
}

/** Every readable mapping of one process (root only). */
export function scanMemory(pid: number, needles: string[]): { findings: Finding[]; bytes: number } {
  const findings: Finding[] = []
  let bytes = 0
  const fd = openSync(`/proc/${pid}/mem`, 'r')
  try {
    for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')) {
      const [range, perms] = line.split(' ')
      if (!range || !perms?.startsWith('r')) continue
      const [start, end] = range.split('-').map(h => parseInt(h, 16)) as [number, number]
      const length = Math.min(end - start, 512 * 1024 * 1024)
      const buffer = Buffer.alloc(length)
      try {
        bytes += readSync(fd, buffer, 0, length, start)
      } catch {
        continue // guard pages, vvar
      }
      findings.push(...search(`/proc/${pid}/mem ${range} ${line.split(/\s+/)[5] ?? ''}`, buffer, needles))
    }
  } finally {
    closeSync(fd)
  }
  return { findings, bytes }
}

/** Every regular file under root. */
export function scanFiles(root: string, needles: string[]): Finding[] {
  const findings: Finding[] = []
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const path = join(root, entry)
    try {
      if (statSync(path).isFile()) findings.push(...search(path, readFileSync(path), needles))
    } catch {
      // removed meanwhile
    }
  }
  return findings
}
