/** Rules that relate several keys: subnet inside the address space, reserved ranges, scope, sizes, the key's vault. */
import { contains, formatCidr, overlaps, parseCidr, type Cidr } from './cidr.js'
import { vaultNameOf } from './formats.js'
import { KEY_VAULT, resourceName } from './resource-id.js'
import { checkPools, checkRunnerSections, type PoolsTree } from './pools.js'
import type { Finding } from './validate.js'

/**
 * Ranges a Container Apps workload-profiles environment uses itself (Microsoft Learn, "Configure virtual networks
 * in Azure Container Apps", subnet address range restrictions).
 */
export const RESERVED_RANGES = [
  '169.254.0.0/16',
  '172.30.0.0/16',
  '172.31.0.0/16',
  '192.0.2.0/24',
  '100.100.0.0/17',
  '100.100.128.0/19',
  '100.100.160.0/19',
  '100.100.192.0/19'
]

export const MIN_SUBNET_PREFIX = 27

/** Shapes after validateTree: present keys have the right types; `usable(path)` says whether a value passed its own checks. */
interface Tree extends PoolsTree {
  azure?: { subscriptionId: string }
  network?: { addressSpace: string; subnet: string; routeTableId?: string; peerings: { useRemoteGateways?: boolean }[] }
  github?: {
    labels?: string[]
    scope: string
    runnerGroup?: string
    runnerGroupId?: number
    app?: { privateKeySecretUri: string; keyVaultId?: string }
  }
}

function cidr(text: string): Cidr {
  const parsed = parseCidr(text)
  if (!parsed.ok) throw new Error('cross checks run on checked CIDRs only')
  return parsed.cidr
}

/** `tree` is whatever validateTree returned; sections may be missing or mistyped, so every access is guarded by `usable`. */
export function crossCheck(tree: Tree, usable: (path: string) => boolean): Finding[] {
  return [
    ...checkNetwork(tree, usable),
    ...checkPeerings(tree, usable),
    ...checkRouteTable(tree, usable),
    ...checkGitHub(tree, usable),
    ...checkRunnerSections(tree, usable),
    ...checkPools(tree, usable)
  ]
}

function checkNetwork({ network }: Tree, usable: (path: string) => boolean): Finding[] {
  const findings: Finding[] = []
  if (!network) return findings
  const space = usable('network.addressSpace') ? cidr(network.addressSpace) : undefined
  const subnet = usable('network.subnet') ? cidr(network.subnet) : undefined
  if (subnet && subnet.prefix > MIN_SUBNET_PREFIX) {
    findings.push({
      path: 'network.subnet',
      at: 'value',
      message: `network.subnet: ${network.subnet} is smaller than /${MIN_SUBNET_PREFIX}`,
      hint: `a Container Apps workload-profiles environment needs a /${MIN_SUBNET_PREFIX} or larger subnet`
    })
  }
  if (space && subnet && space.prefix > subnet.prefix) {
    findings.push({
      path: 'network.addressSpace',
      at: 'value',
      message: `network.addressSpace: ${network.addressSpace} is smaller than the subnet ${network.subnet}`,
      hint: 'the address space must hold the subnet; widen it or narrow the subnet'
    })
  } else if (space && subnet && !contains(space, subnet)) {
    findings.push({
      path: 'network.subnet',
      at: 'value',
      message: `network.subnet: ${network.subnet} is not inside the address space ${network.addressSpace}`,
      hint: `pick a subnet inside ${network.addressSpace}, e.g. ${formatCidr({ base: space.base, prefix: Math.max(space.prefix, MIN_SUBNET_PREFIX) })}`
    })
  }
  const reserved = space && RESERVED_RANGES.find(range => overlaps(space, cidr(range)))
  if (reserved) {
    findings.push({
      path: 'network.addressSpace',
      at: 'value',
      message: `network.addressSpace: ${network.addressSpace} overlaps ${reserved}, which Container Apps reserves`,
      hint: `choose a range outside ${RESERVED_RANGES.join(', ')}`
    })
  }
  return findings
}

function checkPeerings({ network }: Tree, usable: (path: string) => boolean): Finding[] {
  if (!network || !usable('network.peerings')) return []
  const withGateway = network.peerings
    .map((peering, i) => ({ peering, i }))
    .filter(({ peering }) => peering.useRemoteGateways === true)
  return withGateway.slice(1).map(({ i }) => ({
    path: `network.peerings[${i}].useRemoteGateways`,
    at: 'value' as const,
    message: `network.peerings[${i}].useRemoteGateways: only one peering may use remote gateways`,
    hint: `network.peerings[${withGateway[0].i}] already does; a VNet can route through one peered gateway only`
  }))
}

/** Azure associates a route table only with subnets in its own subscription (and region; that one Azure checks). */
function checkRouteTable({ azure, network }: Tree, usable: (path: string) => boolean): Finding[] {
  if (!azure || !network?.routeTableId || !usable('network.routeTableId') || !usable('azure.subscriptionId')) return []
  const subscription = network.routeTableId.split('/')[2] ?? ''
  if (subscription.toLowerCase() === azure.subscriptionId.toLowerCase()) return []
  return [
    {
      path: 'network.routeTableId',
      at: 'value',
      message: `network.routeTableId: the route table is in subscription ${subscription}, not in the runners' subscription ${azure.subscriptionId}`,
      hint: 'a subnet can use a route table of its own subscription and region only; ask the platform for one there'
    }
  ]
}

function checkGitHub({ github }: Tree, usable: (path: string) => boolean): Finding[] {
  const findings: Finding[] = []
  if (!github) return findings
  if (usable('github.scope') && github.scope === 'repo' && github.runnerGroup !== undefined) {
    findings.push({
      path: 'github.runnerGroup',
      at: 'key',
      message: 'github.runnerGroup: not allowed with scope: repo',
      hint: 'runner groups exist only at org scope; remove runnerGroup or set scope: org'
    })
  }
  if (usable('github.scope') && github.scope === 'repo' && github.runnerGroupId !== undefined) {
    findings.push({
      path: 'github.runnerGroupId',
      at: 'key',
      message: 'github.runnerGroupId: not allowed with scope: repo',
      hint: 'runner groups exist only at org scope; remove runnerGroupId or set scope: org'
    })
  }
  const { privateKeySecretUri, keyVaultId } = github.app ?? {}
  if (
    privateKeySecretUri !== undefined &&
    keyVaultId !== undefined &&
    usable('github.app.keyVaultId') &&
    usable('github.app.privateKeySecretUri')
  ) {
    const vault = resourceName(keyVaultId, KEY_VAULT)?.toLowerCase()
    const uriVault = vaultNameOf(privateKeySecretUri)
    if (vault !== uriVault) {
      findings.push({
        path: 'github.app.keyVaultId',
        at: 'value',
        message: `github.app.keyVaultId: names vault \`${vault}\`, but privateKeySecretUri is in \`${uriVault}\``,
        hint: 'keyVaultId must be the ARM id of the vault that holds the secret'
      })
    }
  }
  return findings
}

export { memoryFor } from './pools.js'
