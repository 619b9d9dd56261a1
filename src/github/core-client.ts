/** The runner's PID 1 talks to GitHub through `@octokit/core` alone: the smallest Octokit, with the shared policy. */
import { Octokit } from '@octokit/core'
import { gitHubFactory, type GitHubClientOptions } from './octokit.js'
import type { GitHub } from './rest.js'

export function createCoreGitHub(apiUrl: string, options: GitHubClientOptions = {}): GitHub {
  return gitHubFactory(Octokit, options)(apiUrl)
}
