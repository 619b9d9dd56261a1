/** Invalid team configs and the exact problems each must produce. Line numbers refer to BASE (see helpers.ts). */
import { plus, withLine } from './helpers.js'

export interface InvalidCase {
  name: string
  text: string
  expected: string[]
}

const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAxFakeFakeFakeFakeFakeFakeFakeFakeFake',
  '-----END RSA PRIVATE KEY-----'
]
const VNET =
  '/subscriptions/00000000-0000-0000-0000-0000000000cb/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-private'
const ZONE =
  '/subscriptions/00000000-0000-0000-0000-0000000000cb/resourceGroups/rg-net/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
const VAULT =
  '/subscriptions/00000000-0000-0000-0000-0000000000ca/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults'
const FAKE_GHP = `ghp_${'A1b2C3d4E5'.repeat(4)}`
const FAKE_PAT = `github_pat_${'11ABCDEFG0'.repeat(3)}_${'x'.repeat(20)}`
const FAKE_JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjM0NTYifQ.c2lnbmF0dXJl'
const FAKE_CLIENT_SECRET = `abc8Q~${'Zz0_-.'.repeat(5)}ab`
const tags = (n: number) => `tags:\n${Array.from({ length: n }, (_, i) => `  tag${i}: v`).join('\n')}`
const network = (addressSpace: string, subnet: string) =>
  withLine(7, `  addressSpace: ${addressSpace}\n  subnet: ${subnet}`).replace('  subnet: 10.92.0.0/27\n', '')
const runners = (body: string) => plus(`runners:\n${body}`)

export const INVALID_CASES: InvalidCase[] = [
  // YAML itself
  {
    name: 'YAML syntax error',
    text: withLine(11, '  repos: [minimal-app'),
    expected: ['team.yaml:12:3: Flow sequence in block collection must be sufficiently indented and end with a ]']
  },
  { name: 'duplicate key', text: plus('team: other'), expected: ['team.yaml:16:1: team: duplicate key'] },
  {
    name: 'empty file',
    text: '',
    expected: ['team.yaml:1:1: a team config is a mapping with team, azure, network and github; the file is empty']
  },
  {
    name: 'a list instead of a mapping',
    text: '- team: minimal\n',
    expected: ['team.yaml:1:1: a team config is a mapping with team, azure, network and github; got a list']
  },
  {
    name: 'two YAML documents',
    text: plus('---\nteam: other'),
    expected: ['team.yaml:16:1: a team config is one YAML document; this file holds several']
  },
  {
    name: 'tab indentation',
    text: withLine(8, '\tsubnet: 10.92.0.0/27'),
    expected: ['team.yaml:8:1: Tabs are not allowed as indentation']
  },
  // keys and types
  {
    name: 'tagged value where a string is expected',
    text: withLine(1, 'team: !!binary bWluaW1hbA=='),
    expected: ['team.yaml:1:16: team: expected a string, got a tagged value']
  },
  {
    name: 'NaN where a number is expected',
    text: runners('  cpu: .nan'),
    expected: ['team.yaml:17:8: runners.cpu: expected a number, got an infinite or NaN number']
  },
  {
    name: 'key that is not a plain name',
    text: plus('? [a, b]\n: c'),
    expected: ['team.yaml:16:3: keys must be plain names']
  },
  {
    name: 'unknown top-level key near a known one',
    text: plus('runner:\n  max: 5'),
    expected: ['team.yaml:16:1: runner: unknown key; did you mean `runners`?']
  },
  {
    name: 'unknown nested key in the wrong case',
    text: withLine(8, '  subnet: 10.92.0.0/27\n  natgateway: true'),
    expected: ['team.yaml:9:3: network.natgateway: unknown key; did you mean `natGateway`?']
  },
  {
    name: 'unknown key without a near miss',
    text: withLine(5, '  location: norwayeast\n  color: blue'),
    expected: ['team.yaml:6:3: azure.color: unknown key']
  },
  {
    name: 'missing required key',
    text: withLine(5, ''),
    expected: ['team.yaml:2:1: azure: missing required key `location`']
  },
  {
    name: 'missing required section',
    text: withLine(12, '')
      .split('\n')
      .filter(line => !line.startsWith('    '))
      .join('\n'),
    expected: ['team.yaml:9:1: github: missing required key `app`']
  },
  {
    name: 'string where an integer is expected',
    text: runners('  max: ten'),
    expected: ['team.yaml:17:8: runners.max: expected an integer, got a string']
  },
  {
    name: 'string where a list is expected',
    text: withLine(11, '  repos: minimal-app'),
    expected: ['team.yaml:11:10: github.repos: expected a list, got a string']
  },
  {
    name: 'string where a boolean is expected',
    text: runners('  sudo: "yes"'),
    expected: ['team.yaml:17:9: runners.sudo: expected true or false, got a string']
  },
  {
    name: 'empty value',
    text: withLine(8, '  subnet:'),
    expected: ['team.yaml:8:10: network.subnet: expected a string, got an empty value']
  },
  // azure
  {
    name: 'team name in upper case',
    text: withLine(1, 'team: Minimal'),
    expected: [
      'team.yaml:1:7: team: `Minimal` must be 2-20 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen'
    ]
  },
  {
    name: 'team name with a double hyphen',
    text: withLine(1, 'team: my--team'),
    expected: [
      'team.yaml:1:7: team: `my--team` must be 2-20 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen'
    ]
  },
  {
    name: 'team name too long',
    text: withLine(1, 'team: a-very-long-team-name-x'),
    expected: [
      'team.yaml:1:7: team: `a-very-long-team-name-x` must be 2-20 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen'
    ]
  },
  {
    name: 'subscription id not a GUID',
    text: withLine(3, '  subscriptionId: my-subscription'),
    expected: ['team.yaml:3:19: azure.subscriptionId: `my-subscription` is not a subscription id (a GUID)']
  },
  {
    name: 'resource group ending with a period',
    text: withLine(4, '  resourceGroup: rg-minimal.'),
    expected: ['team.yaml:4:18: azure.resourceGroup: `rg-minimal.` is not a valid resource group name']
  },
  {
    name: 'location display name',
    text: withLine(5, '  location: Norway East'),
    expected: ['team.yaml:5:13: azure.location: `Norway East` is not an Azure region name']
  },
  // network
  {
    name: 'CIDR syntax',
    text: network('10.92.0/24', '10.92.0.0/27'),
    expected: ['team.yaml:7:17: network.addressSpace: `10.92.0/24` is not an IPv4 CIDR range']
  },
  {
    name: 'CIDR with host bits',
    text: network('10.92.0.0/24', '10.92.0.5/27'),
    expected: ['team.yaml:8:11: network.subnet: `10.92.0.5/27` has host bits set; the network address is 10.92.0.0/27']
  },
  {
    name: 'subnet outside the address space',
    text: network('10.92.0.0/24', '10.93.0.0/27'),
    expected: ['team.yaml:8:11: network.subnet: 10.93.0.0/27 is not inside the address space 10.92.0.0/24']
  },
  {
    name: 'subnet smaller than /27',
    text: network('10.92.0.0/24', '10.92.0.0/28'),
    expected: ['team.yaml:8:11: network.subnet: 10.92.0.0/28 is smaller than /27']
  },
  {
    name: 'address space smaller than the subnet',
    text: network('10.92.0.0/28', '10.92.0.0/27'),
    expected: ['team.yaml:7:17: network.addressSpace: 10.92.0.0/28 is smaller than the subnet 10.92.0.0/27']
  },
  {
    name: 'address space in 172.30.0.0/16',
    text: network('172.30.5.0/24', '172.30.5.0/27'),
    expected: [
      'team.yaml:7:17: network.addressSpace: 172.30.5.0/24 overlaps 172.30.0.0/16, which Container Apps reserves'
    ]
  },
  {
    name: 'address space in 100.100.0.0/17',
    text: network('100.100.64.0/24', '100.100.64.0/27'),
    expected: [
      'team.yaml:7:17: network.addressSpace: 100.100.64.0/24 overlaps 100.100.0.0/17, which Container Apps reserves'
    ]
  },
  {
    name: 'address space covering 192.0.2.0/24',
    text: network('192.0.0.0/22', '192.0.0.0/27'),
    expected: [
      'team.yaml:7:17: network.addressSpace: 192.0.0.0/22 overlaps 192.0.2.0/24, which Container Apps reserves'
    ]
  },
  {
    name: 'peering to a private DNS zone id',
    text: withLine(8, `  subnet: 10.92.0.0/27\n  peerings:\n    - remoteVnetId: ${ZONE}`),
    expected: [
      'team.yaml:10:21: network.peerings[0].remoteVnetId: is the id of a Microsoft.Network/privateDnsZones, not of a virtual network'
    ]
  },
  {
    name: 'peering to something that is not an ARM id',
    text: withLine(8, '  subnet: 10.92.0.0/27\n  peerings:\n    - remoteVnetId: vnet-private'),
    expected: ['team.yaml:10:21: network.peerings[0].remoteVnetId: `vnet-private` is not an Azure resource id']
  },
  {
    name: 'the same VNet peered twice',
    text: withLine(
      8,
      `  subnet: 10.92.0.0/27\n  peerings:\n    - remoteVnetId: ${VNET}\n    - remoteVnetId: ${VNET.toLowerCase()}`
    ),
    expected: ['team.yaml:11:7: network.peerings[1]: duplicate of network.peerings[0]']
  },
  {
    name: 'two peerings using remote gateways',
    text: withLine(
      8,
      `  subnet: 10.92.0.0/27\n  peerings:\n    - remoteVnetId: ${VNET}\n      useRemoteGateways: true\n    - remoteVnetId: ${VNET}2\n      useRemoteGateways: true`
    ),
    expected: ['team.yaml:13:26: network.peerings[1].useRemoteGateways: only one peering may use remote gateways']
  },
  {
    name: 'peering without remoteVnetId',
    text: withLine(8, '  subnet: 10.92.0.0/27\n  peerings:\n    - useRemoteGateways: true'),
    expected: ['team.yaml:10:7: network.peerings[0]: missing required key `remoteVnetId`']
  },
  {
    name: 'DNS server not an IPv4 address',
    text: withLine(8, '  subnet: 10.92.0.0/27\n  dnsServers: [10.20.0.4, 10.20.0.256]'),
    expected: ['team.yaml:9:27: network.dnsServers[1]: `10.20.0.256` is not an IPv4 address']
  },
  {
    name: 'public DNS zone instead of a private one',
    text: withLine(8, `  subnet: 10.92.0.0/27\n  privateDnsZones: [${ZONE.replace('privateDnsZones', 'dnsZones')}]`),
    expected: [
      'team.yaml:9:21: network.privateDnsZones[0]: is the id of a Microsoft.Network/dnsZones, not of a private DNS zone'
    ]
  },
  {
    name: 'route table id of the wrong type',
    text: withLine(8, `  subnet: 10.92.0.0/27\n  routeTableId: ${VNET}`),
    expected: [
      'team.yaml:9:17: network.routeTableId: is the id of a Microsoft.Network/virtualNetworks, not of a route table'
    ]
  },
  {
    name: "route table in another subscription than the runners'",
    text: withLine(
      8,
      `  subnet: 10.92.0.0/27\n  routeTableId: ${VNET.replace('virtualNetworks/vnet-private', 'routeTables/rt-hub')}`
    ),
    expected: [
      "team.yaml:9:17: network.routeTableId: the route table is in subscription 00000000-0000-0000-0000-0000000000cb, not in the runners' subscription 00000000-0000-0000-0000-0000000000ca"
    ]
  },
  {
    name: 'workspace id of the wrong type',
    text: plus(`logs:\n  workspaceId: ${VNET}`),
    expected: [
      'team.yaml:17:16: logs.workspaceId: is the id of a Microsoft.Network/virtualNetworks, not of a Log Analytics workspace'
    ]
  },
  // github
  {
    name: 'http GitHub URL',
    text: withLine(10, '  url: http://github.example.com\n  owner: altinn'),
    expected: ['team.yaml:10:8: github.url: `http://github.example.com` must be an https URL without a path']
  },
  {
    name: 'GitHub URL with a path',
    text: withLine(10, '  url: https://github.com/altinn\n  owner: altinn'),
    expected: ['team.yaml:10:8: github.url: `https://github.com/altinn` must be an https URL without a path']
  },
  {
    name: 'owner starting with a hyphen',
    text: withLine(10, '  owner: -altinn'),
    expected: ['team.yaml:10:10: github.owner: `-altinn` is not a GitHub organization or user name']
  },
  {
    name: 'scope misspelt',
    text: withLine(10, '  owner: altinn\n  scope: orgs'),
    expected: ['team.yaml:11:10: github.scope: must be `org` or `repo`, got `orgs`']
  },
  {
    name: 'no repositories',
    text: withLine(11, '  repos: []'),
    expected: ['team.yaml:11:10: github.repos: must not be empty']
  },
  {
    name: 'repository written with its owner',
    text: withLine(11, '  repos: [altinn/minimal-app]'),
    expected: ['team.yaml:11:11: github.repos[0]: `altinn/minimal-app` is not a repository name']
  },
  {
    name: 'repository listed twice',
    text: withLine(11, '  repos: [minimal-app, other, Minimal-App]'),
    expected: ['team.yaml:11:31: github.repos[2]: duplicate of github.repos[0]']
  },
  {
    name: 'runner group at repo scope',
    text: withLine(11, '  scope: repo\n  repos: [minimal-app]\n  runnerGroup: minimal'),
    expected: ['team.yaml:13:3: github.runnerGroup: not allowed with scope: repo']
  },
  {
    name: 'runner group id at repo scope',
    text: withLine(11, '  scope: repo\n  repos: [minimal-app]\n  runnerGroupId: 42'),
    expected: ['team.yaml:13:3: github.runnerGroupId: not allowed with scope: repo']
  },
  {
    name: 'runner group id not a positive integer',
    text: withLine(11, '  repos: [minimal-app]\n  runnerGroupId: 0'),
    expected: ['team.yaml:12:18: github.runnerGroupId: must be a positive integer, got 0']
  },
  {
    name: 'shared label self-hosted',
    text: withLine(11, '  repos: [minimal-app]\n  labels: [minimal, self-hosted]'),
    expected: ['team.yaml:12:21: github.labels[1]: `self-hosted` is a label other runners also carry']
  },
  {
    name: 'label ubuntu-latest',
    text: withLine(11, '  repos: [minimal-app]\n  labels: [ubuntu-latest]'),
    expected: ['team.yaml:12:12: github.labels[0]: `ubuntu-latest` is a label other runners also carry']
  },
  {
    name: 'label with a space',
    text: withLine(11, '  repos: [minimal-app]\n  labels: ["my label"]'),
    expected: ['team.yaml:12:12: github.labels[0]: `my label` is not a valid label']
  },
  {
    name: 'more than 20 labels',
    text: withLine(
      11,
      `  repos: [minimal-app]\n  labels: [${Array.from({ length: 21 }, (_, i) => `l${i}`).join(', ')}]`
    ),
    expected: ['team.yaml:12:11: github.labels: at most 20 items, got 21']
  },
  {
    name: 'app id zero',
    text: withLine(13, '    id: 0'),
    expected: ['team.yaml:13:9: github.app.id: must be a positive integer, got 0']
  },
  {
    name: 'app id quoted',
    text: withLine(13, '    id: "345678"'),
    expected: ['team.yaml:13:9: github.app.id: expected an integer, got a string']
  },
  {
    name: 'installation id not an integer',
    text: withLine(14, '    installationId: 1.5'),
    expected: ['team.yaml:14:21: github.app.installationId: must be a positive integer, got 1.5']
  },
  {
    name: 'secret URI on the wrong host',
    text: withLine(15, '    privateKeySecretUri: https://kv-minimal.example.com/secrets/gh-app-key'),
    expected: [
      'team.yaml:15:26: github.app.privateKeySecretUri: `https://kv-minimal.example.com/secrets/gh-app-key` is not a Key Vault secret URI'
    ]
  },
  {
    name: 'secret URI with a two-character vault',
    text: withLine(15, '    privateKeySecretUri: https://kv.vault.azure.net/secrets/gh-app-key'),
    expected: [
      'team.yaml:15:26: github.app.privateKeySecretUri: `https://kv.vault.azure.net/secrets/gh-app-key` is not a Key Vault secret URI'
    ]
  },
  {
    name: 'key vault id of another vault',
    text: plus(`    keyVaultId: ${VAULT}/kv-other`),
    expected: [
      'team.yaml:16:17: github.app.keyVaultId: names vault `kv-other`, but privateKeySecretUri is in `kv-minimal`'
    ]
  },
  {
    name: 'key vault id of the wrong type',
    text: plus(`    keyVaultId: ${VNET}`),
    expected: [
      'team.yaml:16:17: github.app.keyVaultId: is the id of a Microsoft.Network/virtualNetworks, not of a Key Vault'
    ]
  },
  // runners
  {
    name: 'image without a registry',
    text: runners('  image: ubuntu:22.04'),
    expected: ['team.yaml:17:10: runners.image: `ubuntu:22.04` is not a full container image reference']
  },
  {
    name: 'cpu not a Consumption size',
    text: runners('  cpu: 3.3'),
    expected: ['team.yaml:17:8: runners.cpu: 3.3 is not a Consumption CPU size']
  },
  {
    name: 'memory not twice the cpu',
    text: runners('  cpu: 2\n  memory: 2Gi'),
    expected: ['team.yaml:18:11: runners.memory: 2Gi does not fit cpu 2; Consumption needs 4Gi']
  },
  {
    name: 'memory alone, beyond the largest size',
    text: runners('  memory: 9Gi'),
    expected: ['team.yaml:17:11: runners.memory: 9Gi is not a Consumption size']
  },
  {
    name: 'memory in GB',
    text: runners('  memory: 4GB'),
    expected: ['team.yaml:17:11: runners.memory: `4GB` is not a memory size in Gi']
  },
  {
    name: 'memory without cpu, as a number',
    text: runners('  memory: 4'),
    expected: ['team.yaml:17:11: runners.memory: expected a string, got a number']
  },
  {
    name: 'max zero',
    text: runners('  max: 0'),
    expected: ['team.yaml:17:8: runners.max: must be an integer from 1 to 1000, got 0']
  },
  {
    name: 'polling interval above an hour',
    text: runners('  pollingIntervalSeconds: 4000'),
    expected: ['team.yaml:17:27: runners.pollingIntervalSeconds: must be an integer from 1 to 3600, got 4000']
  },
  {
    name: 'job timeout above a day',
    text: runners('  jobTimeoutMinutes: 2000'),
    expected: ['team.yaml:17:22: runners.jobTimeoutMinutes: must be an integer from 1 to 1440, got 2000']
  },
  {
    name: 'idle timeout above an hour',
    text: runners('  idleTimeoutMinutes: 61'),
    expected: ['team.yaml:17:23: runners.idleTimeoutMinutes: must be an integer from 1 to 60, got 61']
  },
  // tags and probe
  {
    name: 'reserved tag name',
    text: plus('tags:\n  managed-by: me'),
    expected: ['team.yaml:17:3: tags: `managed-by` is reserved for the tags runner-setup adds itself']
  },
  {
    name: 'tag value as a number',
    text: plus('tags:\n  cost_center: 1234'),
    expected: ['team.yaml:17:16: tags.cost_center: expected a string, got a number']
  },
  {
    name: 'tag value too long',
    text: plus(`tags:\n  note: ${'x'.repeat(257)}`),
    expected: ['team.yaml:17:9: tags.note: longer than 256 characters']
  },
  { name: 'too many tags', text: plus(tags(49)), expected: ['team.yaml:17:3: tags: at most 48 entries, got 49'] },
  {
    name: 'probe endpoint without a port',
    text: plus('probe:\n  endpoints: [pg.example.com]'),
    expected: ['team.yaml:17:15: probe.endpoints[0]: `pg.example.com` is not host:port']
  },
  // secrets
  {
    name: 'private key in a block scalar',
    text: plus(`notes: |\n${PEM.map(line => `  ${line}`).join('\n')}`),
    expected: ['team.yaml:17:3: this looks like a private key; never put the key in the config']
  },
  {
    name: 'GitHub token in a comment',
    text: withLine(10, `  owner: altinn # token ${FAKE_GHP}`),
    expected: ['team.yaml:10:25: this looks like a GitHub token; never put the key in the config']
  },
  {
    name: 'fine-grained token instead of the secret URI',
    text: withLine(15, `    privateKeySecretUri: ${FAKE_PAT}`),
    expected: ['team.yaml:15:26: this looks like a GitHub token; never put the key in the config']
  },
  {
    name: 'JWT in a tag',
    text: plus(`tags:\n  token_for: ${FAKE_JWT}`),
    expected: ['team.yaml:17:14: this looks like a JSON web token; never put the key in the config']
  },
  {
    name: 'client secret under an unknown key',
    text: plus(`    clientSecret: ${FAKE_CLIENT_SECRET}`),
    expected: ['team.yaml:16:19: this looks like a client secret; never put the key in the config']
  },
  {
    name: 'password by key name',
    text: withLine(5, '  location: norwayeast\n  password: hunter2hunter2'),
    expected: ['team.yaml:6:13: azure.password: this looks like a secret (`password`); never put the key in the config']
  }
]
