/**
 * Resolves reusable-workflow references offline for @actions/workflow-parser: `altinn/runner-setup/...@ref` is this
 * checkout (so the examples' calls are checked against the workflows they call), `./...` is the calling repository.
 */
import type { FileProvider } from '@actions/workflow-parser/workflows/file-provider'
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './files.js'

const thisRepository = 'altinn/runner-setup'

export function fileProviderFor(callerRoot: string): FileProvider {
  return {
    async getFileContent(ref: FileReference) {
      const root =
        'repository' in ref
          ? `${ref.owner}/${ref.repository}`.toLowerCase() === thisRepository
            ? repoRoot
            : undefined
          : join(repoRoot, callerRoot)
      const path = root && join(root, ref.path)
      if (!path || !existsSync(path)) throw new Error(`no such reusable workflow: ${JSON.stringify(ref)}`)
      return { name: ref.path, content: readFileSync(path, 'utf8') }
    }
  }
}

/** The repository a workflow file belongs to: `examples/team-repo` for its `.github/workflows/*`, else this one. */
export function callerRootOf(workflowPath: string): string {
  const at = workflowPath.indexOf('.github/workflows/')
  return at > 0 ? workflowPath.slice(0, at - 1) : '.'
}
