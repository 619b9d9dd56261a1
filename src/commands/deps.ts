import type { Logger } from '../core/logger.js'
import { useProxyFromEnv } from '../github-app/proxy.js'
import { actionsGitHub } from '../github/client.js'
import { activeRunCounter } from './fleet.js'
import { azureSession } from './load-engine.js'
import { loadReport } from './load-report.js'
import { loadVerify } from './load-verify.js'
import type { RunDeps } from './run.js'
import type { RunSettings } from './settings.js'
import type { CredentialOptions } from '../azure/credential.js'

/** Injected by a caller that runs the built bundle against local doubles; real runs never set it. */
export interface DoorOptions {
  /** Read Key Vault secrets from `<endpoint>/<vault>/secrets/...` instead of `https://<vault>.vault.azure.net`. */
  keyVaultEndpoint?: string
}

/** What a command needs, for both doors (action and CLI): one sign-in shared by the engine, verify and report. */
export function commandDeps(
  settings: RunSettings,
  logger: Logger,
  credentialOptions: CredentialOptions = {},
  options: DoorOptions = {}
): RunDeps {
  // Before any client exists: the Azure SDK reads NO_PROXY once, when it builds its first pipeline.
  const proxy = useProxyFromEnv(process.env)
  if (proxy) logger.info(`Through the proxy ${proxy}; direct: ${process.env.NO_PROXY}`)
  const azure = azureSession(settings.azure, logger, credentialOptions)
  const token = settings.github.token
  // One Octokit for the run: one bound on concurrent requests and one write spacing for every team.
  const github = actionsGitHub({ debug: line => logger.debug?.(line) })
  return {
    logger,
    engine: azure.engine,
    verify: loadVerify(settings, azure.signIn, github, options.keyVaultEndpoint),
    ...(token ? { activeRuns: activeRunCounter(token, github) } : {}),
    report: loadReport(settings, azure.signIn, github)
  }
}
