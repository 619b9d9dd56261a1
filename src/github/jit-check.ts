/**
 * Can the GitHub App mint a JIT runner for this team? Reads the App key with the signed-in Azure identity (only
 * when Key Vault lets it), then does what a runner's entrypoint does, with a throwaway name, and deletes the runner.
 */
import { randomBytes } from 'node:crypto'
import type { TokenCredential } from '@azure/core-auth'
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import { createAppJwt } from '../entrypoint/app-jwt.js'
import { KEY_VAULT_RESOURCE } from '../entrypoint/azure.js'
import type { Target } from '../entrypoint/config.js'
import { oneLine } from '../entrypoint/errors.js'
import { deleteRunner, findRunnerGroupId, generateJitConfig, mintInstallationToken } from '../entrypoint/github.js'
import { detail, type HttpClient } from '../entrypoint/http.js'
import type { VerifyCheck } from './verify-types.js'

export const JIT_CHECK = 'jit config'
export const VERIFY_RUNNER_PREFIX = 'runner-setup-verify-'
/** Only this label: a throwaway runner must never match a team's queued job. */
export const VERIFY_RUNNER_LABEL = 'runner-setup-verify'
const KEY_VAULT_SCOPE = `${KEY_VAULT_RESOURCE}/.default`

export interface JitCheckDeps {
  http: HttpClient
  credential: TokenCredential
  /** Tests and the sandbox: read `https://<vault>.vault.azure.net/...` from `<endpoint>/<vault>/...` instead. */
  keyVaultEndpoint?: string
  now: () => number
}

export async function checkJitConfig(config: TeamConfig, deps: JitCheckDeps): Promise<VerifyCheck> {
  const key = await readAppKey(config, deps)
  if ('check' in key) return key.check
  const target: Target =
    config.github.scope === 'org'
      ? { scope: 'org', owner: config.github.owner }
      : { scope: 'repo', owner: config.github.owner, repo: config.github.repos[0] }
  const gh = { apiUrl: config.github.apiUrl, http: deps.http }
  const name = `${VERIFY_RUNNER_PREFIX}${randomBytes(4).toString('hex')}`
  try {
    const jwt = createAppJwt(String(config.github.app.id), key.pem, Math.floor(deps.now() / 1000))
    const { token } = await mintInstallationToken(gh, jwt, String(config.github.app.installationId), target)
    const groupId =
      target.scope === 'org' ? await findRunnerGroupId(gh, token, target.owner, config.github.runnerGroup) : 1
    const runner = await generateJitConfig(gh, token, target, {
      name,
      runnerGroupId: groupId,
      labels: [VERIFY_RUNNER_LABEL]
    })
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

async function readAppKey(config: TeamConfig, deps: JitCheckDeps): Promise<{ pem: string } | { check: VerifyCheck }> {
  const grant = `"Key Vault Secrets User" on ${teamLayout(config).keySecretScope}`
  const warn = (why: string): { check: VerifyCheck } => ({
    check: {
      name: JIT_CHECK,
      status: 'warn',
      detail: `skipped: ${why}; to test minting, grant the signed-in identity ${grant}`
    }
  })
  let token: string
  try {
    const access = await deps.credential.getToken(KEY_VAULT_SCOPE)
    if (!access) return warn('no Key Vault token for the signed-in identity')
    token = access.token
  } catch (error) {
    return warn(`no Key Vault token for the signed-in identity (${oneLine(error)})`)
  }
  const url = new URL(keyVaultUrl(config.github.app.privateKeySecretUri, deps.keyVaultEndpoint))
  url.searchParams.set('api-version', '7.4')
  const response = await deps.http({ method: 'GET', url: url.href, headers: { authorization: `Bearer ${token}` } })
  const value = (response.body as { value?: unknown } | undefined)?.value
  if (response.status === 200 && typeof value === 'string' && value !== '') return { pem: value }
  if (response.status === 401 || response.status === 403)
    return warn(`Key Vault refused to give it the App key (HTTP ${response.status})`)
  const fix = response.status === 404 ? ": store the App's .pem there or fix github.app.privateKeySecretUri" : ''
  return {
    check: {
      name: JIT_CHECK,
      status: 'fail',
      detail: `reading the App key ${config.github.app.privateKeySecretUri} failed (HTTP ${response.status}${detail(response.body)})${fix}`
    }
  }
}

/** The secret's URL, or its emulated stand-in under `endpoint`. Pure. */
export function keyVaultUrl(secretUri: string, endpoint?: string): string {
  if (!endpoint) return secretUri
  const uri = new URL(secretUri)
  const vault = uri.hostname.split('.')[0]
  return `${endpoint.replace(/\/+$/, '')}/${vault}${uri.pathname}`
}
