/**
 * The unprivileged runner user, looked up in /etc/passwd. Nothing here edits /etc/group or sudoers: the runner is
 * started with the kernel's no_new_privs flag (runner-process.ts), which makes every such grant useless to it.
 */
import { readFileSync } from 'node:fs'
import { EntrypointError } from './errors.js'

export interface SystemUser {
  name: string
  uid: number
  gid: number
  home: string
  shell: string
}

export function parsePasswd(text: string, name: string): SystemUser | undefined {
  for (const line of text.split('\n')) {
    const [user, , uid, gid, , home, shell] = line.split(':')
    if (user === name && uid !== undefined && gid !== undefined) {
      return { name, uid: Number(uid), gid: Number(gid), home: home || '/', shell: (shell ?? '').trim() || '/bin/sh' }
    }
  }
  return undefined
}

export function lookupUser(passwdFile: string, name: string): SystemUser {
  const user = parsePasswd(readFileSync(passwdFile, 'utf8'), name)
  if (!user)
    throw new EntrypointError(
      `user "${name}" is not in ${passwdFile}: use an image based on ghcr.io/actions/actions-runner (see runner/Dockerfile)`
    )
  return user
}

/**
 * Why this process cannot start the runner as `user`, if it cannot. Switching users needs root; a runner running
 * as root would own the container.
 */
export function cannotSwitchTo(user: SystemUser, currentUid: number): string | undefined {
  if (user.uid === 0)
    return `the runner user ${user.name} is root (uid 0): job steps would own the container; use the image's unprivileged runner user`
  if (currentUid === 0 || currentUid === user.uid) return undefined
  return `the entrypoint runs as uid ${currentUid} and cannot start the runner as ${user.name}: PID 1 must start as root (USER root in runner/Dockerfile)`
}
