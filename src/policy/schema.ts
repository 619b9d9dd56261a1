/**
 * The platform policy file: what the platform allows team configs to name. Every section is optional; a rule
 * that is absent allows anything, a rule that is present (even an empty list) allows only what it lists.
 */
import { checkGitHubUrl, checkResourceGroupName, checkTeamName } from '../config/formats.js'
import { show, type Issue } from '../config/issue.js'
import { CONTAINER_REGISTRY, PRIVATE_DNS_ZONE } from '../config/resource-id.js'
import { armId, checkCpu } from '../config/schema.js'
import type { ListSpec, ObjectSpec, Spec } from '../config/spec.js'

function checkImagePrefix(value: string): Issue | undefined {
  if (/^(?:[A-Za-z0-9.-]+\.[A-Za-z0-9.-]+|localhost)(?::\d{1,5})?\/[^\s]*$/.test(value)) return undefined
  return {
    message: `${show(value)} is not an image prefix`,
    hint: 'start with the registry host and a path, e.g. ghcr.io/altinn/runner-setup/runner'
  }
}

function checkVnetPrefix(value: string): Issue | undefined {
  if (/^\/subscriptions\/[0-9a-f-]{36}(\/\S*)?$/i.test(value)) return undefined
  return {
    message: `${show(value)} is not the start of an Azure resource id`,
    hint: 'e.g. /subscriptions/<id>/resourceGroups/rg-network, or a whole virtual network id'
  }
}

const lower = (item: unknown): string | undefined => (typeof item === 'string' ? item.toLowerCase() : undefined)

function list(items: Spec, example: string): ListSpec {
  return { type: 'list', items, identity: lower, example }
}

const TEAM_RULES: ObjectSpec = {
  type: 'object',
  fields: {
    resourceGroups: list({ type: 'string', check: checkResourceGroupName }, 'resourceGroups: [rg-studio-runners]'),
    peeringTargets: list(
      { type: 'string', check: checkVnetPrefix },
      'peeringTargets: [/subscriptions/<id>/resourceGroups/rg-studio-network]'
    ),
    privateDnsZones: list(armId(PRIVATE_DNS_ZONE), 'privateDnsZones: [/subscriptions/<id>/.../privateDnsZones/<zone>]'),
    buildRegistries: list(
      armId(CONTAINER_REGISTRY),
      'buildRegistries: [/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ContainerRegistry/registries/<name>]'
    )
  }
}

export const PLATFORM_POLICY: ObjectSpec = {
  type: 'object',
  document: {
    what: 'a platform policy is a mapping with github, runners, limits and teams',
    hint: 'start from examples/platform-repo/policy.yaml'
  },
  fields: {
    github: {
      type: 'object',
      default: {},
      fields: { urls: list({ type: 'string', check: checkGitHubUrl }, 'urls: [https://github.com]') }
    },
    runners: {
      type: 'object',
      default: {},
      fields: {
        imagePrefixes: list(
          { type: 'string', check: checkImagePrefix },
          'imagePrefixes: [ghcr.io/altinn/runner-setup/runner]'
        ),
        registries: list(armId(CONTAINER_REGISTRY), 'registries: [/subscriptions/.../registries/crstudio]')
      }
    },
    limits: {
      type: 'object',
      default: {},
      fields: {
        maxRunners: { type: 'integer', min: 1, max: 1000, example: 'maxRunners: 20' },
        maxCpu: { type: 'number', check: checkCpu, example: 'maxCpu: 2' },
        maxPools: { type: 'integer', min: 1, max: 20, example: 'maxPools: 5' }
      }
    },
    teams: { type: 'map', keyCheck: checkTeamName, values: TEAM_RULES }
  }
}
