/**
 * The entrypoint as the tests run it: the shipped `main`, with test options (the runner's folder and user, short
 * delays) taken from one `--test-options=<json>` argument. The shipped bundle reads no such thing.
 */
import type { EntrypointOptions } from '../../src/entrypoint/config.js'
import { main } from '../../src/entrypoint/main.js'
import { TEST_OPTIONS_FLAG } from './options-flag.js'

const arg = process.argv.find(a => a.startsWith(TEST_OPTIONS_FLAG))
main(arg ? (JSON.parse(arg.slice(TEST_OPTIONS_FLAG.length)) as EntrypointOptions) : {})
