/** The onboarding settings, checked once per team and completed from its config. */
import type { TeamConfig } from '../../config/types.js'
import { InputError } from '../input-error.js'
import type { OnboardSettings } from '../settings.js'
import { environmentProblem, repositoryProblem } from './constraints.js'
import { DEFAULT_ENVIRONMENT, GITHUB_ISSUER, type OnboardTarget } from './identities.js'

const GROUP_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[-\w._()]{1,90}$/i

export function onboardTarget(settings: OnboardSettings | undefined, config: TeamConfig): OnboardTarget {
  const platformGroupId = settings?.platformGroupId
  if (!platformGroupId || !GROUP_ID.test(platformGroupId))
    throw new InputError(
      `onboard needs the platform's resource group for the teams' identities as an ARM id (/subscriptions/<id>/resourceGroups/<name>): CLI --platform-group, action input platform-group${platformGroupId ? `; got '${platformGroupId}'` : ''}.`
    )
  const repository = settings?.repository ?? `${config.github.owner}/${config.github.repos[0]}`
  const environment = settings?.environment ?? DEFAULT_ENVIRONMENT
  const problem = repositoryProblem(repository) ?? environmentProblem(environment)
  if (problem) throw new InputError(problem)
  return { platformGroupId, repository, environment, issuer: settings?.issuer ?? GITHUB_ISSUER }
}
