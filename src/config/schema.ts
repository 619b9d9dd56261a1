/** The team config file: every key, its type, whether it is required, its static default and its checks. */
import { parseCidr } from './cidr.js'
import * as f from './formats.js'
import { show, type Issue } from './issue.js'
import { checkCpuStep, checkWorkloadProfile, withPools } from './pools.js'
import {
  checkResourceId,
  CONTAINER_REGISTRY,
  KEY_VAULT,
  LOG_ANALYTICS_WORKSPACE,
  PRIVATE_DNS_ZONE,
  ROUTE_TABLE,
  VIRTUAL_NETWORK,
  type ResourceType
} from './resource-id.js'
import type { ObjectSpec, Spec } from './spec.js'

export const DEFAULT_IMAGE = 'ghcr.io/altinn/runner-setup/runner:1'
export const DEFAULT_CPU = 2
/** Tags runner-setup adds to every resource; Azure allows 50 per resource. */
export const RESERVED_TAG_PREFIXES = ['managed-by', 'runner-setup-']
export const MAX_OWN_TAGS = 48

export function checkCidr(value: string): Issue | undefined {
  const parsed = parseCidr(value)
  if (parsed.ok) return undefined
  if (parsed.reason === 'host-bits') {
    return {
      message: `${show(value)} has host bits set; the network address is ${parsed.network}`,
      hint: `write ${parsed.network}`
    }
  }
  return { message: `${show(value)} is not an IPv4 CIDR range`, hint: 'write it as address/prefix, e.g. 10.90.0.0/24' }
}

/** Consumption sizes: 0.25 to 4 vCPU in steps of 0.25. */
export function checkCpu(value: number): Issue | undefined {
  if (value >= 0.25 && value <= 4 && Number.isInteger(value * 4)) return undefined
  return {
    message: `${value} is not a Consumption CPU size`,
    hint: 'use 0.25 to 4 in steps of 0.25, with memory twice the CPU in Gi (cpu: 1, memory: 2Gi)'
  }
}

export function checkMemory(value: string): Issue | undefined {
  if (/^\d+(\.\d+)?Gi$/.test(value)) return undefined
  return {
    message: `${show(value)} is not a memory size in Gi`,
    hint: 'write it like 4Gi; Consumption needs twice the CPU, e.g. cpu: 2, memory: 4Gi'
  }
}

function checkClock(value: string): Issue | undefined {
  if (/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) return undefined
  return { message: `${show(value)} is not a time of day`, hint: 'write HH:MM in 24-hour time, quoted: "07:00"' }
}

/** An IANA time zone Node's Intl knows (the same database Azure and GitHub use). */
function checkTimeZone(value: string): Issue | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return undefined
  } catch {
    return { message: `${show(value)} is not a time zone`, hint: 'use an IANA name, e.g. Europe/Oslo or UTC' }
  }
}

function checkCurrency(value: string): Issue | undefined {
  if (/^[A-Z]{3}$/.test(value)) return undefined
  return { message: `${show(value)} is not a currency code`, hint: 'use an ISO 4217 code, e.g. USD, EUR or NOK' }
}

/** A price per second: Consumption's list prices are fractions of a cent. */
function checkPrice(value: number): Issue | undefined {
  if (value >= 0 && value < 1) return undefined
  return { message: `${value} is not a price per second`, hint: 'write it per second, e.g. vcpuSecond: 0.000024' }
}

function checkTagKey(key: string): Issue | undefined {
  if (RESERVED_TAG_PREFIXES.some(prefix => key.toLowerCase().startsWith(prefix))) {
    return {
      message: `${show(key)} is reserved for the tags runner-setup adds itself`,
      hint: 'tag names may not start with managed-by or runner-setup-; rename the tag'
    }
  }
  if (key.length > 512 || /[<>%&\\?/]/.test(key)) {
    return {
      message: `${show(key)} is not a valid Azure tag name`,
      hint: 'use at most 512 characters, none of < > % & \\ ? /'
    }
  }
  return undefined
}

export function armId(kind: ResourceType): Spec {
  return { type: 'string', check: value => checkResourceId(value, kind) }
}

const lower = (item: unknown): string | undefined => (typeof item === 'string' ? item.toLowerCase() : undefined)

const PEERING: ObjectSpec = {
  type: 'object',
  fields: {
    remoteVnetId: {
      ...armId(VIRTUAL_NETWORK),
      required: true,
      example: 'remoteVnetId: /subscriptions/.../virtualNetworks/vnet-name'
    },
    allowForwardedTraffic: { type: 'boolean', default: true },
    useRemoteGateways: { type: 'boolean', default: false }
  }
}

export const TEAM_CONFIG: ObjectSpec = {
  type: 'object',
  document: {
    what: 'a team config is a mapping with team, azure, network and github',
    hint: 'start from examples/teams/minimal.yaml'
  },
  fields: {
    team: { type: 'string', required: true, check: f.checkTeamName, example: 'team: studio' },
    azure: {
      type: 'object',
      required: true,
      example: 'azure: { subscriptionId: ..., resourceGroup: ..., location: norwayeast }',
      fields: {
        subscriptionId: {
          type: 'string',
          required: true,
          check: f.checkGuid,
          example: 'subscriptionId: 00000000-0000-0000-0000-000000000000'
        },
        resourceGroup: {
          type: 'string',
          required: true,
          check: f.checkResourceGroupName,
          example: 'resourceGroup: rg-studio-runners'
        },
        location: { type: 'string', required: true, check: f.checkLocation, example: 'location: norwayeast' },
        createResourceGroup: { type: 'boolean', default: false }
      }
    },
    network: {
      type: 'object',
      required: true,
      example: 'network: { addressSpace: 10.90.0.0/24, subnet: 10.90.0.0/27 }',
      fields: {
        addressSpace: { type: 'string', required: true, check: checkCidr, example: 'addressSpace: 10.90.0.0/24' },
        subnet: { type: 'string', required: true, check: checkCidr, example: 'subnet: 10.90.0.0/27' },
        natGateway: { type: 'boolean', default: false },
        routeTableId: armId(ROUTE_TABLE),
        peerings: {
          type: 'list',
          default: [],
          items: PEERING,
          identity: item => lower((item as { remoteVnetId?: unknown } | null)?.remoteVnetId)
        },
        dnsServers: {
          type: 'list',
          default: [],
          items: { type: 'string', check: f.checkIpv4Address },
          identity: lower
        },
        privateDnsZones: { type: 'list', default: [], items: armId(PRIVATE_DNS_ZONE), identity: lower }
      }
    },
    github: {
      type: 'object',
      required: true,
      example: 'github: { owner: altinn, repos: [...], app: {...} }',
      fields: {
        url: { type: 'string', default: 'https://github.com', check: f.checkGitHubUrl },
        owner: { type: 'string', required: true, check: f.checkGitHubLogin, example: 'owner: altinn' },
        scope: { type: 'string', default: 'org', oneOf: ['org', 'repo'] },
        repos: {
          type: 'list',
          required: true,
          minItems: 1,
          items: { type: 'string', check: f.checkRepoName },
          identity: lower,
          example: 'repos: [altinn-studio]'
        },
        runnerGroup: { type: 'string', check: f.checkRunnerGroupName },
        runnerGroupId: { type: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, example: 'runnerGroupId: 42' },
        labels: {
          type: 'list',
          minItems: 1,
          maxItems: 20,
          items: { type: 'string', check: f.checkLabel },
          identity: lower
        },
        allowPublicRepos: { type: 'boolean', default: false },
        app: {
          type: 'object',
          required: true,
          example:
            'app: { id: 123456, installationId: 7891011, privateKeySecretUri: https://kv-name.vault.azure.net/secrets/gh-app-key }',
          fields: {
            id: { type: 'integer', required: true, min: 1, max: Number.MAX_SAFE_INTEGER, example: 'id: 123456' },
            installationId: {
              type: 'integer',
              required: true,
              min: 1,
              max: Number.MAX_SAFE_INTEGER,
              example: 'installationId: 7891011'
            },
            privateKeySecretUri: {
              type: 'string',
              required: true,
              check: f.checkSecretUri,
              example: 'privateKeySecretUri: https://kv-name.vault.azure.net/secrets/gh-app-key'
            },
            keyVaultId: armId(KEY_VAULT)
          }
        }
      }
    },
    runners: withPools({
      type: 'object',
      default: {},
      fields: {
        image: { type: 'string', default: DEFAULT_IMAGE, check: f.checkImage },
        cpu: { type: 'number', check: checkCpuStep },
        memory: { type: 'string', check: checkMemory },
        max: { type: 'integer', default: 10, min: 1, max: 1000 },
        pollingIntervalSeconds: { type: 'integer', default: 20, min: 1, max: 3600 },
        jobTimeoutMinutes: { type: 'integer', default: 60, min: 1, max: 1440 },
        idleTimeoutMinutes: { type: 'integer', default: 10, min: 1, max: 60 },
        sudo: { type: 'boolean', default: false },
        allowUserNamespaces: { type: 'boolean', default: false },
        warmPool: {
          type: 'object',
          example:
            'warmPool: { size: 2, schedule: { days: [mon, tue, wed, thu, fri], start: "07:00", end: "17:00", timeZone: Europe/Oslo } }',
          fields: {
            size: { type: 'integer', required: true, min: 1, max: 1000, example: 'size: 2' },
            always: { type: 'boolean', default: false },
            schedule: {
              type: 'object',
              fields: {
                days: {
                  type: 'list',
                  required: true,
                  minItems: 1,
                  maxItems: 7,
                  items: { type: 'string', oneOf: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
                  identity: lower,
                  example: 'days: [mon, tue, wed, thu, fri]'
                },
                start: { type: 'string', required: true, check: checkClock, example: 'start: "07:00"' },
                end: { type: 'string', required: true, check: checkClock, example: 'end: "17:00"' },
                timeZone: { type: 'string', required: true, check: checkTimeZone, example: 'timeZone: Europe/Oslo' }
              }
            }
          }
        },
        price: {
          type: 'object',
          fields: {
            currency: { type: 'string', check: checkCurrency },
            vcpuSecond: { type: 'number', check: checkPrice },
            gibSecond: { type: 'number', check: checkPrice }
          }
        },
        workloadProfile: { type: 'string', check: checkWorkloadProfile, example: 'workloadProfile: D8' },
        registry: armId(CONTAINER_REGISTRY)
      }
    }),
    logs: { type: 'object', default: {}, fields: { workspaceId: armId(LOG_ANALYTICS_WORKSPACE) } },
    tags: {
      type: 'map',
      default: {},
      maxEntries: MAX_OWN_TAGS,
      keyCheck: checkTagKey,
      values: { type: 'string', maxLength: 256 }
    },
    probe: {
      type: 'object',
      default: {},
      fields: {
        endpoints: { type: 'list', default: [], items: { type: 'string', check: f.checkHostPort }, identity: lower }
      }
    }
  }
}
