/**
 * The runner subnet's security rules. Runners take no inbound traffic; outbound they need the
 * VNet, Azure DNS, the Azure services a workload-profiles environment uses, and GitHub over HTTPS. Priorities are
 * fixed so a rerun compares rule by rule.
 */
import type { SecurityRule } from '@azure/arm-network'

/** Azure's virtual public IP: DNS, DHCP and health probes. Never deny it. */
const AZURE_PLATFORM_IP = '168.63.129.16'

/** Outbound HTTPS service tags a workload-profiles environment needs, in priority order. */
const HTTPS_SERVICE_TAGS = [
  'AzureActiveDirectory', // managed identity tokens
  'MicrosoftContainerRegistry', // platform images
  'AzureFrontDoor.FirstParty', // MCR's content delivery
  'AzureMonitor', // logs and metrics
  'AzureKeyVault' // the App key's secret reference
] as const

function rule(
  name: string,
  priority: number,
  direction: 'Inbound' | 'Outbound',
  access: 'Allow' | 'Deny',
  fields: { protocol: string; source: string; destination: string; port: string; description: string }
): SecurityRule {
  return {
    name,
    description: fields.description,
    priority,
    direction,
    access,
    protocol: fields.protocol,
    sourceAddressPrefix: fields.source,
    sourcePortRange: '*',
    destinationAddressPrefix: fields.destination,
    destinationPortRange: fields.port
  }
}

function tagRuleName(tag: string): string {
  return `allow-https-${tag.toLowerCase().replaceAll('.', '-')}-outbound`
}

export function runnerSecurityRules(): SecurityRule[] {
  return [
    rule('deny-internet-inbound', 4096, 'Inbound', 'Deny', {
      protocol: '*',
      source: 'Internet',
      destination: '*',
      port: '*',
      description: 'Runners serve nothing: no inbound traffic from the internet'
    }),
    rule('allow-vnet-outbound', 100, 'Outbound', 'Allow', {
      protocol: '*',
      source: 'VirtualNetwork',
      destination: 'VirtualNetwork',
      port: '*',
      description: 'Runner subnet, peered private VNets and their private endpoints'
    }),
    rule('allow-azure-dns-outbound', 110, 'Outbound', 'Allow', {
      protocol: '*',
      source: 'VirtualNetwork',
      destination: AZURE_PLATFORM_IP,
      port: '53',
      description: 'Azure DNS, TCP and UDP'
    }),
    ...HTTPS_SERVICE_TAGS.map((tag, i) =>
      rule(tagRuleName(tag), 120 + 10 * i, 'Outbound', 'Allow', {
        protocol: 'Tcp',
        source: 'VirtualNetwork',
        destination: tag,
        port: '443',
        description: `HTTPS to ${tag}, needed by Container Apps`
      })
    ),
    rule('allow-https-internet-outbound', 200, 'Outbound', 'Allow', {
      protocol: 'Tcp',
      source: 'VirtualNetwork',
      destination: 'Internet',
      port: '443',
      description: 'HTTPS to GitHub, ghcr.io and the Actions service endpoints'
    }),
    rule('deny-internet-outbound', 4096, 'Outbound', 'Deny', {
      protocol: '*',
      source: '*',
      destination: 'Internet',
      port: '*',
      description: 'Nothing else leaves for the internet'
    })
  ]
}
