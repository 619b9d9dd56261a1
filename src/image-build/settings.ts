/** The image-build action's inputs, parsed once: a bad input fails here, before any sign-in or upload. */
import { InputError } from '../commands/input-error.js'
import { DEFAULT_ARM_ENDPOINT, DEFAULT_AUTHORITY_HOST, type AzureSettings } from '../azure/settings.js'

export interface BuildArgument {
  name: string
  value: string
  isSecret: boolean
}

/** The registry as given: its ARM id, or its login server (found in `subscriptionId`). */
export type RegistryRef = { id: string } | { loginServer: string; subscriptionId: string }

export interface BuildSettings {
  registry: RegistryRef
  /** `repository:tag`, at least one. */
  images: string[]
  context: string
  /** Relative to the context, `/`-separated. */
  dockerfile: string
  arguments: BuildArgument[]
  target?: string
  platform: { os: string; architecture: string; variant?: string }
  agentPool?: string
  /** ACR accepts 300 to 28800 seconds. */
  timeoutSeconds: number
  azure: AzureSettings
}

export type InputReader = (name: string) => string

const REGISTRY_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries\/[^/]+$/i
const LOGIN_SERVER = /^[a-z0-9]{5,50}\.azurecr\.[a-z.]+$/i
const IMAGE = /^[a-z0-9]+(?:[._/-][a-z0-9]+)*(?::[\w][\w.-]{0,127})?$/
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/** The timeout bounds of DockerBuildRequest.timeout in the 2019-06-01-preview spec. */
const MIN_TIMEOUT_SECONDS = 300
const MAX_TIMEOUT_SECONDS = 28800

export function parseBuildInputs(input: InputReader): BuildSettings {
  const subscriptionId = input('subscription-id') || undefined
  const targetInput = input('target')
  const agentPool = input('agent-pool')
  return {
    registry: parseRegistry(input('registry'), subscriptionId),
    images: parseImages(input('image')),
    context: input('context') || '.',
    dockerfile: parseDockerfile(input('dockerfile') || 'Dockerfile'),
    arguments: [
      ...parseArgs(input('build-args'), 'build-args', false),
      ...parseArgs(input('secret-build-args'), 'secret-build-args', true)
    ],
    ...(targetInput ? { target: targetInput } : {}),
    platform: parsePlatform(input('platform') || 'linux/amd64'),
    ...(agentPool ? { agentPool } : {}),
    timeoutSeconds: parseTimeout(input('timeout-minutes')),
    azure: {
      signIn: 'oidc',
      tenantId: input('tenant-id') || undefined,
      clientId: input('client-id') || undefined,
      subscriptionId,
      authorityHost: input('authority-host') || DEFAULT_AUTHORITY_HOST,
      armEndpoint: input('arm-endpoint') || DEFAULT_ARM_ENDPOINT
    }
  }
}

function parseRegistry(value: string, subscriptionId: string | undefined): RegistryRef {
  const registry = value.trim()
  if (!registry)
    throw new InputError(
      `Input 'registry' is required: the registry's ARM id, or its login server (e.g. myteam.azurecr.io) with 'subscription-id'.`
    )
  if (REGISTRY_ID.test(registry)) return { id: registry }
  if (LOGIN_SERVER.test(registry)) {
    if (!subscriptionId)
      throw new InputError(
        `Input 'registry' is a login server (${registry}): set 'subscription-id' too, or give the registry's ARM id.`
      )
    return { loginServer: registry.toLowerCase(), subscriptionId }
  }
  throw new InputError(
    `Input 'registry' is '${registry}'; expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ContainerRegistry/registries/<name>, or a login server like myteam.azurecr.io.`
  )
}

function parseImages(value: string): string[] {
  const images = lines(value)
  if (images.length === 0) throw new InputError(`Input 'image' is required: one or more repository:tag, one per line.`)
  for (const image of images) {
    if (image.includes('.azurecr.') || !IMAGE.test(image))
      throw new InputError(
        `Input 'image' has '${image}'; expected repository:tag in lower case, without the registry (e.g. studio/api:1.2.3).`
      )
  }
  return images.map(image => (image.includes(':') ? image : `${image}:latest`))
}

function parseDockerfile(value: string): string {
  const path = value.trim().replace(/\\/g, '/').replace(/^\.\//, '')
  if (path.startsWith('/') || path.split('/').includes('..'))
    throw new InputError(`Input 'dockerfile' is '${value}'; expected a path inside the context, relative to it.`)
  return path
}

function parseArgs(value: string, name: string, isSecret: boolean): BuildArgument[] {
  const numbered = value.split(/\r?\n/).map((line, index) => ({ line: line.trim(), number: index + 1 }))
  return numbered
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
    .map(({ line, number }) => {
      const at = line.indexOf('=')
      const key = at < 0 ? line : line.slice(0, at)
      if (at < 0 || !ARG_NAME.test(key))
        // Nothing of a secret line is repeated: it may be the second line of a multi-line secret.
        throw new InputError(
          isSecret
            ? `Input '${name}': line ${number} is not KEY=VALUE (a secret must fit on one line).`
            : `Input '${name}' has a line '${line}'; expected KEY=VALUE, one per line.`
        )
      return { name: key, value: line.slice(at + 1), isSecret }
    })
}

function parsePlatform(value: string): BuildSettings['platform'] {
  const [os, architecture = 'amd64', variant, ...rest] = value.trim().toLowerCase().split('/')
  if (!os || rest.length > 0 || !['linux', 'windows'].includes(os))
    throw new InputError(
      `Input 'platform' is '${value}'; expected os/architecture[/variant], e.g. linux/amd64 or linux/arm64/v8.`
    )
  return {
    os: os === 'linux' ? 'Linux' : 'Windows',
    architecture,
    ...(variant ? { variant } : {})
  }
}

function parseTimeout(value: string): number {
  if (!value.trim()) return 3600
  const minutes = Number(value)
  const seconds = minutes * 60
  if (!Number.isInteger(minutes) || seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS)
    throw new InputError(
      `Input 'timeout-minutes' is '${value}'; ACR Tasks accept ${MIN_TIMEOUT_SECONDS / 60} to ${MAX_TIMEOUT_SECONDS / 60} whole minutes.`
    )
  return seconds
}

const lines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
