/**
 * The live Container Apps jobs against the platform policy: what actually runs may differ from the config (changed
 * in the portal, or by an older config). Reads the job bodies drift has already read; no call of its own.
 */
import { gitHubApiUrl, normalizeGitHubUrl } from '../config/formats.js'
import type { TeamConfig } from '../config/types.js'
import { RUNNER_ENV } from '../core/runner-env.js'
import type { ActualResource } from '../core/types.js'
import { allowsGitHubUrl, allowsImage, violation, type PolicyViolation } from './rules.js'
import type { PlatformPolicy } from './load.js'

interface LiveJob {
  template?: {
    containers?: { image?: string; env?: { name?: string; value?: string }[] }[]
    initContainers?: { image?: string }[]
  }
  configuration?: {
    eventTriggerConfig?: { scale?: { rules?: { type?: string; metadata?: Record<string, string> }[] } }
  }
}

export function checkLiveJobs(config: TeamConfig, policy: PlatformPolicy, jobs: ActualResource[]): PolicyViolation[] {
  return jobs.flatMap(job => checkJob(config, policy, job))
}

function checkJob(config: TeamConfig, policy: PlatformPolicy, job: ActualResource): PolicyViolation[] {
  const body = job.body as LiveJob
  const name = job.id.split('/').pop()
  const found: PolicyViolation[] = []
  const images = [...(body.template?.containers ?? []), ...(body.template?.initContainers ?? [])].flatMap(c =>
    c.image ? [c.image] : []
  )
  for (const image of new Set(images)) {
    if (!allowsImage(policy, image)) {
      const what = `live job ${name} runs image ${image}`
      found.push(
        violation(config, 'runners.image', policy, 'runners.imagePrefixes', what, policy.runners.imagePrefixes!)
      )
    }
  }
  const urls = policy.github.urls
  if (!urls) return found
  const apiUrls = new Set(urls.map(url => gitHubApiUrl(normalizeGitHubUrl(url)).toLowerCase()))
  const env = (body.template?.containers ?? []).flatMap(c => c.env ?? [])
  for (const { value } of env.filter(e => e.name === RUNNER_ENV.githubUrl)) {
    if (value && !allowsGitHubUrl(policy, value)) {
      const what = `live job ${name} registers its runners with ${value}`
      found.push(violation(config, 'github.url', policy, 'github.urls', what, urls))
    }
  }
  const rules = body.configuration?.eventTriggerConfig?.scale?.rules ?? []
  for (const rule of rules.filter(r => r.type === 'github-runner')) {
    const api = rule.metadata?.githubApiURL
    if (api !== undefined && !apiUrls.has(api.replace(/\/+$/, '').toLowerCase())) {
      const what = `live job ${name} has its scale rule send the App's JWT to ${api}`
      found.push(violation(config, 'github.url', policy, 'github.urls', what, urls))
    }
  }
  return found
}
