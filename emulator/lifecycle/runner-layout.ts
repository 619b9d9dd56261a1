/**
 * The runner's folder as the official image has it, where it matters to the entrypoint: `run.sh`, which starts
 * `run-helper.sh`, which starts `bin/Runner.Listener`; the listener starts `bin/Runner.Worker` for its job, and the
 * worker runs the job's steps (RUNNER_FAKE_STEP, a script, stands for them) with its output relayed by the listener.
 * The entrypoint starts bin/Runner.Listener itself and never runs run.sh or run-helper.sh; they are here because the
 * real folder has them, owned (like everything in it) by the runner user, so a job step can rewrite them: what PID 1
 * must not trust.
 * Written here from how actions/runner v2.336.0 behaves (src/Misc/layoutroot/run.sh, run-helper.sh.template and
 * Runner.Listener's return codes), not copied:
 * - with RUNNER_MANUALLY_TRAP_SIG set (the official image sets it), run.sh turns on job control (`set -m`), so the
 *   helper and the listener run in a process group of their own; run.sh traps INT and TERM and sends SIGINT to that
 *   group, then exits 128+signal (143 after SIGTERM) once the helper is gone;
 * - run-helper.sh prints which code the listener exited with, then maps it: 0 → 0; 7 with
 *   ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE=1 → 7; 1 (terminated) → 0; 2 → 2; 3 and 4 (updating) → 2
 *   after waiting for the update; 5 (session conflict) → 0; any other → 0;
 * - run.sh starts the helper again on 2, passes 7 on (same setting), and otherwise exits 0 (without job control)
 *   or the helper's code (with it).
 */
import { chmodSync, chownSync, copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const FAKE_LISTENER = resolve(import.meta.dirname, 'fake-listener.ts')

const RUN_SH = `#!/bin/bash
# Emulated runner: run.sh (see runner-layout.ts).
here="$(cd "$(dirname "$0")" && pwd)"
deprecatedPassesOn() { [[ "$ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE" == "1" && $1 -eq 7 ]]; }
if [[ -z "$RUNNER_MANUALLY_TRAP_SIG" ]]; then
  while :; do
    "$here/run-helper.sh" "$@"; code=$?
    [[ $code -eq 2 ]] && { echo "Restarting runner..."; continue; }
    echo "Exiting runner..."
    deprecatedPassesOn $code && exit $code
    exit 0
  done
fi
set -m
trap 'kill -INT -$helper' INT TERM
while :; do
  "$here/run-helper.sh" "$@" &
  helper=$!
  wait $helper; code=$?
  [[ $code -eq 2 ]] && { echo "Restarting runner..."; continue; }
  echo "Exiting runner..."
  deprecatedPassesOn $code && exit $code
  trap - INT TERM
  wait $helper
  exit $code
done
`

const RUN_HELPER_SH = `#!/bin/bash
# Emulated runner: run-helper.sh (see runner-layout.ts).
here="$(cd "$(dirname "$0")" && pwd)"
"$here/bin/Runner.Listener" run "$@"; code=$?
case $code in
  0) echo "Runner listener exit with 0 return code, stop the service, no retry needed."; exit 0 ;;
  7) if [[ "$ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE" == "1" ]]; then
       echo "Runner listener exit with deprecated version exit code: $code."; exit 7
     fi
     echo "Exiting with unknown error code: $code"; exit 0 ;;
  1) echo "Runner listener exit with terminated error, stop the service, no retry needed."; exit 0 ;;
  2) echo "Runner listener exit with retryable error, re-launch runner in 5 seconds."; exit 2 ;;
  3|4) echo "Runner listener exit because of updating, re-launch runner after successful update"; exit 2 ;;
  5) echo "Runner listener exit with Session Conflict error, stop the service, no retry needed."; exit 0 ;;
  *) echo "Exiting with unknown error code: $code"; exit 0 ;;
esac
`

/**
 * The job's work: its step (RUNNER_FAKE_STEP, when given), then it runs until the listener tells it (SIGUSR1) that
 * GitHub's side has the job's steps done, and ends with the job's result (0 success, 1 failure). SIGINT or SIGTERM
 * (the runner cancelled) end it at once.
 */
const WORKER = `#!/bin/bash
# Emulated runner: bin/Runner.Worker <exit code> (see runner-layout.ts).
# Its output through a real pipe, as the real worker's: a step can open it through /proc/<worker>/fd/1.
exec > >(cat) 2>&1
trap 'exit "$1"' USR1
trap 'exit 130' INT TERM
if [[ -n "$RUNNER_FAKE_STEP" ]]; then "$RUNNER_FAKE_STEP"; fi
while :; do sleep 0.02; done
`

/**
 * Writes the runner folder into `dir` (made mode 0755) and returns the path of its run.sh. Everything the runner
 * executes lives inside the folder, the listener's script and the Node that runs it included: the runner is
 * another user when the tests run as root, and may not enter the checkout (a clone under /root or a mode-0700
 * directory). `nodePath`: a Node the runner user can reach (nodeFor); default, one linked into this folder.
 * `owner`: the runner user, who owns the folder and every file in it (but the linked Node), as in the official image.
 */
export function writeRunnerLayout(dir: string, nodePath?: string, owner?: { uid: number; gid: number }): string {
  mkdirSync(join(dir, 'bin'), { recursive: true })
  chmodSync(dir, 0o755)
  const node = nodePath ?? nodeFor(join(dir, 'bin'))
  // .mts: an ES module wherever it is copied, with no package.json beside it.
  const files: [string, string][] = [
    ['run.sh', RUN_SH],
    ['run-helper.sh', RUN_HELPER_SH],
    ['bin/Runner.Listener', `#!/bin/sh\nexec "${node}" --no-warnings "$(dirname "$0")/fake-listener.mts" "$@"\n`],
    ['bin/Runner.Worker', WORKER]
  ]
  for (const [name, text] of files) {
    writeFileSync(join(dir, name), text)
    chmodSync(join(dir, name), 0o755)
  }
  copyFileSync(FAKE_LISTENER, join(dir, 'bin', 'fake-listener.mts'))
  chmodSync(join(dir, 'bin', 'fake-listener.mts'), 0o644)
  if (owner)
    for (const path of [
      dir,
      join(dir, 'bin'),
      join(dir, 'bin', 'fake-listener.mts'),
      ...files.map(([name]) => join(dir, name))
    ])
      chownSync(path, owner.uid, owner.gid)
  return join(dir, 'run.sh')
}

/**
 * This process's Node at `dir/node` (dir is mode 0755): a hard link when on the same file system (no bytes copied),
 * a copy otherwise. The checkout's own Node (node_modules/node) may sit where the runner user cannot reach it.
 */
export function nodeFor(dir: string): string {
  const target = join(dir, 'node')
  try {
    linkSync(process.execPath, target)
  } catch {
    copyFileSync(process.execPath, target)
    chmodSync(target, 0o755)
  }
  return target
}
