/** The action and CLI talk to GitHub through `@actions/github`'s Octokit, with the shared policy (see octokit.ts). */
import { GitHub as ActionsOctokit } from '@actions/github/lib/utils'
import { gitHubFactory, type GitHubClientOptions } from '../github-app/octokit.js'
import type { GitHubFor } from '../github-app/rest.js'

export function actionsGitHub(options: GitHubClientOptions = {}): GitHubFor {
  return gitHubFactory(ActionsOctokit, options)
}
