/**
 * The runner's processes, found through /proc (Linux). The listener starts in a session of its own, but job steps
 * may make process groups and sessions of their own, and a double-forked daemon leaves the tree altogether: in a
 * container it is re-parented to PID 1. So the container's PID 1 ends every process but itself once the listener
 * has ended (`endAllButSelf`); the tree walk is for a stop signal, and for an entrypoint that is not PID 1.
 */
import { readdirSync, readFileSync } from 'node:fs'

export interface ProcessInfo {
  pid: number
  ppid: number
  pgid: number
  sid: number
  /** The kernel's short name: the executable's (or script's) file name, at most 15 characters. */
  comm: string
}

/** Parses /proc/<pid>/stat; undefined for a zombie (it has exited, only its parent's wait is missing). */
export function parseStat(text: string): ProcessInfo | undefined {
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  const [state, ppid, pgid, sid] = text.slice(close + 2).split(' ')
  if (state === 'Z' || state === 'X') return undefined
  return {
    pid: Number(text.slice(0, open)),
    ppid: Number(ppid),
    pgid: Number(pgid),
    sid: Number(sid),
    comm: text.slice(open + 1, close)
  }
}

export function listProcesses(proc = '/proc'): ProcessInfo[] {
  const found: ProcessInfo[] = []
  for (const entry of readdirSync(proc)) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const info = parseStat(readFileSync(`${proc}/${entry}/stat`, 'latin1'))
      if (info) found.push(info)
    } catch {
      // gone meanwhile
    }
  }
  return found
}

/**
 * The live processes of the runner started as `rootPid` (a session leader): its session, and every descendant
 * (one that started a session of its own is still a descendant while its parent lives; one orphaned on purpose
 * is reparented to PID 1, so the container's end takes it).
 */
export function runnerTree(rootPid: number, processes: ProcessInfo[]): ProcessInfo[] {
  const tree = new Map(processes.filter(p => p.sid === rootPid || p.pid === rootPid).map(p => [p.pid, p]))
  for (let grew = true; grew;) {
    grew = false
    for (const p of processes) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.set(p.pid, p)
        grew = true
      }
    }
  }
  return [...tree.values()]
}

/**
 * Sends `signal` once to every process of the tree: through its process group (which reaches a process that forks
 * meanwhile), or directly when it has none of its own. Once, because a shell's trap runs once per delivery, and the
 * real run.sh forwards each stop it traps to the listener.
 */
export function signalTree(rootPid: number, signal: NodeJS.Signals, processes = listProcesses()): number {
  const tree = runnerTree(rootPid, processes)
  const send = (target: number): void => {
    try {
      process.kill(target, signal)
    } catch {
      // already gone
    }
  }
  for (const pgid of new Set(tree.map(p => p.pgid))) if (pgid > 1) send(-pgid)
  for (const p of tree) if (p.pgid <= 1) send(p.pid)
  return tree.length
}

/** Whether this process is its PID namespace's init, as the container's entrypoint is: it can end all the rest. */
export const isInit = (): boolean => process.pid === 1

/**
 * As PID 1 (root): SIGKILL to every other process of the container (kill(2) with pid -1 reaches all but the caller
 * and init), until none is left, or `waitMs` has passed. Returns how many were left at the first look.
 */
export async function endAllButSelf(waitMs: number, processes = listProcesses): Promise<number> {
  if (!isInit()) throw new Error('only the PID namespace init may signal every process')
  const first = processes().filter(p => p.pid !== 1).length
  const deadline = Date.now() + waitMs
  while (processes().some(p => p.pid !== 1) && Date.now() < deadline) {
    try {
      process.kill(-1, 'SIGKILL')
    } catch {
      // ESRCH: none left
    }
    await new Promise(resolve => setTimeout(resolve, 10))
  }
  return first
}
