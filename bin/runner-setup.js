#!/usr/bin/env node
// The CLI ships inside the action's bundle (see src/index.ts): one build serves both.
// ESM evaluates a statically imported module before any line here runs, so the bundle is imported only after the
// Node version check; the check itself is written in syntax an older Node (Debian 12's is 18) still parses.
const REQUIRED_MAJOR = 24
const major = Number(process.versions.node.split('.')[0])
if (major < REQUIRED_MAJOR) {
  process.stderr.write(
    'runner-setup needs Node ' +
      REQUIRED_MAJOR +
      ' or newer; this is Node ' +
      process.versions.node +
      ' (' +
      process.execPath +
      ').\n' +
      'Inside a clone of runner-setup, run it with the Node that `npm ci` installs: `npx runner-setup ...`; ' +
      'otherwise install Node ' +
      REQUIRED_MAJOR +
      ' (https://nodejs.org/en/download) and put it first on the PATH.\n'
  )
  process.exit(1)
}
const { runCli } = await import('../dist/index.js')
process.exitCode = await runCli()
