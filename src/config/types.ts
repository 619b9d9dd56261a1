/** A team's validated configuration: every default applied, every value checked. Parsed once, read everywhere. */

export type GitHubScope = 'org' | 'repo'

/** Where a value came from in the YAML file; `path` is the dotted key path, e.g. `network.peerings[0].remoteVnetId`. */
export interface SourcePosition {
  line: number
  col: number
}

export interface ConfigSource {
  file: string
  /** Position of every key path that was present in the file. */
  positions: Record<string, SourcePosition>
}

export interface PeeringConfig {
  /** ARM id of the team's private VNet; may be in another subscription. */
  remoteVnetId: string
  /** Default true: traffic forwarded by an NVA in the team's VNet may reach runners. */
  allowForwardedTraffic: boolean
  /** Default false: route through the remote VNet's gateway (needs allowGatewayTransit there). */
  useRemoteGateways: boolean
}

/** Idle runners kept ready: always, or inside a weekly window in a time zone. */
export interface WarmPoolConfig {
  size: number
  always: boolean
  schedule?: {
    days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[]
    /** HH:MM local time; the window is [start, end) on each day. */
    start: string
    end: string
    /** IANA time zone, e.g. Europe/Oslo. */
    timeZone: string
  }
}

/** One item of `runners.pools`: its name and labels, and the runner keys it sets itself. */
export type PoolConfig = Partial<Omit<TeamConfig['runners'], 'pools'>> & { name: string; labels: string[] }

export interface TeamConfig {
  team: string
  azure: {
    subscriptionId: string
    resourceGroup: string
    location: string
    /** Default false: the resource group must already exist (the platform grants Contributor on it). */
    createResourceGroup: boolean
  }
  network: {
    addressSpace: string
    subnet: string
    natGateway: boolean
    /** A platform-owned route table (hub firewall egress) to associate with the runner subnet; never modified. */
    routeTableId?: string
    peerings: PeeringConfig[]
    dnsServers: string[]
    privateDnsZones: string[]
  }
  github: {
    /** Web URL, `https://github.com` or a GitHub Enterprise Server URL, without trailing slash. */
    url: string
    /** REST API base derived from `url`: `https://api.github.com` or `<url>/api/v3`. */
    apiUrl: string
    owner: string
    scope: GitHubScope
    repos: string[]
    /** Org scope: the runner group name (default: the team name). Repo scope: always `Default`. */
    runnerGroup: string
    /** Org scope, optional: the runner group's id, so each runner skips looking it up by name (4 calls, not 5). */
    runnerGroupId?: number
    labels: string[]
    /** Default false: the runner group refuses public repositories. */
    allowPublicRepos: boolean
    app: {
      id: number
      installationId: number
      privateKeySecretUri: string
      /** ARM id of the Key Vault holding the key; default: a vault of that name in the team's resource group. */
      keyVaultId: string
    }
  }
  runners: {
    image: string
    cpu: number
    memory: string
    max: number
    pollingIntervalSeconds: number
    jobTimeoutMinutes: number
    idleTimeoutMinutes: number
    sudo: boolean
    /** Job steps may create user namespaces (Chromium's sandbox needs them); by default a seccomp filter refuses. */
    allowUserNamespaces?: boolean
    /** The team's price per vCPU-second and GiB-second for cost estimates; default the public list price. */
    price?: { currency?: string; vcpuSecond?: number; gibSecond?: number }
    warmPool?: WarmPoolConfig
    /** A Dedicated workload profile type (`D8`); absent: Consumption. */
    workloadProfile?: string
    /** ARM id of an Azure Container Registry the image is pulled from with the runner identity. */
    registry?: string
    /**
     * `runners.pools` as written: each key a pool leaves out is inherited from the keys above (but `warmPool`).
     * Read them resolved with `runnerPools` (core/pools.ts); without pools, `runners` and `github.labels` are one pool.
     */
    pools?: PoolConfig[]
  }
  logs: {
    workspaceId?: string
  }
  /** The config's own tags; the managed-by and team tags are added to these. */
  tags: Record<string, string>
  /** Hosts the verify probe must reach from a runner, `host:port`. */
  probe: {
    endpoints: string[]
  }
  source: ConfigSource
}
