/**
 * One bundle, two doors. `node dist/index.js` (action.yml's `main`) runs the action; the `runner-setup` command
 * (bin/runner-setup.js) imports `runCli` from the same bundle, so the action and the CLI ship as one build.
 */
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { run } from './action/main.js'

export { runCli } from './cli/run-cli.js'
/** For the bundle tests, which run it as a child process with injected options. */
export { run }

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await run()
