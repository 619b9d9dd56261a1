import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({});
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/core/runner-env.ts
/**
 * The contract between the job template (written by apply) and the runner entrypoint (PID 1 in the container).
 * Only identifiers travel this way, never a secret value: the entrypoint fetches the App key itself from Key Vault
 * with the job's managed identity.
 */
const RUNNER_ENV = {
    /** `org` or `repo`. */
    scope: 'RUNNER_SETUP_SCOPE',
    /** GitHub web URL, e.g. https://github.com. */
    githubUrl: 'RUNNER_SETUP_GITHUB_URL',
    /** GitHub REST API base, e.g. https://api.github.com or https://ghes.example.com/api/v3. */
    githubApiUrl: 'RUNNER_SETUP_GITHUB_API_URL',
    owner: 'RUNNER_SETUP_OWNER',
    /** Repo scope only: the repository this job serves. */
    repo: 'RUNNER_SETUP_REPO',
    /** Org scope: runner group name (the entrypoint looks up its id). Repo scope: absent (the default group, id 1). */
    runnerGroup: 'RUNNER_SETUP_RUNNER_GROUP',
    /** Org scope, when the config gives it: the group's id, which saves the runner a lookup by name. */
    runnerGroupId: 'RUNNER_SETUP_RUNNER_GROUP_ID',
    /** Comma-separated runner labels. */
    labels: 'RUNNER_SETUP_LABELS',
    appId: 'RUNNER_SETUP_APP_ID',
    installationId: 'RUNNER_SETUP_INSTALLATION_ID',
    /** Key Vault secret URI of the GitHub App private key (PEM). */
    keySecretUri: 'RUNNER_SETUP_KEY_SECRET_URI',
    /** Client id of the job's user-assigned managed identity. */
    identityClientId: 'RUNNER_SETUP_IDENTITY_CLIENT_ID',
    /** Seconds to wait for a job before the runner is stopped and deregistered. */
    idleTimeoutSeconds: 'RUNNER_SETUP_IDLE_TIMEOUT_SECONDS',
    /** `true`: job steps may sudo, so PID 1 leaves no credential behind once the runner starts. */
    sudo: 'RUNNER_SETUP_SUDO',
    /** `true`: no seccomp filter refusing new user namespaces to job steps (Chromium's sandbox needs them). */
    allowUserNamespaces: 'RUNNER_SETUP_ALLOW_USER_NAMESPACES'
};

;// CONCATENATED MODULE: ./src/http/errors.ts
/** A failed call, as one line: what went wrong and what to do next; `status` when the service answered. */
class CallError extends Error {
    status;
    name = 'CallError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** The one line to print for any error; unexpected errors keep only their message. */
function oneLine(error) {
    const text = error instanceof Error ? error.message : String(error);
    return text.replace(/\s*\n\s*/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/entrypoint/errors.ts
/** A failure the entrypoint reports as one log line (what went wrong and what to do next), never a stack trace. */
class EntrypointError extends Error {
    name = 'EntrypointError';
}

/** A failure a child process has already reported in its own log line: exit non-zero, say nothing more. */
class ReportedError extends Error {
    name = 'ReportedError';
}

;// CONCATENATED MODULE: ./src/entrypoint/config.ts
/**
 * Reads the entrypoint's settings from its environment (the job template's RUNNER_ENV contract plus the
 * Container Apps built-ins). Pure: no I/O, so every rule is unit-testable.
 */



/** How PID 1 hands the JIT config to the credential-free supervisor it becomes in sudo mode (never a secret). */
const HANDOVER_ENV = {
    jitConfig: 'RUNNER_SETUP_JIT_CONFIG',
    runnerId: 'RUNNER_SETUP_RUNNER_ID'
};
function readRunnerSettings(env, options = {}) {
    const runnerDir = options.runnerDir ?? '/home/runner';
    return {
        runnerDir,
        listener: (0,external_node_path_namespaceObject.join)(runnerDir, 'bin', 'Runner.Listener'),
        seccompHelper: options.seccompHelper ?? '/opt/runner-setup/no-user-namespaces',
        allowUserNamespaces: (env[RUNNER_ENV.allowUserNamespaces] ?? '').toLowerCase() === 'true',
        runnerUser: options.runnerUser ?? 'runner',
        passwdFile: options.passwdFile ?? '/etc/passwd',
        // Fractions allowed: tests use sub-second idle timeouts.
        idleTimeoutMs: number(env, RUNNER_ENV.idleTimeoutSeconds, 600) * 1000,
        stopGraceMs: options.stopGraceMs ?? 10_000,
        listenerRetryDelayMs: options.listenerRetryDelayMs,
        updateWaitMs: options.updateWaitMs,
        runnerEnvNames: options.runnerEnvNames ?? [],
        sudo: (env[RUNNER_ENV.sudo] ?? '').toLowerCase() === 'true'
    };
}
function readRegistrationSettings(env, hostname, options = {}) {
    const scope = required(env, RUNNER_ENV.scope);
    if (scope !== 'org' && scope !== 'repo')
        throw new EntrypointError(`${RUNNER_ENV.scope} must be "org" or "repo", not "${scope}": re-run apply to rewrite the job template`);
    const owner = required(env, RUNNER_ENV.owner);
    const target = scope === 'org' ? { scope, owner } : { scope, owner, repo: required(env, RUNNER_ENV.repo) };
    const groupIdText = env[RUNNER_ENV.runnerGroupId];
    const runnerGroupId = groupIdText ? Number(groupIdText) : undefined;
    if (runnerGroupId !== undefined && !(Number.isInteger(runnerGroupId) && runnerGroupId > 0)) {
        throw new EntrypointError(`${RUNNER_ENV.runnerGroupId} must be a positive integer, not "${groupIdText}"`);
    }
    const runnerGroup = env[RUNNER_ENV.runnerGroup] || undefined;
    if (scope === 'org' && runnerGroupId === undefined && runnerGroup === undefined) {
        throw new EntrypointError(`org scope needs ${RUNNER_ENV.runnerGroup}: re-run apply to rewrite the job template`);
    }
    const labels = (env[RUNNER_ENV.labels] ?? '')
        .split(',')
        .map(l => l.trim())
        .filter(l => l !== '');
    if (labels.length < 1 || labels.length > 100)
        throw new EntrypointError(`${RUNNER_ENV.labels} must list 1 to 100 labels, found ${labels.length}`);
    return {
        target,
        apiUrl: required(env, RUNNER_ENV.githubApiUrl).replace(/\/+$/, ''),
        runnerGroup,
        runnerGroupId,
        labels,
        appId: required(env, RUNNER_ENV.appId),
        installationId: required(env, RUNNER_ENV.installationId),
        keySecretUri: required(env, RUNNER_ENV.keySecretUri),
        identityEndpoint: required(env, 'IDENTITY_ENDPOINT', 'the Container Apps job has no managed identity: assign the user-assigned identity to the job (re-run apply)'),
        identityHeader: required(env, 'IDENTITY_HEADER', 'the Container Apps job has no managed identity: assign the user-assigned identity to the job (re-run apply)'),
        identityClientId: required(env, RUNNER_ENV.identityClientId),
        runnerName: env.CONTAINER_APP_JOB_EXECUTION_NAME || env.CONTAINER_APP_REPLICA_NAME || hostname,
        retryBaseMs: options.retryBaseMs ?? 1000,
        retryMaxMs: options.retryMaxMs ?? 30_000
    };
}
function required(env, name, hint = 're-run apply to rewrite the job template') {
    const value = env[name];
    if (!value)
        throw new EntrypointError(`${name} is not set: ${hint}`);
    return value;
}
function number(env, name, fallback) {
    const text = env[name];
    if (text === undefined || text === '')
        return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0)
        throw new EntrypointError(`${name} must be a non-negative number, not "${text}"`);
    return value;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/http/json-client.ts
/**
 * JSON over HTTPS with bounded retries, for the Azure endpoints both the runner and verify read directly (the
 * managed identity endpoint, Key Vault); GitHub goes through Octokit (octokit.ts). Rate-limit answers (429, or
 * 403 with retry-after) were not acted on, so every method retries them; 5xx and network errors may hide a request
 * that did act, so only idempotent requests retry those. Delays and `fetch` are injectable for tests.
 */

const defaultSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** The action's policy: four attempts, 1 s doubling to at most 30 s (a secondary rate limit asks for about 60 s). */
const DEFAULT_RETRY = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, sleep: defaultSleep };
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** How long to wait before retrying this answer, or undefined when it must not be retried. */
function retryDelayMs(status, header, attempt, policy, nowMs, idempotent = true) {
    const retryAfter = Number(header('retry-after'));
    const exhausted = header('x-ratelimit-remaining') === '0';
    const reset = Number(header('x-ratelimit-reset'));
    const rateLimited = status === 429 || (status === 403 && (header('retry-after') !== null || exhausted));
    if (!rateLimited && !(status >= 500 && idempotent))
        return undefined;
    let delay = backoffMs(attempt, policy);
    if (header('retry-after') !== null && Number.isFinite(retryAfter))
        delay = retryAfter * 1000;
    else if (exhausted && Number.isFinite(reset))
        delay = reset * 1000 - nowMs;
    return Math.min(Math.max(delay, 0), policy.maxDelayMs);
}
function backoffMs(attempt, policy) {
    return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}
function createHttpClient(policy, options = {}) {
    const send = options.fetch ?? fetch;
    const now = options.now ?? Date.now;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const client = async (request) => {
        const idempotent = request.idempotent ?? IDEMPOTENT.has(request.method.toUpperCase());
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await send(request.url, {
                    method: request.method,
                    headers: {
                        accept: 'application/json',
                        'user-agent': 'runner-setup',
                        ...request.headers,
                        ...(request.body === undefined ? {} : { 'content-type': 'application/json' })
                    },
                    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
                    signal: AbortSignal.timeout(timeoutMs)
                });
            }
            catch (error) {
                if (!idempotent || attempt >= policy.maxAttempts)
                    throw new CallError(`cannot reach ${hostOf(request.url)}: ${causeOf(error)}`);
                await policy.sleep(backoffMs(attempt, policy));
                continue;
            }
            const text = await response.text();
            const header = (name) => response.headers.get(name);
            const delay = retryDelayMs(response.status, header, attempt, policy, now(), idempotent);
            if (delay !== undefined && attempt < policy.maxAttempts) {
                await policy.sleep(delay);
                continue;
            }
            return { status: response.status, headers: response.headers, body: parseJson(text) };
        }
    };
    return Object.assign(client, {
        backoff: (attempt) => policy.sleep(backoffMs(attempt, policy)),
        maxAttempts: policy.maxAttempts
    });
}
/** JSON when it parses, else the first 200 characters (an HTML error page, a proxy's text), never a throw. */
function parseJson(text) {
    if (text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text.slice(0, 200);
    }
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return url;
    }
}
function causeOf(error) {
    if (error.name === 'TimeoutError')
        return 'no answer in time';
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
/** The error text an API put in its body (GitHub `message`, Azure `error.message`), for one-line reports. */
function apiMessage(body) {
    if (typeof body === 'string')
        return body;
    const b = body;
    if (typeof b?.message === 'string')
        return b.message;
    if (typeof b?.error === 'object' && b.error)
        return [b.error.code, b.error.message].filter(x => typeof x === 'string').join(': ');
    if (typeof b?.error_description === 'string')
        return b.error_description;
    if (typeof b?.error === 'string')
        return b.error;
    return '';
}
/** `: <api message>` for error lines, or nothing when the body says nothing useful. */
function detail(body) {
    const message = apiMessage(body);
    return message ? `: ${message}` : '';
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:dns/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns/promises");
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/http/proxy.ts
/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, honoured the same way by every side of every door: the action, the CLI and
 * the runner's PID 1, GitHub (Octokit on the global `fetch`) and Azure (the SDK's own proxy policy) alike.
 *
 * Some hosts are never sent through a proxy, whatever NO_PROXY says: loopback, the instance metadata and managed
 * identity endpoints (their requests carry the identity's secret header, and a proxy could not reach them
 * anyway), and whatever the caller adds (a Key Vault reached through its private endpoint). They are added to
 * NO_PROXY in the process's environment, which the Azure SDK reads when it builds its first pipeline, and Node's
 * built-in proxy support is switched on with the same list for `fetch`.
 * https://nodejs.org/api/http.html#httpsetglobalproxyfromenvproxyenv
 */



/** Loopback and the Azure instance metadata service (managed identity on VMs; 169.254.169.254). */
const NEVER_PROXIED = ['localhost', '127.0.0.1', '::1', '[::1]', '169.254.169.254'];
/** The proxy in use (without credentials, for a log line), or undefined when none is set. */
function useProxyFromEnv(env = process.env, alsoDirect = []) {
    const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
    if (!proxy)
        return undefined;
    const noProxy = noProxyList(env.NO_PROXY || env.no_proxy, alsoDirect);
    env.NO_PROXY = noProxy;
    env.no_proxy = noProxy;
    // Added in Node 24.14.0; an older Node leaves fetch direct (said in the returned text) while Azure still proxies.
    const setGlobal = external_node_http_namespaceObject.setGlobalProxyFromEnv;
    setGlobal?.({
        HTTPS_PROXY: env.HTTPS_PROXY || env.https_proxy,
        HTTP_PROXY: env.HTTP_PROXY || env.http_proxy,
        NO_PROXY: noProxy
    });
    const shown = withoutCredentials(proxy);
    return setGlobal ? shown : `${shown} (Azure only: Node ${process.versions.node} cannot proxy fetch, 24.14 can)`;
}
/** NO_PROXY's entries, then the hosts that are never proxied, once each. */
function noProxyList(noProxy, alsoDirect = []) {
    const entries = (noProxy ?? '')
        .split(',')
        .map(entry => entry.trim())
        .filter(entry => entry !== '');
    return [...new Set([...entries, ...NEVER_PROXIED, ...alsoDirect.map(proxy_hostOf)])].join(',');
}
/** The host of a URL, or the text itself when it is a host already. */
function proxy_hostOf(urlOrHost) {
    try {
        return new URL(urlOrHost).hostname;
    }
    catch {
        return urlOrHost;
    }
}
/**
 * A private address (RFC 1918, carrier-grade NAT, IPv6 unique local): where a private endpoint answers. A name
 * that resolves to one (a Key Vault linked through privatelink.vaultcore.azure.net) is reached directly.
 */
function isPrivateAddress(address) {
    if ((0,external_node_net_namespaceObject.isIP)(address) === 6)
        return /^f[cd]/i.test(address);
    const [a, b] = address.split('.').map(Number);
    return (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127));
}
function withoutCredentials(proxy) {
    try {
        const url = new URL(proxy);
        url.username = '';
        url.password = '';
        return url.href;
    }
    catch {
        return '(unparsable proxy URL)';
    }
}
/** `[host]` when `url`'s host resolves to a private address (see `isPrivateAddress`), else none. */
async function directWhenPrivate(url) {
    const host = proxy_hostOf(url);
    try {
        const { address } = await (0,promises_namespaceObject.lookup)(host);
        return isPrivateAddress(address) ? [host] : [];
    }
    catch {
        return []; // the request itself reports a name that does not resolve
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/github/app-jwt.ts
/** The GitHub App JWT: RS256, issued 60 s in the past against clock drift, valid 9 minutes (GitHub allows 10). */


function createAppJwt(appId, privateKeyPem, nowSeconds) {
    let key;
    try {
        key = (0,external_node_crypto_namespaceObject.createPrivateKey)(privateKeyPem);
    }
    catch {
        throw new CallError("the GitHub App private key read from Key Vault is not a PEM private key: store the App's downloaded .pem file as the secret value");
    }
    if (key.asymmetricKeyType !== 'rsa') {
        throw new CallError(`the GitHub App private key read from Key Vault is ${key.asymmetricKeyType}, not RSA: store the App's downloaded .pem file as the secret value`);
    }
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({ iat: nowSeconds - 60, exp: nowSeconds + 9 * 60, iss: appId }));
    const signature = (0,external_node_crypto_namespaceObject.sign)('sha256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
    return `${header}.${payload}.${signature}`;
}
function base64url(text) {
    return Buffer.from(text).toString('base64url');
}

;// CONCATENATED MODULE: ./src/github/rest.ts
/** GitHub REST on Octokit (see octokit.ts): one request shape, lists followed through their `Link` headers to the end. */


/** Beyond any real list (100 items a page); a server that never ends its `Link` chain is an error, not a hang. */
const MAX_PAGES = 10_000;
/** One call; `pathOrUrl` is a path under the API URL, or a `Link` URL GitHub handed out (same origin only). */
async function call(gh, method, pathOrUrl, auth, body, options = {}) {
    const base = gh.apiUrl.replace(/\/+$/, '');
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : base + pathOrUrl;
    // The token goes only to the API it was minted for, whatever a Link header says.
    if (new URL(url).origin !== new URL(base).origin)
        throw new CallError(`GitHub pointed a list at ${new URL(url).origin}, not ${new URL(base).origin}; refused`);
    // A request that may have acted is never repeated blindly (plugin-retry would retry a POST on a 5xx).
    const retries = options.retries ?? (options.idempotent || rest_IDEMPOTENT.has(method.toUpperCase()) ? undefined : 0);
    try {
        const response = await gh.octokit.request({
            method,
            url,
            headers: {
                accept: 'application/vnd.github+json',
                authorization: `Bearer ${auth}`,
                'x-github-api-version': '2022-11-28'
            },
            ...(body === undefined ? {} : { data: body }),
            request: retries === undefined ? {} : { retries }
        });
        return { status: response.status, headers: toHeaders(response.headers), body: emptyAsUndefined(response.data) };
    }
    catch (error) {
        const failed = error;
        if (failed.response)
            return {
                status: failed.response.status,
                headers: toHeaders(failed.response.headers),
                body: emptyAsUndefined(failed.response.data)
            };
        throw new CallError(`cannot reach ${new URL(url).host}: ${rest_causeOf(error)}`);
    }
}
const rest_IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
function toHeaders(headers) {
    const result = new Headers();
    for (const [name, value] of Object.entries(headers))
        if (value !== undefined)
            result.set(name, String(value));
    return result;
}
/** No body is undefined; a text body (an HTML error page, a proxy's text) keeps its first 200 characters. */
function emptyAsUndefined(data) {
    if (data === '' || data === null)
        return undefined;
    return typeof data === 'string' ? data.slice(0, 200) : data;
}
function rest_causeOf(error) {
    const cause = error
        .cause;
    if (cause?.name === 'TimeoutError')
        return 'no answer in time';
    return cause?.cause?.code ?? cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
/**
 * Every item of a list: `per_page=100`, then each `rel="next"` link until there is none. `key` names the array
 * in an object body (`runners`); a plain array body is the list itself. `maxPages` stops early on purpose, for
 * listings GitHub itself caps (a filtered runs listing returns at most 1,000 runs).
 */
async function rest_paginate(gh, path, auth, key, maxPages) {
    const items = [];
    let next = `${path}${path.includes('?') ? '&' : '?'}per_page=100`;
    for (let page = 1; next && (maxPages === undefined || page <= maxPages); page++) {
        if (page > MAX_PAGES)
            throw new CallError(`GET ${path.split('?')[0]} did not end after ${MAX_PAGES} pages`);
        const response = await call(gh, 'GET', next, auth);
        if (response.status !== 200)
            throw new CallError(`GET ${path.split('?')[0]} answered HTTP ${response.status}${detail(response.body)}`, response.status);
        const body = response.body;
        const batch = Array.isArray(body) ? body : key ? body?.[key] : undefined;
        if (!Array.isArray(batch))
            throw new CallError(`GET ${path.split('?')[0]} answered without a list`);
        items.push(...batch);
        next = nextLink(response.headers.get('link'));
    }
    return items;
}
/** The `rel="next"` URL of a `Link` header (RFC 8288), as GitHub sends it on paginated lists. */
function nextLink(link) {
    for (const part of (link ?? '').split(',')) {
        const match = /^<([^>]+)>(.*)$/.exec(part.trim());
        const rel = match ? /;\s*rel="?([^";]*)"?/.exec(match[2])?.[1] : undefined;
        if (rel?.split(/\s+/).includes('next'))
            return match[1];
    }
    return undefined;
}
function targetPath(target) {
    return target.scope === 'org' ? `/orgs/${rest_enc(target.owner)}` : `/repos/${rest_enc(target.owner)}/${rest_enc(target.repo)}`;
}
function targetName(target) {
    return target.scope === 'org' ? `organization ${target.owner}` : `repository ${target.owner}/${target.repo}`;
}
function rest_enc(part) {
    return encodeURIComponent(part);
}

;// CONCATENATED MODULE: ./src/github/installation.ts
/** Installation tokens: the App JWT traded for a token narrowed to what the caller needs. */



/** Narrowed to registration only: job steps never see this token, and it could not do more if they did. */
function registrationScope(target) {
    return target.scope === 'org'
        ? { permissions: { organization_self_hosted_runners: 'write' } }
        : { permissions: { administration: 'write' }, repositories: [target.repo] };
}
async function mintInstallationToken(gh, appJwt, installationId, target, scope = registrationScope(target)) {
    // A second token is harmless, so a lost answer may be retried.
    const response = await call(gh, 'POST', `/app/installations/${rest_enc(installationId)}/access_tokens`, appJwt, scope, {
        idempotent: true
    });
    const body = response.body;
    if (response.status === 201 && typeof body?.token === 'string') {
        const expires = Date.parse(String(body.expires_at));
        return { token: body.token, expiresAtMs: Number.isFinite(expires) ? expires : Date.now() + 50 * 60_000 };
    }
    const wanted = Object.entries(scope.permissions)
        .map(([name, level]) => `${name} ${level}`)
        .join(', ');
    const hint = response.status === 401
        ? 'the App key in Key Vault does not belong to this App id, or the clock is off: store the current .pem of the App'
        : response.status === 404
            ? `no installation ${installationId} for this App: install the App on the ${targetName(target)} and fix github.app.installationId`
            : response.status === 422 || response.status === 403
                ? `the App installation lacks ${wanted}${scope.repositories ? ` or access to ${target.owner}/${scope.repositories.join(', ')}` : ''}: grant it in the App's settings and accept the new permissions`
                : 'GitHub may be down; the job will be retried by the next execution';
    throw new CallError(`installation token failed (HTTP ${response.status}${detail(response.body)}): ${hint}`, response.status);
}

;// CONCATENATED MODULE: ./src/http/key-vault.ts
/**
 * One Key Vault secret read, with a token from the Container Apps managed identity endpoint (the runner) or from
 * the caller's own Azure sign-in (verify).
 */


const KEY_VAULT_RESOURCE = 'https://vault.azure.net';
async function getManagedIdentityToken(http, identity, resource) {
    const url = new URL(identity.endpoint);
    // Container Apps gives http://localhost:<port>/...: the loopback address it means, never a name lookup, which may
    // answer ::1 first, where any unprivileged process of the container can listen on the same port.
    if (url.hostname === 'localhost')
        url.hostname = '127.0.0.1';
    url.searchParams.set('resource', resource);
    url.searchParams.set('api-version', '2019-08-01');
    url.searchParams.set('client_id', identity.clientId);
    const response = await http({ method: 'GET', url: url.href, headers: { 'x-identity-header': identity.header } });
    const token = response.body?.access_token;
    if (response.status !== 200 || typeof token !== 'string') {
        throw new CallError(`managed identity token failed (HTTP ${response.status}${detail(response.body)}): check that the identity with client id ${identity.clientId} is assigned to the Container Apps job (re-run apply)`);
    }
    return token;
}
async function readKeyVaultSecret(http, secretUri, token) {
    const url = new URL(secretUri);
    url.searchParams.set('api-version', '7.4');
    const response = await http({ method: 'GET', url: url.href, headers: { authorization: `Bearer ${token}` } });
    const value = response.body?.value;
    if (response.status === 200 && typeof value === 'string' && value !== '')
        return value;
    const where = `${url.origin}${url.pathname}`;
    if (response.status === 401 || response.status === 403) {
        throw new CallError(`Key Vault refused to read ${where} (HTTP ${response.status}${detail(response.body)}): grant the job's identity "Key Vault Secrets User" on that secret (apply does this; a new grant takes a few minutes)`, response.status);
    }
    if (response.status === 404)
        throw new CallError(`Key Vault has no secret ${where}: store the GitHub App private key there or fix github.app.privateKeySecretUri`, 404);
    throw new CallError(`reading ${where} from Key Vault failed (HTTP ${response.status}${detail(response.body)})`, response.status);
}

;// CONCATENATED MODULE: ./src/github/runners.ts
/** Runner groups, JIT registration and runners, at org or repo scope, against github.com or GHES. */



/** The org's runner group of this name (GitHub compares names without case), or undefined. */
async function findRunnerGroup(gh, token, org, name) {
    const groups = await rest_paginate(gh, `/orgs/${rest_enc(org)}/actions/runner-groups`, token, 'runner_groups');
    return groups.find(g => g.name.toLowerCase() === name.toLowerCase());
}
async function findRunnerGroupId(gh, token, org, name) {
    let group;
    try {
        group = await findRunnerGroup(gh, token, org, name);
    }
    catch (error) {
        throw new CallError(`listing runner groups of ${org} failed: ${error.message}`);
    }
    if (group)
        return group.id;
    throw new CallError(`runner group "${name}" does not exist in ${org}: ask an organisation owner to create it (restricted to the team's repositories), then run verify`);
}
/** Repository names a `selected` runner group admits. */
async function runnerGroupRepositories(gh, token, org, id) {
    const repos = await paginate(gh, `/orgs/${enc(org)}/actions/runner-groups/${id}/repositories`, token, 'repositories');
    return repos.map(r => r.name);
}
/** The JIT POST's own attempts (Octokit never retries it: see `generateJitConfig`). */
const JIT_ATTEMPTS = 4;
const defaultRetryWaitMs = (attempt) => 1000 * attempt ** 2;
/**
 * POST generate-jitconfig. It registers a runner, so a 5xx or a lost answer may hide a registration: the POST is
 * retried, and when the retry meets 409 (the name exists) the runner our lost attempt made is looked up by name and
 * deleted before registering again. Giving up after such an attempt removes it too, so none is left behind.
 */
async function generateJitConfig(gh, token, target, request) {
    const post = () => call(gh, 'POST', `${targetPath(target)}/actions/runners/generate-jitconfig`, token, {
        name: request.name,
        runner_group_id: request.runnerGroupId,
        labels: request.labels,
        work_folder: '_work'
    });
    // An earlier attempt may have registered the runner without us learning it.
    let uncertain = false;
    const wait = (attempt) => new Promise(resolve => setTimeout(resolve, (gh.retryWaitMs ?? defaultRetryWaitMs)(attempt)));
    for (let attempt = 1;; attempt++) {
        const last = attempt >= JIT_ATTEMPTS;
        let response;
        try {
            response = await post();
        }
        catch (error) {
            if (last) {
                await removeRunnerNamed(gh, token, target, request.name);
                throw error;
            }
            uncertain = true;
            await wait(attempt);
            continue;
        }
        const body = response.body;
        if (response.status === 201 && typeof body?.encoded_jit_config === 'string' && typeof body.runner?.id === 'number')
            return { runnerId: body.runner.id, jitConfig: body.encoded_jit_config };
        if (response.status >= 500 && !last) {
            uncertain = true;
            await wait(attempt);
            continue;
        }
        if (response.status === 409 && uncertain && !last) {
            await removeRunnerNamed(gh, token, target, request.name);
            uncertain = false;
            continue;
        }
        if (uncertain || response.status >= 500)
            await removeRunnerNamed(gh, token, target, request.name);
        throw jitError(response, target, request);
    }
}
function jitError(response, target, request) {
    const hint = response.status === 404
        ? `runner group ${request.runnerGroupId} does not exist in the ${targetName(target)}: create it, or fix github.runnerGroup and re-run apply`
        : response.status === 403
            ? `runner group ${request.runnerGroupId} cannot take self-hosted runners from this App: check the group in the ${targetName(target)} settings and re-run apply`
            : response.status === 409
                ? `a runner named ${request.name} already exists: remove it (verify --fix) and let the next execution register`
                : response.status >= 500
                    ? 'GitHub may be down; the job will be retried by the next execution'
                    : 'check the runner group and labels of the job template (re-run apply)';
    return new CallError(`JIT runner registration failed (HTTP ${response.status}${detail(response.body)}): ${hint}`, response.status);
}
/** Best effort: the runner a lost registration made, deleted; never throws (the caller reports its own error). */
async function removeRunnerNamed(gh, token, target, name) {
    try {
        const runner = await findRunnerByName(gh, token, target, name);
        if (runner)
            await deleteRunner(gh, token, target, runner.id);
    }
    catch {
        // verify --fix removes what is left.
    }
}
/** GET …/actions/runners?name= (exact name filter). */
async function findRunnerByName(gh, token, target, name) {
    const runners = await listRunners(gh, token, target, name);
    return runners.find(r => r.name === name);
}
/** Every runner of the org or repository; `name` filters on GitHub's side. */
function listRunners(gh, token, target, name) {
    const query = name === undefined ? '' : `?name=${rest_enc(name)}`;
    return rest_paginate(gh, `${targetPath(target)}/actions/runners${query}`, token, 'runners');
}
async function deleteRunner(gh, token, target, runnerId) {
    // Not retried: a DELETE whose answer was lost reads as `gone` when repeated, hiding whether it was busy.
    const response = await call(gh, 'DELETE', `${targetPath(target)}/actions/runners/${runnerId}`, token, undefined, {
        retries: 0
    });
    if (response.status === 204)
        return 'deleted';
    if (response.status === 404)
        return 'gone';
    if (response.status === 422)
        return 'busy';
    throw new CallError(`deleting runner ${runnerId} failed (HTTP ${response.status}${detail(response.body)}): verify --fix removes it later`, response.status);
}

;// CONCATENATED MODULE: ./src/entrypoint/register.ts
/**
 * Container start to JIT config: managed identity → App key from Key Vault (memory only) → App JWT →
 * narrowed installation token → (runner group id) → generate-jitconfig. Four HTTP calls, five at org scope
 * when only the group name is known. Runs in the short-lived credential process (credential-process.ts), never in
 * PID 1.
 */




/** The repo scope always uses the default group. */
const DEFAULT_RUNNER_GROUP_ID = 1;
async function mintRegistrationToken(settings, http, gh, log) {
    const identity = {
        endpoint: settings.identityEndpoint,
        header: settings.identityHeader,
        clientId: settings.identityClientId
    };
    const vaultToken = await log.step('managed identity token', () => getManagedIdentityToken(http, identity, KEY_VAULT_RESOURCE));
    const key = await log.step('GitHub App key from Key Vault', () => readKeyVaultSecret(http, settings.keySecretUri, vaultToken));
    const appJwt = createAppJwt(settings.appId, key, Math.floor(Date.now() / 1000));
    return log.step('installation token (registration permissions only)', () => mintInstallationToken(gh, appJwt, settings.installationId, settings.target));
}
async function registerJitRunner(settings, gh, token, log) {
    const { target } = settings;
    let groupId = DEFAULT_RUNNER_GROUP_ID;
    if (target.scope === 'org') {
        groupId =
            settings.runnerGroupId ??
                (await log.step(`runner group "${settings.runnerGroup}"`, () => findRunnerGroupId(gh, token, target.owner, settings.runnerGroup)));
    }
    const runner = await log.step(`JIT config for runner ${settings.runnerName} (group ${groupId}, labels ${settings.labels.join(',')})`, () => generateJitConfig(gh, token, target, {
        name: settings.runnerName,
        runnerGroupId: groupId,
        labels: settings.labels
    }));
    log.info(`registered runner id ${runner.runnerId}`);
    return runner;
}
/**
 * Deletes the registration. GitHub answers 422 when the runner was given a job meanwhile (its REST description lists
 * 422 for "Delete a self-hosted runner"): `busy`, and the runner must keep running.
 */
function deregisterRunner(settings, gh, token, runnerId) {
    return deleteRunner(gh, token, settings.target, runnerId);
}

;// CONCATENATED MODULE: ./src/entrypoint/credential-process.ts
/**
 * The App key, the App JWT and the installation token never enter PID 1's memory: each registration call runs in a
 * short-lived child process (the same bundle, root, PID 1's environment), which hands back only the JIT config or
 * the deregistration's answer and exits. JavaScript strings cannot be wiped, and a garbage-collected heap keeps
 * freed copies, so a separate address space that ends is the only way to be sure nothing is left. What PID 1 keeps
 * is its environment (IDENTITY_HEADER, to ask for a token again when an idle runner must be deregistered).
 */








const CREDENTIAL_FLAG = '--credential-task=';
const RESULT_FD = 3;
/** PID 1's side: runs one task in a child and returns its answer; the child has logged any failure itself. */
function runTask(task, env) {
    const child = (0,external_node_child_process_namespaceObject.spawn)(process.execPath, [...process.argv.slice(1), CREDENTIAL_FLAG + task], {
        env,
        stdio: ['ignore', 'inherit', 'inherit', 'pipe']
    });
    let answer = '';
    child.stdio[RESULT_FD].on('data', (chunk) => (answer += chunk.toString()));
    return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (code, signal) => {
            if (code === 0)
                resolve(answer);
            else if (signal)
                reject(new EntrypointError(`the ${task.split(':')[0]} process was killed by ${signal}`));
            else
                reject(new ReportedError(`${task} failed`));
        });
    });
}
async function register(env) {
    return JSON.parse(await runTask('register', env));
}
async function deregister(env, runnerId) {
    return (await runTask(`deregister:${runnerId}`, env));
}
/** The child's side. */
async function runCredentialTask(task, log, env, options) {
    const settings = readRegistrationSettings(env, (0,external_node_os_namespaceObject.hostname)(), options);
    if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) {
        // The identity endpoint and a Key Vault private endpoint are never reached through the proxy.
        const direct = [settings.identityEndpoint, ...(await directWhenPrivate(settings.keySecretUri))];
        log.info(`through the proxy ${useProxyFromEnv(env, direct)}; direct: ${env.NO_PROXY}`);
    }
    const http = createHttpClient({
        maxAttempts: 4,
        baseDelayMs: settings.retryBaseMs,
        maxDelayMs: settings.retryMaxMs,
        sleep: defaultSleep
    });
    // Loaded here, in the credential child only: PID 1 never talks to GitHub and starts without Octokit.
    const { createCoreGitHub } = await Promise.all(/* import() */[__nccwpck_require__.e(339), __nccwpck_require__.e(417)]).then(__nccwpck_require__.bind(__nccwpck_require__, 417));
    const gh = createCoreGitHub(settings.apiUrl, {
        // Production waits 1,000 ms per second GitHub asks for; tests shrink it through the same option.
        msPerSecond: settings.retryBaseMs,
        debug: line => log.info(line)
    });
    const { token } = await mintRegistrationToken(settings, http, gh, log);
    const answer = task === 'register'
        ? JSON.stringify(await registerJitRunner(settings, gh, token, log))
        : await deregisterRunner(settings, gh, token, Number(task.replace(/^deregister:/, '')));
    (0,external_node_fs_namespaceObject.writeSync)(RESULT_FD, answer);
    return 0;
}

;// CONCATENATED MODULE: ./src/entrypoint/runner-environment.ts
/** Name → why the runner gets it. */
const RUNNER_ENV_ALLOWED = {
    PATH: 'where the runner and job steps find programs',
    LANG: 'locale (the runner image sets it)',
    LANGUAGE: 'locale',
    LC_ALL: 'locale',
    TZ: 'time zone',
    TERM: 'terminal type for tools that print in colour',
    DEBIAN_FRONTEND: 'the official runner image sets it (noninteractive apt in job steps)',
    ImageOS: 'the official runner image sets it; actions such as setup-python read it',
    http_proxy: 'proxy: the runner and job tools honour both spellings',
    https_proxy: 'proxy for HTTPS',
    no_proxy: 'hosts reached without the proxy',
    HTTP_PROXY: 'proxy: upper-case spelling',
    HTTPS_PROXY: 'proxy for HTTPS: upper-case spelling',
    NO_PROXY: 'hosts reached without the proxy: upper-case spelling',
    NODE_EXTRA_CA_CERTS: "extra CA certificates for the runner's Node actions",
    SSL_CERT_FILE: 'CA certificates for OpenSSL-based tools',
    SSL_CERT_DIR: 'CA certificates for OpenSSL-based tools',
    CONTAINER_APP_JOB_NAME: 'which Container Apps job this is (not secret; useful in job logs)',
    CONTAINER_APP_JOB_EXECUTION_NAME: 'which execution this is: also the runner name',
    CONTAINER_APP_REPLICA_NAME: 'which replica this is',
    ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT: "the official image sets it: the listener's diagnostic log goes to its output, which PID 1 relays, marked",
    ACTIONS_RUNNER_HOOK_JOB_STARTED: 'a job hook an image may configure (runner documentation, "Running scripts")',
    ACTIONS_RUNNER_HOOK_JOB_COMPLETED: 'a job hook an image may configure'
};
/** PID 1 sets these itself, whatever its own environment says. */
function fixedEnv(user) {
    return {
        // A runner GitHub refuses as too old exits 7 instead of 1: the listener reads it (Runner.Listener/Program.cs),
        // as run.sh and run-helper.sh did. run.sh exports nothing else (actions/runner v2.336.0).
        ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE: '1',
        HOME: user.home,
        USER: user.name,
        LOGNAME: user.name,
        SHELL: user.shell
    };
}
/**
 * `extraNames`: more names to pass on (tests only: the emulated listener's switches and its container marker; the
 * image passes none).
 */
function buildRunnerEnv(source, user, extraNames = []) {
    const env = {};
    for (const [name, value] of Object.entries(source)) {
        if (value !== undefined && (Object.hasOwn(RUNNER_ENV_ALLOWED, name) || extraNames.includes(name)))
            env[name] = value;
    }
    env.PATH ??= '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    return { ...env, ...fixedEnv(user) };
}
/**
 * The environment of the credential-free supervisor (sudo mode): the runner's allow-list plus the entrypoint's
 * own RUNNER_SETUP_* settings, which are identifiers only. No IDENTITY_*, so no way to ask for a token.
 */
function buildSupervisorEnv(source, extraNames = []) {
    const env = {};
    for (const [name, value] of Object.entries(source)) {
        const allowed = Object.hasOwn(RUNNER_ENV_ALLOWED, name) || extraNames.includes(name);
        if (value !== undefined && (allowed || name.startsWith('RUNNER_SETUP_')))
            env[name] = value;
    }
    return env;
}

;// CONCATENATED MODULE: ./src/entrypoint/runner-outcome.ts
const RETRY_DELAY_MS = 5000;
/** run-helper.sh looks for update.finished 31 times, a second apart. */
const UPDATE_WAIT_MS = 31_000;
const UPDATE_FINISHED = 'update.finished';
function listenerVerdict(exit, jobMayHaveRun, signalNumbers) {
    if (exit.signal)
        return { code: 128 + (signalNumbers[exit.signal] ?? 0) };
    const code = exit.code ?? 1;
    if (!jobMayHaveRun && code === 2)
        return { restart: 'retry' };
    if (!jobMayHaveRun && (code === 3 || code === 4))
        return { restart: 'update' };
    return { code };
}
/**
 * 0 job run (whatever its result: that is the workflow's, shown in GitHub) or idle runner stopped; 128+n stopped by
 * signal n (the container's, or the listener's own death); otherwise the listener's own code (1 terminated,
 * 5 session conflict, 7 version deprecated, 2-4 a restart asked for after a job).
 */
function containerExitCode(end, signalNumbers) {
    if (end.stoppedIdle)
        return 0;
    if (end.stopSignal)
        return 128 + (signalNumbers[end.stopSignal] ?? 0);
    return end.verdict.restart === undefined ? end.verdict.code : 1;
}

;// CONCATENATED MODULE: ./src/entrypoint/process-tree.ts
/**
 * The runner's processes, found through /proc (Linux). The listener starts in a session of its own, but job steps
 * may make process groups and sessions of their own, and a double-forked daemon leaves the tree altogether: in a
 * container it is re-parented to PID 1. So the container's PID 1 ends every process but itself once the listener
 * has ended (`endAllButSelf`); the tree walk is for a stop signal, and for an entrypoint that is not PID 1.
 */

/** Parses /proc/<pid>/stat; undefined for a zombie (it has exited, only its parent's wait is missing). */
function parseStat(text) {
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    const [state, ppid, pgid, sid] = text.slice(close + 2).split(' ');
    if (state === 'Z' || state === 'X')
        return undefined;
    return {
        pid: Number(text.slice(0, open)),
        ppid: Number(ppid),
        pgid: Number(pgid),
        sid: Number(sid),
        comm: text.slice(open + 1, close)
    };
}
function listProcesses(proc = '/proc') {
    const found = [];
    for (const entry of (0,external_node_fs_namespaceObject.readdirSync)(proc)) {
        if (!/^\d+$/.test(entry))
            continue;
        try {
            const info = parseStat((0,external_node_fs_namespaceObject.readFileSync)(`${proc}/${entry}/stat`, 'latin1'));
            if (info)
                found.push(info);
        }
        catch {
            // gone meanwhile
        }
    }
    return found;
}
/**
 * The live processes of the runner started as `rootPid` (a session leader): its session, and every descendant
 * (one that started a session of its own is still a descendant while its parent lives; one orphaned on purpose
 * is reparented to PID 1, so the container's end takes it).
 */
function runnerTree(rootPid, processes) {
    const tree = new Map(processes.filter(p => p.sid === rootPid || p.pid === rootPid).map(p => [p.pid, p]));
    for (let grew = true; grew;) {
        grew = false;
        for (const p of processes) {
            if (!tree.has(p.pid) && tree.has(p.ppid)) {
                tree.set(p.pid, p);
                grew = true;
            }
        }
    }
    return [...tree.values()];
}
/**
 * Sends `signal` once to every process of the tree: through its process group (which reaches a process that forks
 * meanwhile), or directly when it has none of its own. Once, because a shell's trap runs once per delivery, and the
 * real run.sh forwards each stop it traps to the listener.
 */
function signalTree(rootPid, signal, processes = listProcesses()) {
    const tree = runnerTree(rootPid, processes);
    const send = (target) => {
        try {
            process.kill(target, signal);
        }
        catch {
            // already gone
        }
    };
    for (const pgid of new Set(tree.map(p => p.pgid)))
        if (pgid > 1)
            send(-pgid);
    for (const p of tree)
        if (p.pgid <= 1)
            send(p.pid);
    return tree.length;
}
/** Whether this process is its PID namespace's init, as the container's entrypoint is: it can end all the rest. */
const isInit = () => process.pid === 1;
/**
 * As PID 1 (root): SIGKILL to every other process of the container (kill(2) with pid -1 reaches all but the caller
 * and init), until none is left, or `waitMs` has passed. Returns how many were left at the first look.
 */
async function endAllButSelf(waitMs, processes = listProcesses) {
    if (!isInit())
        throw new Error('only the PID namespace init may signal every process');
    const first = processes().filter(p => p.pid !== 1).length;
    const deadline = Date.now() + waitMs;
    while (processes().some(p => p.pid !== 1) && Date.now() < deadline) {
        try {
            process.kill(-1, 'SIGKILL');
        }
        catch {
            // ESRCH: none left
        }
        await new Promise(resolve => setTimeout(resolve, 10));
    }
    return first;
}

;// CONCATENATED MODULE: ./src/entrypoint/runner-output.ts
/**
 * The runner's output is data, never control. Job steps write into it (the worker's output reaches the listener,
 * and a step can open the listener's pipes through /proc), so PID 1 reads it in lines of bounded length with
 * bounded memory, and relays every line with a mark of its own in front: a line without the mark is PID 1's.
 * Hand-written rather than a line-splitting library: Node's readline has no length limit, and split2's `maxLength`
 * drops or fails an over-long line, where this cuts it and says so.
 */
/** In front of every relayed runner line; PID 1's own lines start with `runner-setup [`. */
const RELAY_MARK = 'runner| ';
/** Longer lines are cut to this many bytes and marked. The runner's own lines are far shorter. */
const MAX_LINE_BYTES = 16 * 1024;
/** Calls `onLine` for each line of the byte stream; a line over `maxBytes` is cut there and its rest skipped. */
function splitLines(onLine, maxBytes = MAX_LINE_BYTES) {
    let pending = [];
    let pendingBytes = 0;
    let skipping = false;
    const emit = (cut) => {
        onLine(Buffer.concat(pending, pendingBytes).toString('utf8'), cut);
        pending = [];
        pendingBytes = 0;
    };
    /** Keeps what still fits of `part`; true when the line overflowed (it has then been emitted, cut). */
    const keep = (part) => {
        const room = maxBytes - pendingBytes;
        if (part.length <= room) {
            if (part.length > 0)
                pending.push(Buffer.from(part));
            pendingBytes += part.length;
            return false;
        }
        pending.push(Buffer.from(part.subarray(0, room)));
        pendingBytes = maxBytes;
        emit(true);
        return true;
    };
    return {
        push(chunk) {
            let start = 0;
            for (let newline = chunk.indexOf(10, start);; newline = chunk.indexOf(10, start)) {
                const part = chunk.subarray(start, newline < 0 ? chunk.length : newline);
                if (!skipping && keep(part))
                    skipping = true;
                if (newline < 0)
                    return;
                if (!skipping)
                    emit(false);
                skipping = false;
                start = newline + 1;
            }
        },
        end() {
            if (pendingBytes > 0 && !skipping)
                emit(false);
            skipping = false;
        }
    };
}
/** A relayed line as PID 1 prints it: marked, control characters shown as escapes (no `\r` overwriting a line). */
function relayLine(line, cut) {
    // eslint-disable-next-line no-control-regex
    const visible = line.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    return `${RELAY_MARK}${visible}${cut ? ` [cut at ${MAX_LINE_BYTES} bytes]` : ''}`;
}

;// CONCATENATED MODULE: ./src/entrypoint/runner-process.ts
/**
 * Starts `bin/Runner.Listener run --jitconfig` as the runner user, directly: no runner-owned script stands between
 * PID 1 and the listener, so its exit status is the kernel's (waitpid), not what a script a job step can rewrite
 * says. Watches its output (only for the start of a job) and ends whatever the runner left behind.
 */



/**
 * The listener prints this line when it takes a job (JobDispatcher.cs, "Running job: <name>"). A job step can print
 * it too, but only while a job runs, and all it does is keep the runner from an idle stop: it never decides the
 * exit code or a restart.
 */
const JOB_STARTED = /Running job:/;
/** util-linux setpriv(1): in the official runner image (Ubuntu) and on Debian. */
const SETPRIV = '/usr/bin/setpriv';
/**
 * How the listener is started. By root, in the default mode: the runner user's uid and gid, no supplementary group,
 * no capability (bounding and inheritable sets emptied), and the kernel's no_new_privs flag, which every descendant
 * inherits and nothing can clear (prctl(2) PR_SET_NO_NEW_PRIVS): execve(2) then never grants privileges, so sudo,
 * su, sg/newgrp, pkexec and every other setuid/setgid binary or file capability run with the caller's own rights,
 * whatever /etc/sudoers, /etc/group or /etc/gshadow say. With the bounding set empty, not even a process that
 * somehow became uid 0 would hold a capability. Sudo mode needs sudo to work, so it keeps only the user switch:
 * no_new_privs would stop sudo from becoming root, an empty bounding set would leave that root powerless.
 * Not root (tests, or an image whose PID 1 already is the runner user): no_new_privs only, which needs no privilege.
 */
function setprivArgs(user, mode) {
    const switchUser = mode.root ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups'] : [];
    const lockDown = mode.sudo ? [] : ['--no-new-privs', '--inh-caps=-all', ...(mode.root ? ['--bounding-set=-all'] : [])];
    return [...switchUser, ...lockDown, '--'];
}
/** The command line: setpriv, then the seccomp helper (it needs no_new_privs, so never in sudo mode), then the listener. */
function listenerCommand(options, root) {
    const filter = options.seccompHelper && !options.sudo ? [options.seccompHelper] : [];
    return [
        ...setprivArgs(options.user, { sudo: options.sudo, root }),
        ...filter,
        options.listener,
        'run',
        '--jitconfig',
        options.jitConfig
    ];
}
/** How both modes start the listener: sudo mode without the seccomp helper (it needs no_new_privs). */
function runnerStart(local, user, jitConfig, env) {
    return {
        runnerDir: local.runnerDir,
        listener: local.listener,
        jitConfig,
        user,
        env,
        sudo: local.sudo,
        seccompHelper: local.allowUserNamespaces ? undefined : local.seccompHelper,
        graceMs: local.stopGraceMs
    };
}
function startRunner(options) {
    const child = (0,external_node_child_process_namespaceObject.spawn)(SETPRIV, listenerCommand(options, process.getuid() === 0), {
        cwd: options.runnerDir,
        env: options.env,
        // A session of its own (setsid): the listener's processes are found by its session id.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe']
    });
    return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('spawn', () => {
            child.off('error', reject);
            const pid = child.pid;
            let markStarted = () => { };
            const jobStarted = new Promise(done => (markStarted = done));
            const relay = (stream, write, watch) => {
                const lines = splitLines((line, cut) => {
                    write(relayLine(line, cut) + '\n');
                    if (watch && JOB_STARTED.test(line))
                        markStarted();
                });
                stream.on('data', (chunk) => lines.push(chunk));
                return new Promise(done => stream.once('close', () => {
                    lines.end();
                    done();
                }));
            };
            const drained = Promise.all([
                relay(child.stdout, line => process.stdout.write(line), true),
                relay(child.stderr, line => process.stderr.write(line), false)
            ]);
            const exited = new Promise(done => child.once('exit', (code, signal) => done({ code, signal })));
            resolve({
                pid,
                exited,
                jobStarted,
                hasWorker: () => runnerTree(pid, listProcesses()).some(p => p.comm === 'Runner.Worker'),
                async stop(signal) {
                    signalTree(pid, signal);
                    const timer = setTimeout(() => signalTree(pid, 'SIGKILL'), options.graceMs);
                    const result = await exited;
                    clearTimeout(timer);
                    return result;
                },
                async endRest() {
                    // As PID 1, every process but itself; otherwise the tree (a daemon that left it is out of reach here).
                    const left = isInit() ? await endAllButSelf(options.graceMs) : await endTree(pid, options.graceMs);
                    // Every writer of the output is gone with them, unless one escaped (outside the tree, or unkillable):
                    // stop reading after the grace period.
                    const timer = setTimeout(() => {
                        child.stdout.destroy();
                        child.stderr.destroy();
                    }, options.graceMs);
                    await drained;
                    clearTimeout(timer);
                    return left;
                }
            });
        });
    });
}
/** Waits until no process of the tree is left, SIGKILLing it at once and again while any is left. */
async function endTree(pid, graceMs) {
    const deadline = Date.now() + graceMs;
    const left = runnerTree(pid, listProcesses()).length;
    while (runnerTree(pid, listProcesses()).length > 0 && Date.now() < deadline) {
        signalTree(pid, 'SIGKILL');
        await new Promise(resolve => setTimeout(resolve, 20));
    }
    return left;
}

;// CONCATENATED MODULE: ./src/entrypoint/supervise.ts
/**
 * Runs the started runner to its end: passes a stop signal on to its whole process tree, enforces the idle timeout,
 * restarts the listener when it asks for it before any job (runner-outcome.ts), and ends whatever it left behind.
 */





const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
function describeExit(exit) {
    return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}
async function supervise(first, options) {
    const { log } = options;
    let runner = first;
    let jobStarted = false;
    let workerSeen = false;
    let stoppedIdle = false;
    let stopSignal;
    const busy = () => jobStarted || runner.hasWorker();
    // A job may have run once a worker was ever seen, even if its "Running job" line was never read.
    const workerWatch = setInterval(() => (workerSeen ||= runner.hasWorker()), 500);
    // Settles once the idle check has decided; the runner may end meanwhile (its listener sees the deletion).
    let idleDecision;
    const decideIdle = async () => {
        // A Runner.Worker means the listener is on a job, even before its "Running job" line is read.
        if (runner.hasWorker())
            return 'keep';
        try {
            return await options.onIdle();
        }
        catch (error) {
            log.info(`idle check failed (${oneLine(error)}); stopping the runner anyway`);
            return 'stop';
        }
    };
    const idleTimer = setTimeout(async () => {
        if (jobStarted)
            return;
        idleDecision = decideIdle();
        const decision = await idleDecision;
        if (decision === 'keep' || busy() || stopSignal) {
            if (!stopSignal)
                log.info('a job was assigned at the idle timeout; keeping the runner');
            return;
        }
        stoppedIdle = true;
        log.info(`no job within ${options.idleTimeoutMs / 1000} s; stopping the runner`);
        await runner.stop('SIGTERM');
    }, options.idleTimeoutMs);
    const forward = (signal) => {
        log.info(`received ${signal}, passing it on to every process of the runner`);
        clearTimeout(idleTimer);
        stopSignal ??= signal;
        void runner.stop(signal);
    };
    const onTerm = () => forward('SIGTERM');
    const onInt = () => forward('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
    const watchJob = (r) => void r.jobStarted.then(() => {
        if (jobStarted)
            return;
        jobStarted = true;
        clearTimeout(idleTimer);
        log.info('the runner took a job');
    });
    watchJob(runner);
    let verdict;
    for (;;) {
        const exit = await runner.exited;
        const jobMayHaveRun = jobStarted || workerSeen || runner.hasWorker();
        verdict = listenerVerdict(exit, jobMayHaveRun, external_node_os_namespaceObject.constants.signals);
        log.info(`the listener ${describeExit(exit)}`);
        if (verdict.restart === undefined || stopSignal || stoppedIdle)
            break;
        if (verdict.restart === 'update')
            await waitForUpdate(options.runnerDir, options.updateWaitMs ?? UPDATE_WAIT_MS);
        await runner.endRest();
        if (verdict.restart === 'retry')
            await sleep(options.retryDelayMs ?? RETRY_DELAY_MS);
        if (stopSignal || stoppedIdle)
            break;
        log.info(`starting the listener again (${verdict.restart === 'update' ? 'after its update' : 'retryable error'})`);
        runner = await options.restart();
        watchJob(runner);
    }
    clearTimeout(idleTimer);
    clearInterval(workerWatch);
    // An idle check still asking GitHub runs in a child process: let it finish before every process is ended.
    const idle = idleDecision ? await idleDecision : undefined;
    // Whatever the job left behind (daemons, new sessions) ends with the listener.
    const left = await runner.endRest();
    if (left > 0)
        log.info(`ended ${left} process${left === 1 ? '' : 'es'} the runner left behind`);
    // Ended during an idle check that deregistered it: the listener noticed first. Still an idle stop.
    if (idle === 'stop' && !jobStarted && !stopSignal)
        stoppedIdle = true;
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
    return { verdict, jobStarted, stoppedIdle, stopSignal };
}
/** As run-helper.sh: until the update script has written update.finished (then removed), or the wait is over. */
async function waitForUpdate(runnerDir, waitMs) {
    const flag = (0,external_node_path_namespaceObject.join)(runnerDir, UPDATE_FINISHED);
    const deadline = Date.now() + waitMs;
    while (!(0,external_node_fs_namespaceObject.existsSync)(flag) && Date.now() < deadline)
        await sleep(100);
    (0,external_node_fs_namespaceObject.rmSync)(flag, { force: true });
}

;// CONCATENATED MODULE: ./src/entrypoint/system-user.ts
/**
 * The unprivileged runner user, looked up in /etc/passwd. Nothing here edits /etc/group or sudoers: the runner is
 * started with the kernel's no_new_privs flag (runner-process.ts), which makes every such grant useless to it.
 */


function parsePasswd(text, name) {
    for (const line of text.split('\n')) {
        const [user, , uid, gid, , home, shell] = line.split(':');
        if (user === name && uid !== undefined && gid !== undefined) {
            return { name, uid: Number(uid), gid: Number(gid), home: home || '/', shell: (shell ?? '').trim() || '/bin/sh' };
        }
    }
    return undefined;
}
function lookupUser(passwdFile, name) {
    const user = parsePasswd((0,external_node_fs_namespaceObject.readFileSync)(passwdFile, 'utf8'), name);
    if (!user)
        throw new EntrypointError(`user "${name}" is not in ${passwdFile}: use an image based on ghcr.io/actions/actions-runner (see runner/Dockerfile)`);
    return user;
}
/**
 * Why this process cannot start the runner as `user`, if it cannot. Switching users needs root; a runner running
 * as root would own the container.
 */
function cannotSwitchTo(user, currentUid) {
    if (user.uid === 0)
        return `the runner user ${user.name} is root (uid 0): job steps would own the container; use the image's unprivileged runner user`;
    if (currentUid === 0 || currentUid === user.uid)
        return undefined;
    return `the entrypoint runs as uid ${currentUid} and cannot start the runner as ${user.name}: PID 1 must start as root (USER root in runner/Dockerfile)`;
}

;// CONCATENATED MODULE: ./src/entrypoint/bootstrap.ts
/**
 * PID 1 as the container starts (as root): mint a JIT config (in a short-lived credential process), then either
 * supervise the runner (default mode: the runner user cannot read PID 1's environment or memory, and cannot gain
 * privileges), or, in sudo mode, replace itself with the credential-free supervisor.
 */










const SUPERVISE_FLAG = '--supervise';
async function runBootstrap(log, env, options = {}) {
    const local = readRunnerSettings(env, options);
    readRegistrationSettings(env, (0,external_node_os_namespaceObject.hostname)(), options); // a missing setting fails here, in one line
    // Local checks first, so a broken image fails before it burns a registration.
    const user = lookupUser(local.passwdFile, local.runnerUser);
    const switchProblem = cannotSwitchTo(user, process.getuid());
    if (switchProblem)
        throw new EntrypointError(switchProblem);
    requireExecutable(local.listener, 'use the runner image (runner/Dockerfile)');
    requireExecutable(SETPRIV, 'the image needs util-linux (it starts the runner without any way to regain privileges)');
    if (!local.sudo && !local.allowUserNamespaces)
        requireExecutable(local.seccompHelper, 'use the runner image (runner/Dockerfile builds the seccomp helper)');
    if (local.sudo)
        log.info('sudo mode: the runner user keeps sudo, so no credential will remain in this container');
    const jit = await register(env);
    const deregisterFor = async (why) => {
        try {
            const answer = await deregister(env, jit.runnerId);
            log.info(`${answer === 'busy' ? 'kept (GitHub gave it a job):' : `${answer}:`} runner ${jit.runnerId} (${why})`);
            return answer;
        }
        catch (error) {
            if (!(error instanceof ReportedError))
                log.error(oneLine(error));
            return 'failed';
        }
    };
    if (local.sudo) {
        log.info('handing over to the credential-free supervisor');
        const supervisorEnv = {
            ...buildSupervisorEnv(env, local.runnerEnvNames),
            [HANDOVER_ENV.jitConfig]: jit.jitConfig,
            [HANDOVER_ENV.runnerId]: String(jit.runnerId)
        };
        try {
            process.execve(process.execPath, [process.execPath, ...process.argv.slice(1), SUPERVISE_FLAG], supervisorEnv);
        }
        catch (error) {
            await deregisterFor('the supervisor did not start');
            throw new EntrypointError(`cannot start the supervisor: ${oneLine(error)}: the image needs Node 24 for PID 1 (see runner/Dockerfile)`);
        }
    }
    const start = async () => {
        try {
            return await startRunner(runnerStart(local, user, jit.jitConfig, buildRunnerEnv(env, user, local.runnerEnvNames)));
        }
        catch (error) {
            await deregisterFor('the runner did not start');
            throw new EntrypointError(`cannot start ${local.listener} as ${user.name}: ${error.code ?? oneLine(error)}: check the runner image`);
        }
    };
    const runner = await start();
    const namespaces = local.allowUserNamespaces ? 'user namespaces allowed' : 'no new user namespaces';
    log.info(`runner started as ${user.name} (pid ${runner.pid}), without any way to gain privileges, ${namespaces}`);
    const result = await supervise(runner, {
        idleTimeoutMs: local.idleTimeoutMs,
        log,
        // GitHub decides: a runner given a job since the last look cannot be deleted (422) and keeps running.
        onIdle: async () => ((await deregisterFor('idle timeout')) === 'busy' ? 'keep' : 'stop'),
        restart: start,
        runnerDir: local.runnerDir,
        retryDelayMs: local.listenerRetryDelayMs,
        updateWaitMs: local.updateWaitMs
    });
    if (!result.jobStarted && !result.stoppedIdle)
        await deregisterFor('the runner ended without a job');
    const code = containerExitCode(result, external_node_os_namespaceObject.constants.signals);
    log.info(`container exit code ${code}`);
    return code;
}
function requireExecutable(path, hint) {
    let mode;
    try {
        const stat = (0,external_node_fs_namespaceObject.statSync)(path);
        if (stat.isFile())
            mode = stat.mode;
    }
    catch {
        // reported below
    }
    if (mode === undefined)
        throw new EntrypointError(`${path} not found: ${hint}`);
    if ((mode & 0o111) === 0)
        throw new EntrypointError(`${path} is not executable: ${hint}`);
}

;// CONCATENATED MODULE: ./src/entrypoint/log.ts
function createLog(out = line => process.stdout.write(line + '\n'), err = line => process.stderr.write(line + '\n'), now = Date.now) {
    const started = now();
    const prefix = () => `runner-setup [+${now() - started}ms]`;
    return {
        info: message => out(`${prefix()} ${message}`),
        error: message => err(`${prefix()} error: ${message}`),
        async step(label, run) {
            const begin = now();
            const result = await run();
            out(`${prefix()} ${label} (${now() - begin} ms)`);
            return result;
        }
    };
}

;// CONCATENATED MODULE: ./src/entrypoint/supervisor.ts
/**
 * Sudo mode, after PID 1 replaced itself: this process never held the key, a token or IDENTITY_HEADER.
 * It starts the runner with the JIT config it was handed. With no credential it cannot ask GitHub whether an idle
 * runner was just given a job: it keeps a runner whose listener is working on one (a Runner.Worker runs, or it
 * printed "Running job"), and stops it otherwise without deregistering it (the listener ends its session; GitHub
 * removes unused JIT runners; `verify --fix` removes the rest).
 */








async function runSupervisor(log, env, options = {}) {
    const jitConfig = env[HANDOVER_ENV.jitConfig];
    const runnerId = env[HANDOVER_ENV.runnerId];
    if (!jitConfig)
        throw new EntrypointError(`${HANDOVER_ENV.jitConfig} is not set: the supervisor is started by the entrypoint, not directly`);
    const local = readRunnerSettings(env, options);
    const user = lookupUser(local.passwdFile, local.runnerUser);
    const start = async () => {
        try {
            return await startRunner(runnerStart({ ...local, sudo: true }, user, jitConfig, buildRunnerEnv(env, user, local.runnerEnvNames)));
        }
        catch (error) {
            throw new EntrypointError(`cannot start ${local.listener} as ${user.name}: ${error.code ?? oneLine(error)}: runner ${runnerId} stays registered until GitHub removes it or verify --fix runs`);
        }
    };
    const runner = await start();
    log.info(`runner ${runnerId} started as ${user.name} (pid ${runner.pid}) by the credential-free supervisor`);
    const result = await supervise(runner, {
        idleTimeoutMs: local.idleTimeoutMs,
        log,
        onIdle: async () => 'stop',
        restart: start,
        runnerDir: local.runnerDir,
        retryDelayMs: local.listenerRetryDelayMs,
        updateWaitMs: local.updateWaitMs
    });
    const code = containerExitCode(result, external_node_os_namespaceObject.constants.signals);
    log.info(`container exit code ${code}`);
    return code;
}

;// CONCATENATED MODULE: ./src/entrypoint/main.ts
/** PID 1 of a runner container, in one of its three roles. Every failure ends as one log line and a non-zero exit. */





/** `options` are for tests only; the image runs `main()`. Child processes get the same argv, so the same options. */
function main(options = {}) {
    const log = createLog();
    const task = process.argv.find(a => a.startsWith(CREDENTIAL_FLAG))?.slice(CREDENTIAL_FLAG.length);
    const run = task
        ? runCredentialTask(task, log, process.env, options)
        : process.argv.includes(SUPERVISE_FLAG)
            ? runSupervisor(log, process.env, options)
            : runBootstrap(log, process.env, options);
    run.then(code => process.exit(code), (error) => {
        if (!(error instanceof ReportedError))
            log.error(oneLine(error));
        process.exit(1);
    });
}

;// CONCATENATED MODULE: ./src/entrypoint/index.ts
/** PID 1 of a runner container (runner/Dockerfile). */

main();

