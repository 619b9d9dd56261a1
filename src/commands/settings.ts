/** What to run, parsed once from CLI flags or action inputs. Everything downstream reads this, never argv or env. */
import type { ReportOptions } from '../usage/collect-report.js'

import { COMMANDS, type CommandName } from '../result.js'

export { COMMANDS, type CommandName }

export { DEFAULT_ARM_ENDPOINT, DEFAULT_AUTHORITY_HOST, type AzureSettings } from '../azure/settings.js'
import type { AzureSettings } from '../azure/settings.js'

export interface GitHubSettings {
  /** Token for verify (runner groups, runners) and drift issues; never needed for Azure. */
  token?: string
  /** REST API base of the repository running the drift check (issues live there). */
  apiUrl?: string
  /** `owner/name` of the repository where drift issues are kept. */
  repository?: string
  /** verify: the team's GitHub REST API, instead of the one the config's github.url names (CLI --github-api-url). */
  teamApiUrl?: string
}

export interface RunSettings {
  command: CommandName
  configPaths: string[]
  /** plan: skip reading Azure; every resource is a create. */
  offline: boolean
  /** apply: carry out this saved plan (`plan --json` output) instead of planning again. */
  planFile?: string
  /** verify: deregister stale runners. */
  fix: boolean
  /** verify: exit 0 even when a check could not be run (CLI --allow-unchecked). */
  allowUnchecked?: boolean
  /** drift: open, update or close one issue per team. */
  driftIssues: boolean
  /** report: the period, the wait threshold, price overrides. */
  report: ReportOptions
  /** Platform policy file: plan, apply and verify refuse a config that breaks it; drift reports every team's violations. */
  policyPath?: string
  azure: AzureSettings
  github: GitHubSettings
  /** onboard and offboard: where the team's identities live and whom they trust. */
  onboard?: OnboardSettings
}

/** As given; `onboard/settings.ts` checks them and fills the defaults from the team config. */
export interface OnboardSettings {
  /** ARM id of the platform's resource group for the teams' identities. */
  platformGroupId?: string
  /** `owner/name` of the repository running the team's setup workflow (default: github.owner/the first github.repos). */
  repository?: string
  /** Its GitHub environment (default runner-setup). */
  environment?: string
  /** GitHub's OIDC issuer (default https://token.actions.githubusercontent.com). */
  issuer?: string
  /** Plan only: read and show, write nothing. */
  dryRun: boolean
}

export const DEFAULT_REPORT_DAYS = 7
/** A job that waits longer than this for a runner is counted apart: two polling intervals plus a container start. */
export const DEFAULT_WAIT_THRESHOLD_SECONDS = 120

export function isCommand(value: string): value is CommandName {
  return (COMMANDS as readonly string[]).includes(value)
}
