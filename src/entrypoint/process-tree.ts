/**
 * The runner's processes, found through /proc (Linux). run.sh starts in a session of its own, but it is not one
 * process group: with RUNNER_MANUALLY_TRAP_SIG=1 (set by the official image) the actions/runner run.sh turns on
 * job control (`set -m`), so run-helper.sh and Runner.Listener run in a process group of their own, and job steps
 * may make more. Signalling only run.sh's group misses the listener.
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
