/**
 * The processes of one emulated container. A real container's processes all die with it (its PID namespace and
 * cgroup go away), but here the entrypoint starts the runner in a session of its own, so killing
 * the entrypoint would orphan the runner. Every process of an execution carries CONTAINER_MARKER=<execution name>
 * in its environment (the entrypoint passes RUNNER_* settings on to the runner), which is how they are found.
 * Linux only: it reads /proc.
 */
import { readdirSync, readFileSync } from 'node:fs'

export const CONTAINER_MARKER = 'RUNNER_EMULATED_CONTAINER'

/** Pids of the live processes (this user's) that belong to the container. */
export function containerProcesses(container: string): number[] {
  const wanted = `${CONTAINER_MARKER}=${container}`
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(wanted) && !isZombie(entry))
        pids.push(Number(entry))
    } catch {
      // gone meanwhile, or another user's
    }
  }
  return pids
}

/** SIGKILL to every process of the container, as when Container Apps removes it. */
export function killContainer(container: string): void {
  for (const pid of containerProcesses(container)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

/** A zombie has exited; only its parent's wait is missing. */
function isZombie(pid: string): boolean {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z'
}
