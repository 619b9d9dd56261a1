// Bundles the three entry points with ncc. dist/ is committed whole; CI rebuilds and fails on any difference.
import { execFileSync } from 'node:child_process'
import { rmSync, chmodSync } from 'node:fs'

const bundles = [
  ['src/action/index.ts', 'dist'],
  ['src/cli/index.ts', 'dist/cli'],
  ['src/entrypoint/index.ts', 'dist/entrypoint']
]

rmSync('dist', { recursive: true, force: true })
for (const [entry, out] of bundles) {
  execFileSync('ncc', ['build', entry, '-o', out, '--transpile-only', '--quiet', '--no-source-map-register'], {
    stdio: 'inherit'
  })
}
chmodSync('dist/cli/index.js', 0o755)
