/** The image-build action's bundle (actions/image-build/dist/index.js): `node` runs it; tests import `run`. */
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { run } from './main.js'

export { run }

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await run()
