export const id = 588;
export const ids = [588];
export const modules = {

/***/ 2588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_TEAM_CONCURRENCY: () => (/* binding */ DEFAULT_TEAM_CONCURRENCY),
  createEngine: () => (/* binding */ createEngine),
  forEachTeam: () => (/* binding */ forEachTeam)
});

// EXTERNAL MODULE: ./src/core/actual.ts
var core_actual = __webpack_require__(32041);
// EXTERNAL MODULE: ./src/core/desired.ts + 5 modules
var desired = __webpack_require__(23057);
;// CONCATENATED MODULE: ./src/core/drift.ts
/** Drift is what apply would change, and what it refuses to touch although the config needs it. */
const DRIFT = new Set(['create', 'update', 'delete']);
/** What drift reports of an entry: its differences; a refused resource the config needs differs too. */
function driftItem(e) {
    const action = DRIFT.has(e.action) ? e.action : e.blocking ? 'update' : undefined;
    return action && { id: e.id, kind: e.kind, name: e.name, action, changes: e.changes ?? [] };
}

// EXTERNAL MODULE: ./src/core/layout.ts
var core_layout = __webpack_require__(16585);
;// CONCATENATED MODULE: ./src/core/logger.ts
/** A logger that drops everything: for tests and `--json` runs that want a quiet stderr. */
const silentLogger = {
    info: () => { },
    warning: () => { },
    group: (_title, fn) => fn()
};

// EXTERNAL MODULE: ./src/core/ownership.ts
var ownership = __webpack_require__(13314);
// EXTERNAL MODULE: ./src/core/plan.ts + 3 modules
var core_plan = __webpack_require__(56884);
// EXTERNAL MODULE: ./src/config/positions.ts
var config_positions = __webpack_require__(90078);
;// CONCATENATED MODULE: ./src/core/providers.ts
/**
 * Registered in every subscription from the start ("registered by default", learn.microsoft.com/azure/
 * azure-resource-manager/management/resource-providers-and-types): resource groups and role assignments.
 */
const REGISTERED_BY_DEFAULT = new Set(['microsoft.resources', 'microsoft.authorization']);
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)/i;
/** An id's namespace is the one after its last `/providers/` (an extension resource's own, not its scope's). */
function namespaceOf(id) {
    const parts = id.split('/');
    const at = parts.map(p => p.toLowerCase()).lastIndexOf('providers');
    return at >= 0 ? (parts[at + 1] ?? '') : 'Microsoft.Resources';
}
/** Each (subscription, namespace) the resources write to, in first-seen order, without the ones registered by default. */
function writtenNamespaces(resources) {
    const found = new Map();
    for (const resource of resources) {
        const subscriptionId = SUBSCRIPTION.exec(resource.id)?.[1];
        const namespace = namespaceOf(resource.id);
        if (subscriptionId === undefined || REGISTERED_BY_DEFAULT.has(namespace.toLowerCase()))
            continue;
        const key = `${subscriptionId.toLowerCase()}|${namespace.toLowerCase()}`;
        const entry = found.get(key) ?? { subscriptionId, namespace, names: [] };
        if (!entry.names.includes(resource.name))
            entry.names.push(resource.name);
        found.set(key, entry);
    }
    return [...found.values()];
}
/** The config field that puts a write in `subscriptionId`: the team's own, or the id of a resource in another one. */
function configPathOf(config, subscriptionId) {
    const inIt = (id) => id !== undefined && SUBSCRIPTION.exec(id)?.[1]?.toLowerCase() === subscriptionId.toLowerCase();
    if (config.azure.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())
        return 'azure.subscriptionId';
    const peering = config.network.peerings.findIndex(p => inIt(p.remoteVnetId));
    if (peering >= 0)
        return `network.peerings[${peering}].remoteVnetId`;
    const zone = config.network.privateDnsZones.findIndex(inIt);
    if (zone >= 0)
        return `network.privateDnsZones[${zone}]`;
    if (inIt(config.logs.workspaceId))
        return 'logs.workspaceId';
    if (inIt(config.github.app.keyVaultId))
        return 'github.app.keyVaultId';
    return 'azure.subscriptionId';
}

// EXTERNAL MODULE: ./src/config/workload-profiles.ts
var workload_profiles = __webpack_require__(35744);
// EXTERNAL MODULE: ./src/core/pools.ts
var core_pools = __webpack_require__(16268);
// EXTERNAL MODULE: ./src/core/resources/registry.ts
var registry = __webpack_require__(71150);
;// CONCATENATED MODULE: ./src/core/pool-preflight.ts
/**
 * Preflight for pools: Consumption cores and subnet addresses summed over the pools, the Dedicated cores quota, GPU
 * profiles (Azure adds them only when it creates an environment), and each private registry: it exists and the
 * caller may grant the runner identity its pull role there.
 */




/** Container Apps quotas per environment (learn.microsoft.com/azure/container-apps/quotas, Dedicated profiles). */
const DEFAULT_GENERAL_PURPOSE_CORES = 100;
const DEFAULT_MEMORY_OPTIMIZED_CORES = 50;
function at(config, path) {
    const { positions, file } = config.source;
    const { line, col } = (0,config_positions/* nearestPosition */.ww)(p => (Object.hasOwn(positions, p) ? positions[p] : undefined), path);
    return `${file}:${line}:${col}`;
}
/** Runners that may run at once in each pool: `max` per job, one job per repository at repo scope. */
function poolReplicas(config) {
    const jobsPerPool = config.github.scope === 'repo' ? config.github.repos.length : 1;
    return (0,core_pools/* runnerPools */.OJ)(config).map(pool => ({
        pool: pool.name ?? 'default',
        replicas: jobsPerPool * pool.max,
        cores: jobsPerPool * pool.max * pool.cpu,
        dedicated: (0,workload_profiles/* dedicatedType */.Yo)(pool.workloadProfile) !== undefined
    }));
}
/** Nodes the Dedicated profiles may grow to: one subnet address each. */
function dedicatedNodes(config) {
    return (0,core_pools/* dedicatedProfiles */.aA)(config).reduce((sum, p) => sum + p.maximumCount, 0);
}
function poolFindings(config, facts, environmentExists) {
    return [...profileFindings(config, facts, environmentExists), ...registryFindings(config, facts)];
}
function profileFindings(config, facts, environmentExists) {
    const findings = [];
    const pools = (0,core_pools/* runnerPools */.OJ)(config);
    for (const profile of (0,core_pools/* dedicatedProfiles */.aA)(config)) {
        const type = (0,workload_profiles/* dedicatedType */.Yo)(profile.workloadProfileType);
        const pool = pools.find(p => p.workloadProfile.toLowerCase() === type.type.toLowerCase());
        const live = facts.liveProfileTypes.some(t => t.toLowerCase() === type.type.toLowerCase());
        if (type.gpu && environmentExists && !live)
            findings.push({
                check: 'workloadProfile',
                status: 'fail',
                message: `${at(config, `${pool.path}.workloadProfile`)}: ${pool.path}.workloadProfile: ${type.type} is a GPU profile, and Azure adds GPU profiles only when it creates an environment; the team's environment exists. ` +
                    'Use a D or E type, or destroy the team (its environment) and apply again with the GPU pool in the config.'
            });
    }
    const families = [
        {
            family: 'D',
            name: 'ManagedEnvironmentGeneralPurposeCores',
            usage: facts.generalPurposeCores,
            fallback: DEFAULT_GENERAL_PURPOSE_CORES
        },
        {
            family: 'E',
            name: 'ManagedEnvironmentMemoryOptimizedCores',
            usage: facts.memoryOptimizedCores,
            fallback: DEFAULT_MEMORY_OPTIMIZED_CORES
        }
    ];
    for (const { family, name, usage, fallback } of families) {
        const profiles = (0,core_pools/* dedicatedProfiles */.aA)(config).filter(p => p.workloadProfileType.startsWith(family));
        if (profiles.length === 0)
            continue;
        const cores = profiles.reduce((sum, p) => sum + p.maximumCount * (0,workload_profiles/* dedicatedType */.Yo)(p.workloadProfileType).cpu, 0);
        const limit = usage?.limit ?? fallback;
        const pool = pools.find(p => p.workloadProfile.startsWith(family));
        findings.push(cores > limit
            ? {
                check: 'dedicatedCoreQuota',
                status: 'fail',
                message: `${at(config, `${pool.path}.max`)}: runners.pools: the ${profiles.map(p => `${p.maximumCount} ${p.workloadProfileType} nodes`).join(' and ')} the pools may need hold ${cores} cores, over the environment's quota of ${limit} (${name}); runners past it would never start. ` +
                    "Lower the pools' max, or request a quota increase for the environment."
            }
            : {
                check: 'dedicatedCoreQuota',
                status: 'ok',
                message: `${cores} of ${limit} ${family}-series Dedicated cores`
            });
    }
    return findings;
}
/** The role a registry needs, by name: what preflight tells the platform to grant when the caller cannot. */
function roleName(fact) {
    return fact?.roleAssignmentMode === registry/* ABAC_MODE */.IF ? 'Container Registry Repository Reader' : 'AcrPull';
}
function registryFindings(config, facts) {
    const pools = (0,core_pools/* runnerPools */.OJ)(config);
    return (0,registry/* teamRegistries */.ZD)(config).map(id => {
        const fact = facts.registries.find(r => r.id.toLowerCase() === id.toLowerCase());
        const pool = pools.find(p => p.registry?.toLowerCase() === id.toLowerCase());
        const where = at(config, config.runners.pools?.[Number(/\[(\d+)\]/.exec(pool.path)?.[1])]?.registry
            ? `${pool.path}.registry`
            : 'runners.registry');
        const name = id.slice(id.lastIndexOf('/') + 1);
        if (fact?.exists === false)
            return {
                check: 'registry',
                status: 'fail',
                message: `${where}: registry: container registry ${name} does not exist (${id}). Fix the id, or create the registry first.`
            };
        if (fact?.mayGrant === false)
            return {
                check: 'registry',
                status: 'fail',
                message: `${where}: registry: the caller may not grant roles on container registry ${name}, so the runners could not pull from it. ` +
                    `Have the platform grant the team's identity ${roleName(fact)} on ${id} (or give the caller Role Based Access Control Administrator there, conditioned to ${roleName(fact)} and service principals), then rerun.`
            };
        if (fact?.exists === undefined)
            return {
                check: 'registry',
                status: 'unchecked',
                message: `could not read container registry ${name} (Microsoft.ContainerRegistry/registries/read): it must exist, and the runners pull with ${roleName(fact)}`
            };
        return {
            check: 'registry',
            status: 'ok',
            message: `container registry ${name} exists; the runners pull with ${roleName(fact)}`
        };
    });
}

;// CONCATENATED MODULE: ./src/core/preflight.ts
/**
 * Checks made before the first write, so a precondition Azure would refuse half-way through an apply stops it at the
 * start instead: one finding per check, a failure names the config line and what to do.
 */




/** Container Apps quotas (learn.microsoft.com/azure/container-apps/quotas): defaults when the usage API says nothing. */
const DEFAULT_ENVIRONMENTS_PER_REGION = 15;
const DEFAULT_CONSUMPTION_CORES = 100;
/**
 * Subnet sizing for a workload-profiles environment (learn.microsoft.com/azure/container-apps/custom-virtual-networks):
 * Azure keeps 5 addresses of every subnet, the environment's infrastructure 12 more, and the Consumption profile uses
 * about one address per 10 replicas. So a /27 holds about 150 runners at once. An estimate: Azure publishes no API.
 */
const AZURE_RESERVED = 5;
const INFRASTRUCTURE_RESERVED = 12;
const REPLICAS_PER_ADDRESS = 10;
function preflight_at(config, path) {
    const { positions, file } = config.source;
    const { line, col } = (0,config_positions/* nearestPosition */.ww)(p => (Object.hasOwn(positions, p) ? positions[p] : undefined), path);
    return `${file}:${line}:${col}`;
}
function subnetReplicaCapacity(cidr) {
    const bits = Number(cidr.split('/')[1]);
    const addresses = 2 ** (32 - bits) - AZURE_RESERVED - INFRASTRUCTURE_RESERVED;
    return Math.max(0, addresses) * REPLICAS_PER_ADDRESS;
}
function preflightFindings(config, facts) {
    const findings = providerFindings(config, facts.providers);
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    const vaultName = config.github.app.keyVaultId.slice(config.github.app.keyVaultId.lastIndexOf('/') + 1);
    if (facts.vaultRbac === false) {
        findings.push({
            check: 'keyVault',
            status: 'fail',
            message: `${preflight_at(config, 'github.app.keyVaultId')}: github.app: Key Vault ${vaultName} uses access policies, so the Key Vault Secrets User role runner-setup grants the runners' identity has no effect and no runner could read the GitHub App key. ` +
                `Switch the vault to Azure RBAC (az keyvault update --name ${vaultName} --enable-rbac-authorization true; first give RBAC roles to whoever relies on its access policies), then rerun.`
        });
    }
    else if (facts.vaultRbac === true) {
        findings.push({ check: 'keyVault', status: 'ok', message: `Key Vault ${vaultName} uses Azure RBAC` });
    }
    else {
        findings.push({
            check: 'keyVault',
            status: 'unchecked',
            message: `could not read Key Vault ${vaultName} (Microsoft.KeyVault/vaults/read): its permission model must be Azure RBAC`
        });
    }
    config.network.peerings.forEach((peering, i) => {
        if (!peering.useRemoteGateways || facts.remoteGateways[i] === true)
            return;
        if (facts.remoteGateways[i] === undefined) {
            findings.push({
                check: 'remoteGateway',
                status: 'unchecked',
                message: `could not read ${peering.remoteVnetId}: it must have a gateway for useRemoteGateways`
            });
            return;
        }
        findings.push({
            check: 'remoteGateway',
            status: 'fail',
            message: `${preflight_at(config, `network.peerings[${i}].useRemoteGateways`)}: network.peerings[${i}].useRemoteGateways is true but ${peering.remoteVnetId} has no gateway (Azure refuses the peering with RemoteVnetHasNoGateways). ` +
                'Set useRemoteGateways: false, or have the owners of that VNet deploy its VPN or ExpressRoute gateway first.'
        });
    });
    if (!facts.environmentExists && facts.environments) {
        const { current, limit } = facts.environments;
        findings.push(current + 1 > limit
            ? {
                check: 'environmentQuota',
                status: 'fail',
                message: `${preflight_at(config, 'azure.location')}: azure.location: subscription ${config.azure.subscriptionId} already has ${current} of its ${limit} Container Apps environments in ${config.azure.location} (quota ManagedEnvironmentCount), and this team needs one more. ` +
                    'Request a quota increase for Microsoft.App in that region (Azure portal, Quotas), or use another subscription or region.'
            }
            : {
                check: 'environmentQuota',
                status: 'ok',
                message: `${current + 1} of ${limit} environments in ${config.azure.location}`
            });
    }
    const jobs = layout.jobs.length;
    const consumption = poolReplicas(config).filter(p => !p.dedicated);
    const coresWanted = consumption.reduce((sum, p) => sum + p.cores, 0);
    const coreLimit = facts.cores?.limit ?? DEFAULT_CONSUMPTION_CORES;
    const pooled = config.runners.pools !== undefined;
    const coreSum = pooled
        ? `runners.pools: ${consumption.map(p => `${p.pool} ${p.cores}`).join(' + ')} = ${coresWanted} Consumption cores`
        : `runners: ${jobs} job${jobs === 1 ? '' : 's'} × runners.max ${config.runners.max} × cpu ${config.runners.cpu} = ${coresWanted} cores`;
    findings.push(coresWanted > coreLimit
        ? {
            check: 'coreQuota',
            status: 'fail',
            message: `${preflight_at(config, pooled ? 'runners.pools' : 'runners.max')}: ${coreSum}, over the environment's Consumption core quota of ${coreLimit} (ManagedEnvironmentConsumptionCores); runners past it would never start. ` +
                `Lower ${pooled ? "the pools' max or cpu" : 'runners.max or runners.cpu'}, or request a quota increase for the environment.`
        }
        : { check: 'coreQuota', status: 'ok', message: `${coresWanted} of ${coreLimit} cores` });
    // Consumption replicas share addresses (about 10 each); a Dedicated node takes one address of its own.
    const replicas = consumption.reduce((sum, p) => sum + p.replicas, 0);
    const nodes = dedicatedNodes(config);
    const capacity = Math.max(0, subnetReplicaCapacity(config.network.subnet) - nodes * REPLICAS_PER_ADDRESS);
    const nodeNote = nodes > 0 ? ` once the Dedicated profiles' ${nodes} nodes (one address each) are counted` : '';
    findings.push(replicas > capacity
        ? {
            check: 'subnetCapacity',
            status: 'fail',
            message: `${preflight_at(config, 'network.subnet')}: network.subnet ${config.network.subnet} holds about ${capacity} Consumption replicas${nodeNote} (Azure keeps 17 of its addresses, and each address serves about 10 replicas), but the team's ${jobs} job${jobs === 1 ? '' : 's'} may run ${replicas} runners at once. ` +
                'Use a larger subnet (one prefix length shorter doubles it) or lower runners.max.'
        }
        : {
            check: 'subnetCapacity',
            status: 'ok',
            message: `${replicas} of about ${capacity} runners fit in ${config.network.subnet}${nodes > 0 ? ` beside ${nodes} Dedicated nodes` : ''}`
        });
    if (facts.pools)
        findings.push(...poolFindings(config, facts.pools, facts.environmentExists));
    return findings;
}
/** One failure per namespace a subscription has not registered, with the command that registers it. */
function providerFindings(config, providers) {
    const findings = [];
    for (const { subscriptionId, namespace, names, state } of providers) {
        if (state === 'Registered')
            continue;
        if (state === undefined) {
            findings.push({
                check: 'provider',
                status: 'unchecked',
                message: `could not read the registration of ${namespace} in subscription ${subscriptionId}: it must be Registered`
            });
            continue;
        }
        findings.push({
            check: 'provider',
            status: 'fail',
            message: `${preflight_at(config, configPathOf(config, subscriptionId))}: subscription ${subscriptionId} has not registered the resource provider ${namespace} (${state}), and apply writes ${names.join(', ')} there; Azure would refuse them with MissingSubscriptionRegistration, and an identity scoped to a resource group cannot register it. ` +
                `Have someone allowed to register providers in that subscription run once: az provider register --namespace ${namespace} --subscription ${subscriptionId}`
        });
    }
    const registered = providers.filter(p => p.state === 'Registered');
    if (registered.length > 0)
        findings.push({
            check: 'provider',
            status: 'ok',
            message: `registered: ${registered.map(p => `${p.namespace} in ${p.subscriptionId}`).join(', ')}`
        });
    return findings;
}

// EXTERNAL MODULE: ./src/core/plan-file.ts
var plan_file = __webpack_require__(76487);
// EXTERNAL MODULE: ./src/azure/clients.ts + 1 modules
var azure_clients = __webpack_require__(86647);
// EXTERNAL MODULE: ./src/azure/concurrency.ts
var concurrency = __webpack_require__(50136);
// EXTERNAL MODULE: ./src/azure/discover.ts + 1 modules
var discover = __webpack_require__(30869);
// EXTERNAL MODULE: ./src/core/resources/common.ts
var common = __webpack_require__(88032);
// EXTERNAL MODULE: ./src/azure/errors.ts + 1 modules
var errors = __webpack_require__(85670);
// EXTERNAL MODULE: ./src/azure/progress.ts
var progress = __webpack_require__(50936);
// EXTERNAL MODULE: ./src/azure/read.ts
var azure_read = __webpack_require__(87279);
;// CONCATENATED MODULE: ./src/azure/fleet-read.ts





/** The team's resources from the snapshot, the rest by GET; the listings apply and destroy get by listing. */
async function readFromSnapshot(config, wanted, snapshot, options) {
    const { resourceGroupId, virtualNetworkId } = (0,core_layout/* teamLayout */.YM)(config);
    const createsGroup = wanted.some(r => r.kind === 'resourceGroup');
    const groupKnown = createsGroup || snapshot.get(resourceGroupId) !== undefined;
    // A group Graph does not show may be new (the index lags): its GET decides.
    const groupCheck = groupKnown
        ? Promise.resolve()
        : (0,azure_read/* readEach */.e2)([{ kind: 'resourceGroup', id: resourceGroupId, name: resourceGroupId }], options).then(found => {
            if (found.get(resourceGroupId) === undefined)
                throw new errors/* AzureError */.M6(`Resource group ${resourceGroupId} does not exist: the platform team creates each team's resource group and grants the team's identity Contributor on it; ask them to, or set azure.createResourceGroup: true if this identity may create it.`);
        });
    const [, actual] = await Promise.all([groupCheck, readThrough(snapshot, wanted, options)]);
    const inGroup = snapshot.inGroup(resourceGroupId);
    return {
        actual,
        listings: {
            jobs: inGroup.filter(r => /\/providers\/microsoft\.app\/jobs\//i.test(r.id)),
            tagged: inGroup
                .filter(r => r.body.tags?.[common/* TEAM_TAG */.VD] === config.team)
                .map(r => ({ id: r.id, type: String(r.body.type ?? '') })),
            links: snapshot.linksTo(virtualNetworkId)
        }
    };
}
/** From the snapshot what it holds, by GET the rest. */
async function readThrough(snapshot, resources, options) {
    const direct = resources.filter(r => !snapshot.holds(r));
    const read = direct.length > 0 ? await (0,azure_read/* readEach */.e2)(direct, options) : new Map();
    return new Map(resources.map(r => [r.id, snapshot.holds(r) ? snapshot.get(r.id) : read.get(r.id)]));
}
/**
 * GETs of the resources whose drift Graph showed, to replace Graph's view of them. A 403 (a zone whose role was
 * removed, say) keeps Graph's view and is reported as a warning; any other failure fails the team.
 */
async function confirmByGet(resources, options) {
    const warnings = [];
    const actual = new Map();
    await Promise.all(resources.map(async (r) => {
        try {
            actual.set(r.id, await options.adapters[r.kind].get(r.id));
        }
        catch (error) {
            if ((0,errors/* statusOf */.c2)(error) !== 403)
                throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `read ${progress/* KIND_LABEL */.CF[r.kind]} ${r.name}`, options.endpoint));
            warnings.push(`${(0,errors/* describeAzureError */.pv)(error, `confirm the drift of ${progress/* KIND_LABEL */.CF[r.kind]} ${r.name}`, options.endpoint)} (reported as Resource Graph shows it)`);
        }
    }));
    return { actual, warnings };
}

// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(22483);
// EXTERNAL MODULE: ./src/azure/graph-shape.ts
var graph_shape = __webpack_require__(92555);
;// CONCATENATED MODULE: ./src/azure/fleet-snapshot.ts



const TEAM_TYPES = [
    'microsoft.network/networksecuritygroups',
    'microsoft.network/publicipaddresses',
    'microsoft.network/natgateways',
    'microsoft.network/virtualnetworks',
    'microsoft.managedidentity/userassignedidentities',
    'microsoft.app/managedenvironments',
    'microsoft.app/jobs'
];
const LINK_TYPE = 'microsoft.network/privatednszones/virtualnetworklinks';
const FLEET_QUERIES = {
    resources: `resources | where type in~ (${TEAM_TYPES.map(t => `'${t}'`).join(', ')}) | project id, name, type, location, tags, properties, identity, sku | order by id asc`,
    groups: `resourcecontainers | where type =~ 'microsoft.resources/subscriptions/resourcegroups' | project id, name, type, location, tags, properties | order by id asc`,
    roleAssignments: `authorizationresources | where type =~ 'microsoft.authorization/roleassignments' | project id, name, type, properties | order by id asc`,
    links: `resources | where type =~ '${LINK_TYPE}' and name startswith '${names/* LINK_NAME_PREFIX */.WB}' | project id, name, type, location, tags, properties | order by id asc`
};
/** The kinds a Graph row answers for; the rest (diagnostic settings) need their GET. */
const GRAPH_KINDS = new Set([
    'resourceGroup',
    'networkSecurityGroup',
    'publicIpAddress',
    'natGateway',
    'virtualNetwork',
    'subnet',
    'peering',
    'remotePeering',
    'privateDnsZoneLink',
    'identity',
    'roleAssignment',
    'managedEnvironment',
    'job'
]);
function subscriptionOf(id) {
    return (/^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '').toLowerCase();
}
/** Every subscription the fleet's desired resources live in. */
function fleetSubscriptions(configs) {
    const all = new Set();
    for (const config of configs)
        for (const r of (0,desired/* desiredResources */.G)(config))
            all.add(subscriptionOf(r.id));
    all.delete('');
    return [...all].sort();
}
async function loadFleetSnapshot(configs, graph) {
    const subscriptions = fleetSubscriptions(configs);
    const before = graph.queries;
    // One query at a time: the quota is per user, and a page is large.
    const resources = await graph.query(FLEET_QUERIES.resources, subscriptions);
    const groups = await graph.query(FLEET_QUERIES.groups, subscriptions);
    const roleAssignments = await graph.query(FLEET_QUERIES.roleAssignments, subscriptions);
    const links = await graph.query(FLEET_QUERIES.links);
    return snapshotOf(new Set(subscriptions), [...resources, ...groups, ...roleAssignments, ...links], graph.queries - before);
}
function snapshotOf(subscriptions, rows, queries) {
    const byId = new Map();
    const byGroup = new Map();
    const linksByVnet = new Map();
    for (const row of rows) {
        if (typeof row.id !== 'string')
            continue;
        const resource = (0,graph_shape/* rowToActual */.C)(row);
        const id = resource.id.toLowerCase();
        byId.set(id, resource);
        const type = String(row.type ?? '').toLowerCase();
        if (type === LINK_TYPE) {
            const vnet = String(resource.body.virtualNetwork?.id ?? '').toLowerCase();
            linksByVnet.set(vnet, [...(linksByVnet.get(vnet) ?? []), resource]);
        }
        if (type === 'microsoft.network/virtualnetworks')
            for (const child of childrenOf(resource))
                byId.set(child.id.toLowerCase(), child);
        const group = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+)\/providers\/[^/]+\/[^/]+\/[^/]+$/i.exec(id)?.[1];
        if (group)
            byGroup.set(group, [...(byGroup.get(group) ?? []), resource]);
    }
    return {
        holds: r => GRAPH_KINDS.has(r.kind) && subscriptions.has(subscriptionOf(r.id)),
        get: id => byId.get(id.toLowerCase()),
        inGroup: id => byGroup.get(id.toLowerCase()) ?? [],
        linksTo: id => linksByVnet.get(id.toLowerCase()) ?? [],
        queries
    };
}
/** A VNet row's subnets and peerings, each as its own GET would answer it. */
function childrenOf(vnet) {
    const lists = [vnet.body.subnets, vnet.body.virtualNetworkPeerings];
    return lists.flatMap(list => Array.isArray(list)
        ? list.flatMap((child) => typeof child.id === 'string' ? [{ id: child.id, body: child }] : [])
        : []);
}

;// CONCATENATED MODULE: ./src/azure/resource-graph.ts

const PAGE_SIZE = 1000;
const SUBSCRIPTIONS_PER_QUERY = 1000;
const DEFAULT_MAX_ROWS = 1_000_000;
function graphReader(client, options) {
    let queries = 0;
    let waitUntil = 0;
    const page = async (query, subscriptions, skipToken) => {
        const pause = waitUntil - Date.now();
        if (pause > 0)
            await options.sleep(pause);
        queries++;
        let quota = {};
        const answer = await client.resources({
            query,
            ...(subscriptions ? { subscriptions } : {}),
            options: { top: PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) }
        }, {
            onResponse: response => {
                quota = {
                    remaining: response.headers.get('x-ms-user-quota-remaining') ?? undefined,
                    resetsAfter: response.headers.get('x-ms-user-quota-resets-after') ?? undefined
                };
            }
        });
        if (quota.remaining === '0')
            waitUntil = Date.now() + durationMs(quota.resetsAfter);
        return answer;
    };
    return {
        get queries() {
            return queries;
        },
        async query(query, subscriptions) {
            const chunks = subscriptions ? chunk(subscriptions, SUBSCRIPTIONS_PER_QUERY) : [undefined];
            const rows = [];
            const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
            for (const scope of chunks) {
                let skipToken;
                do {
                    let answer;
                    try {
                        answer = await page(query, scope, skipToken);
                    }
                    catch (error) {
                        throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, 'query Azure Resource Graph', options.endpoint));
                    }
                    rows.push(...(answer.data ?? []));
                    if (rows.length > maxRows)
                        throw new errors/* AzureError */.M6(`Azure Resource Graph answered more than ${maxRows} rows for one query; check the subscriptions the configs name.`);
                    skipToken = answer.skipToken;
                } while (skipToken);
            }
            return rows;
        }
    };
}
/** `hh:mm:ss`, as Resource Graph writes its quota reset. */
function durationMs(value) {
    const match = /^(\d+):(\d+):(\d+)$/.exec(value ?? '');
    if (!match)
        return 1000;
    return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}
function chunk(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}

// EXTERNAL MODULE: ./src/azure/execute.ts + 1 modules
var azure_execute = __webpack_require__(377);
// EXTERNAL MODULE: ./src/azure/arm-id.ts
var arm_id = __webpack_require__(50899);
;// CONCATENATED MODULE: ./src/azure/preflight.ts





/** Microsoft.KeyVault's stable api-version (read only: `properties.enableRbacAuthorization`). */
const KEY_VAULT_API = '2023-07-01';
async function orUndefined(read) {
    try {
        return await read();
    }
    catch {
        return undefined;
    }
}
async function vaultRbac(clients, vaultId) {
    const vault = await orUndefined(() => clients.resources((0,arm_id/* parseArmId */.fk)(vaultId).subscriptionId).resources.getById(vaultId, KEY_VAULT_API));
    const value = vault?.properties?.enableRbacAuthorization;
    // Azure's default for a vault that never set it is access policies.
    return vault === undefined ? undefined : value === true;
}
/** A VNet gateway always sits in the subnet named GatewaySubnet (learn.microsoft.com/azure/vpn-gateway, settings). */
async function hasGateway(clients, vnetId) {
    const parsed = (0,arm_id/* parseArmId */.fk)(vnetId);
    const vnet = await orUndefined(() => clients
        .network(parsed.subscriptionId)
        .virtualNetworks.get((0,arm_id/* requireResourceGroup */.vk)(parsed, vnetId), parsed.names[0] ?? ''));
    if (vnet === undefined)
        return undefined;
    const gatewaySubnet = vnet.subnets?.find(s => s.name?.toLowerCase() === 'gatewaysubnet');
    return (gatewaySubnet?.ipConfigurations?.length ?? 0) > 0;
}
async function usage(list, name) {
    return orUndefined(async () => {
        for await (const item of list()) {
            if (item.name?.value?.toLowerCase() === name.toLowerCase() && item.limit !== undefined)
                return { current: item.currentValue ?? 0, limit: item.limit };
        }
        return undefined;
    });
}
/** Runs beside the other reads (one round trip deep); the environment's usages are simply absent before it exists. */
async function readPreflightFacts(config, clients) {
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    const apps = clients.apps(config.azure.subscriptionId);
    const namespaces = writtenNamespaces((0,desired/* desiredResources */.G)(config));
    const envUsage = (name) => usage(() => apps.managedEnvironmentUsages.list(config.azure.resourceGroup, layout.names.managedEnvironment), name);
    const needsDedicated = (0,core_pools/* dedicatedProfiles */.aA)(config).length > 0;
    const [providers, rbac, gateways, environments, cores, generalPurposeCores, memoryOptimizedCores] = await Promise.all([
        Promise.all(namespaces.map(async (n) => ({
            ...n,
            state: (await orUndefined(() => clients.resources(n.subscriptionId).providers.get(n.namespace)))
                ?.registrationState
        }))),
        vaultRbac(clients, config.github.app.keyVaultId),
        Promise.all(config.network.peerings.map(p => (p.useRemoteGateways ? hasGateway(clients, p.remoteVnetId) : undefined))),
        usage(() => apps.usages.list(config.azure.location), 'ManagedEnvironmentCount'),
        usage(() => apps.managedEnvironmentUsages.list(config.azure.resourceGroup, layout.names.managedEnvironment), 'ManagedEnvironmentConsumptionCores'),
        needsDedicated ? envUsage('ManagedEnvironmentGeneralPurposeCores') : undefined,
        needsDedicated ? envUsage('ManagedEnvironmentMemoryOptimizedCores') : undefined
    ]);
    const dedicated = {
        ...(generalPurposeCores ? { generalPurposeCores } : {}),
        ...(memoryOptimizedCores ? { memoryOptimizedCores } : {})
    };
    return { providers, vaultRbac: rbac, remoteGateways: gateways, environments, cores, pools: poolFacts(dedicated) };
}
/** What pools' preflight needs: the Dedicated quotas read here, the registries and the live environment's profiles. */
function poolFacts(read, registries = [], environment) {
    const profiles = (environment?.body.workloadProfiles ?? []);
    return {
        ...read,
        registries,
        liveProfileTypes: profiles.flatMap(p => (p.workloadProfileType ? [p.workloadProfileType] : []))
    };
}

;// CONCATENATED MODULE: ./src/azure/registries.ts


/** Microsoft.ContainerRegistry's api-version that returns `roleAssignmentMode`. */
const CONTAINER_REGISTRY_API = '2025-04-01';
async function readRegistries(config, clients) {
    return Promise.all((0,registry/* teamRegistries */.ZD)(config).map(async (id) => {
        try {
            const registry = await clients
                .resources((0,arm_id/* parseArmId */.fk)(id).subscriptionId)
                .resources.getById(id, CONTAINER_REGISTRY_API);
            const mode = registry.properties?.roleAssignmentMode;
            return {
                id,
                exists: true,
                mayGrant: undefined,
                ...(typeof mode === 'string' ? { roleAssignmentMode: mode } : {})
            };
        }
        catch (error) {
            const status = error.statusCode;
            return { id, exists: status === 404 ? false : undefined, mayGrant: undefined };
        }
    }));
}
function registryModes(facts) {
    return new Map(facts.map(f => [f.id.toLowerCase(), { abac: f.roleAssignmentMode === registry/* ABAC_MODE */.IF }]));
}

// EXTERNAL MODULE: ./src/azure/resources/index.ts + 9 modules
var resources = __webpack_require__(12666);
// EXTERNAL MODULE: ./src/azure/timing.ts
var azure_timing = __webpack_require__(96513);
;// CONCATENATED MODULE: ./src/azure/engine.ts






















function createEngine(options) {
    const logger = options.logger ?? silentLogger;
    const timing = { ...azure_timing/* defaultTiming */.Q, ...options.timing };
    const clients = (0,azure_clients.createClients)({
        credential: options.credential,
        endpoint: options.endpoint,
        retryOptions: options.retryOptions,
        tlsOptions: options.tlsOptions,
        updateIntervalInMs: options.updateIntervalInMs,
        limits: options.limits
    });
    const graph = graphReader(clients.graph(), { sleep: timing.sleep, endpoint: clients.endpoint });
    let snapshot;
    const adapters = (0,resources/* createAdapters */.T)(clients, {
        sleep: timing.sleep,
        now: () => timing.clock.now(),
        pollMs: timing.executionPollMs,
        timeoutMs: timing.executionStopTimeoutMs
    });
    const endpoint = clients.endpoint;
    const readOptions = { adapters, endpoint, concurrency: options.readConcurrency };
    /**
     * Observe: what the config wants and no longer wants (orphans found by listing), what Azure holds of both, and the
     * ownership verdicts on it, made here, once per run.
     */
    const observe = async (config, withPreflight, fleet) => {
        const started = timing.clock.now();
        // The pull role on a private registry depends on its mode: read first (no registry, no read).
        const registries = await readRegistries(config, clients);
        const wanted = (0,desired/* desiredResources */.G)(config, undefined, registryModes(registries));
        const { resourceGroupId, managedEnvironmentId } = (0,core_layout/* teamLayout */.YM)(config);
        const result = await logger.group(`Reading ${wanted.length} resources of team ${config.team}`, async () => {
            const [{ actual: read, listings }, facts] = await Promise.all([
                fleet
                    ? readFromSnapshot(config, wanted, fleet, readOptions)
                    : Promise.all([
                        (0,azure_read/* readActual */.RN)(wanted, { ...readOptions, resourceGroupId }),
                        (0,discover/* listJobs */.N6)(clients, resourceGroupId, endpoint),
                        (0,discover/* listTagged */.zh)(clients, resourceGroupId, config.team, endpoint),
                        (0,discover/* findDroppedLinks */.jj)(config, wanted, graph, id => adapters.privateDnsZoneLink.get(id), endpoint)
                    ]).then(([actual, jobs, tagged, found]) => {
                        for (const warning of found.warnings)
                            logger.warning(warning);
                        return { actual, listings: { jobs, tagged, links: found.links } };
                    }),
                withPreflight ? readPreflightFacts(config, clients) : undefined
            ]);
            const { desired, actual, warnings, foreignChildren } = await (0,discover/* withOrphans */.Ke)(config, wanted, read, listings, more => fleet ? readThrough(fleet, more, readOptions) : (0,azure_read/* readEach */.e2)(more, readOptions));
            const environmentExists = (0,core_actual/* findActual */._q)(actual, managedEnvironmentId) !== undefined;
            const pools = facts && poolFacts(facts.pools, registries, (0,core_actual/* findActual */._q)(actual, managedEnvironmentId));
            const preflight = facts ? preflightFindings(config, { ...facts, environmentExists, pools }) : [];
            const verdicts = (0,ownership/* judgeOwnership */.J8)(desired, actual, config.team);
            return { desired, observed: { actual, verdicts, preflight, warnings, foreignChildren } };
        });
        for (const warning of result.observed.warnings ?? [])
            logger.warning(warning);
        return { ...result, readMs: timing.clock.now() - started };
    };
    const planned = async (config) => {
        const { desired, observed, readMs } = await observe(config, true);
        return { plan: (0,core_plan/* planApply */._$)(desired, observed), readMs };
    };
    /** A saved plan runs only while everything it touches is as the plan saw it. */
    const checkSaved = async (config, saved) => {
        const started = timing.clock.now();
        const mismatch = (0,plan_file/* savedPlanMismatch */.Fp)(saved, config.team);
        if (mismatch)
            throw new errors/* AzureError */.M6(mismatch);
        const stale = (0,plan_file/* movedSince */.yz)(saved, await (0,azure_read/* readEach */.e2)(saved.entries, readOptions));
        if (stale)
            throw new errors/* AzureError */.M6(stale);
        // The file is evidence of what was reviewed, never trusted alone: what apply would do now must be the same plan.
        const differs = (0,plan_file/* planDifference */.xg)(saved, (await planned(config)).plan);
        if (differs)
            throw new errors/* AzureError */.M6(differs);
        return timing.clock.now() - started;
    };
    const execute = async (plan) => {
        const started = timing.clock.now();
        const writes = await (0,azure_execute/* executePlan */.v)(plan, { adapters, logger, timing, endpoint, ledger: options.ledger });
        return { writes, writeMs: timing.clock.now() - started };
    };
    return {
        async planLive(config) {
            const { plan, readMs } = await planned(config);
            return { team: config.team, plan, counts: (0,core_plan/* countActions */.Bd)(plan), timings: { readMs, writeMs: 0, totalMs: readMs } };
        },
        async apply(config, saved) {
            const { plan, readMs } = saved ? { plan: saved, readMs: await checkSaved(config, saved) } : await planned(config);
            const { writes, writeMs } = await execute(plan);
            return {
                team: config.team,
                plan,
                counts: (0,core_plan/* countActions */.Bd)(plan),
                writes,
                timings: { readMs, writeMs, totalMs: readMs + writeMs }
            };
        },
        async drift(config) {
            const fleet = snapshot?.teams.has(config.team) ? snapshot.fleet : undefined;
            const seen = await observe(config, false, fleet);
            const { desired, readMs } = seen;
            let observed = seen.observed;
            let plan = (0,core_plan/* planApply */._$)(desired, observed);
            if (fleet) {
                // Graph's index lags writes: what it shows drifted is read again, and only what the GET shows is reported.
                const drifted = new Set(plan.entries.filter(e => driftItem(e)).map(e => e.id.toLowerCase()));
                if (drifted.size > 0) {
                    const confirmed = await confirmByGet(desired.filter(r => drifted.has(r.id.toLowerCase())), readOptions);
                    for (const warning of confirmed.warnings)
                        logger.warning(warning);
                    const actual = new Map([...observed.actual, ...confirmed.actual]);
                    observed = { ...observed, actual, verdicts: (0,ownership/* judgeOwnership */.J8)(desired, actual, config.team) };
                    plan = (0,core_plan/* planApply */._$)(desired, observed);
                }
            }
            const items = plan.entries.flatMap(e => driftItem(e) ?? []);
            const liveJobs = desired.filter(r => r.kind === 'job').flatMap(r => (0,core_actual/* findActual */._q)(observed.actual, r.id) ?? []);
            return {
                team: config.team,
                plan,
                counts: (0,core_plan/* countActions */.Bd)(plan),
                drifted: items.length > 0,
                items,
                liveJobs,
                timings: { readMs, writeMs: 0, totalMs: readMs }
            };
        },
        async prefetch(configs) {
            const fleet = await logger.group(`Reading ${configs.length} teams through Azure Resource Graph`, () => loadFleetSnapshot(configs, graph));
            snapshot = { teams: new Set(configs.map(c => c.team)), fleet };
            return { queries: fleet.queries };
        },
        stats() {
            return { ...clients.throttle, graphQueries: graph.queries };
        },
        async destroy(config) {
            const { desired, observed, readMs } = await observe(config, false);
            const plan = (0,core_plan/* planDestroy */.Ub)(desired, observed);
            const { writes, writeMs } = await execute(plan);
            const refused = plan.entries
                .filter(e => e.action === 'refuse' && e.blocking)
                .map(e => ({ id: e.id, reason: e.reason ?? '' }));
            return {
                team: config.team,
                plan,
                counts: (0,core_plan/* countActions */.Bd)(plan),
                deleted: writes.map(({ id, kind, name, durationMs }) => ({ id, kind, name, durationMs })),
                refused,
                timings: { readMs, writeMs, totalMs: readMs + writeMs }
            };
        }
    };
}
const DEFAULT_TEAM_CONCURRENCY = 4;
/** Runs `fn` for each team with bounded concurrency; one team's failure is recorded, never stops the others. */
async function forEachTeam(configs, fn, options = {}) {
    return (0,concurrency/* mapLimit */.s)(configs, options.concurrency ?? DEFAULT_TEAM_CONCURRENCY, async (config) => {
        try {
            return { team: config.team, ok: true, value: await fn(config) };
        }
        catch (error) {
            return { team: config.team, ok: false, error: (0,errors/* describeAzureError */.pv)(error, `run for team ${config.team}`) };
        }
    });
}


/***/ })

};
