/** Can the GitHub App mint a JIT runner for this team? What a runner's entrypoint does, with a throwaway name. */
import { randomBytes } from 'node:crypto'
import type { TeamConfig } from '../config/types.js'
import { oneLine } from '../http/errors.js'
import { mintInstallationToken } from '../github/installation.js'
import { deleteRunner, findRunnerGroupId, generateJitConfig } from '../github/runners.js'
import type { AppAccess } from './app-access.js'
import type { VerifyCheck } from './verify-check.js'

export const JIT_CHECK = 'jit config'
export const VERIFY_RUNNER_PREFIX = 'runner-setup-verify-'
/** Only this label: a throwaway runner must never match a team's queued job. */
export const VERIFY_RUNNER_LABEL = 'runner-setup-verify'

export async function checkJitConfig(config: TeamConfig, app: AppAccess): Promise<VerifyCheck> {
  const { gh, target } = app
  const name = `${VERIFY_RUNNER_PREFIX}${randomBytes(4).toString('hex')}`
  try {
    const { token } = await mintInstallationToken(gh, app.jwt(), app.installationId, target)
    const groupId =
      target.scope === 'org'
        ? (config.github.runnerGroupId ?? (await findRunnerGroupId(gh, token, target.owner, config.github.runnerGroup)))
        : 1
    const runner = await generateJitConfig(gh, token, target, {
      name,
      runnerGroupId: groupId,
      labels: [VERIFY_RUNNER_LABEL]
    })
    // Never busy: it has no listener and a label no job asks for.
    await deleteRunner(gh, token, target, runner.runnerId)
    const where =
      target.scope === 'org'
        ? `organization ${target.owner}, group "${config.github.runnerGroup}"`
        : `repository ${target.owner}/${target.repo}`
    return {
      name: JIT_CHECK,
      status: 'pass',
      detail: `App ${config.github.app.id} minted a JIT config for ${where} (runner ${name}, deleted again)`
    }
  } catch (error) {
    return { name: JIT_CHECK, status: 'fail', detail: oneLine(error) }
  }
}
