export const id = 33;
export const ids = [33,982,139];
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
/* harmony import */ var _commands_settings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(86833);
/* harmony import */ var _shared_token_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(52982);









function createClients(options) {
    const endpoint = (options.endpoint ?? _commands_settings_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_ARM_ENDPOINT */ .xC).replace(/\/+$/, '');
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

/***/ 95033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_TEAM_CONCURRENCY: () => (/* binding */ DEFAULT_TEAM_CONCURRENCY),
  createEngine: () => (/* binding */ createEngine),
  forEachTeam: () => (/* binding */ forEachTeam)
});

// EXTERNAL MODULE: ./src/core/desired.ts + 5 modules
var core_desired = __webpack_require__(23057);
// EXTERNAL MODULE: ./src/core/layout.ts
var core_layout = __webpack_require__(16585);
;// CONCATENATED MODULE: ./src/core/logger.ts
/** A logger that drops everything: for tests and `--json` runs that want a quiet stderr. */
const silentLogger = {
    info: () => { },
    warning: () => { },
    group: (_title, fn) => fn()
};

// EXTERNAL MODULE: ./src/core/plan.ts + 1 modules
var core_plan = __webpack_require__(79272);
// EXTERNAL MODULE: ./src/core/refs.ts
var refs = __webpack_require__(39301);
// EXTERNAL MODULE: ./src/azure/errors.ts + 1 modules
var errors = __webpack_require__(85670);
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

;// CONCATENATED MODULE: ./src/azure/ownership.ts
/** Which existing resources are provably this team's: apply refuses to take over others, destroy leaves them alone. */



/**
 * Problems with existing resources that carry our names. A `child` (subnet, local peering, diagnostic
 * setting) is ours only when its parent is; a child of a foreign parent is reported through the parent.
 */
function foreignResources(desired, actual, team) {
    const problems = [];
    const lookup = (0,core_plan/* lookupIn */.IX)(actual);
    for (const r of desired) {
        const existing = (0,core_plan/* findActual */._q)(actual, r.id);
        if (!existing)
            continue;
        // Refs resolved from what exists, so a role assignment's principal can be compared with our identity's.
        const reason = ownershipProblem({ ...r, body: (0,refs/* resolveRefs */.F0)(r.body, lookup).body }, existing, team);
        if (reason)
            problems.push({ id: r.id, reason });
    }
    return problems;
}
/** The ids destroy may delete: existing, and ours or under a parent that is ours. */
function provenOwned(desired, actual, team) {
    const foreign = new Set(foreignResources(desired, actual, team).map(f => f.id.toLowerCase()));
    const owned = new Set();
    for (const r of desired) {
        if (!(0,core_plan/* findActual */._q)(actual, r.id) || foreign.has(r.id.toLowerCase()))
            continue;
        if (r.ownership === 'child') {
            const parent = parentOf(r, desired);
            if (!parent || !(0,core_plan/* findActual */._q)(actual, parent.id) || foreign.has(parent.id.toLowerCase()))
                continue;
        }
        owned.add(r.id.toLowerCase());
    }
    return owned;
}
/**
 * The plan without the deletes of what is not provably ours (apply never removes those), and why each was left out.
 * A no-longer-wanted resource with one of our names that someone else owns is not ours to delete, nor drift.
 */
function ownedDeletesOnly(plan, desired, actual, team) {
    const owned = provenOwned(desired, actual, team);
    const reasons = new Map(foreignResources(desired, actual, team).map(f => [f.id.toLowerCase(), f.reason]));
    const leftAlone = [];
    const entries = plan.entries.filter(e => {
        if (e.action !== 'delete' || owned.has(e.id.toLowerCase()))
            return true;
        leftAlone.push({
            id: e.id,
            reason: reasons.get(e.id.toLowerCase()) ?? `its parent is not provably team ${team}'s: not deleting it`
        });
        return false;
    });
    return { plan: { ...plan, entries }, leftAlone };
}
/** The nearest desired resource whose id contains this one's. */
function parentOf(child, desired) {
    const id = child.id.toLowerCase();
    return desired
        .filter(r => r !== child && id.startsWith(`${r.id.toLowerCase()}/`))
        .sort((a, b) => b.id.length - a.id.length)[0];
}

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


/** Deletes one resource and waits until it is gone; a resource already gone counts as deleted. */
async function deleteResource(entry, deps) {
    const label = `${KIND_LABEL[entry.kind]} ${entry.name}`;
    const started = deps.timing.clock.now();
    deps.logger.info(`delete ${label}...`);
    try {
        await withProgress({ ...entry, action: 'delete' }, label, ctx => deps.adapters[entry.kind].delete(entry.id, ctx), deps);
    }
    catch (error) {
        throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `delete ${label}`, deps.endpoint));
    }
    const durationMs = deps.timing.clock.now() - started;
    deps.logger.info(`deleted ${label} (${formatElapsed(durationMs)})`);
    return { id: entry.id, kind: entry.kind, name: entry.name, durationMs };
}
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
            const state = (await deps.adapters[entry.kind].get(entry.id))?.body.provisioningState;
            return typeof state === 'string' ? state : undefined;
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

;// CONCATENATED MODULE: ./src/azure/settle.ts



const TERMINAL = new Set(['succeeded', 'failed', 'canceled', 'cancelled']);
function provisioningState(body) {
    const state = body?.provisioningState;
    return typeof state === 'string' ? state : undefined;
}
function isSettled(state) {
    return state === undefined || TERMINAL.has(state.toLowerCase());
}
/** Ids of existing resources still mid-operation. */
function inFlight(desired, actual) {
    const ids = new Set();
    for (const r of desired) {
        const existing = (0,core_plan/* findActual */._q)(actual, r.id);
        if (existing && !isSettled(provisioningState(existing.body)))
            ids.add(r.id.toLowerCase());
    }
    return ids;
}
/** The in-flight resources a level's writes touch: the written resources and what they depend on. */
function blockers(entries, desired, pending) {
    const byId = new Map(desired.map(r => [r.id.toLowerCase(), r]));
    const touched = new Set();
    for (const e of entries) {
        touched.add(e.id.toLowerCase());
        for (const dep of byId.get(e.id.toLowerCase())?.dependsOn ?? [])
            touched.add(dep.toLowerCase());
    }
    return [...touched].filter(id => pending.has(id)).flatMap(id => byId.get(id) ?? []);
}
/** Polls until the resource reaches a terminal state (or disappears); bounded by the operation timeout. */
async function waitUntilSettled(r, deps) {
    const { timing } = deps;
    const started = timing.clock.now();
    const label = `${KIND_LABEL[r.kind]} ${r.name}`;
    for (;;) {
        const state = provisioningState((await deps.adapters[r.kind].get(r.id))?.body);
        if (isSettled(state))
            return;
        const waited = timing.clock.now() - started;
        if (waited >= timing.operationTimeoutMs) {
            throw new errors/* AzureError */.M6(`${label} is still ${state} after ${formatElapsed(waited)} from an earlier operation; Azure is still working on it: rerun later.`);
        }
        deps.logger.info(`${label}: ${state} (an earlier operation is still running), ${formatElapsed(waited)}`);
        await timing.sleep(timing.settlePollMs);
    }
}

;// CONCATENATED MODULE: ./src/azure/apply.ts







async function applyPlan(plan, desired, actual, deps) {
    // What is no longer wanted only blocks its own delete (the engine leaves those out of the plan), never the apply.
    const foreign = foreignResources(desired.filter(r => !r.absent), actual, deps.team);
    if (foreign.length > 0)
        throw new errors/* AzureError */.M6(foreign.map(f => f.reason).join('; '));
    const byId = new Map(desired.map(r => [r.id.toLowerCase(), r]));
    const written = new Map();
    const lookup = (id, property) => {
        const body = written.get(id.toLowerCase())?.body ?? (0,core_plan/* findActual */._q)(actual, id)?.body;
        const value = body?.[property];
        return typeof value === 'string' ? value : undefined;
    };
    const pending = inFlight(desired, actual);
    const writes = plan.entries.filter(e => e.action !== 'noop');
    const levels = [...new Set(writes.map(e => e.level))].sort((a, b) => a - b);
    const records = [];
    for (const level of levels) {
        const entries = writes.filter(e => e.level === level);
        const title = `Level ${level}: ${entries.map(e => `${e.action} ${KIND_LABEL[e.kind]} ${e.name}`).join(', ')}`;
        await deps.logger.group(title, async () => {
            const waits = blockers(entries, desired, pending);
            await Promise.all(waits.map(r => waitUntilSettled(r, deps)));
            for (const r of waits)
                pending.delete(r.id.toLowerCase());
            const results = await Promise.allSettled(entries.map(entry => entry.action === 'delete'
                ? deleteEntry(entry, deps)
                : writeEntry(entry, byId.get(entry.id.toLowerCase()), lookup, deps)));
            const failures = [];
            results.forEach((result, i) => {
                if (result.status === 'fulfilled') {
                    if (result.value.actual)
                        written.set(entries[i].id.toLowerCase(), result.value.actual);
                    records.push(result.value.record);
                }
                else {
                    failures.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
                }
            });
            if (failures.length > 0) {
                for (const extra of failures.slice(1))
                    deps.logger.warning(extra);
                throw new errors/* AzureError */.M6(failures[0]);
            }
        });
    }
    return records;
}
async function deleteEntry(entry, deps) {
    const { durationMs } = await deleteResource(entry, deps);
    return {
        actual: undefined,
        record: {
            id: entry.id,
            kind: entry.kind,
            name: entry.name,
            action: 'delete',
            level: entry.level,
            durationMs,
            attempts: 1
        }
    };
}
async function writeEntry(entry, resource, lookup, deps) {
    const label = `${KIND_LABEL[entry.kind]} ${entry.name}`;
    const what = `${entry.action} ${label}`;
    const source = resource?.body ?? entry.body ?? {};
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
            const action = entry.action === 'create' ? 'create' : 'update';
            return {
                actual,
                record: {
                    id: entry.id,
                    kind: entry.kind,
                    name: entry.name,
                    action,
                    level: entry.level,
                    durationMs: clock.now() - started,
                    attempts
                }
            };
        }
        catch (error) {
            const waited = clock.now() - started;
            if (entry.kind === 'job' && (0,errors/* isKeyVaultAccessError */.cZ)(error) && waited < deps.timing.keyVaultWaitMs) {
                deps.logger.info(`${label}: the identity cannot read the GitHub App key in Key Vault yet (a new role assignment takes minutes to apply); retrying for up to ${formatElapsed(deps.timing.keyVaultWaitMs - waited)}`);
                await deps.timing.sleep(deps.timing.keyVaultRetryIntervalMs);
                continue;
            }
            throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, what, deps.endpoint));
        }
    }
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

;// CONCATENATED MODULE: ./src/azure/destroy.ts




/** `plan` comes from planDestroy: delete entries, highest level first. Entries of one level run in parallel. */
async function destroyPlan(plan, desired, actual, deps) {
    const owned = provenOwned(desired, actual, deps.team);
    const foreign = foreignResources(desired, actual, deps.team);
    for (const f of foreign)
        deps.logger.warning(`Leaving ${f.id} alone: ${f.reason}`);
    // Something the config no longer names and we cannot prove is ours was never ours: left alone, not a refusal.
    const unwanted = new Set(desired.filter(r => r.absent).map(r => r.id.toLowerCase()));
    const refused = foreign.filter(f => !unwanted.has(f.id.toLowerCase()));
    // Never the resource group, and nothing we cannot prove is ours (a child of a foreign parent included).
    const deletes = plan.entries.filter(e => e.action === 'delete' && e.kind !== 'resourceGroup' && owned.has(e.id.toLowerCase()));
    const levels = [...new Set(deletes.map(e => e.level))].sort((a, b) => b - a);
    const deleted = [];
    for (const level of levels) {
        const entries = deletes.filter(e => e.level === level);
        await deps.logger.group(`Delete level ${level}: ${entries.map(e => `${KIND_LABEL[e.kind]} ${e.name}`).join(', ')}`, async () => {
            const results = await Promise.allSettled(entries.map(entry => deleteResource(entry, deps)));
            const failures = results.flatMap(r => r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []);
            for (const r of results)
                if (r.status === 'fulfilled')
                    deleted.push(r.value);
            if (failures.length > 0) {
                for (const extra of failures.slice(1))
                    deps.logger.warning(extra);
                throw new errors/* AzureError */.M6(failures[0]);
            }
        });
    }
    return { deleted, refused };
}

// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(22483);
;// CONCATENATED MODULE: ./src/core/orphans.ts



const PEERING_TYPE = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';
function orphanResources(config, wanted, listed) {
    const known = new Set(wanted.map(r => r.id.toLowerCase()));
    return [...orphanPeerings(config, wanted, listed.peerings, known), ...orphanJobs(config, listed.jobs, known)];
}
/**
 * Only peerings whose name is the one we derive from their remote VNet: those we made; one added by hand is left alone.
 * Deletes on our VNet conflict with each other, so each waits for the one before (and for the wanted peerings).
 */
function orphanPeerings(config, wanted, peerings, known) {
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    let previous = wanted.filter(r => r.kind === 'peering').at(-1)?.id ?? layout.subnetId;
    return peerings.flatMap(({ id, name, remoteVnetId }) => {
        if (known.has(id.toLowerCase()) ||
            !remoteVnetId ||
            name.toLowerCase() !== (0,names/* localPeeringName */.b_)(remoteVnetId).toLowerCase())
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
/** Jobs tagged as this team's that the config no longer names. Deleted before the environment, like the wanted ones. */
function orphanJobs(config, jobs, known) {
    const layout = (0,core_layout/* teamLayout */.YM)(config);
    return jobs
        .filter(({ id, tags }) => tags?.[common/* MANAGED_BY_TAG */.dS] === common/* MANAGED_BY */.Kf && tags[common/* TEAM_TAG */.VD] === config.team && !known.has(id.toLowerCase()))
        .map(({ id }) => (0,common/* absent */.Ge)((0,common/* desired */.he)({
        kind: 'job',
        id,
        type: 'Microsoft.App/jobs',
        apiVersion: common/* API_VERSION */.mG.app,
        ownership: 'tagged',
        dependsOn: [layout.managedEnvironmentId, layout.identityId, layout.roleAssignmentId],
        body: {}
    })));
}

// EXTERNAL MODULE: ./src/azure/arm-id.ts
var arm_id = __webpack_require__(50899);
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
/** The peerings a VNet's GET lists, in the same SDK shape as a peering's own GET. */
function peeringsOf(vnet) {
    const peerings = vnet?.body.virtualNetworkPeerings;
    if (!Array.isArray(peerings))
        return [];
    return peerings.flatMap((p) => (typeof p.id === 'string' ? [toActual(p.id, p)] : []));
}
/**
 * The desired list with the orphans added (as `absent` resources), their state added to `actual`: taken from the
 * listings, and read with `readMore` for what the listings do not hold.
 */
async function withOrphans(config, wanted, actual, jobs, readMore) {
    const peerings = peeringsOf((0,core_plan/* findActual */._q)(actual, (0,core_layout/* teamLayout */.YM)(config).virtualNetworkId));
    const listed = {
        peerings: peerings.map(p => ({
            id: p.id,
            name: p.id.slice(p.id.lastIndexOf('/') + 1),
            remoteVnetId: idOf(p.body.remoteVirtualNetwork)
        })),
        jobs: jobs.map(j => ({ id: j.id, tags: j.body.tags }))
    };
    const orphans = orphanResources(config, wanted, listed);
    const byId = new Map([...peerings, ...jobs].map(r => [r.id.toLowerCase(), r]));
    const unread = orphans.filter(o => !byId.has(o.id.toLowerCase()));
    for (const o of orphans)
        if (byId.has(o.id.toLowerCase()))
            actual.set(o.id, byId.get(o.id.toLowerCase()));
    if (unread.length > 0)
        for (const [id, state] of await readMore(unread))
            actual.set(id, state);
    return [...wanted, ...orphans];
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
            // The body never carries `subnets`: ARM then keeps the existing ones (azure.md §2.2).
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
    executionStopTimeoutMs: 15 * 60_000
};

;// CONCATENATED MODULE: ./src/azure/engine.ts














function createEngine(options) {
    const logger = options.logger ?? silentLogger;
    const timing = { ...defaultTiming, ...options.timing };
    const clients = (0,azure_clients.createClients)({
        credential: options.credential,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
        ...(options.updateIntervalInMs !== undefined ? { updateIntervalInMs: options.updateIntervalInMs } : {})
    });
    const adapters = createAdapters(clients, {
        sleep: timing.sleep,
        now: () => timing.clock.now(),
        pollMs: timing.executionPollMs,
        timeoutMs: timing.executionStopTimeoutMs
    });
    const endpoint = clients.endpoint;
    /** What the config wants and no longer wants (orphans found by listing), and what Azure holds of both. */
    const read = async (config) => {
        const started = timing.clock.now();
        const wanted = (0,core_desired/* desiredResources */.G)(config);
        const { resourceGroupId } = (0,core_layout/* teamLayout */.YM)(config);
        const readOptions = {
            adapters,
            resourceGroupId,
            endpoint,
            ...(options.readConcurrency ? { concurrency: options.readConcurrency } : {})
        };
        const { desired, actual } = await logger.group(`Reading ${wanted.length} resources of team ${config.team}`, async () => {
            const [actual, jobs] = await Promise.all([
                readActual(wanted, readOptions),
                listJobs(clients, resourceGroupId, endpoint)
            ]);
            const desired = await withOrphans(config, wanted, actual, jobs, more => readEach(more, readOptions));
            return { desired, actual };
        });
        return { desired, actual, readMs: timing.clock.now() - started };
    };
    const planned = async (config) => {
        const { desired, actual, readMs } = await read(config);
        const { plan, leftAlone } = ownedDeletesOnly((0,core_plan/* planApply */._$)(desired, actual), desired, actual, config.team);
        for (const f of leftAlone)
            logger.warning(`Leaving ${f.id} alone: ${f.reason}`);
        return { desired, actual, plan, readMs };
    };
    return {
        async planLive(config) {
            const { plan, readMs } = await planned(config);
            return { team: config.team, plan, counts: (0,core_plan/* countActions */.Bd)(plan), timings: { readMs, writeMs: 0, totalMs: readMs } };
        },
        async apply(config) {
            const { desired, actual, plan, readMs } = await planned(config);
            const started = timing.clock.now();
            const writes = await applyPlan(plan, desired, actual, { adapters, logger, timing, team: config.team, endpoint });
            const writeMs = timing.clock.now() - started;
            return {
                team: config.team,
                plan,
                counts: (0,core_plan/* countActions */.Bd)(plan),
                writes,
                timings: { readMs, writeMs, totalMs: readMs + writeMs }
            };
        },
        async drift(config) {
            const { desired, actual, plan, readMs } = await planned(config);
            const liveJobs = desired.filter(r => r.kind === 'job').flatMap(r => (0,core_plan/* findActual */._q)(actual, r.id) ?? []);
            const items = plan.entries
                .filter(e => e.action !== 'noop')
                .map(e => ({ id: e.id, kind: e.kind, name: e.name, action: e.action, changes: e.changes ?? [] }));
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
            const { desired, actual, readMs } = await read(config);
            const plan = (0,core_plan/* planDestroy */.Ub)(desired, actual);
            const started = timing.clock.now();
            const outcome = await destroyPlan(plan, desired, actual, {
                adapters,
                logger,
                timing,
                team: config.team,
                endpoint
            });
            const writeMs = timing.clock.now() - started;
            return {
                team: config.team,
                plan,
                counts: (0,core_plan/* countActions */.Bd)(plan),
                ...outcome,
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
