/**
 * The GitHub OIDC token for the CLI when it runs inside a workflow. @actions/core's getIDToken would print
 * `::debug::` and `::add-mask::` commands on stdout, which corrupts `--json`; here the mask goes to stderr,
 * which the runner reads for commands too, and only when running under Actions.
 */
export async function fetchGitHubIdToken(audience: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!requestUrl || !requestToken) {
    throw new Error('No GitHub OIDC token endpoint: the workflow job needs `permissions: id-token: write`.')
  }
  const url = new URL(requestUrl)
  url.searchParams.set('audience', audience)
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' }
  })
  if (!response.ok)
    throw new Error(
      `GitHub refused the OIDC token request (HTTP ${response.status}); check the job's id-token permission.`
    )
  const { value } = (await response.json()) as { value?: string }
  if (!value) throw new Error('GitHub answered the OIDC token request without a token.')
  if (env.GITHUB_ACTIONS === 'true') process.stderr.write(`::add-mask::${value}\n`)
  return value
}
