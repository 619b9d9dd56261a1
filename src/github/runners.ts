/** Runner groups, JIT registration and runners, at org or repo scope, against github.com or GHES. */
import { CallError } from '../http/errors.js'
import { detail, type HttpResponse } from '../http/json-client.js'
import { call, enc, paginate, targetName, targetPath, type GitHub, type Target } from './rest.js'

export interface JitRunner {
  runnerId: number
  jitConfig: string
}

export interface RunnerGroup {
  id: number
  name: string
  visibility: string
  allows_public_repositories: boolean
}

export interface RunnerView {
  id: number
  name: string
  status: string
  busy: boolean
  labels: { name: string }[]
}

/**
 * What DELETE …/actions/runners/{id} did: `busy` is GitHub's 422 for a runner that is running a job (it keeps
 * it), `gone` a 404 (it took its job and GitHub removed it, or someone else deleted it).
 * https://docs.github.com/rest/actions/self-hosted-runners#delete-a-self-hosted-runner-from-an-organization
 */
export type DeleteOutcome = 'deleted' | 'busy' | 'gone'

/** The org's runner group of this name (GitHub compares names without case), or undefined. */
export async function findRunnerGroup(
  gh: GitHub,
  token: string,
  org: string,
  name: string
): Promise<RunnerGroup | undefined> {
  const groups = await paginate<RunnerGroup>(gh, `/orgs/${enc(org)}/actions/runner-groups`, token, 'runner_groups')
  return groups.find(g => g.name.toLowerCase() === name.toLowerCase())
}

export async function findRunnerGroupId(gh: GitHub, token: string, org: string, name: string): Promise<number> {
  let group: RunnerGroup | undefined
  try {
    group = await findRunnerGroup(gh, token, org, name)
  } catch (error) {
    throw new CallError(`listing runner groups of ${org} failed: ${(error as Error).message}`)
  }
  if (group) return group.id
  throw new CallError(
    `runner group "${name}" does not exist in ${org}: ask an organisation owner to create it (restricted to the team's repositories), then run verify`
  )
}

/** Repository names a `selected` runner group admits. */
export async function runnerGroupRepositories(gh: GitHub, token: string, org: string, id: number): Promise<string[]> {
  const repos = await paginate<{ name: string }>(
    gh,
    `/orgs/${enc(org)}/actions/runner-groups/${id}/repositories`,
    token,
    'repositories'
  )
  return repos.map(r => r.name)
}

/** The JIT POST's own attempts (Octokit never retries it: see `generateJitConfig`). */
const JIT_ATTEMPTS = 4
const defaultRetryWaitMs = (attempt: number): number => 1000 * attempt ** 2

/**
 * POST generate-jitconfig. It registers a runner, so a 5xx or a lost answer may hide a registration: the POST is
 * retried, and when the retry meets 409 (the name exists) the runner our lost attempt made is looked up by name and
 * deleted before registering again. Giving up after such an attempt removes it too, so none is left behind.
 */
export async function generateJitConfig(
  gh: GitHub,
  token: string,
  target: Target,
  request: { name: string; runnerGroupId: number; labels: string[] }
): Promise<JitRunner> {
  const post = (): Promise<HttpResponse> =>
    call(gh, 'POST', `${targetPath(target)}/actions/runners/generate-jitconfig`, token, {
      name: request.name,
      runner_group_id: request.runnerGroupId,
      labels: request.labels,
      work_folder: '_work'
    })
  // An earlier attempt may have registered the runner without us learning it.
  let uncertain = false
  const wait = (attempt: number): Promise<void> =>
    new Promise(resolve => setTimeout(resolve, (gh.retryWaitMs ?? defaultRetryWaitMs)(attempt)))
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= JIT_ATTEMPTS
    let response: HttpResponse
    try {
      response = await post()
    } catch (error) {
      if (last) {
        await removeRunnerNamed(gh, token, target, request.name)
        throw error
      }
      uncertain = true
      await wait(attempt)
      continue
    }
    const body = response.body as { runner?: { id?: unknown }; encoded_jit_config?: unknown } | undefined
    if (response.status === 201 && typeof body?.encoded_jit_config === 'string' && typeof body.runner?.id === 'number')
      return { runnerId: body.runner.id, jitConfig: body.encoded_jit_config }
    if (response.status >= 500 && !last) {
      uncertain = true
      await wait(attempt)
      continue
    }
    if (response.status === 409 && uncertain && !last) {
      await removeRunnerNamed(gh, token, target, request.name)
      uncertain = false
      continue
    }
    if (uncertain || response.status >= 500) await removeRunnerNamed(gh, token, target, request.name)
    throw jitError(response, target, request)
  }
}

function jitError(response: HttpResponse, target: Target, request: { name: string; runnerGroupId: number }): CallError {
  const hint =
    response.status === 404
      ? `runner group ${request.runnerGroupId} does not exist in the ${targetName(target)}: create it, or fix github.runnerGroup and re-run apply`
      : response.status === 403
        ? `runner group ${request.runnerGroupId} cannot take self-hosted runners from this App: check the group in the ${targetName(target)} settings and re-run apply`
        : response.status === 409
          ? `a runner named ${request.name} already exists: remove it (verify --fix) and let the next execution register`
          : response.status >= 500
            ? 'GitHub may be down; the job will be retried by the next execution'
            : 'check the runner group and labels of the job template (re-run apply)'
  return new CallError(
    `JIT runner registration failed (HTTP ${response.status}${detail(response.body)}): ${hint}`,
    response.status
  )
}

/** Best effort: the runner a lost registration made, deleted; never throws (the caller reports its own error). */
async function removeRunnerNamed(gh: GitHub, token: string, target: Target, name: string): Promise<void> {
  try {
    const runner = await findRunnerByName(gh, token, target, name)
    if (runner) await deleteRunner(gh, token, target, runner.id)
  } catch {
    // verify --fix removes what is left.
  }
}

/** GET …/actions/runners?name= (exact name filter). */
export async function findRunnerByName(
  gh: GitHub,
  token: string,
  target: Target,
  name: string
): Promise<RunnerView | undefined> {
  const runners = await listRunners(gh, token, target, name)
  return runners.find(r => r.name === name)
}

/** Every runner of the org or repository; `name` filters on GitHub's side. */
export function listRunners(gh: GitHub, token: string, target: Target, name?: string): Promise<RunnerView[]> {
  const query = name === undefined ? '' : `?name=${enc(name)}`
  return paginate<RunnerView>(gh, `${targetPath(target)}/actions/runners${query}`, token, 'runners')
}

export async function deleteRunner(
  gh: GitHub,
  token: string,
  target: Target,
  runnerId: number
): Promise<DeleteOutcome> {
  // Not retried: a DELETE whose answer was lost reads as `gone` when repeated, hiding whether it was busy.
  const response = await call(gh, 'DELETE', `${targetPath(target)}/actions/runners/${runnerId}`, token, undefined, {
    retries: 0
  })
  if (response.status === 204) return 'deleted'
  if (response.status === 404) return 'gone'
  if (response.status === 422) return 'busy'
  throw new CallError(
    `deleting runner ${runnerId} failed (HTTP ${response.status}${detail(response.body)}): verify --fix removes it later`,
    response.status
  )
}
