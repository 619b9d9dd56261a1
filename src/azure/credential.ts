/** Azure sign-in: GitHub OIDC federation in a workflow, the Azure CLI (or the default chain) on a laptop. */
import * as core from '@actions/core'
import {
  AzureCliCredential,
  ChainedTokenCredential,
  ClientAssertionCredential,
  DefaultAzureCredential
} from '@azure/identity'
import type { TokenCredential } from '@azure/core-auth'
import { DEFAULT_AUTHORITY_HOST, type AzureSettings } from './settings.js'
import { AzureError } from './errors.js'

export const OIDC_AUDIENCE = 'api://AzureADTokenExchange'

/** GitHub OIDC tokens live 5-10 minutes; reusing one for a minute keeps every Entra exchange well inside that. */
const ASSERTION_REUSE_MS = 60_000

export interface CredentialOptions {
  /** In-process tests only: trust the emulator's CA. Child processes use NODE_EXTRA_CA_CERTS instead. */
  tlsOptions?: { ca: string }
  env?: NodeJS.ProcessEnv
  /** In-process tests only: how to get the GitHub ID token (default `core.getIDToken`, which trusts only NODE_EXTRA_CA_CERTS). */
  getIdToken?: (audience: string) => Promise<string>
}

type SignInSettings = Pick<AzureSettings, 'signIn' | 'tenantId' | 'clientId' | 'authorityHost'>

export function createCredential(settings: SignInSettings, options: CredentialOptions = {}): TokenCredential {
  return settings.signIn === 'oidc' ? oidcCredential(settings, options) : laptopCredential(settings, options)
}

function oidcCredential(settings: SignInSettings, options: CredentialOptions): TokenCredential {
  const env = options.env ?? process.env
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new AzureError(
      'The workflow job needs `permissions: id-token: write` to sign in to Azure with OIDC: add `permissions: { id-token: write, contents: read }` to the job that runs runner-setup.'
    )
  }
  if (!settings.tenantId || !settings.clientId) {
    throw new AzureError(
      'OIDC sign-in needs the Azure tenant id and client id: set the `tenant-id` and `client-id` inputs (CLI: --tenant-id and --client-id, or AZURE_TENANT_ID and AZURE_CLIENT_ID) of the identity with a federated credential for this repository.'
    )
  }
  const authorityHost = settings.authorityHost || DEFAULT_AUTHORITY_HOST
  const getIdToken = options.getIdToken ?? ((audience: string) => core.getIDToken(audience))
  // MSAL asks for the assertion twice per sign-in; one GitHub token serves both, but never one older than a minute.
  let recent: { token: Promise<string>; at: number } | undefined
  const getAssertion = (): Promise<string> => {
    const now = Date.now()
    if (!recent || now - recent.at > ASSERTION_REUSE_MS) {
      const token = getIdToken(OIDC_AUDIENCE).catch((error: unknown) => {
        recent = undefined
        throw new AzureError(
          `Could not get a GitHub OIDC token (${firstLine(error)}): check that the job has \`permissions: id-token: write\`.`
        )
      })
      recent = { token, at: now }
    }
    return recent.token
  }
  return new ClientAssertionCredential(settings.tenantId, settings.clientId, getAssertion, {
    authorityHost,
    // Instance discovery would call login.microsoftonline.com, which a sovereign cloud or the emulator is not.
    disableInstanceDiscovery: !sameHost(authorityHost, DEFAULT_AUTHORITY_HOST),
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
  })
}

function laptopCredential(settings: SignInSettings, options: CredentialOptions): TokenCredential {
  const common = {
    ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
  }
  // `az login` first (fast, what platform engineers use); then env vars, workload or managed identity.
  return new ChainedTokenCredential(
    new AzureCliCredential(common),
    new DefaultAzureCredential({ ...common, authorityHost: settings.authorityHost || DEFAULT_AUTHORITY_HOST })
  )
}

function sameHost(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase()
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0]
}
