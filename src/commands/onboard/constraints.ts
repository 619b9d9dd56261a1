/**
 * Plan constraints on federated credentials (Microsoft Learn, "Important considerations and restrictions for federated
 * identity credentials"): at most 20 per identity, and the subject is matched exactly (case-sensitive, no wildcards),
 * so a subject is refused before any write unless it is exactly `repo:OWNER/REPO:environment:ENV`. Writes to one
 * identity's credentials never overlap: the plan makes each credential write exclusive on its identity (core/exclusive).
 */
export const MAX_CREDENTIALS_PER_IDENTITY = 20

/** GitHub's owner and repository names, and environment names without characters a subject cannot carry. */
const OWNER_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/
const ENVIRONMENT = /^[^:*\s][^:*]{0,254}$/

export function repositoryProblem(repository: string): string | undefined {
  return OWNER_REPO.test(repository)
    ? undefined
    : `repository '${repository}' is not OWNER/REPO: the federated subject must name one repository exactly (no wildcards)`
}

export function environmentProblem(environment: string): string | undefined {
  return ENVIRONMENT.test(environment) && environment.trim() === environment
    ? undefined
    : `environment '${environment}' cannot be part of an exact federated subject (no ':', '*' or surrounding spaces)`
}

/** Why adding `adding` credentials to an identity that has `existing` others would break Azure's limit. */
export function credentialLimitProblem(identityId: string, existing: number, adding: number): string | undefined {
  if (existing + adding <= MAX_CREDENTIALS_PER_IDENTITY) return undefined
  return `${identityId} has ${existing} other federated credentials; Azure allows at most ${MAX_CREDENTIALS_PER_IDENTITY} per identity: remove some before onboarding`
}
