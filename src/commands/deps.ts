import type { Logger } from '../core/logger.js'
import { createHttpClient, DEFAULT_RETRY } from '../http/json-client.js'
import { useProxyFromEnv } from '../http/proxy.js'
import { actionsGitHub } from '../github/client.js'
import { activeRunCounter } from './fleet-runs.js'
import { azureSession } from './load-engine.js'
import { loadReport } from './load-report.js'
import { loadVerify } from './load-verify.js'
import type { RunDeps } from './run.js'
import type { RunSettings } from './settings.js'
import type { CredentialOptions } from '../azure/credential.js'
import { OperationsLedger } from '../azure/operations-ledger.js'

/** What a command needs, for both doors (action and CLI): one sign-in shared by the engine, verify and report. */
export function commandDeps(
  settings: RunSettings,
  logger: Logger,
  credentialOptions: CredentialOptions = {}
): RunDeps & { ledger: OperationsLedger } {
  // Before any client exists: the Azure SDK reads NO_PROXY once, when it builds its first pipeline.
  const proxy = useProxyFromEnv(process.env)
  if (proxy) logger.info(`Through the proxy ${proxy}; direct: ${process.env.NO_PROXY}`)
  const ledger = new OperationsLedger()
  const azure = azureSession(settings.azure, logger, credentialOptions, ledger)
  const token = settings.github.token
  // One Octokit for the run: one bound on concurrent requests and one write spacing for every team.
  const github = actionsGitHub({ debug: line => logger.debug?.(line) })
  return {
    logger,
    ledger,
    engine: azure.engine,
    verify: loadVerify(settings, azure.signIn, github),
    ...(token ? { activeRuns: activeRunCounter(token, github) } : {}),
    report: loadReport(settings, azure.signIn, github),
    onboarding: async () => {
      const [{ createOnboarding }, credential] = await Promise.all([import('./onboard/run.js'), azure.signIn()])
      return createOnboarding({
        credential,
        endpoint: settings.azure.armEndpoint,
        logger,
        github,
        http: createHttpClient(DEFAULT_RETRY),
        ...(settings.azure.keyVaultEndpoint ? { keyVaultEndpoint: settings.azure.keyVaultEndpoint } : {})
      })
    }
  }
}
