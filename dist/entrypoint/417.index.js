export const id = 417;
export const ids = [417];
export const modules = {

/***/ 417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCoreGitHub: () => (/* binding */ createCoreGitHub)
});

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(856);
;// CONCATENATED MODULE: ./src/github/octokit.ts


const DEFAULT_GITHUB_CLIENT = {
    timeoutMs: 30_000,
    retries: 3,
    rateLimitRetries: 3,
    maxResetWaitSeconds: 120,
    msPerSecond: 1000
};
/** An Octokit of `Base` with the project's policy. Authentication is per request (App JWT or a token). */
function createOctokit(Base, options = {}) {
    const policy = { ...DEFAULT_GITHUB_CLIENT, ...options };
    const debug = options.debug ?? (() => { });
    // Registered first, so it runs innermost: once per attempt, retries included.
    const observe = (octokit) => {
        octokit.hook.wrap('request', async (request, options) => {
            const attempt = options;
            attempt.request = { ...attempt.request, signal: AbortSignal.timeout(policy.timeoutMs) };
            const started = performance.now();
            const line = (status, headers) => {
                const retryCount = attempt.request?.retryCount ?? 0;
                const id = headers?.['x-github-request-id'];
                debug(`GitHub ${attempt.method} ${pathOf(attempt.url)}${retryCount ? ` (retry ${retryCount})` : ''}: ${status} in ${Math.round(performance.now() - started)} ms${id ? `, x-github-request-id ${String(id)}` : ''}`);
            };
            try {
                const response = await request(options);
                line(String(response.status), response.headers);
                return response;
            }
            catch (error) {
                const failed = error;
                const timedOut = attempt.request?.signal?.aborted === true;
                line(failed.response
                    ? String(failed.status)
                    : `no answer (${timedOut ? 'timed out' : (failed.message ?? 'error')})`, failed.response?.headers);
                throw error;
            }
        });
    };
    const Client = Base.plugin(observe, plugin_throttling_dist_bundle/* throttling */.A, dist_bundle/* retry */.L);
    return new Client({
        userAgent: 'runner-setup',
        // The global fetch, looked up per call, so Node's proxy settings (proxy.ts) apply to every Octokit alike, not
        // @actions/github's own proxy fetch, which decides once for GITHUB_API_URL.
        request: { fetch: options.fetch ?? ((url, init) => fetch(url, init)) },
        // Rate limits (403, 429) are the throttling plugin's: it knows how long GitHub asks to wait.
        retry: {
            retries: policy.retries,
            retryAfterBaseValue: policy.msPerSecond,
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
        },
        throttle: {
            ...(options.spaceWrites === false ? { write: UNSPACED, notifications: UNSPACED, search: UNSPACED } : {}),
            retryAfterBaseValue: policy.msPerSecond,
            fallbackSecondaryRateRetryAfter: 60,
            // The plugin matches issue and comment paths as github.com spells them; GHES puts /api/v3 before them.
            // (an option the plugin reads but does not declare).
            ...{
                triggersNotification: (pathname) => plugin_throttling_dist_bundle/* throttling */.A.triggersNotification(pathname.replace(/^\/api\/v3(?=\/)/, ''))
            },
            onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
                const again = retryCount < policy.rateLimitRetries;
                debug(`GitHub ${request.method} ${pathOf(request.url)}: secondary rate limit, ${again ? `waiting ${retryAfter} s as asked` : 'giving up'}`);
                return again;
            },
            onRateLimit: (retryAfter, request, _octokit, retryCount) => {
                const again = retryCount < policy.rateLimitRetries && retryAfter <= policy.maxResetWaitSeconds;
                debug(`GitHub ${request.method} ${pathOf(request.url)}: hourly rate limit spent, ${again ? `waiting ${retryAfter} s for its reset` : `resets in ${retryAfter} s; not waiting`}`);
                return again;
            }
        }
    });
}
/** Stands in for plugin-throttling's spacing groups (Bottleneck groups): runs each job at once. */
const UNSPACED = {
    key: () => ({
        schedule: (_options, job, ...args) => Promise.resolve(job(...args))
    })
};
function pathOf(url) {
    try {
        return new URL(url, 'https://api.github.com').pathname;
    }
    catch {
        return url;
    }
}
/**
 * GitHub APIs (github.com, `*.ghe.com` or GHES `/api/v3`, one per team's `github.url`) on one Octokit of `Base`,
 * so the process shares one concurrency bound and one write spacing.
 */
function gitHubFactory(Base, options = {}) {
    const msPerSecond = options.msPerSecond ?? DEFAULT_GITHUB_CLIENT.msPerSecond;
    const octokit = createOctokit(Base, options);
    return apiUrl => ({
        apiUrl: apiUrl.replace(/\/+$/, ''),
        octokit,
        retryWaitMs: attempt => msPerSecond * attempt ** 2
    });
}

;// CONCATENATED MODULE: ./src/github/core-client.ts
/** The runner's PID 1 talks to GitHub through `@octokit/core` alone: the smallest Octokit, with the shared policy. */


function createCoreGitHub(apiUrl, options = {}) {
    return gitHubFactory(dist_src/* Octokit */.E, options)(apiUrl);
}


/***/ })

};
