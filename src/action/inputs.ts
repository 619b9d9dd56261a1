import * as core from '@actions/core'
import { InputError } from '../commands/input-error.js'
import {
  COMMANDS,
  DEFAULT_ARM_ENDPOINT,
  DEFAULT_AUTHORITY_HOST,
  isCommand,
  type RunSettings
} from '../commands/settings.js'
import { parseReportOptions, type RawReportOptions } from '../commands/report-options.js'

/** Reads the action's inputs once into settings; a bad input fails here, before any network call. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const command = core.getInput('command') || 'plan'
  if (!isCommand(command)) {
    throw new InputError(`Input 'command' is '${command}'; expected one of ${COMMANDS.join(', ')}.`)
  }
  const config = core.getInput('config')
  if (!config)
    throw new InputError(`Input 'config' is required: the path of the team config file (or a folder of them).`)
  const offline = booleanInput('offline')
  if (offline && command !== 'plan') throw new InputError(`Input 'offline' only applies to command 'plan'.`)
  const fix = booleanInput('fix')
  if (fix && command !== 'verify') throw new InputError(`Input 'fix' only applies to command 'verify'.`)

  const raw: RawReportOptions = {
    days: core.getInput('days'),
    waitThreshold: core.getInput('wait-threshold-seconds'),
    priceVcpuSecond: core.getInput('price-vcpu-second'),
    priceGibSecond: core.getInput('price-gib-second')
  }
  const report = parseReportOptions(
    raw,
    key => `Input '${INPUT[key]}'`,
    message => new InputError(message)
  )
  const planFile = core.getInput('plan') || undefined
  if (planFile && command !== 'apply') throw new InputError(`Input 'plan' only applies to command 'apply'.`)

  const onboarding = command === 'onboard' || command === 'offboard'
  const dryRun = booleanInput('dry-run')
  if (dryRun && !onboarding) throw new InputError(`Input 'dry-run' only applies to commands 'onboard' and 'offboard'.`)

  const token = core.getInput('github-token')
  if (token) core.setSecret(token)

  return {
    command,
    configPaths: [config],
    offline,
    planFile,
    fix,
    driftIssues: booleanInput('drift-issues'),
    report,
    policyPath: core.getInput('policy') || undefined,
    azure: {
      signIn: 'oidc',
      tenantId: core.getInput('tenant-id') || undefined,
      clientId: core.getInput('client-id') || undefined,
      subscriptionId: core.getInput('subscription-id') || undefined,
      authorityHost: core.getInput('authority-host') || DEFAULT_AUTHORITY_HOST,
      armEndpoint: core.getInput('arm-endpoint') || DEFAULT_ARM_ENDPOINT,
      ...(core.getInput('key-vault-endpoint') ? { keyVaultEndpoint: core.getInput('key-vault-endpoint') } : {})
    },
    github: {
      token: token || undefined,
      apiUrl: core.getInput('github-api-url') || env.GITHUB_API_URL,
      repository: env.GITHUB_REPOSITORY
    },
    ...(onboarding
      ? {
          onboard: {
            platformGroupId: core.getInput('platform-group') || undefined,
            repository: core.getInput('repository') || undefined,
            environment: core.getInput('environment') || undefined,
            issuer: core.getInput('oidc-issuer') || undefined,
            dryRun
          }
        }
      : {})
  }
}

const INPUT: Record<keyof RawReportOptions, string> = {
  days: 'days',
  waitThreshold: 'wait-threshold-seconds',
  priceVcpuSecond: 'price-vcpu-second',
  priceGibSecond: 'price-gib-second',
  githubApiUrl: 'github-api-url'
}

/** Like core.getBooleanInput, but an absent input is false rather than an error. */
function booleanInput(name: string): boolean {
  const value = core.getInput(name).toLowerCase()
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  throw new InputError(`Input '${name}' is '${value}'; expected true or false.`)
}
