// Bundles the entry points with ncc. dist/ is committed whole; CI rebuilds and fails on any difference.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

// The action and the CLI share one bundle (src/index.ts); the runner entrypoint is small and stands alone, and so is
// the image-build action (actions/image-build/action.yml runs ../../dist/image-build/index.js), kept under dist/ so
// the one dist/ check covers it.
const bundles = [
  ['src/index.ts', 'dist'],
  ['src/entrypoint/index.ts', 'dist/entrypoint'],
  ['src/image-build/index.ts', 'dist/image-build']
]

rmSync('dist', { recursive: true, force: true })
for (const [entry, out] of bundles) {
  execFileSync('ncc', ['build', entry, '-o', out, '--transpile-only', '--quiet', '--no-source-map-register'], {
    stdio: 'inherit'
  })
}
