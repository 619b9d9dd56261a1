export const id = 647;
export const ids = [647,982];
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
