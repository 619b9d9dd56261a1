import { parseArgs } from 'node:util'
import {
  COMMANDS,
  DEFAULT_ARM_ENDPOINT,
  DEFAULT_AUTHORITY_HOST,
  isCommand,
  type RunSettings
} from '../commands/settings.js'
import { parseReportOptions, type RawReportOptions } from '../commands/report-options.js'

const FLAG: Record<keyof RawReportOptions, string> = {
  days: 'days',
  waitThreshold: 'wait-threshold',
  priceVcpuSecond: 'price-vcpu-second',
  priceGibSecond: 'price-gib-second',
  githubApiUrl: 'github-api-url'
}

export interface CliOptions {
  settings: RunSettings
  json: boolean
}

export class UsageError extends Error {}

export const USAGE = `Usage: runner-setup <${COMMANDS.join('|')}> --config FILE|DIR [--config ...] [options]

Commands:
  plan      what apply would change (--offline: without reading Azure, every resource a create)
  apply     converge Azure to the config; a second run writes nothing
  verify    check the live setup end to end (--fix: deregister stale runners)
  drift     read-only plan with field-level differences; exit 2 when there are any
  destroy   remove what apply made, only resources tagged as the team's
  report    queue wait, executions and estimated cost per team over --days (read-only; needs --github-token)
  onboard   the platform prepares a team: resource group, setup identity in --platform-group, its federated
            credential and least roles; a second run writes nothing; prints what is left to do by hand
  offboard  removes what onboard made, once destroy has removed the team's runners

Options:
  --config PATH         team config file or folder of them (repeatable)
  --policy FILE         platform policy: refuse configs that break it (plan, apply, verify); drift reports them
  --json                one JSON result on stdout, logs on stderr
  --offline             plan only: do not read Azure
  --plan FILE           apply only: carry out a plan saved with plan --json; refused if Azure changed since
  --fix                 verify only: deregister offline or long-idle runners
  --allow-unchecked     verify only: exit 0 although a check could not be run (it still shows as not checked)
  --arm-endpoint URL    Azure Resource Manager endpoint (default ${DEFAULT_ARM_ENDPOINT}; env AZURE_RESOURCE_MANAGER_ENDPOINT)
  --key-vault-endpoint URL
                        verify: read the App key at URL/<vault>/secrets/... instead of at the secret URI's
                        own host (a gateway, or the emulator; env AZURE_KEYVAULT_ENDPOINT)
  --authority-host URL  Entra authority host (default ${DEFAULT_AUTHORITY_HOST}; env AZURE_AUTHORITY_HOST)
  --tenant-id ID        Entra tenant (env AZURE_TENANT_ID)
  --client-id ID        app with a federated credential, for OIDC sign-in inside a workflow (env AZURE_CLIENT_ID)
  --github-token TOKEN  for verify, report and drift issues (env GITHUB_TOKEN)
  --days N              report only: the period, 1 to 90 days (default 7)
  --wait-threshold S    report only: count jobs that waited longer than S seconds (default 120)
  --price-vcpu-second P report only: price per vCPU-second (default: runners.price, else the list price)
  --price-gib-second P  report only: price per GiB-second (default: runners.price, else the list price)
  --github-api-url URL  report and verify: the GitHub REST API to read (default: the config's github.url)
  --platform-group ID   onboard/offboard: ARM id of the platform's resource group for the teams' identities
  --repository O/R      onboard/offboard: the repository running the team's setup (default: github.owner/first repo)
  --environment NAME    onboard/offboard: its GitHub environment (default runner-setup)
  --oidc-issuer URL     onboard/offboard: GitHub's OIDC issuer (default https://token.actions.githubusercontent.com)
  --dry-run             onboard/offboard: show the plan, write nothing
  -h, --help            this text

Sign-in: the Azure CLI / default credential chain (run 'az login' first); inside a GitHub workflow with
id-token: write and a client id, GitHub OIDC, like the action.
Exit codes: 0 success, 1 error (verify: also a check it could not run), 2 drift or platform policy violations
found (drift only).`

/** Parses argv (without node and script) into settings; the environment supplies defaults for sign-in. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', multiple: true },
        policy: { type: 'string' },
        json: { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        plan: { type: 'string' },
        fix: { type: 'boolean', default: false },
        'allow-unchecked': { type: 'boolean', default: false },
        'arm-endpoint': { type: 'string' },
        'key-vault-endpoint': { type: 'string' },
        'authority-host': { type: 'string' },
        'tenant-id': { type: 'string' },
        'client-id': { type: 'string' },
        'github-token': { type: 'string' },
        days: { type: 'string' },
        'wait-threshold': { type: 'string' },
        'price-vcpu-second': { type: 'string' },
        'price-gib-second': { type: 'string' },
        'github-api-url': { type: 'string' },
        'platform-group': { type: 'string' },
        repository: { type: 'string' },
        environment: { type: 'string' },
        'oidc-issuer': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  if (values.help) return 'help'
  const [command, ...extra] = positionals
  if (!command) throw new UsageError('missing command')
  if (!isCommand(command)) throw new UsageError(`unknown command '${command}' (expected one of ${COMMANDS.join(', ')})`)
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`)
  if (!values.config?.length) throw new UsageError('--config is required')
  if (values.offline && command !== 'plan') throw new UsageError('--offline only applies to plan')
  if (values.fix && command !== 'verify') throw new UsageError('--fix only applies to verify')
  if (values['allow-unchecked'] && command !== 'verify')
    throw new UsageError('--allow-unchecked only applies to verify')
  const raw: RawReportOptions = {
    days: values.days,
    waitThreshold: values['wait-threshold'],
    priceVcpuSecond: values['price-vcpu-second'],
    priceGibSecond: values['price-gib-second'],
    githubApiUrl: values['github-api-url']
  }
  const given = (Object.keys(raw) as (keyof RawReportOptions)[]).find(
    k => raw[k] !== undefined && !(k === 'githubApiUrl' && command === 'verify')
  )
  if (given && command !== 'report')
    throw new UsageError(`--${FLAG[given]} only applies to report${given === 'githubApiUrl' ? ' and verify' : ''}`)
  const report = parseReportOptions(
    raw,
    key => `--${FLAG[key]}`,
    message => new UsageError(message)
  )
  if (values.plan !== undefined && command !== 'apply') throw new UsageError('--plan only applies to apply')
  const clientId = values['client-id'] ?? env.AZURE_CLIENT_ID
  const onboarding = command === 'onboard' || command === 'offboard'
  const onboardFlag = (['platform-group', 'repository', 'environment', 'oidc-issuer'] as const).find(
    k => values[k] !== undefined
  )
  if (!onboarding && (onboardFlag || values['dry-run']))
    throw new UsageError(`--${onboardFlag ?? 'dry-run'} only applies to onboard and offboard`)

  return {
    json: values.json,
    settings: {
      command,
      configPaths: values.config,
      offline: values.offline,
      planFile: values.plan,
      fix: values.fix,
      allowUnchecked: values['allow-unchecked'],
      driftIssues: false,
      report,
      policyPath: values.policy,
      azure: {
        // Inside a workflow (or the sandbox) the GitHub OIDC token endpoint is there: federate, like the action.
        signIn: env.ACTIONS_ID_TOKEN_REQUEST_URL && clientId ? 'oidc' : 'cli',
        tenantId: values['tenant-id'] ?? env.AZURE_TENANT_ID,
        clientId,
        authorityHost: values['authority-host'] ?? env.AZURE_AUTHORITY_HOST ?? DEFAULT_AUTHORITY_HOST,
        armEndpoint: values['arm-endpoint'] ?? env.AZURE_RESOURCE_MANAGER_ENDPOINT ?? DEFAULT_ARM_ENDPOINT,
        ...optional('keyVaultEndpoint', values['key-vault-endpoint'] ?? env.AZURE_KEYVAULT_ENDPOINT)
      },
      github: {
        token: values['github-token'] ?? env.GITHUB_TOKEN,
        ...(command === 'verify' ? optional('teamApiUrl', values['github-api-url']) : {})
      },
      ...(onboarding
        ? {
            onboard: {
              platformGroupId: values['platform-group'],
              repository: values.repository,
              environment: values.environment,
              issuer: values['oidc-issuer'],
              dryRun: values['dry-run']
            }
          }
        : {})
    }
  }
}

function optional<K extends string>(key: K, value: string | undefined): { [k in K]?: string } {
  return (value ? { [key]: value } : {}) as { [k in K]?: string }
}
