/** The workflow and action files this repository ships, found on disk so a new file is validated without a list. */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** Repositories whose `.github/workflows` folders hold workflows: this one and the examples. */
const workflowRoots = ['.', 'examples/platform-repo', 'examples/team-repo']

function yamlFilesIn(dir: string): string[] {
  if (!existsSync(join(repoRoot, dir))) return []
  return readdirSync(join(repoRoot, dir))
    .filter(name => /\.ya?ml$/.test(name))
    .sort()
    .map(name => join(dir, name))
}

/** Paths relative to the repository root, e.g. `.github/workflows/ci.yml`. */
export function workflowFiles(): string[] {
  return workflowRoots.flatMap(root => yamlFilesIn(join(root, '.github/workflows'))).map(p => relative('.', p))
}

export function actionFiles(): string[] {
  const subActions = readdirSync(join(repoRoot, 'actions'))
    .map(name => join('actions', name, 'action.yml'))
    .filter(path => existsSync(join(repoRoot, path)))
  return ['action.yml', ...subActions.sort()]
}

export function readText(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8')
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Yaml = any

export function readYaml(path: string): Yaml {
  return parse(readText(path))
}
