/**
 * A hostile job step, as the runner's listener: what a job can try, as the runner user, to become root, join a privileged group,
 * or read a credential from PID 1 (its parent). Each attempt writes what it got to record/<attack>; the test decides
 * what counts as a breach. It tells the entrypoint it runs a job (so no idle stop), waits for the test's go (with
 * an address in PID 1's heap, as a stronger attacker would know it), attacks, and ends when the test says so.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Attacker {
  runnerDir: string
  folder: string
  /** What one attack recorded ('' when it recorded nothing). */
  record(name: string): string
  /** What the probe recorded for each setuid/setgid binary, in the order given. */
  setid(): (string | undefined)[]
  has(name: string): boolean
  go(heapAddress: bigint): void
  finish(): void
}

/** `binaries`: every setuid/setgid file on the machine. `groups`: privileged groups the user is a member of. */
export function writeAttacker(dir: string, binaries: string[], groups: string[]): Attacker {
  const folder = mkdtempSync(join(dir, 'attacker-'))
  chmodSync(folder, 0o777)
  writeFileSync(join(folder, 'setid.list'), binaries.join('\n') + '\n')
  writeFileSync(join(folder, 'groups.list'), groups.join('\n') + '\n')
  const script = String.raw`#!/bin/bash
here="$(cd "$(dirname "$0")/.." && pwd)"
rec="$here/record"
mkdir -p "$rec/setid"
target=$PPID
echo "Running job: attack"
grep -E '^(Uid|Gid|Groups|NoNewPrivs|CapEff|CapPrm|CapBnd):' /proc/self/status > "$rec/status"
echo started > "$rec/started"
while [ ! -f "$rec/go" ]; do sleep 0.02; done
heap=$(cat "$rec/go")

# Every setuid/setgid binary. The dynamic loader prints the kernel's auxiliary vector when LD_SHOW_AUXV is set,
# unless the exec was privileged (AT_SECURE), when it ignores the variable: AT_SECURE 0 with the runner's own
# AT_EUID/AT_EGID shows the exec granted nothing.
# A binary the user may not even execute records "Permission denied".
n=0
while read -r b; do
  LD_SHOW_AUXV=1 "$b" --help < /dev/null 2>&1 | grep -E '^AT_(SECURE|UID|EUID|GID|EGID):|Permission denied' > "$rec/setid/$n"
  n=$((n + 1))
done < "$here/setid.list"

# Groups the runner user belongs to in /etc/group and /etc/gshadow (as the official image sets up sudo).
while read -r g; do
  sg "$g" -c 'id' > "$rec/sg-$g" 2>&1 < /dev/null; echo "rc=$?" >> "$rec/sg-$g"
  echo id | newgrp "$g" > "$rec/newgrp-$g" 2>&1; echo "rc=$?" >> "$rec/newgrp-$g"
done < "$here/groups.list"
if command -v sudo > /dev/null; then
  sudo -n id > "$rec/sudo" 2>&1 < /dev/null; echo "rc=$?" >> "$rec/sudo"
  sudo -n -u '#0' id > "$rec/sudo-uid" 2>&1 < /dev/null; echo "rc=$?" >> "$rec/sudo-uid"
fi
su -c id root > "$rec/su" 2>&1 < /dev/null; echo "rc=$?" >> "$rec/su"
if command -v pkexec > /dev/null; then pkexec id > "$rec/pkexec" 2>&1 < /dev/null; echo "rc=$?" >> "$rec/pkexec"; fi

# PID 1: its environment, its memory (through maps, and at a known heap address), its open files, ptrace, a core dump.
{ tr '\0' '\n' < /proc/$target/environ; } > "$rec/environ" 2>&1; echo "rc=$?" >> "$rec/environ"
cat /proc/$target/maps > "$rec/maps" 2>&1; echo "rc=$?" >> "$rec/maps"
dd if=/proc/$target/mem of="$rec/mem-bytes" bs=4096 skip=$((heap / 4096)) count=16 > "$rec/mem" 2>&1
echo "rc=$?" >> "$rec/mem"
ls -l /proc/$target/fd/ > "$rec/fd" 2>&1; echo "rc=$?" >> "$rec/fd"
for f in /proc/$target/fd/*; do cat "$f" 2>&1 | head -c 4096; done > "$rec/fd-read" 2>&1
ls /proc/$target/cwd/ /proc/$target/root/ > "$rec/cwd" 2>&1; echo "rc=$?" >> "$rec/cwd"
if command -v gdb > /dev/null; then
  timeout 20 gdb -nx -batch -p $target -ex 'info proc' > "$rec/ptrace" 2>&1 < /dev/null; echo "rc=$?" >> "$rec/ptrace"
fi
kill -ABRT $target > "$rec/core" 2>&1; echo "rc=$?" >> "$rec/core"
[ -d /proc/$target ] && echo "alive" >> "$rec/core"

# Every other process: environment and command line.
for p in /proc/[0-9]*; do
  [ "$p" = "/proc/$$" ] && continue
  tr '\0' '\n' < "$p/environ" 2>/dev/null
  tr '\0' ' ' < "$p/cmdline" 2>/dev/null; echo
done > "$rec/processes"

echo done > "$rec/done"
while [ ! -f "$rec/finish" ]; do sleep 0.02; done
exit 0
`
  mkdirSync(join(folder, 'bin'))
  const listener = join(folder, 'bin', 'Runner.Listener')
  writeFileSync(listener, script)
  chmodSync(listener, 0o755)
  const path = (name: string): string => join(folder, 'record', name)
  return {
    runnerDir: folder,
    folder,
    record: name => (existsSync(path(name)) ? readFileSync(path(name), 'utf8') : ''),
    setid: () => {
      const done = new Set(readdirSync(path('setid')))
      return binaries.map((_, n) =>
        done.has(String(n)) ? readFileSync(join(path('setid'), String(n)), 'utf8') : undefined
      )
    },
    has: name => existsSync(path(name)),
    go: address => writeFileSync(path('go'), address.toString()),
    finish: () => writeFileSync(path('finish'), '')
  }
}
