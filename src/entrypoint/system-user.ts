/**
 * The unprivileged runner user: looked up in /etc/passwd, and stripped of sudo before the runner starts.
 * The official runner image grants sudo through membership of the `sudo` group (`%sudo ... NOPASSWD`), others
 * through /etc/sudoers.d; both are removed. The runner needs no supplementary group in Container Apps.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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

/** Why this process cannot start the runner as `user`, if it cannot: switching users needs root. */
export function cannotSwitchTo(user: SystemUser, currentUid: number): string | undefined {
  if (currentUid === 0 || currentUid === user.uid) return undefined
  return `the entrypoint runs as uid ${currentUid} and cannot start the runner as ${user.name}: PID 1 must start as root (USER root in runner/Dockerfile)`
}

/** /etc/group text with `name` removed from every member list. */
export function withoutGroupMember(groupText: string, name: string): string {
  return groupText
    .split('\n')
    .map(line => {
      const fields = line.split(':')
      if (fields.length < 4) return line
      const members = fields[3]!.split(',').filter(m => m !== '' && m !== name)
      return [...fields.slice(0, 3), members.join(',')].join(':')
    })
    .join('\n')
}

/** A sudoers line that names the user (not a comment). Group grants are cut through /etc/group instead. */
export function sudoersNamesUser(text: string, name: string): boolean {
  const word = new RegExp(`(^|[\\s,=!(])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,=)])`)
  return text.split('\n').some(line => !line.trimStart().startsWith('#') && word.test(line))
}

/** Returns what it changed, for the log. */
export function removeSudoRights(user: string, files: { sudoersDir: string; groupFile: string }): string[] {
  const changed: string[] = []
  let entries: string[] = []
  try {
    entries = readdirSync(files.sudoersDir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  for (const entry of entries) {
    const path = join(files.sudoersDir, entry)
    if (sudoersNamesUser(readFileSync(path, 'utf8'), user)) {
      rmSync(path)
      changed.push(`removed ${path}`)
    }
  }
  const groups = readFileSync(files.groupFile, 'utf8')
  const stripped = withoutGroupMember(groups, user)
  if (stripped !== groups) {
    writeFileSync(files.groupFile, stripped)
    changed.push(`removed ${user} from its supplementary groups in ${files.groupFile}`)
  }
  return changed
}
