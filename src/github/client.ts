/**
 * The action and CLI talk to GitHub through `@actions/github`'s Octokit, with the shared policy (see octokit.ts).
 * It loads on the first request, so commands that never reach GitHub (an offline plan) start without it.
 */
import { DEFAULT_GITHUB_CLIENT, gitHubFactory, type GitHubClientOptions, type GitHubOctokit } from './octokit.js'
import type { GitHubFor } from './rest.js'

export function actionsGitHub(options: GitHubClientOptions = {}): GitHubFor {
  let loaded: Promise<GitHubFor> | undefined
  const load = (): Promise<GitHubFor> =>
    (loaded ??= import('@actions/github/lib/utils').then(({ GitHub }) => gitHubFactory(GitHub, options)))
  const msPerSecond = options.msPerSecond ?? DEFAULT_GITHUB_CLIENT.msPerSecond
  return apiUrl => {
    const request = (async (...args: Parameters<GitHubOctokit['request']>) =>
      (await load())(apiUrl).octokit.request(...args)) as GitHubOctokit['request']
    return {
      apiUrl: apiUrl.replace(/\/+$/, ''),
      octokit: { request },
      retryWaitMs: attempt => msPerSecond * attempt ** 2
    }
  }
}
