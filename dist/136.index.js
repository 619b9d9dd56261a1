export const id = 136;
export const ids = [136,982,647];
export const modules = {

/***/ 86647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createClients: () => (/* binding */ createClients)
});

// EXTERNAL MODULE: ./node_modules/@azure/arm-appcontainers/dist/esm/index.js + 101 modules
var esm = __webpack_require__(96684);
// EXTERNAL MODULE: ./node_modules/@azure/arm-authorization/dist/index.js
var dist = __webpack_require__(71043);
// EXTERNAL MODULE: ./node_modules/@azure/arm-monitor/dist/esm/index.js + 104 modules
var dist_esm = __webpack_require__(92729);
// EXTERNAL MODULE: ./node_modules/@azure/arm-msi/dist/esm/index.js + 10 modules
var arm_msi_dist_esm = __webpack_require__(54361);
// EXTERNAL MODULE: ./node_modules/@azure/arm-network/dist/esm/index.js + 355 modules
var arm_network_dist_esm = __webpack_require__(12163);
// EXTERNAL MODULE: ./node_modules/@azure/arm-privatedns/dist/esm/index.js + 19 modules
var arm_privatedns_dist_esm = __webpack_require__(19998);
// EXTERNAL MODULE: ./node_modules/@azure/arm-resources/dist/esm/index.js + 24 modules
var arm_resources_dist_esm = __webpack_require__(56033);
// EXTERNAL MODULE: ./node_modules/@azure/arm-resourcegraph/dist/esm/index.js + 22 modules
var arm_resourcegraph_dist_esm = __webpack_require__(35087);
;// CONCATENATED MODULE: ./src/azure/arm-limits.ts
/** The documented read bucket; the remaining-reads header corrects the estimate on every answer. */
const READ_BUCKET = { size: 250, refillPerSecond: 25 };
const DEFAULT_MAX_THROTTLE_WAIT_MS = 10 * 60_000;
/**
 * One estimate per subscription (each has its own bucket), from ARM's first answer on: before ARM has said what is
 * left (or where it never says, as a local double without limits), reads are not held back.
 */
class ReadBudget {
    now;
    buckets = new Map();
    constructor(now) {
        this.now = now;
    }
    bucket(subscriptionId) {
        const key = subscriptionId.toLowerCase();
        const now = this.now();
        const bucket = this.buckets.get(key) ?? { tokens: READ_BUCKET.size, at: now };
        bucket.tokens = Math.min(READ_BUCKET.size, bucket.tokens + ((now - bucket.at) / 1000) * READ_BUCKET.refillPerSecond);
        bucket.at = now;
        this.buckets.set(key, bucket);
        return bucket;
    }
    /** How long to wait before a read may be sent (0: now, and the token is taken). Unpaced until ARM has told. */
    take(subscriptionId) {
        if (!this.buckets.has(subscriptionId.toLowerCase()))
            return 0;
        const bucket = this.bucket(subscriptionId);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return Math.ceil(((1 - bucket.tokens) / READ_BUCKET.refillPerSecond) * 1000);
    }
    /** ARM's count is the truth: other callers with the same principal drain the same bucket. */
    observe(subscriptionId, remaining) {
        const bucket = this.bucket(subscriptionId);
        bucket.tokens = Math.min(bucket.tokens, remaining);
    }
    /** A 429: nothing is left. */
    empty(subscriptionId) {
        this.bucket(subscriptionId).tokens = 0;
    }
}
const SUBSCRIPTION = /\/subscriptions\/([^/?]+)/i;
/** The wait a 429 asks for: `Retry-After` in seconds or as a date, or `x-ms-retry-after-ms`. */
function retryAfterMs(response, now) {
    const ms = Number(response.headers.get('x-ms-retry-after-ms'));
    if (Number.isFinite(ms) && ms > 0)
        return ms;
    const value = response.headers.get('retry-after');
    if (value === undefined)
        return 1000;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}
/** The pipeline policy every ARM client carries: paced reads, 429s waited out until the deadline, counts kept. */
function armLimitsPolicy(options, budget, stats) {
    return {
        name: 'runnerSetupArmLimits',
        async sendRequest(request, next) {
            const subscriptionId = SUBSCRIPTION.exec(new URL(request.url).pathname)?.[1];
            const isRead = request.method === 'GET' || request.method === 'HEAD';
            const started = options.now();
            for (;;) {
                if (isRead && subscriptionId)
                    await pace(subscriptionId);
                if (isRead)
                    stats.reads++;
                else
                    stats.writes++;
                const response = await next(request);
                const remaining = Number(response.headers.get('x-ms-ratelimit-remaining-subscription-reads'));
                if (subscriptionId && isRead && response.headers.has('x-ms-ratelimit-remaining-subscription-reads'))
                    budget.observe(subscriptionId, remaining);
                if (response.status !== 429)
                    return response;
                const wait = retryAfterMs(response, options.now());
                // Past the deadline the 429 goes back to the caller, which fails the team with the subscription named. Without
                // its Retry-After the SDK's own retry policy passes it on instead of waiting again.
                if (options.now() + wait - started > options.maxThrottleWaitMs) {
                    for (const header of ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms'])
                        response.headers.delete(header);
                    return response;
                }
                if (subscriptionId && isRead)
                    budget.empty(subscriptionId);
                stats.throttled++;
                stats.throttledWaitMs += wait;
                await options.sleep(wait);
            }
        }
    };
    async function pace(subscriptionId) {
        for (let wait = budget.take(subscriptionId); wait > 0; wait = budget.take(subscriptionId)) {
            stats.pacedWaitMs += wait;
            await options.sleep(wait);
        }
    }
}
function newThrottleStats() {
    return { reads: 0, writes: 0, throttled: 0, throttledWaitMs: 0, pacedWaitMs: 0 };
}

// EXTERNAL MODULE: ./src/azure/settings.ts
var settings = __webpack_require__(43714);
// EXTERNAL MODULE: ./src/azure/shared-token.ts
var shared_token = __webpack_require__(52982);
;// CONCATENATED MODULE: ./src/azure/clients.ts











function createClients(options) {
    const endpoint = (options.endpoint ?? settings/* DEFAULT_ARM_ENDPOINT */.x).replace(/\/+$/, '');
    const scope = options.scope ?? `${endpoint}/.default`;
    const throttle = newThrottleStats();
    const limits = {
        maxThrottleWaitMs: options.limits?.maxThrottleWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS,
        sleep: options.limits?.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms))),
        now: options.limits?.now ?? Date.now
    };
    // Each attempt of the SDK's own retries passes it: reads wait for a token, 429s are waited out here.
    const policy = armLimitsPolicy(limits, new ReadBudget(limits.now), throttle);
    const pipeline = {
        endpoint,
        additionalPolicies: [{ policy, position: 'perRetry' }],
        ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
    };
    // Two SDK generations: the modular clients take `credentials.scopes`, the older core-client ones `credentialScopes`.
    const modular = { ...pipeline, credentials: { scopes: [scope] } };
    const classic = { ...pipeline, credentialScopes: [scope] };
    const cred = (0,shared_token.sharedTokenCredential)(options.credential);
    const network = lazy(sub => new arm_network_dist_esm/* NetworkManagementClient */.D76(cred, sub, modular));
    const apps = lazy(sub => new esm/* ContainerAppsAPIClient */.tV(cred, sub, modular));
    const dns = lazy(sub => new arm_privatedns_dist_esm/* PrivateDnsManagementClient */.F5(cred, sub, modular));
    const monitor = lazy(sub => new dist_esm/* MonitorClient */.UK(cred, sub, modular));
    const resources = lazy(sub => new arm_resources_dist_esm/* ResourceManagementClient */.h0(cred, sub, modular));
    const identities = lazy(sub => new arm_msi_dist_esm/* ManagedServiceIdentityClient */.Gs(cred, sub, classic));
    const authorization = lazy(sub => new dist/* AuthorizationManagementClient */.IK(cred, sub, classic));
    let graph;
    return {
        network,
        apps,
        dns,
        identities,
        authorization,
        monitor,
        resources,
        graph: () => (graph ??= new arm_resourcegraph_dist_esm/* ResourceGraphClient */.OO(cred, modular)),
        throttle,
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

/***/ 50136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
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


/***/ }),

/***/ 30869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jj: () => (/* binding */ findDroppedLinks),
  N6: () => (/* binding */ listJobs),
  zh: () => (/* binding */ listTagged),
  Ke: () => (/* binding */ withOrphans)
});

// UNUSED EXPORTS: linksToQuery

// EXTERNAL MODULE: ./src/core/layout.ts
var core_layout = __webpack_require__(16585);
// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(22483);
// EXTERNAL MODULE: ./src/core/resources/common.ts
var common = __webpack_require__(88032);
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
    const resources = [
        ...orphanPeerings(config, wanted, listed.peerings, known),
        ...orphanLinks(config, listed.links ?? [], known),
        ...jobs.resources
    ];
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
 * Links of zones dropped from the config: ours by name (the one we give this team's links) and by what they link (the
 * team's VNet); their tags are checked before a delete, as for every tagged resource. Deleted before the VNet.
 */
function orphanLinks(config, links, known) {
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    return links.flatMap(({ id, name, virtualNetworkId }) => {
        if (known.has(id.toLowerCase()))
            return [];
        if (name.toLowerCase() !== layout.names.privateDnsZoneLink.toLowerCase())
            return [];
        if (virtualNetworkId?.toLowerCase() !== layout.virtualNetworkId.toLowerCase())
            return [];
        return [
            (0,common/* absent */.Ge)((0,common/* desired */.he)({
                kind: 'privateDnsZoneLink',
                id,
                type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
                apiVersion: common/* API_VERSION */.mG.privateDns,
                dependsOn: [layout.virtualNetworkId],
                ownership: 'tagged',
                body: {}
            }))
        ];
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

// EXTERNAL MODULE: ./src/core/ownership.ts
var ownership = __webpack_require__(13314);
// EXTERNAL MODULE: ./src/core/actual.ts
var core_actual = __webpack_require__(32041);
// EXTERNAL MODULE: ./src/azure/arm-id.ts
var arm_id = __webpack_require__(50899);
// EXTERNAL MODULE: ./src/azure/errors.ts + 1 modules
var errors = __webpack_require__(85670);
// EXTERNAL MODULE: ./src/azure/graph-shape.ts
var graph_shape = __webpack_require__(92555);
// EXTERNAL MODULE: ./src/azure/resources/lro.ts
var lro = __webpack_require__(31726);
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
                found.push((0,lro/* toActual */.c2)(job.id, job));
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
    return peerings.flatMap((p) => (typeof p.id === 'string' ? [(0,lro/* toActual */.c2)(p.id, p)] : []));
}
/**
 * The desired list with the orphans added (as `absent` resources), and the observed state with theirs added: taken
 * from the listings, and read with `readMore` for what the listings do not hold. `actual` itself is left as it was.
 */
async function withOrphans(config, wanted, actual, listings, readMore) {
    const { jobs, tagged } = listings;
    const links = listings.links ?? [];
    const peerings = peeringsOf((0,core_actual/* findActual */._q)(actual, (0,core_layout/* teamLayout */.YM)(config).virtualNetworkId));
    const listed = {
        peerings: peerings.map(p => ({
            id: p.id,
            name: p.id.slice(p.id.lastIndexOf('/') + 1),
            remoteVnetId: (0,ownership/* idOf */.TH)(p.body.remoteVirtualNetwork)
        })),
        jobs: jobs.map(j => ({
            id: j.id,
            tags: j.body.tags,
            environmentId: typeof j.body.environmentId === 'string' ? j.body.environmentId : undefined
        })),
        tagged,
        links: links.map(l => ({
            id: l.id,
            name: l.id.slice(l.id.lastIndexOf('/') + 1),
            virtualNetworkId: (0,ownership/* idOf */.TH)(l.body.virtualNetwork)
        }))
    };
    const { resources: orphans, warnings, foreignChildren } = orphanResources(config, wanted, listed);
    const byId = new Map([...peerings, ...jobs, ...links].map(r => [r.id.toLowerCase(), r]));
    const unread = orphans.filter(o => !byId.has(o.id.toLowerCase()));
    const listedState = orphans.flatMap(o => byId.has(o.id.toLowerCase()) ? [[o.id, byId.get(o.id.toLowerCase())]] : []);
    const read = unread.length > 0 ? [...(await readMore(unread))] : [];
    const observed = new Map([...actual, ...listedState, ...read]);
    return { desired: [...wanted, ...orphans], actual: observed, warnings, foreignChildren };
}
/** Resource Graph's answer for the links pointing at one VNet, in every subscription the identity may read. */
function linksToQuery(virtualNetworkId) {
    return `resources | where type =~ 'microsoft.network/privatednszones/virtualnetworklinks' and properties.virtualNetwork.id =~ '${virtualNetworkId.replace(/'/g, "\\'")}' | project id, name, type, location, tags, properties | order by id asc`;
}
/**
 * Our links in zones the config no longer names: only a search finds them. Each is read again by GET (Graph lags);
 * one we may not read (the zone's role was removed) is named in a warning and left alone, never a failure.
 */
async function findDroppedLinks(config, wanted, graph, read, endpoint) {
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    const known = new Set(wanted.map(r => r.id.toLowerCase()));
    let rows;
    try {
        rows = await graph.query(linksToQuery(layout.virtualNetworkId));
    }
    catch (error) {
        return { links: [], warnings: [`${error.message}: links of dropped private DNS zones not searched`] };
    }
    const candidates = rows
        .map(graph_shape/* rowToActual */.C)
        .filter(l => !known.has(l.id.toLowerCase()) && l.id.split('/').at(-1) === layout.names.privateDnsZoneLink);
    const links = [];
    const warnings = [];
    await Promise.all(candidates.map(async (l) => {
        try {
            const found = await read(l.id);
            if (found)
                links.push(found);
        }
        catch (error) {
            if ((0,errors/* statusOf */.c2)(error) !== 403)
                throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `read private DNS zone link ${l.id}`, endpoint));
            warnings.push(`${(0,errors/* describeAzureError */.pv)(error, `read private DNS zone link ${l.id}`, endpoint)}; not pruned`);
        }
    }));
    return { links, warnings };
}


/***/ }),

/***/ 377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ executePlan)
});

// UNUSED EXPORTS: serialised

// EXTERNAL MODULE: ./src/core/actual.ts
var actual = __webpack_require__(32041);
// EXTERNAL MODULE: ./src/core/plan.ts + 3 modules
var core_plan = __webpack_require__(56884);
// EXTERNAL MODULE: ./src/core/refs.ts
var refs = __webpack_require__(39301);
// EXTERNAL MODULE: ./src/azure/errors.ts + 1 modules
var errors = __webpack_require__(85670);
// EXTERNAL MODULE: ./src/azure/progress.ts
var progress = __webpack_require__(50936);
;// CONCATENATED MODULE: ./src/azure/operation.ts
/** One put or delete, waited for with a bound and a heartbeat. */



/** Runs one put or delete with a bounded wait and a heartbeat that reports the resource's provisioningState. */
async function withProgress(entry, label, run, deps) {
    const { timing } = deps;
    let lastStatus = 'waiting';
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), timing.operationTimeoutMs);
    const heartbeat = (0,progress/* startHeartbeat */.tI)({
        label,
        intervalMs: timing.progressIntervalMs,
        clock: timing.clock,
        log: line => deps.logger.info(line),
        lastStatus: () => lastStatus,
        probe: async () => {
            if (entry.action === 'delete')
                return undefined;
            return (0,actual/* provisioningState */.vl)((await deps.adapters[entry.kind].get(entry.id))?.body);
        }
    });
    let statusUrl;
    const accepted = (url) => {
        statusUrl = url;
        deps.ledger?.accept(label, url);
    };
    try {
        return await run({ progress: s => (lastStatus = s), abortSignal: abort.signal, action: entry.action, accepted });
    }
    catch (error) {
        if (abort.signal.aborted) {
            throw new errors/* AzureError */.M6(`Gave up on ${entry.action} ${label} after ${(0,progress/* formatElapsed */.C7)(timing.operationTimeoutMs)} (last state: ${lastStatus}); Azure may still finish it: rerun to converge.`);
        }
        throw error;
    }
    finally {
        if (statusUrl)
            deps.ledger?.finish(statusUrl);
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
                    const done = await carryOut(entry, plan.purpose, lookup, deps);
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
    return `${entry.action} ${progress/* KIND_LABEL */.CF[entry.kind]} ${entry.name}`;
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
async function carryOut(entry, purpose, lookup, deps) {
    if (entry.action === 'delete')
        return remove(entry, deps);
    // destroy: an earlier delete (or write) still runs on it; once it settles, delete what is left.
    if (entry.action === 'wait' && purpose === 'destroy')
        return (await waitUntilSettled(entry, deps)) ? remove(entry, deps) : undefined;
    if (entry.action !== 'wait') {
        return put({ ...entry, action: entry.action === 'create' ? 'create' : 'update' }, entry.body ?? {}, lookup, deps);
    }
    const settled = await waitUntilSettled(entry, deps);
    const next = (0,core_plan/* afterWait */.CW)(entry, (0,refs/* resolveRefs */.F0)(entry.body ?? {}, lookup).body, settled);
    return next && put({ ...entry, action: next.action }, next.body, lookup, deps);
}
function record(entry, action, durationMs, attempts) {
    return { id: entry.id, kind: entry.kind, name: entry.name, action, level: entry.level, durationMs, attempts };
}
async function put(entry, source, lookup, deps) {
    const label = `${progress/* KIND_LABEL */.CF[entry.kind]} ${entry.name}`;
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
            deps.logger.info(`${entry.action === 'create' ? 'created' : 'updated'} ${label} (${(0,progress/* formatElapsed */.C7)(clock.now() - started)})`);
            return { actual, record: record(entry, entry.action, clock.now() - started, attempts) };
        }
        catch (error) {
            const waited = clock.now() - started;
            if (entry.kind === 'job' && (0,errors/* isKeyVaultAccessError */.cZ)(error) && waited < deps.timing.keyVaultWaitMs) {
                deps.logger.info(`${label}: the identity cannot read the GitHub App key in Key Vault yet (a new role assignment takes minutes to apply); retrying for up to ${(0,progress/* formatElapsed */.C7)(deps.timing.keyVaultWaitMs - waited)}`);
                await deps.timing.sleep(deps.timing.keyVaultRetryIntervalMs);
                continue;
            }
            if (await backOff(error, label, attempts, clock.now() - started, deps))
                continue;
            throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, what, deps.endpoint));
        }
    }
}
async function remove(entry, deps) {
    const label = `${progress/* KIND_LABEL */.CF[entry.kind]} ${entry.name}`;
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
            if (await backOff(error, label, attempts, deps.timing.clock.now() - started, deps))
                continue;
            throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `delete ${label}`, deps.endpoint));
        }
    }
    const durationMs = deps.timing.clock.now() - started;
    deps.logger.info(`deleted ${label} (${(0,progress/* formatElapsed */.C7)(durationMs)})`);
    return { record: record(entry, 'delete', durationMs, attempts) };
}
/**
 * True after waiting, when Azure's answer was transient and retries are left: Retry-After when Azure sent one,
 * exponential back-off otherwise. Each retry is logged. An answer that names an operation still running there (an
 * earlier run's, perhaps interrupted) is waited for until it ends, within the operation timeout, not counted as retries.
 */
async function backOff(error, label, attempt, waitedMs, deps) {
    const answer = (0,errors/* transientAnswer */.Nv)(error);
    const { timing } = deps;
    if (!answer)
        return false;
    const backoff = Math.min(timing.conflictMaxBackoffMs, timing.conflictBackoffMs * 2 ** (attempt - 1));
    const waitMs = answer.retryAfterMs ?? backoff;
    const running = (0,errors/* inFlightOperation */.Fy)(error);
    if (running !== undefined && waitedMs < timing.operationTimeoutMs) {
        deps.logger.info(`${label}: Azure answered ${answer.code}: ${running} still runs there; waiting for it to end (${(0,progress/* formatElapsed */.C7)(waitedMs)} so far)`);
        await timing.sleep(Math.min(waitMs, timing.settlePollMs));
        return true;
    }
    if (attempt > timing.conflictRetries)
        return false;
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
    const label = `${progress/* KIND_LABEL */.CF[entry.kind]} ${entry.name}`;
    for (;;) {
        const current = await deps.adapters[entry.kind].get(entry.id);
        const state = (0,actual/* provisioningState */.vl)(current?.body);
        if ((0,actual/* isSettled */.Is)(state))
            return current;
        const waited = timing.clock.now() - started;
        if (waited >= timing.operationTimeoutMs) {
            throw new errors/* AzureError */.M6(`${label} is still ${state} after ${(0,progress/* formatElapsed */.C7)(waited)} from an earlier operation; Azure is still working on it: rerun later.`);
        }
        deps.logger.info(`${label}: ${state} (an earlier operation is still running), ${(0,progress/* formatElapsed */.C7)(waited)}`);
        await timing.sleep(timing.settlePollMs);
    }
}


/***/ }),

/***/ 92555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ rowToActual)
/* harmony export */ });
/* unused harmony export sdkShape */
/** Graph's own columns, not part of the resource. */
const GRAPH_COLUMNS = new Set(['subscriptionId', 'resourceGroup', 'tenantId']);
function sdkShape(value) {
    if (Array.isArray(value))
        return value.map(sdkShape);
    if (typeof value !== 'object' || value === null)
        return value;
    const { properties, ...rest } = value;
    const out = {};
    for (const [key, item] of Object.entries(rest))
        out[key] = sdkShape(item);
    if (typeof properties === 'object' && properties !== null && !Array.isArray(properties))
        for (const [key, item] of Object.entries(properties))
            out[key] ??= sdkShape(item);
    else if (properties !== undefined)
        out.properties = properties;
    return out;
}
function rowToActual(row) {
    const resource = Object.fromEntries(Object.entries(row).filter(([key]) => !GRAPH_COLUMNS.has(key)));
    return { id: String(row.id), body: sdkShape(resource) };
}


/***/ }),

/***/ 50936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C7: () => (/* binding */ formatElapsed),
/* harmony export */   CF: () => (/* binding */ KIND_LABEL),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   tI: () => (/* binding */ startHeartbeat)
/* harmony export */ });
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
    federatedCredential: 'federated credential',
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


/***/ }),

/***/ 87279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RN: () => (/* binding */ readActual),
/* harmony export */   e2: () => (/* binding */ readEach)
/* harmony export */ });
/* unused harmony export DEFAULT_READ_CONCURRENCY */
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85670);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50936);



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
    const entries = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimit */ .s)(resources, options.concurrency ?? DEFAULT_READ_CONCURRENCY, async (r) => {
        try {
            return [r.id, await options.adapters[r.kind].get(r.id)];
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AzureError */ .M6((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAzureError */ .pv)(error, `read ${_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .KIND_LABEL */ .CF[r.kind]} ${r.name}`, options.endpoint));
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AzureError */ .M6((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAzureError */ .pv)(error, `read resource group ${options.resourceGroupId}`, options.endpoint));
    }
    if (!group) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AzureError */ .M6(`Resource group ${options.resourceGroupId} does not exist: the platform team creates each team's resource group and grants the team's identity Contributor on it; ask them to, or set azure.createResourceGroup: true if this identity may create it.`);
    }
}


/***/ }),

/***/ 12666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ createAdapters)
});

// EXTERNAL MODULE: ./src/azure/arm-id.ts
var arm_id = __webpack_require__(50899);
// EXTERNAL MODULE: ./src/azure/resources/lro.ts
var lro = __webpack_require__(31726);
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
            return (0,lro/* getOrUndefined */.Y6)(id, () => api.get(uri, name));
        },
        put: async (id, body, ctx) => {
            const { api, uri, name } = locate(id);
            return (0,lro/* toActual */.c2)(id, await api.createOrUpdate(uri, name, body, (0,lro/* signalOf */.oX)(ctx)));
        },
        delete: id => {
            const { api, uri, name } = locate(id);
            return (0,lro/* deleteIgnoringNotFound */.cF)(() => api.delete(uri, name));
        }
    };
}

;// CONCATENATED MODULE: ./src/azure/resources/federated-credential.ts


function federatedCredentialAdapter(clients) {
    const api = (id) => clients.identities((0,arm_id/* parseArmId */.fk)(id).subscriptionId).federatedIdentityCredentials;
    return {
        get: id => {
            const [rg, identity, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return (0,lro/* getOrUndefined */.Y6)(id, () => api(id).get(rg, identity, name));
        },
        put: async (id, body, ctx) => {
            const [rg, identity, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            const written = await api(id).createOrUpdate(rg, identity, name, body, (0,lro/* signalOf */.oX)(ctx));
            return (0,lro/* toActual */.c2)(id, written);
        },
        delete: id => {
            const [rg, identity, name] = (0,arm_id/* rgAndNames */.vt)(id, 2);
            return (0,lro/* deleteIgnoringNotFound */.cF)(() => api(id).delete(rg, identity, name));
        }
    };
}

;// CONCATENATED MODULE: ./src/azure/resources/identity.ts


function identityAdapter(clients) {
    const api = (id) => clients.identities((0,arm_id/* parseArmId */.fk)(id).subscriptionId).userAssignedIdentities;
    return {
        get: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return (0,lro/* getOrUndefined */.Y6)(id, () => api(id).get(rg, name));
        },
        put: async (id, body, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return (0,lro/* toActual */.c2)(id, await api(id).createOrUpdate(rg, name, body, (0,lro/* signalOf */.oX)(ctx)));
        },
        delete: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return (0,lro/* deleteIgnoringNotFound */.cF)(() => api(id).delete(rg, name));
        }
    };
}

// EXTERNAL MODULE: ./src/azure/errors.ts + 1 modules
var errors = __webpack_require__(85670);
// EXTERNAL MODULE: ./src/azure/executions.ts
var executions = __webpack_require__(46652);
;// CONCATENATED MODULE: ./src/azure/resources/job.ts




function jobAdapter(clients, stop) {
    const apps = (id) => clients.apps((0,arm_id/* parseArmId */.fk)(id).subscriptionId);
    return {
        get: id => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return (0,lro/* getOrUndefined */.Y6)(id, () => apps(id).jobs.get(rg, name));
        },
        put: async (id, body, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            return (0,lro/* toActual */.c2)(id, await (0,lro/* waitFor */.fm)(apps(id).jobs.createOrUpdate(rg, name, body, (0,lro/* callOptions */.jp)(clients, ctx)), ctx));
        },
        delete: async (id, ctx) => {
            const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
            await stopExecutions(clients, id, stop, ctx);
            await (0,lro/* deleteIgnoringNotFound */.cF)(() => (0,lro/* waitFor */.fm)(apps(id).jobs.delete(rg, name, (0,lro/* callOptions */.jp)(clients, ctx)), ctx));
        }
    };
}
async function stopExecutions(clients, id, stop, ctx) {
    const [rg, name] = (0,arm_id/* rgAndNames */.vt)(id, 1);
    const api = clients.apps((0,arm_id/* parseArmId */.fk)(id).subscriptionId);
    const started = stop.now();
    const stopped = new Set();
    for (;;) {
        const active = await activeExecutions(() => collect(api.jobsExecutions.list(rg, name, (0,lro/* signalOf */.oX)(ctx))));
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
            await (0,lro/* deleteIgnoringNotFound */.cF)(() => (0,lro/* waitFor */.fm)(api.jobs.stopExecution(rg, name, execName, (0,lro/* callOptions */.jp)(clients, ctx)), ctx));
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
    return (0,lro/* lroAdapter */.zy)(clients, sub => clients.apps(sub).managedEnvironments, 1);
}

;// CONCATENATED MODULE: ./src/azure/resources/network.ts

function networkSecurityGroupAdapter(clients) {
    return (0,lro/* lroAdapter */.zy)(clients, sub => clients.network(sub).networkSecurityGroups, 1);
}
function publicIpAddressAdapter(clients) {
    return (0,lro/* lroAdapter */.zy)(clients, sub => clients.network(sub).publicIPAddresses, 1);
}
function natGatewayAdapter(clients) {
    return (0,lro/* lroAdapter */.zy)(clients, sub => clients.network(sub).natGateways, 1);
}
/**
 * The body never carries `subnets`: since api-version 2023-11-01 an omitted `subnets` keeps the existing ones (an
 * empty list would delete them; Azure/bicep-types-az#1687).
 */
function virtualNetworkAdapter(clients) {
    return (0,lro/* lroAdapter */.zy)(clients, sub => clients.network(sub).virtualNetworks, 1);
}
function subnetAdapter(clients) {
    return (0,lro/* lroAdapter */.zy)(clients, sub => clients.network(sub).subnets, 2);
}
/**
 * Both sides of a peering: the client follows the subscription in the id, so a remote VNet elsewhere just works.
 * On an existing peering, a write picks up address-space changes of the other VNet (a no-op otherwise).
 */
function peeringAdapter(clients) {
    return (0,lro/* lroAdapter */.zy)(clients, sub => clients.network(sub).virtualNetworkPeerings, 2, ctx => (ctx.action === 'update' ? { syncRemoteAddressSpace: 'true' } : {}));
}

;// CONCATENATED MODULE: ./src/azure/resources/private-dns-zone-link.ts

function privateDnsZoneLinkAdapter(clients) {
    return (0,lro/* lroAdapter */.zy)(clients, sub => clients.dns(sub).virtualNetworkLinks, 2);
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
            return (0,lro/* getOrUndefined */.Y6)(id, () => api.get(name));
        },
        put: async (id, body, ctx) => {
            const { api, name } = locate(id);
            return (0,lro/* toActual */.c2)(id, await api.createOrUpdate(name, body, (0,lro/* signalOf */.oX)(ctx)));
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
            return (0,lro/* getOrUndefined */.Y6)(id, () => api.get(scope, name));
        },
        put: async (id, body, ctx) => {
            const { api, scope, name } = locate(id);
            return (0,lro/* toActual */.c2)(id, await api.create(scope, name, body, (0,lro/* signalOf */.oX)(ctx)));
        },
        delete: id => {
            const { api, scope, name } = locate(id);
            return (0,lro/* deleteIgnoringNotFound */.cF)(() => api.delete(scope, name));
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
        federatedCredential: federatedCredentialAdapter(clients),
        roleAssignment: roleAssignmentAdapter(clients),
        managedEnvironment: managedEnvironmentAdapter(clients),
        diagnosticSetting: diagnosticSettingAdapter(clients),
        job: jobAdapter(clients, jobStop)
    };
}


/***/ }),

/***/ 31726:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y6: () => (/* binding */ getOrUndefined),
/* harmony export */   c2: () => (/* binding */ toActual),
/* harmony export */   cF: () => (/* binding */ deleteIgnoringNotFound),
/* harmony export */   fm: () => (/* binding */ waitFor),
/* harmony export */   jp: () => (/* binding */ callOptions),
/* harmony export */   oX: () => (/* binding */ signalOf),
/* harmony export */   zy: () => (/* binding */ lroAdapter)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85670);
/* harmony import */ var _arm_id_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50899);


/** Per-call options for SDK writes: the poll interval and the abort signal. */
function callOptions(clients, ctx) {
    return { ...clients.lroOptions, ...signalOf(ctx) };
}
/** Waits for an SDK poller, forwarding each poll's status; the abort signal bounds the wait. */
async function waitFor(poller, ctx) {
    poller.onProgress(state => ctx.progress(state.status));
    if (ctx.accepted && poller.submitted) {
        await poller.submitted();
        const statusUrl = poller.operationState?.config
            ?.operationLocation;
        if (statusUrl)
            ctx.accepted(statusUrl);
    }
    return await poller.pollUntilDone(signalOf(ctx));
}
async function getOrUndefined(id, read) {
    try {
        return toActual(id, await read());
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(error))
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
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(error))
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
/**
 * The adapter of every ARM kind that shares that shape: `depth` names below the resource group (1 for a VNet,
 * 2 for its subnet), `operations` the SDK group for a subscription, `putOptions` extra options for a write.
 */
function lroAdapter(clients, operations, depth, putOptions = () => ({})) {
    const api = (id) => operations((0,_arm_id_js__WEBPACK_IMPORTED_MODULE_1__/* .parseArmId */ .fk)(id).subscriptionId);
    return {
        get: id => getOrUndefined(id, () => api(id).get(...(0,_arm_id_js__WEBPACK_IMPORTED_MODULE_1__/* .rgAndNames */ .vt)(id, depth))),
        put: async (id, body, ctx) => {
            const options = { ...callOptions(clients, ctx), ...putOptions(ctx) };
            return toActual(id, await waitFor(api(id).createOrUpdate(...(0,_arm_id_js__WEBPACK_IMPORTED_MODULE_1__/* .rgAndNames */ .vt)(id, depth), body, options), ctx));
        },
        delete: (id, ctx) => deleteIgnoringNotFound(() => waitFor(api(id).delete(...(0,_arm_id_js__WEBPACK_IMPORTED_MODULE_1__/* .rgAndNames */ .vt)(id, depth), callOptions(clients, ctx)), ctx))
    };
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


/***/ }),

/***/ 96513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ defaultTiming)
/* harmony export */ });
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50936);
/** Every wait the engine makes, in one place, so tests can shrink them to milliseconds. */

const defaultTiming = {
    clock: _progress_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml,
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


/***/ }),

/***/ 13314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J8: () => (/* binding */ judgeOwnership),
/* harmony export */   TH: () => (/* binding */ idOf)
/* harmony export */ });
/* unused harmony export ownershipProblem */
/* harmony import */ var _actual_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32041);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39301);
/* harmony import */ var _resources_common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88032);
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
    if (tags[_resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_BY_TAG */ .dS] === _resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_BY */ .Kf && tags[_resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .TEAM_TAG */ .VD] === team)
        return undefined;
    const owner = typeof tags[_resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .TEAM_TAG */ .VD] === 'string' && tags[_resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_BY_TAG */ .dS] === _resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_BY */ .Kf ? ` (it is team ${tags[_resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .TEAM_TAG */ .VD]}'s)` : '';
    const next = desired.kind === 'resourceGroup'
        ? 'set azure.createResourceGroup: false to use the existing group'
        : `remove or rename it, or tag it ${_resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_BY_TAG */ .dS}=${_resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_BY */ .Kf} and ${_resources_common_js__WEBPACK_IMPORTED_MODULE_1__/* .TEAM_TAG */ .VD}=${team} if it really is this team's`;
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
    if ((0,_refs_js__WEBPACK_IMPORTED_MODULE_2__/* .isRef */ .i9)(wanted) || wanted === found)
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
    const lookup = (0,_actual_js__WEBPACK_IMPORTED_MODULE_0__/* .lookupIn */ .IX)(actual);
    for (const r of desired) {
        // Refs resolved from what exists, so a role assignment's principal can be compared with our identity's.
        const problem = ownershipProblem({ ...r, body: (0,_refs_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveRefs */ .F0)(r.body, lookup).body }, (0,_actual_js__WEBPACK_IMPORTED_MODULE_0__/* .findActual */ ._q)(actual, r.id), team);
        if (problem)
            verdicts.set(r.id.toLowerCase(), problem);
    }
    for (const r of desired) {
        if (r.ownership !== 'child' || !(0,_actual_js__WEBPACK_IMPORTED_MODULE_0__/* .findActual */ ._q)(actual, r.id) || verdicts.has(r.id.toLowerCase()))
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


/***/ })

};
