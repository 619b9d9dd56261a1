import type { Logger } from '../core/logger.js'
import { createHttpClient, DEFAULT_RETRY } from '../github-app/http.js'
import { activeRunCounter } from './fleet.js'
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
  const ledger = new OperationsLedger()
  const azure = azureSession(settings.azure, logger, credentialOptions, ledger)
  const token = settings.github.token
  return {
    logger,
    ledger,
    engine: azure.engine,
    verify: loadVerify(settings, azure.signIn),
    ...(token ? { activeRuns: activeRunCounter(token, createHttpClient(DEFAULT_RETRY)) } : {}),
    report: loadReport(settings, azure.signIn)
  }
}
