export const id = 984;
export const ids = [984,982,139];
export const modules = {

/***/ 50899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eb: () => (/* binding */ extensionScope),
/* harmony export */   fk: () => (/* binding */ parseArmId),
/* harmony export */   vk: () => (/* binding */ requireResourceGroup),
/* harmony export */   vt: () => (/* binding */ rgAndNames)
/* harmony export */ });
/** Parsing ARM resource ids: the adapters need the subscription, resource group and names inside an id. */
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?/i;
function parseArmId(id) {
    const match = SUBSCRIPTION.exec(id);
    if (!match)
        throw new Error(`Not an ARM resource id: ${id}`);
    const providerAt = id.toLowerCase().lastIndexOf('/providers/');
    const tail = providerAt >= 0
        ? id
            .slice(providerAt + '/providers/'.length)
            .split('/')
            .slice(1)
        : [];
    const names = tail.filter((_, i) => i % 2 === 1);
    return { subscriptionId: match[1], resourceGroup: match[2], names };
}
/** The scope an extension resource (role assignment, diagnostic setting) hangs under: everything before its last `/providers/`. */
function extensionScope(id) {
    const providerAt = id.toLowerCase().lastIndexOf('/providers/');
    const name = id.slice(id.lastIndexOf('/') + 1);
    return { scope: id.slice(0, providerAt), name };
}
function requireResourceGroup(parsed, id) {
    if (!parsed.resourceGroup)
        throw new Error(`ARM id has no resource group: ${id}`);
    return parsed.resourceGroup;
}
/** `[rg, name1, name2, ...]` for a resource-group-scoped id, ready to spread into SDK calls. */
function rgAndNames(id, count) {
    const parsed = parseArmId(id);
    const names = parsed.names;
    if (names.length < count)
        throw new Error(`ARM id needs ${count} name segment(s): ${id}`);
    return [requireResourceGroup(parsed, id), ...names.slice(0, count)];
}


/***/ }),

/***/ 23139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClients: () => (/* binding */ createClients)
/* harmony export */ });
/* harmony import */ var _azure_arm_appcontainers__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96684);
/* harmony import */ var _azure_arm_authorization__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(71043);
/* harmony import */ var _azure_arm_monitor__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92729);
/* harmony import */ var _azure_arm_msi__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54361);
/* harmony import */ var _azure_arm_network__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12163);
/* harmony import */ var _azure_arm_privatedns__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(19998);
/* harmony import */ var _azure_arm_resources__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56033);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(43714);
/* harmony import */ var _shared_token_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(52982);









function createClients(options) {
    const endpoint = (options.endpoint ?? _settings_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_ARM_ENDPOINT */ .x).replace(/\/+$/, '');
    const scope = options.scope ?? `${endpoint}/.default`;
    const pipeline = {
        endpoint,
        ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
    };
    // Two SDK generations: the modular clients take `credentials.scopes`, the older core-client ones `credentialScopes`.
    const modular = { ...pipeline, credentials: { scopes: [scope] } };
    const classic = { ...pipeline, credentialScopes: [scope] };
    const cred = (0,_shared_token_js__WEBPACK_IMPORTED_MODULE_7__.sharedTokenCredential)(options.credential);
    const network = lazy(sub => new _azure_arm_network__WEBPACK_IMPORTED_MODULE_3__/* .NetworkManagementClient */ .D76(cred, sub, modular));
    const apps = lazy(sub => new _azure_arm_appcontainers__WEBPACK_IMPORTED_MODULE_0__/* .ContainerAppsAPIClient */ .tV(cred, sub, modular));
    const dns = lazy(sub => new _azure_arm_privatedns__WEBPACK_IMPORTED_MODULE_4__/* .PrivateDnsManagementClient */ .F5(cred, sub, modular));
    const monitor = lazy(sub => new _azure_arm_monitor__WEBPACK_IMPORTED_MODULE_1__/* .MonitorClient */ .UK(cred, sub, modular));
    const resources = lazy(sub => new _azure_arm_resources__WEBPACK_IMPORTED_MODULE_5__/* .ResourceManagementClient */ .h0(cred, sub, modular));
    const identities = lazy(sub => new _azure_arm_msi__WEBPACK_IMPORTED_MODULE_2__/* .ManagedServiceIdentityClient */ .Gs(cred, sub, classic));
    const authorization = lazy(sub => new _azure_arm_authorization__WEBPACK_IMPORTED_MODULE_8__/* .AuthorizationManagementClient */ .IK(cred, sub, classic));
    return {
        network,
        apps,
        dns,
        identities,
        authorization,
        monitor,
        resources,
        lroOptions: options.updateIntervalInMs === undefined ? {} : { updateIntervalInMs: options.updateIntervalInMs },
        endpoint
    };
}
function lazy(make) {
    const cache = new Map();
    return subscriptionId => {
        const key = subscriptionId.toLowerCase();
        let client = cache.get(key);
        if (!client) {
            client = make(subscriptionId);
            cache.set(key, client);
        }
        return client;
    };
}


/***/ }),

/***/ 73984:
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
// EXTERNAL MODULE: ./src/core/layout.ts
var core_layout = __webpack_require__(16585);
;// CONCATENATED MODULE: ./src/core/logger.ts
/** A logger that drops everything: for tests and `--json` runs that want a quiet stderr. */
const silentLogger = {
    info: () => { },
    warning: () => { },
    group: (_title, fn) => fn()
};

// EXTERNAL MODULE: ./src/core/refs.ts
var refs = __webpack_require__(39301);
// EXTERNAL MODULE: ./src/core/resources/common.ts
var common = __webpack_require__(88032);
;// CONCATENATED MODULE: ./src/core/ownership.ts
/** Proof that an existing resource with one of our names is this team's, before apply writes or destroy deletes it. */



/** The `id` of an ARM sub-resource reference (`{ id }`), when there is one. */
function idOf(value) {
    const id = value?.id;
    return typeof id === 'string' ? id : undefined;
}
function sameId(a, b) {
    return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
function taggedProblem(desired, actual, team) {
    const tags = (actual.body.tags ?? {});
    if (tags[common/* MANAGED_BY_TAG */.dS] === common/* MANAGED_BY */.Kf && tags[common/* TEAM_TAG */.VD] === team)
        return undefined;
    const owner = typeof tags[common/* TEAM_TAG */.VD] === 'string' && tags[common/* MANAGED_BY_TAG */.dS] === common/* MANAGED_BY */.Kf ? ` (it is team ${tags[common/* TEAM_TAG */.VD]}'s)` : '';
    const next = desired.kind === 'resourceGroup'
        ? 'set azure.createResourceGroup: false to use the existing group'
        : `remove or rename it, or tag it ${common/* MANAGED_BY_TAG */.dS}=${common/* MANAGED_BY */.Kf} and ${common/* TEAM_TAG */.VD}=${team} if it really is this team's`;
    return `${desired.type} ${desired.name} exists but is not tagged as team ${team}'s${owner}: refusing to take it over; ${next}`;
}
function remotePeeringProblem(desired, actual) {
    const ours = idOf(desired.body.remoteVirtualNetwork);
    const theirs = idOf(actual.body.remoteVirtualNetwork);
    if (sameId(ours, theirs))
        return undefined;
    const vnet = desired.id.slice(0, desired.id.toLowerCase().lastIndexOf('/virtualnetworkpeerings/'));
    return (`Peering ${desired.name} on ${vnet} exists but points at ${theirs ?? 'no VNet'}, not at ${ours}: ` +
        'refusing to take it over; remove or rename that peering');
}
/**
 * The assignment's name is derived from our identity's id, scope and role; its principal proves the rest. Before the
 * principal is known (ref unresolved) the name is all the proof there is.
 */
function roleAssignmentProblem(desired, actual) {
    const wanted = desired.body.principalId;
    const found = actual.body.principalId;
    if ((0,refs/* isRef */.i9)(wanted) || wanted === found)
        return undefined;
    return (`Role assignment ${desired.name} exists but is granted to principal ${String(found)}, not to ${String(wanted)}: ` +
        'refusing to take it over; remove that role assignment (it may be left over from a deleted identity)');
}
/**
 * Why `actual` must not be treated as this team's `desired` resource, or undefined when it may (or nothing exists).
 * Pass `desired` with refs resolved from actual state (`resolveRefs` + `lookupIn`) to check a role assignment's principal.
 */
function ownershipProblem(desired, actual, team) {
    if (actual === undefined)
        return undefined;
    const problem = takeOverProblem(desired, actual, team);
    // Something no longer wanted that is not provably ours was never ours to delete.
    if (problem && desired.absent)
        return `${desired.type} ${desired.name} is no longer in the config but is not provably team ${team}'s: not deleting it`;
    return problem;
}
function takeOverProblem(desired, actual, team) {
    if (desired.ownership === 'tagged')
        return taggedProblem(desired, actual, team);
    if (desired.kind === 'remotePeering')
        return remotePeeringProblem(desired, actual);
    if (desired.kind === 'roleAssignment')
        return roleAssignmentProblem(desired, actual);
    return undefined;
}
/**
 * Every ownership verdict of a run, made once: the problems of existing resources that carry our names. A `child`
 * (subnet, local peering, diagnostic setting) is ours only when its parent is: a child of a foreign parent gets the
 * parent's verdict.
 */
function judgeOwnership(desired, actual, team) {
    const verdicts = new Map();
    const lookup = (0,core_actual/* lookupIn */.IX)(actual);
    for (const r of desired) {
        // Refs resolved from what exists, so a role assignment's principal can be compared with our identity's.
        const problem = ownershipProblem({ ...r, body: (0,refs/* resolveRefs */.F0)(r.body, lookup).body }, (0,core_actual/* findActual */._q)(actual, r.id), team);
        if (problem)
            verdicts.set(r.id.toLowerCase(), problem);
    }
    for (const r of desired) {
        if (r.ownership !== 'child' || !(0,core_actual/* findActual */._q)(actual, r.id) || verdicts.has(r.id.toLowerCase()))
            continue;
        const parent = parentOf(r, desired);
        if (parent && verdicts.has(parent.id.toLowerCase()))
            verdicts.set(r.id.toLowerCase(), `its parent ${parent.name} is not provably team ${team}'s: not touching it`);
    }
    return verdicts;
}
/** The nearest desired resource whose id contains this one's. */
function parentOf(child, desired) {
    const id = child.id.toLowerCase();
    return desired
        .filter(r => r !== child && id.startsWith(`${r.id.toLowerCase()}/`))
        .sort((a, b) => b.id.length - a.id.length)[0];
}

// EXTERNAL MODULE: ./src/core/plan.ts + 1 modules
var core_plan = __webpack_require__(30935);
// EXTERNAL MODULE: ./src/config/positions.ts
var config_positions = __webpack_require__(90078);
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
function at(config, path) {
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
    const findings = [];
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    const vaultName = config.github.app.keyVaultId.slice(config.github.app.keyVaultId.lastIndexOf('/') + 1);
    if (facts.vaultRbac === false) {
        findings.push({
            check: 'keyVault',
            status: 'fail',
            message: `${at(config, 'github.app.keyVaultId')}: github.app: Key Vault ${vaultName} uses access policies, so the Key Vault Secrets User role runner-setup grants the runners' identity has no effect and no runner could read the GitHub App key. ` +
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
            message: `${at(config, `network.peerings[${i}].useRemoteGateways`)}: network.peerings[${i}].useRemoteGateways is true but ${peering.remoteVnetId} has no gateway (Azure refuses the peering with RemoteVnetHasNoGateways). ` +
                'Set useRemoteGateways: false, or have the owners of that VNet deploy its VPN or ExpressRoute gateway first.'
        });
    });
    if (!facts.environmentExists && facts.environments) {
        const { current, limit } = facts.environments;
        findings.push(current + 1 > limit
            ? {
                check: 'environmentQuota',
                status: 'fail',
                message: `${at(config, 'azure.location')}: azure.location: subscription ${config.azure.subscriptionId} already has ${current} of its ${limit} Container Apps environments in ${config.azure.location} (quota ManagedEnvironmentCount), and this team needs one more. ` +
                    'Request a quota increase for Microsoft.App in that region (Azure portal, Quotas), or use another subscription or region.'
            }
            : {
                check: 'environmentQuota',
                status: 'ok',
                message: `${current + 1} of ${limit} environments in ${config.azure.location}`
            });
    }
    const jobs = layout.jobs.length;
    const coresWanted = jobs * config.runners.max * config.runners.cpu;
    const coreLimit = facts.cores?.limit ?? DEFAULT_CONSUMPTION_CORES;
    findings.push(coresWanted > coreLimit
        ? {
            check: 'coreQuota',
            status: 'fail',
            message: `${at(config, 'runners.max')}: runners: ${jobs} job${jobs === 1 ? '' : 's'} × runners.max ${config.runners.max} × cpu ${config.runners.cpu} = ${coresWanted} cores, over the environment's Consumption core quota of ${coreLimit} (ManagedEnvironmentConsumptionCores); runners past it would never start. ` +
                'Lower runners.max or runners.cpu, or request a quota increase for the environment.'
        }
        : { check: 'coreQuota', status: 'ok', message: `${coresWanted} of ${coreLimit} cores` });
    const replicas = jobs * config.runners.max;
    const capacity = subnetReplicaCapacity(config.network.subnet);
    findings.push(replicas > capacity
        ? {
            check: 'subnetCapacity',
            status: 'fail',
            message: `${at(config, 'network.subnet')}: network.subnet ${config.network.subnet} holds about ${capacity} Consumption replicas (Azure keeps 17 of its addresses, and each address serves about 10 replicas), but the team's ${jobs} job${jobs === 1 ? '' : 's'} may run ${replicas} runners at once. ` +
                'Use a larger subnet (one prefix length shorter doubles it) or lower runners.max.'
        }
        : {
            check: 'subnetCapacity',
            status: 'ok',
            message: `${replicas} of about ${capacity} runners fit in ${config.network.subnet}`
        });
    return findings;
}

;// CONCATENATED MODULE: ./src/core/saved-plan.ts
/**
 * A plan saved with `plan --json` is applied as it is only while it fits: made for apply of this team, from what Azure
 * held (not offline), and nothing it touches has moved since (each entry's fingerprint still matches).
 */

/** Why the saved plan cannot be applied to this team at all, or undefined. */
function savedPlanMismatch(saved, team) {
    if (saved.team !== team || saved.purpose !== 'apply')
        return `The saved plan is for ${saved.purpose} of team ${saved.team}, not for apply of team ${team}: make it with plan --json for this config.`;
    if (saved.entries.some(e => e.observed === 'unread'))
        return 'The saved plan was made offline (plan --offline), so it cannot be applied: make it with plan --json.';
    return undefined;
}
/** Why the saved plan is stale against what Azure holds now, or undefined. */
function movedSince(saved, live) {
    const moved = saved.entries.filter((e) => (0,core_actual/* fingerprint */.Rj)((0,core_actual/* findActual */._q)(live, e.id)) !== e.observed);
    if (moved.length === 0)
        return undefined;
    return `The saved plan is stale: ${moved.map(e => `${e.type} ${e.name}`).join(', ')} changed in Azure since it was made. Run plan again, review it, and apply the new plan.`;
}

// EXTERNAL MODULE: ./src/azure/clients.ts
var azure_clients = __webpack_require__(23139);
;// CONCATENATED MODULE: ./src/azure/concurrency.ts
/** Bounded parallelism: enough to be fast, few enough to stay inside ARM's request limits. */
/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. Rejects on the first failure after in-flight calls settle. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
    return results;
}

// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(22483);
;// CONCATENATED MODULE: ./src/core/orphans.ts



const PEERING_TYPE = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';
function orphanResources(config, wanted, listed) {
    const known = new Set(wanted.map(r => r.id.toLowerCase()));
    const jobs = orphanJobs(config, listed.jobs, known);
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    const handMade = listed.peerings.filter(p => !known.has(p.id.toLowerCase()) && (!p.remoteVnetId || !isDerivedPeering(p.name, p.remoteVnetId)));
    const foreignChildren = new Map();
    if (handMade.length > 0)
        foreignChildren.set(layout.virtualNetworkId.toLowerCase(), handMade.map(p => p.id));
    const peeringWarnings = handMade.map(p => `Peering ${p.id} on the team's VNet has a name runner-setup never gives: not the team's, left alone (and destroy keeps the VNet while it is there)`);
    const resources = [...orphanPeerings(config, wanted, listed.peerings, known), ...jobs.resources];
    for (const r of resources)
        known.add(r.id.toLowerCase());
    const warned = new Set(jobs.warned);
    const strays = (listed.tagged ?? [])
        .filter(r => !known.has(r.id.toLowerCase()) && !warned.has(r.id.toLowerCase()))
        .map(r => notOursWarning(r.type, r.id, config.team, 'its name is not one runner-setup gives this team'));
    return { resources, warnings: [...jobs.warnings, ...peeringWarnings, ...strays], foreignChildren };
}
function isDerivedPeering(name, remoteVnetId) {
    return name.toLowerCase() === (0,names/* localPeeringName */.b_)(remoteVnetId).toLowerCase();
}
function isTeamTagged(tags, team) {
    return tags?.[common/* MANAGED_BY_TAG */.dS] === common/* MANAGED_BY */.Kf && tags[common/* TEAM_TAG */.VD] === team;
}
function notOursWarning(type, id, team, why) {
    return `${type} ${id} carries team ${team}'s tags but ${why}: not provably the team's, left alone`;
}
/**
 * Only peerings whose name is the one we derive from their remote VNet: those we made; one added by hand is left alone.
 * Deletes on our VNet conflict with each other, so each waits for the one before (and for the wanted peerings).
 */
function orphanPeerings(config, wanted, peerings, known) {
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    let previous = wanted.filter(r => r.kind === 'peering').at(-1)?.id ?? layout.subnetId;
    return peerings.flatMap(({ id, name, remoteVnetId }) => {
        if (known.has(id.toLowerCase()) || !remoteVnetId || !isDerivedPeering(name, remoteVnetId))
            return [];
        const local = (0,common/* desired */.he)({
            kind: 'peering',
            id,
            type: PEERING_TYPE,
            apiVersion: common/* API_VERSION */.mG.network,
            dependsOn: [previous],
            ownership: 'child',
            body: {}
        });
        previous = id;
        const remote = (0,common/* desired */.he)({
            kind: 'remotePeering',
            id: `${remoteVnetId}/virtualNetworkPeerings/${layout.names.remotePeering}`,
            type: PEERING_TYPE,
            apiVersion: common/* API_VERSION */.mG.network,
            dependsOn: [layout.virtualNetworkId],
            ownership: 'marked',
            body: {}
        });
        // The far side is ours only while it points back at our VNet: ownership compares this pointer.
        return [(0,common/* absent */.Ge)(local), (0,common/* absent */.Ge)(remote, { remoteVirtualNetwork: { id: layout.virtualNetworkId } })];
    });
}
/**
 * Jobs of this team that the config no longer names: our job name for the team, in our environment, with our tags.
 * Deleted before the environment, like the wanted ones.
 */
function orphanJobs(config, jobs, known) {
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    const resources = [];
    const warnings = [];
    const warned = [];
    for (const { id, tags, environmentId } of jobs) {
        if (!isTeamTagged(tags, config.team) || known.has(id.toLowerCase()))
            continue;
        const name = id.slice(id.lastIndexOf('/') + 1);
        const why = !(0,names/* isTeamJobName */.GU)(config.team, name)
            ? 'its name is not one runner-setup gives this team'
            : environmentId?.toLowerCase() !== layout.managedEnvironmentId.toLowerCase()
                ? `it runs in ${environmentId ?? 'no environment'}, not in the team's environment`
                : undefined;
        if (why) {
            warnings.push(notOursWarning('Microsoft.App/jobs', id, config.team, why));
            warned.push(id.toLowerCase());
            continue;
        }
        resources.push((0,common/* absent */.Ge)((0,common/* desired */.he)({
            kind: 'job',
            id,
            type: 'Microsoft.App/jobs',
            apiVersion: common/* API_VERSION */.mG.app,
            ownership: 'tagged',
            dependsOn: [layout.managedEnvironmentId, layout.identityId, layout.roleAssignmentId],
            body: {}
        })));
    }
    return { resources, warnings, warned };
}

// EXTERNAL MODULE: ./src/azure/arm-id.ts
var arm_id = __webpack_require__(50899);
// EXTERNAL MODULE: ./src/azure/errors.ts + 1 modules
var errors = __webpack_require__(85670);
;// CONCATENATED MODULE: ./src/azure/resources/lro.ts

/** Per-call options for SDK writes: the poll interval and the abort signal. */
function callOptions(clients, ctx) {
    return { ...clients.lroOptions, ...signalOf(ctx) };
}
/** Waits for an SDK poller, forwarding each poll's status; the abort signal bounds the wait. */
async function waitFor(poller, ctx) {
    poller.onProgress(state => ctx.progress(state.status));
    return await poller.pollUntilDone(signalOf(ctx));
}
async function getOrUndefined(id, read) {
    try {
        return toActual(id, await read());
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
/** Deleting something already gone is success: a rerun after an interrupted destroy must converge. */
async function deleteIgnoringNotFound(remove) {
    try {
        await remove();
    }
    catch (error) {
        if (!(0,errors/* isNotFound */.c4)(error))
            throw error;
    }
}
function toActual(id, result) {
    const body = (result ?? {});
    return { id: typeof body.id === 'string' ? body.id : id, body };
}
/** For plain request/response writes: only the abort signal applies. */
function signalOf(ctx) {
    return ctx.abortSignal ? { abortSignal: ctx.abortSignal } : {};
}

;// CONCATENATED MODULE: ./src/azure/discover.ts








/** Every job in the team's resource group (none while the group does not exist yet). */
async function listJobs(clients, resourceGroupId, endpoint) {
    const parsed = (0,arm_id/* parseArmId */.fk)(resourceGroupId);
    const found = [];
    try {
        for await (const job of clients
            .apps(parsed.subscriptionId)
            .jobs.listByResourceGroup((0,arm_id/* requireResourceGroup */.vk)(parsed, resourceGroupId))) {
            if (job.id)
                found.push(toActual(job.id, job));
        }
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return [];
        throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `list the jobs in ${resourceGroupId}`, endpoint));
    }
    return found;
}
/**
 * Every resource in the team's resource group carrying the team tag: those that are not provably ours (our tags, not
 * our name) are named in a warning. ARM filters by tag server-side (and then leaves the tags out of the answer).
 */
async function listTagged(clients, resourceGroupId, team, endpoint) {
    const parsed = (0,arm_id/* parseArmId */.fk)(resourceGroupId);
    const found = [];
    try {
        const filter = `tagName eq '${common/* TEAM_TAG */.VD}' and tagValue eq '${team}'`;
        for await (const r of clients
            .resources(parsed.subscriptionId)
            .resources.listByResourceGroup((0,arm_id/* requireResourceGroup */.vk)(parsed, resourceGroupId), { filter })) {
            if (r.id && r.type)
                found.push({ id: r.id, type: r.type });
        }
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return [];
        throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `list the resources in ${resourceGroupId}`, endpoint));
    }
    return found;
}
/** The peerings a VNet's GET lists, in the same SDK shape as a peering's own GET. */
function peeringsOf(vnet) {
    const peerings = vnet?.body.virtualNetworkPeerings;
    if (!Array.isArray(peerings))
        return [];
    return peerings.flatMap((p) => (typeof p.id === 'string' ? [toActual(p.id, p)] : []));
}
/**
 * The desired list with the orphans added (as `absent` resources), and the observed state with theirs added: taken
 * from the listings, and read with `readMore` for what the listings do not hold. `actual` itself is left as it was.
 */
async function withOrphans(config, wanted, actual, listings, readMore) {
    const { jobs, tagged } = listings;
    const peerings = peeringsOf((0,core_actual/* findActual */._q)(actual, (0,core_layout/* teamLayout */.YM)(config).virtualNetworkId));
    const listed = {
        peerings: peerings.map(p => ({
            id: p.id,
            name: p.id.slice(p.id.lastIndexOf('/') + 1),
            remoteVnetId: idOf(p.body.remoteVirtualNetwork)
        })),
        jobs: jobs.map(j => ({
            id: j.id,
            tags: j.body.tags,
            environmentId: typeof j.body.environmentId === 'string' ? j.body.environmentId : undefined
        })),
        tagged
    };
    const { resources: orphans, warnings, foreignChildren } = orphanResources(config, wanted, listed);
    const byId = new Map([...peerings, ...jobs].map(r => [r.id.toLowerCase(), r]));
    const unread = orphans.filter(o => !byId.has(o.id.toLowerCase()));
    const listedState = orphans.flatMap(o => byId.has(o.id.toLowerCase()) ? [[o.id, byId.get(o.id.toLowerCase())]] : []);
    const read = unread.length > 0 ? [...(await readMore(unread))] : [];
    const observed = new Map([...actual, ...listedState, ...read]);
    return { desired: [...wanted, ...orphans], actual: observed, warnings, foreignChildren };
}

// EXTERNAL MODULE: ./src/core/diff.ts
var diff = __webpack_require__(36292);
// EXTERNAL MODULE: ./src/core/merge.ts
var merge = __webpack_require__(51911);
;// CONCATENATED MODULE: ./src/azure/progress.ts
/** Short, readable labels for log lines. */
const KIND_LABEL = {
    resourceGroup: 'resource group',
    networkSecurityGroup: 'network security group',
    publicIpAddress: 'public IP',
    natGateway: 'NAT gateway',
    virtualNetwork: 'virtual network',
    subnet: 'subnet',
    peering: 'peering',
    remotePeering: 'remote peering',
    privateDnsZoneLink: 'private DNS zone link',
    identity: 'identity',
    roleAssignment: 'role assignment',
    managedEnvironment: 'environment',
    diagnosticSetting: 'diagnostic setting',
    job: 'job'
};
function formatElapsed(ms) {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}
const systemClock = { now: () => Date.now() };
/**
 * Every `intervalMs` while an operation runs, logs `<label>: <state>, <elapsed>`. The state comes from
 * `probe` (a GET of the resource's provisioningState) and falls back to the poller's last status.
 */
function startHeartbeat(options) {
    const started = options.clock.now();
    let inFlight;
    let stopped = false;
    const timer = setInterval(() => {
        if (inFlight)
            return;
        inFlight = options
            .probe()
            .catch(() => undefined)
            .then(state => {
            if (!stopped)
                options.log(`${options.label}: ${state ?? options.lastStatus()}, ${formatElapsed(options.clock.now() - started)}`);
        })
            .finally(() => {
            inFlight = undefined;
        });
    }, options.intervalMs);
    timer.unref?.();
    return {
        stop: async () => {
            stopped = true;
            clearInterval(timer);
            await inFlight;
        }
    };
}

;// CONCATENATED MODULE: ./src/azure/operation.ts
/** One put or delete, waited for with a bound and a heartbeat. */



/** Runs one put or delete with a bounded wait and a heartbeat that reports the resource's provisioningState. */
async function withProgress(entry, label, run, deps) {
    const { timing } = deps;
    let lastStatus = 'waiting';
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), timing.operationTimeoutMs);
    const heartbeat = startHeartbeat({
        label,
        intervalMs: timing.progressIntervalMs,
        clock: timing.clock,
        log: line => deps.logger.info(line),
        lastStatus: () => lastStatus,
        probe: async () => {
            if (entry.action === 'delete')
                return undefined;
            return (0,core_actual/* provisioningState */.vl)((await deps.adapters[entry.kind].get(entry.id))?.body);
        }
    });
    try {
        return await run({ progress: s => (lastStatus = s), abortSignal: abort.signal, action: entry.action });
    }
    catch (error) {
        if (abort.signal.aborted) {
            throw new errors/* AzureError */.M6(`Gave up on ${entry.action} ${label} after ${formatElapsed(timing.operationTimeoutMs)} (last state: ${lastStatus}); Azure may still finish it: rerun to converge.`);
        }
        throw error;
    }
    finally {
        clearTimeout(timeout);
        await heartbeat.stop();
    }
}

;// CONCATENATED MODULE: ./src/azure/execute.ts
/**
 * Carries out a plan, and nothing else: apply and destroy alike. Level by level; inside a level, writes that touch one
 * VNet run one after another (Azure refuses overlapping operations on a VNet) and everything else in parallel.
 * Azure's transient refusals are retried with back-off, honouring Retry-After; a `wait` entry waits for the earlier
 * operation to settle first. A plan with a blocking refusal or a failed preflight check is not carried out at all.
 */








const WORK = new Set(['create', 'update', 'delete', 'wait']);
async function executePlan(plan, deps) {
    if (plan.purpose === 'apply') {
        const stop = (0,core_plan/* blockers */.mN)(plan);
        if (stop.length > 0)
            throw new errors/* AzureError */.M6(stop.join('; '));
    }
    for (const entry of plan.entries.filter(e => e.action === 'refuse'))
        deps.logger.warning(`Leaving ${entry.id} alone: ${entry.reason ?? 'not provably the team’s'}`);
    const written = new Map();
    const lookup = (id, property) => {
        const value = written.get(id.toLowerCase())?.body[property];
        return typeof value === 'string' ? value : undefined;
    };
    const work = plan.entries.filter(e => WORK.has(e.action));
    const levels = [...new Set(work.map(e => e.level))];
    const records = [];
    for (const level of levels) {
        const entries = work.filter(e => e.level === level);
        const title = `${plan.purpose === 'destroy' ? 'Delete level' : 'Level'} ${level}: ${entries.map(describe).join(', ')}`;
        await deps.logger.group(title, async () => {
            const lanes = serialised(entries);
            const results = await Promise.allSettled(lanes.map(async (lane) => {
                for (const entry of lane) {
                    const done = await carryOut(entry, lookup, deps);
                    if (!done)
                        continue;
                    if (done.actual)
                        written.set(entry.id.toLowerCase(), done.actual);
                    records.push(done.record);
                }
            }));
            const failures = results.flatMap(r => r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []);
            if (failures.length > 0) {
                for (const extra of failures.slice(1))
                    deps.logger.warning(extra);
                throw new errors/* AzureError */.M6(failures[0]);
            }
        });
    }
    return records;
}
function describe(entry) {
    return `${entry.action} ${KIND_LABEL[entry.kind]} ${entry.name}`;
}
/** The level's entries as lanes: entries sharing a VNet (directly or through each other) in one lane, in plan order. */
function serialised(entries) {
    const lanes = [];
    for (const entry of entries) {
        const joined = lanes.filter(lane => entry.exclusive.some(vnet => lane.vnets.has(vnet)));
        const lane = { vnets: new Set(entry.exclusive), entries: [] };
        for (const other of joined) {
            other.vnets.forEach(v => lane.vnets.add(v));
            lane.entries.push(...other.entries);
            lanes.splice(lanes.indexOf(other), 1);
        }
        lane.entries.push(entry);
        lane.entries.sort((a, b) => entries.indexOf(a) - entries.indexOf(b));
        lanes.push(lane);
    }
    return lanes.map(lane => lane.entries);
}
async function carryOut(entry, lookup, deps) {
    if (entry.action === 'delete')
        return remove(entry, deps);
    let action = entry.action === 'create' ? 'create' : 'update';
    let source = entry.body ?? {};
    if (entry.action === 'wait') {
        const settled = await waitUntilSettled(entry, deps);
        const ours = (0,refs/* resolveRefs */.F0)(source, lookup).body;
        const { action: next } = (0,diff/* diffResource */.u)(asDesired(entry, ours), settled);
        if (next === 'noop')
            return undefined;
        action = settled ? 'update' : 'create';
        source = settled ? (0,merge/* withLive */.f)(entry.kind, settled.body, ours) : ours;
    }
    return put({ ...entry, action }, source, lookup, deps);
}
function asDesired(entry, body) {
    return { ...entry, apiVersion: '', ownership: 'tagged', body };
}
function record(entry, action, durationMs, attempts) {
    return { id: entry.id, kind: entry.kind, name: entry.name, action, level: entry.level, durationMs, attempts };
}
async function put(entry, source, lookup, deps) {
    const label = `${KIND_LABEL[entry.kind]} ${entry.name}`;
    const what = `${entry.action} ${label}`;
    const { body, unresolved } = (0,refs/* resolveRefs */.F0)(source, lookup);
    if (unresolved)
        throw new errors/* AzureError */.M6(`Cannot ${what}: it needs a value (an identity's clientId or principalId) that Azure did not return; rerun apply.`);
    const { clock } = deps.timing;
    const started = clock.now();
    deps.logger.info(`${what}...`);
    let attempts = 0;
    for (;;) {
        attempts++;
        try {
            const actual = await withProgress(entry, label, ctx => deps.adapters[entry.kind].put(entry.id, body, ctx), deps);
            deps.logger.info(`${entry.action === 'create' ? 'created' : 'updated'} ${label} (${formatElapsed(clock.now() - started)})`);
            return { actual, record: record(entry, entry.action, clock.now() - started, attempts) };
        }
        catch (error) {
            const waited = clock.now() - started;
            if (entry.kind === 'job' && (0,errors/* isKeyVaultAccessError */.cZ)(error) && waited < deps.timing.keyVaultWaitMs) {
                deps.logger.info(`${label}: the identity cannot read the GitHub App key in Key Vault yet (a new role assignment takes minutes to apply); retrying for up to ${formatElapsed(deps.timing.keyVaultWaitMs - waited)}`);
                await deps.timing.sleep(deps.timing.keyVaultRetryIntervalMs);
                continue;
            }
            if (await backOff(error, label, attempts, deps))
                continue;
            throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, what, deps.endpoint));
        }
    }
}
async function remove(entry, deps) {
    const label = `${KIND_LABEL[entry.kind]} ${entry.name}`;
    const started = deps.timing.clock.now();
    deps.logger.info(`delete ${label}...`);
    let attempts = 0;
    for (;;) {
        attempts++;
        try {
            await withProgress(entry, label, ctx => deps.adapters[entry.kind].delete(entry.id, ctx), deps);
            break;
        }
        catch (error) {
            if (await backOff(error, label, attempts, deps))
                continue;
            throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `delete ${label}`, deps.endpoint));
        }
    }
    const durationMs = deps.timing.clock.now() - started;
    deps.logger.info(`deleted ${label} (${formatElapsed(durationMs)})`);
    return { record: record(entry, 'delete', durationMs, attempts) };
}
/**
 * True after waiting, when Azure's answer was transient and retries are left: Retry-After when Azure sent one,
 * exponential back-off otherwise. Each retry is logged.
 */
async function backOff(error, label, attempt, deps) {
    const answer = (0,errors/* transientAnswer */.Nv)(error);
    const { timing } = deps;
    if (!answer || attempt > timing.conflictRetries)
        return false;
    const backoff = Math.min(timing.conflictMaxBackoffMs, timing.conflictBackoffMs * 2 ** (attempt - 1));
    const waitMs = answer.retryAfterMs ?? backoff;
    const why = answer.retryAfterMs === undefined ? 'back-off' : 'Retry-After';
    deps.logger.info(`${label}: Azure answered ${answer.code} (another operation is still running there); retry ${attempt} of ${timing.conflictRetries} in ${seconds(waitMs)} (${why})`);
    await timing.sleep(waitMs);
    return true;
}
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2))}s`;
}
/** Polls until an earlier operation on the resource settles (or it disappears); bounded by the operation timeout. */
async function waitUntilSettled(entry, deps) {
    const { timing } = deps;
    const started = timing.clock.now();
    const label = `${KIND_LABEL[entry.kind]} ${entry.name}`;
    for (;;) {
        const current = await deps.adapters[entry.kind].get(entry.id);
        const state = (0,core_actual/* provisioningState */.vl)(current?.body);
        if ((0,core_actual/* isSettled */.Is)(state))
            return current;
        const waited = timing.clock.now() - started;
        if (waited >= timing.operationTimeoutMs) {
            throw new errors/* AzureError */.M6(`${label} is still ${state} after ${formatElapsed(waited)} from an earlier operation; Azure is still working on it: rerun later.`);
        }
        deps.logger.info(`${label}: ${state} (an earlier operation is still running), ${formatElapsed(waited)}`);
        await timing.sleep(timing.settlePollMs);
    }
}

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
    const [rbac, gateways, environments, cores] = await Promise.all([
        vaultRbac(clients, config.github.app.keyVaultId),
        Promise.all(config.network.peerings.map(p => (p.useRemoteGateways ? hasGateway(clients, p.remoteVnetId) : undefined))),
        usage(() => apps.usages.list(config.azure.location), 'ManagedEnvironmentCount'),
        usage(() => apps.managedEnvironmentUsages.list(config.azure.resourceGroup, layout.names.managedEnvironment), 'ManagedEnvironmentConsumptionCores')
    ]);
    return { vaultRbac: rbac, remoteGateways: gateways, environments, cores };
}

;// CONCATENATED MODULE: ./src/azure/read.ts



/** A team has about 20 resources: one round of GETs, well inside ARM's read limits even for 4 teams at once. */
const DEFAULT_READ_CONCURRENCY = 20;
async function readActual(desired, options) {
    const createsGroup = desired.some(r => r.kind === 'resourceGroup');
    const groupCheck = createsGroup ? Promise.resolve() : requireResourceGroup(options);
    // The group check runs alongside the other reads: a no-op apply stays one round trip deep.
    const [, actual] = await Promise.all([groupCheck, readEach(desired, options)]);
    return actual;
}
/** One GET per resource, concurrently. */
async function readEach(resources, options) {
    const entries = await mapLimit(resources, options.concurrency ?? DEFAULT_READ_CONCURRENCY, async (r) => {
        try {
            return [r.id, await options.adapters[r.kind].get(r.id)];
        }
        catch (error) {
            throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `read ${KIND_LABEL[r.kind]} ${r.name}`, options.endpoint));
        }
    });
    return new Map(entries);
}
async function requireResourceGroup(options) {
    let group;
    try {
        group = await options.adapters.resourceGroup.get(options.resourceGroupId);
    }
    catch (error) {
        throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `read resource group ${options.resourceGroupId}`, options.endpoint));
    }
    if (!group) {
        throw new errors/* AzureError */.M6(`Resource group ${options.resourceGroupId} does not exist: the platform team creates each team's resource group and grants the team's identity Contributor on it; ask them to, or set azure.createResourceGroup: true if this identity may create it.`);
    }
}

;// CONCATENATED MODULE: ./src/azure/resources/diagnostic-setting.ts


function diagnosticSettingAdapter(clients) {
    const locate = (id) => {
        const { scope, name } = (0,arm_id/* extensionScope */.eb)(id);
        // The SDK's URL template is `/{+resourceUri}/providers/...`: the scope goes in without its leading slash.
        return {
            api: clients.monitor((0,arm_id/* parseArmId */.fk)(id).subscriptionId).diagnosticSettings,
            uri: scope.replace(/^\/+/, ''),
            name
        };
    };
    return {
        get: id => {
            const { api, uri, name } = locate(id);
            return getOrUndefined(id, () => api.get(uri, name));
        },
        put: async (id, body, ctx) => {
            const { api, uri, name } = locate(id);
            return toActual(id, await api.createOrUpdate(uri, name, body, signalOf(ctx)));
        },
        delete: id => {
            const { api, uri, name } = locate(id);
            return deleteIgnoringNotFound(() => api.delete(uri, name));
        }
    };
}

;// CONCATENATED MODULE: ./src/azure/resources/identity.ts


function identityAdapter(clients) {
    const api = (id) => clients.identities((0,arm_id/* parseArmId */.fk)(id).subscriptionId).userAssignedIdentities;
    return {
        get: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return getOrUndefined(id, () => api(id).get(rg, name));
        },
        put: async (id, body, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return toActual(id, await api(id).createOrUpdate(rg, name, body, signalOf(ctx)));
        },
        delete: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return deleteIgnoringNotFound(() => api(id).delete(rg, name));
        }
    };
}

// EXTERNAL MODULE: ./src/azure/executions.ts
var executions = __webpack_require__(46652);
;// CONCATENATED MODULE: ./src/azure/resources/job.ts




function jobAdapter(clients, stop) {
    const apps = (id) => clients.apps((0,arm_id/* parseArmId */.fk)(id).subscriptionId);
    return {
        get: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return getOrUndefined(id, () => apps(id).jobs.get(rg, name));
        },
        put: async (id, body, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return toActual(id, await waitFor(apps(id).jobs.createOrUpdate(rg, name, body, callOptions(clients, ctx)), ctx));
        },
        delete: async (id, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            await stopExecutions(clients, id, stop, ctx);
            await deleteIgnoringNotFound(() => waitFor(apps(id).jobs.delete(rg, name, callOptions(clients, ctx)), ctx));
        }
    };
}
async function stopExecutions(clients, id, stop, ctx) {
    const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
    const api = clients.apps((0,arm_id/* parseArmId */.fk)(id).subscriptionId);
    const started = stop.now();
    const stopped = new Set();
    for (;;) {
        const active = await activeExecutions(() => collect(api.jobsExecutions.list(rg, name, signalOf(ctx))));
        if (active.length === 0)
            return;
        if (stop.now() - started > stop.timeoutMs) {
            throw new errors/* AzureError */.M6(`Job ${name} still has ${active.length} running execution(s) after ${Math.round(stop.timeoutMs / 1000)}s: stop them in the portal or rerun destroy later.`);
        }
        let issued = 0;
        for (const execution of active) {
            const execName = execution.name ?? '';
            if (!execName || stopped.has(execName))
                continue;
            ctx.progress(`stopping execution ${execName}`);
            await deleteIgnoringNotFound(() => waitFor(api.jobs.stopExecution(rg, name, execName, callOptions(clients, ctx)), ctx));
            stopped.add(execName);
            issued++;
        }
        // The stops just finished as operations: look again at once; wait only for executions already asked to stop.
        if (issued > 0)
            continue;
        ctx.progress(`waiting for ${active.length} execution(s) to stop`);
        await stop.sleep(stop.pollMs);
    }
}
/** A job already gone has no executions. */
async function activeExecutions(list) {
    try {
        return (await list()).filter(e => (0,executions/* isActiveExecution */.p)(e.status));
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return [];
        throw error;
    }
}
async function collect(iterator) {
    const items = [];
    for await (const item of iterator)
        items.push(item);
    return items;
}

;// CONCATENATED MODULE: ./src/azure/resources/managed-environment.ts


function managedEnvironmentAdapter(clients) {
    const api = (id) => clients.apps((0,arm_id/* parseArmId */.fk)(id).subscriptionId).managedEnvironments;
    return {
        get: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return getOrUndefined(id, () => api(id).get(rg, name));
        },
        put: async (id, body, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return toActual(id, await waitFor(api(id).createOrUpdate(rg, name, body, callOptions(clients, ctx)), ctx));
        },
        delete: (id, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx));
        }
    };
}

;// CONCATENATED MODULE: ./src/azure/resources/network.ts


const sub = (id) => (0,arm_id/* parseArmId */.fk)(id).subscriptionId;
function networkSecurityGroupAdapter(clients) {
    const api = (id) => clients.network(sub(id)).networkSecurityGroups;
    return {
        get: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return getOrUndefined(id, () => api(id).get(rg, name));
        },
        put: async (id, body, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return toActual(id, await waitFor(api(id).createOrUpdate(rg, name, body, callOptions(clients, ctx)), ctx));
        },
        delete: (id, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx));
        }
    };
}
function publicIpAddressAdapter(clients) {
    const api = (id) => clients.network(sub(id)).publicIPAddresses;
    return {
        get: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return getOrUndefined(id, () => api(id).get(rg, name));
        },
        put: async (id, body, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return toActual(id, await waitFor(api(id).createOrUpdate(rg, name, body, callOptions(clients, ctx)), ctx));
        },
        delete: (id, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx));
        }
    };
}
function natGatewayAdapter(clients) {
    const api = (id) => clients.network(sub(id)).natGateways;
    return {
        get: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return getOrUndefined(id, () => api(id).get(rg, name));
        },
        put: async (id, body, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return toActual(id, await waitFor(api(id).createOrUpdate(rg, name, body, callOptions(clients, ctx)), ctx));
        },
        delete: (id, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx));
        }
    };
}
function virtualNetworkAdapter(clients) {
    const api = (id) => clients.network(sub(id)).virtualNetworks;
    return {
        get: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return getOrUndefined(id, () => api(id).get(rg, name));
        },
        put: async (id, body, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            // The body never carries `subnets`: since api-version 2023-11-01 an omitted `subnets` keeps the existing ones
            // (an empty list would delete them; Azure/bicep-types-az#1687).
            return toActual(id, await waitFor(api(id).createOrUpdate(rg, name, body, callOptions(clients, ctx)), ctx));
        },
        delete: (id, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, name, callOptions(clients, ctx)), ctx));
        }
    };
}
function subnetAdapter(clients) {
    const api = (id) => clients.network(sub(id)).subnets;
    return {
        get: id => {
            const [rg, vnet, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return getOrUndefined(id, () => api(id).get(rg, vnet, name));
        },
        put: async (id, body, ctx) => {
            const [rg, vnet, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return toActual(id, await waitFor(api(id).createOrUpdate(rg, vnet, name, body, callOptions(clients, ctx)), ctx));
        },
        delete: (id, ctx) => {
            const [rg, vnet, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, vnet, name, callOptions(clients, ctx)), ctx));
        }
    };
}
/** Both sides of a peering: the client follows the subscription in the id, so a remote VNet elsewhere just works. */
function peeringAdapter(clients) {
    const api = (id) => clients.network(sub(id)).virtualNetworkPeerings;
    return {
        get: id => {
            const [rg, vnet, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return getOrUndefined(id, () => api(id).get(rg, vnet, name));
        },
        put: async (id, body, ctx) => {
            const [rg, vnet, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            // On an existing peering, pick up address-space changes of the other VNet (a no-op otherwise).
            const options = ctx.action === 'update'
                ? { ...callOptions(clients, ctx), syncRemoteAddressSpace: 'true' }
                : callOptions(clients, ctx);
            return toActual(id, await waitFor(api(id).createOrUpdate(rg, vnet, name, body, options), ctx));
        },
        delete: (id, ctx) => {
            const [rg, vnet, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, vnet, name, callOptions(clients, ctx)), ctx));
        }
    };
}

;// CONCATENATED MODULE: ./src/azure/resources/private-dns-zone-link.ts


function privateDnsZoneLinkAdapter(clients) {
    const api = (id) => clients.dns((0,arm_id/* parseArmId */.fk)(id).subscriptionId).virtualNetworkLinks;
    return {
        get: id => {
            const [rg, zone, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return getOrUndefined(id, () => api(id).get(rg, zone, name));
        },
        put: async (id, body, ctx) => {
            const [rg, zone, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return toActual(id, await waitFor(api(id).createOrUpdate(rg, zone, name, body, callOptions(clients, ctx)), ctx));
        },
        delete: (id, ctx) => {
            const [rg, zone, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return deleteIgnoringNotFound(() => waitFor(api(id).delete(rg, zone, name, callOptions(clients, ctx)), ctx));
        }
    };
}

;// CONCATENATED MODULE: ./src/azure/resources/resource-group.ts



function resourceGroupAdapter(clients) {
    const locate = (id) => {
        const parsed = (0,arm_id/* parseArmId */.fk)(id);
        return { api: clients.resources(parsed.subscriptionId).resourceGroups, name: (0,arm_id/* requireResourceGroup */.vk)(parsed, id) };
    };
    return {
        get: id => {
            const { api, name } = locate(id);
            return getOrUndefined(id, () => api.get(name));
        },
        put: async (id, body, ctx) => {
            const { api, name } = locate(id);
            return toActual(id, await api.createOrUpdate(name, body, signalOf(ctx)));
        },
        delete: async (id) => {
            throw new errors/* AzureError */.M6(`Refusing to delete resource group ${id}: runner-setup never deletes a resource group.`);
        }
    };
}

;// CONCATENATED MODULE: ./src/azure/resources/role-assignment.ts


function roleAssignmentAdapter(clients) {
    const locate = (id) => {
        const { scope, name } = (0,arm_id/* extensionScope */.eb)(id);
        // The SDK's path is `/{scope}/providers/...` with the scope unescaped: it goes in without its leading slash.
        return {
            api: clients.authorization((0,arm_id/* parseArmId */.fk)(id).subscriptionId).roleAssignments,
            scope: scope.replace(/^\/+/, ''),
            name
        };
    };
    return {
        get: id => {
            const { api, scope, name } = locate(id);
            return getOrUndefined(id, () => api.get(scope, name));
        },
        put: async (id, body, ctx) => {
            const { api, scope, name } = locate(id);
            return toActual(id, await api.create(scope, name, body, signalOf(ctx)));
        },
        delete: id => {
            const { api, scope, name } = locate(id);
            return deleteIgnoringNotFound(() => api.delete(scope, name));
        }
    };
}

;// CONCATENATED MODULE: ./src/azure/resources/index.ts








function createAdapters(clients, jobStop) {
    const peering = peeringAdapter(clients);
    return {
        resourceGroup: resourceGroupAdapter(clients),
        networkSecurityGroup: networkSecurityGroupAdapter(clients),
        publicIpAddress: publicIpAddressAdapter(clients),
        natGateway: natGatewayAdapter(clients),
        virtualNetwork: virtualNetworkAdapter(clients),
        subnet: subnetAdapter(clients),
        peering,
        remotePeering: peering,
        privateDnsZoneLink: privateDnsZoneLinkAdapter(clients),
        identity: identityAdapter(clients),
        roleAssignment: roleAssignmentAdapter(clients),
        managedEnvironment: managedEnvironmentAdapter(clients),
        diagnosticSetting: diagnosticSettingAdapter(clients),
        job: jobAdapter(clients, jobStop)
    };
}

;// CONCATENATED MODULE: ./src/azure/timing.ts
/** Every wait the engine makes, in one place, so tests can shrink them to milliseconds. */

const defaultTiming = {
    clock: systemClock,
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    progressIntervalMs: 30_000,
    operationTimeoutMs: 45 * 60_000,
    keyVaultWaitMs: 15 * 60_000,
    keyVaultRetryIntervalMs: 30_000,
    settlePollMs: 10_000,
    executionPollMs: 10_000,
    executionStopTimeoutMs: 15 * 60_000,
    conflictRetries: 8,
    conflictBackoffMs: 5_000,
    conflictMaxBackoffMs: 60_000
};

;// CONCATENATED MODULE: ./src/azure/engine.ts

















/** Drift is what apply would change, and what it refuses to touch although the config needs it. */
const DRIFT = new Set(['create', 'update', 'delete']);
/** What drift reports of an entry: its differences; a refused resource the config needs differs too. */
function driftItem(e) {
    const action = DRIFT.has(e.action) ? e.action : e.blocking ? 'update' : undefined;
    return action && { id: e.id, kind: e.kind, name: e.name, action, changes: e.changes ?? [] };
}
function createEngine(options) {
    const logger = options.logger ?? silentLogger;
    const timing = { ...defaultTiming, ...options.timing };
    const judge = options.judge ?? judgeOwnership;
    const clients = (0,azure_clients.createClients)({
        credential: options.credential,
        endpoint: options.endpoint,
        retryOptions: options.retryOptions,
        tlsOptions: options.tlsOptions,
        updateIntervalInMs: options.updateIntervalInMs
    });
    const adapters = createAdapters(clients, {
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
    const observe = async (config, withPreflight) => {
        const started = timing.clock.now();
        const wanted = (0,desired/* desiredResources */.G)(config);
        const { resourceGroupId, managedEnvironmentId } = (0,core_layout/* teamLayout */.YM)(config);
        const result = await logger.group(`Reading ${wanted.length} resources of team ${config.team}`, async () => {
            const [read, jobs, tagged, facts] = await Promise.all([
                readActual(wanted, { ...readOptions, resourceGroupId }),
                listJobs(clients, resourceGroupId, endpoint),
                listTagged(clients, resourceGroupId, config.team, endpoint),
                withPreflight ? readPreflightFacts(config, clients) : undefined
            ]);
            const { desired, actual, warnings, foreignChildren } = await withOrphans(config, wanted, read, { jobs, tagged }, more => readEach(more, readOptions));
            const environmentExists = (0,core_actual/* findActual */._q)(actual, managedEnvironmentId) !== undefined;
            const preflight = facts ? preflightFindings(config, { ...facts, environmentExists }) : [];
            const verdicts = judge(desired, actual, config.team);
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
        const mismatch = savedPlanMismatch(saved, config.team);
        if (mismatch)
            throw new errors/* AzureError */.M6(mismatch);
        const stale = movedSince(saved, await readEach(saved.entries, readOptions));
        if (stale)
            throw new errors/* AzureError */.M6(stale);
        return timing.clock.now() - started;
    };
    const execute = async (plan) => {
        const started = timing.clock.now();
        const writes = await executePlan(plan, { adapters, logger, timing, endpoint });
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
            const { desired, observed, readMs } = await observe(config, false);
            const plan = (0,core_plan/* planApply */._$)(desired, observed);
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
    return mapLimit(configs, options.concurrency ?? DEFAULT_TEAM_CONCURRENCY, async (config) => {
        try {
            return { team: config.team, ok: true, value: await fn(config) };
        }
        catch (error) {
            return { team: config.team, ok: false, error: (0,errors/* describeAzureError */.pv)(error, `run for team ${config.team}`) };
        }
    });
}


/***/ }),

/***/ 46652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ listJobExecutions),
/* harmony export */   p: () => (/* binding */ isActiveExecution)
/* harmony export */ });
/* harmony import */ var _arm_id_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50899);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85670);
/** A job's executions, newest first, read through the Container Apps SDK (verify and report read them; runners are named after them). */


const ACTIVE = new Set(['running', 'processing']);
/** Whether an execution (status as Container Apps reports it) still holds a container. */
function isActiveExecution(status) {
    return ACTIVE.has(String(status ?? '').toLowerCase());
}
/** Empty when the job does not exist. */
async function listJobExecutions(clients, jobId) {
    const [rg, name] = (0,_arm_id_js__WEBPACK_IMPORTED_MODULE_1__/* .rgAndNames */ .vt)(jobId, 1);
    const api = clients.apps((0,_arm_id_js__WEBPACK_IMPORTED_MODULE_1__/* .parseArmId */ .fk)(jobId).subscriptionId);
    const found = [];
    try {
        for await (const e of api.jobsExecutions.list(rg, name)) {
            const resources = e.template?.containers?.[0]?.resources;
            found.push({
                name: e.name ?? '',
                status: e.status ?? 'Unknown',
                ...(e.startTime ? { startTime: new Date(e.startTime).toISOString() } : {}),
                ...(e.endTime ? { endTime: new Date(e.endTime).toISOString() } : {}),
                ...(resources?.cpu !== undefined ? { cpu: resources.cpu } : {}),
                ...(resources?.memory ? { memoryGi: parseFloat(resources.memory) } : {})
            });
        }
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(error))
            return [];
        throw error;
    }
    return found.sort((a, b) => (b.startTime ?? '').localeCompare(a.startTime ?? ''));
}


/***/ }),

/***/ 52982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sharedTokenCredential: () => (/* binding */ sharedTokenCredential)
/* harmony export */ });
/** Renew this long before expiry, like the SDK's own bearer policy. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/**
 * One token for every SDK client. Each ARM client has its own bearer policy and would sign in on its own: with
 * OIDC that is a GitHub token request plus an Entra exchange per client. Sharing the token (and the request in
 * flight) makes sign-in one exchange per run, so reads start after one sign-in instead of eight.
 */
function sharedTokenCredential(inner, now = Date.now) {
    const cache = new Map();
    return {
        async getToken(scopes, options) {
            const key = [scopes].flat().join(' ');
            const cached = cache.get(key);
            if (cached) {
                const token = await cached.catch(() => null);
                if (token && token.expiresOnTimestamp - REFRESH_MARGIN_MS > now())
                    return token;
            }
            const pending = inner.getToken(scopes, options);
            cache.set(key, pending);
            pending.catch(() => cache.delete(key));
            return pending;
        }
    };
}


/***/ })

};
