// Bundles the entry points with ncc. dist/ is committed whole; CI rebuilds and fails on any difference.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

// The action and the CLI share one bundle (src/index.ts); the runner entrypoint is small and stands alone.
const bundles = [
  ['src/index.ts', 'dist'],
  ['src/entrypoint/index.ts', 'dist/entrypoint']
]

rmSync('dist', { recursive: true, force: true })
for (const [entry, out] of bundles) {
  execFileSync('ncc', ['build', entry, '-o', out, '--transpile-only', '--quiet', '--no-source-map-register'], {
    stdio: 'inherit'
  })
}
