import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
    sudo: 'RUNNER_SETUP_SUDO'
};

;// CONCATENATED MODULE: ./src/github-app/errors.ts
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
    return {
        runSh: options.runSh ?? '/home/runner/run.sh',
        runnerUser: options.runnerUser ?? 'runner',
        passwdFile: options.passwdFile ?? '/etc/passwd',
        // Fractions allowed: tests use sub-second idle timeouts.
        idleTimeoutMs: number(env, RUNNER_ENV.idleTimeoutSeconds, 600) * 1000,
        stopGraceMs: options.stopGraceMs ?? 10_000,
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
;// CONCATENATED MODULE: ./src/github-app/http.ts
/**
 * JSON over HTTPS with bounded retries, for the runner's PID 1 and the action alike. Rate-limit answers (429, and
 * GitHub's 403 with retry-after or an exhausted x-ratelimit-remaining) were not acted on, so every method retries
 * them. 5xx and network errors may hide a request that did act, so only idempotent requests retry those; a caller
 * that can undo a POST retries it itself (see `generateJitConfig`). Delays and `fetch` are injectable for tests.
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/github-app/app-jwt.ts
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

;// CONCATENATED MODULE: ./src/github-app/rest.ts
/** GitHub REST on the shared transport: one request shape, lists followed through their `Link` headers to the end. */


/** Beyond any real list (100 items a page); a server that never ends its `Link` chain is an error, not a hang. */
const MAX_PAGES = 10_000;
/** One call; `pathOrUrl` is a path under the API URL, or a `Link` URL GitHub handed out (same origin only). */
async function call(gh, method, pathOrUrl, auth, body, options = {}) {
    const base = gh.apiUrl.replace(/\/+$/, '');
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : base + pathOrUrl;
    // The token goes only to the API it was minted for, whatever a Link header says.
    if (new URL(url).origin !== new URL(base).origin)
        throw new CallError(`GitHub pointed a list at ${new URL(url).origin}, not ${new URL(base).origin}; refused`);
    return gh.http({
        method,
        url,
        headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${auth}`,
            'x-github-api-version': '2022-11-28'
        },
        body,
        ...options
    });
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

;// CONCATENATED MODULE: ./src/github-app/installation.ts
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

;// CONCATENATED MODULE: ./src/github-app/key-vault.ts
/**
 * One Key Vault secret read, with a token from the Container Apps managed identity endpoint (the runner) or from
 * the caller's own Azure sign-in (verify).
 */


const KEY_VAULT_RESOURCE = 'https://vault.azure.net';
async function getManagedIdentityToken(http, identity, resource) {
    const url = new URL(identity.endpoint);
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

;// CONCATENATED MODULE: ./src/github-app/runners.ts
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
    for (let attempt = 1;; attempt++) {
        const last = attempt >= gh.http.maxAttempts;
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
            await gh.http.backoff(attempt);
            continue;
        }
        const body = response.body;
        if (response.status === 201 && typeof body?.encoded_jit_config === 'string' && typeof body.runner?.id === 'number')
            return { runnerId: body.runner.id, jitConfig: body.encoded_jit_config };
        if (response.status >= 500 && !last) {
            uncertain = true;
            await gh.http.backoff(attempt);
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
    const response = await call(gh, 'DELETE', `${targetPath(target)}/actions/runners/${runnerId}`, token);
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
    const http = createHttpClient({
        maxAttempts: 4,
        baseDelayMs: settings.retryBaseMs,
        maxDelayMs: settings.retryMaxMs,
        sleep: defaultSleep
    });
    const gh = { apiUrl: settings.apiUrl, http };
    const { token } = await mintRegistrationToken(settings, http, gh, log);
    const answer = task === 'register'
        ? JSON.stringify(await registerJitRunner(settings, gh, token, log))
        : await deregisterRunner(settings, gh, token, Number(task.replace(/^deregister:/, '')));
    (0,external_node_fs_namespaceObject.writeSync)(RESULT_FD, answer);
    return 0;
}

;// CONCATENATED MODULE: ./src/entrypoint/runner-environment.ts
const ALLOWED = new Set([
    'PATH',
    'LANG',
    'LANGUAGE',
    'LC_ALL',
    'TZ',
    'TERM',
    'DEBIAN_FRONTEND',
    'ImageOS',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'NODE_EXTRA_CA_CERTS',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'CONTAINER_APP_JOB_NAME',
    'CONTAINER_APP_JOB_EXECUTION_NAME',
    'CONTAINER_APP_REPLICA_NAME'
]);
/** Settings the runner itself reads (RUNNER_MANUALLY_TRAP_SIG, ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT, hooks...). */
function allowedByPrefix(name) {
    return (name.startsWith('RUNNER_') && !name.startsWith('RUNNER_SETUP_')) || name.startsWith('ACTIONS_RUNNER_');
}
function buildRunnerEnv(source, user) {
    const env = {};
    for (const [name, value] of Object.entries(source)) {
        if (value !== undefined && (ALLOWED.has(name) || allowedByPrefix(name)))
            env[name] = value;
    }
    env.PATH ??= '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    return {
        ...env,
        // A runner GitHub refuses as too old exits 7 instead of 0 (run.sh, run-helper.sh and the listener read it).
        ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE: '1',
        HOME: user.home,
        USER: user.name,
        LOGNAME: user.name,
        SHELL: user.shell
    };
}
/**
 * The environment of the credential-free supervisor (sudo mode): the runner's allow-list plus the entrypoint's
 * own RUNNER_SETUP_* settings, which are identifiers only. No IDENTITY_*, so no way to ask for a token.
 */
function buildSupervisorEnv(source) {
    const env = {};
    for (const [name, value] of Object.entries(source)) {
        if (value !== undefined && (ALLOWED.has(name) || allowedByPrefix(name) || name.startsWith('RUNNER_SETUP_')))
            env[name] = value;
    }
    return env;
}

;// CONCATENATED MODULE: ./src/entrypoint/runner-outcome.ts
const LISTENER_LINES = [
    [/Runner listener exit with 0 return code/, () => 0],
    [/Runner listener exit with terminated error/, () => 1],
    [/Runner listener exit with Session Conflict error/, () => 5],
    [/Runner listener exit with deprecated version exit code: (\d+)/, m => Number(m[1])],
    [/Exiting with unknown error code: (-?\d+)/, m => Number(m[1])],
    // Retryable (2) and updating (3, 4): run.sh starts the listener again, so an earlier code no longer holds.
    [/Runner listener exit with retryable error|Runner listener exit because of updating/, () => Number.NaN]
];
/** The listener's exit code a run-helper.sh line reports, NaN for "restarting", undefined for other lines. */
function listenerExitCode(line) {
    for (const [pattern, code] of LISTENER_LINES) {
        const match = pattern.exec(line);
        if (match)
            return code(match);
    }
    return undefined;
}
/**
 * 0 job run (whatever its result: that is the workflow's, shown in GitHub) or idle runner stopped; 128+n stopped
 * by signal n; otherwise the listener's own code (1 terminated, 5 session conflict, 7 version deprecated), or
 * run.sh's when the listener's is not known.
 */
function containerExitCode(end, signalNumbers) {
    const bySignal = (signal) => 128 + (signalNumbers[signal] ?? 0);
    if (end.stoppedIdle)
        return 0;
    if (end.stopSignal)
        return bySignal(end.stopSignal);
    if (end.exit.signal)
        return bySignal(end.exit.signal);
    if (end.listenerCode !== undefined && !Number.isNaN(end.listenerCode))
        return end.listenerCode;
    return end.exit.code ?? 1;
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
;// CONCATENATED MODULE: ./src/entrypoint/process-tree.ts
/**
 * The runner's processes, found through /proc (Linux). run.sh starts in a session of its own, but it is not one
 * process group: with RUNNER_MANUALLY_TRAP_SIG=1 (set by the official image) the actions/runner run.sh turns on
 * job control (`set -m`), so run-helper.sh and Runner.Listener run in a process group of their own, and job steps
 * may make more. Signalling only run.sh's group misses the listener.
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

;// CONCATENATED MODULE: ./src/entrypoint/runner-process.ts
/**
 * Starts `run.sh --jitconfig` as the runner user, without any way back to privileges, watches its output (the start
 * of a job, the listener's own exit code) and stops its whole process tree.
 */





/** The runner prints this line when it takes a job (Runner.Listener, "Running job: <name>"). */
const JOB_STARTED = /Running job:/;
/** util-linux setpriv(1): in the official runner image (Ubuntu) and on Debian. */
const SETPRIV = '/usr/bin/setpriv';
/**
 * How run.sh is started. By root, in the default mode: the runner user's uid and gid, no supplementary group, no
 * capability (bounding and inheritable sets emptied), and the kernel's no_new_privs flag, which every descendant
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
function startRunner(options) {
    const root = process.getuid() === 0;
    const child = (0,external_node_child_process_namespaceObject.spawn)(SETPRIV, [...setprivArgs(options.user, { sudo: options.sudo, root }), options.runSh, '--jitconfig', options.jitConfig], {
        cwd: (0,external_node_path_namespaceObject.dirname)(options.runSh),
        env: options.env,
        // A session of its own (setsid): every process of the runner is found by its session id.
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit']
    });
    return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('spawn', () => {
            child.off('error', reject);
            const pid = child.pid;
            let markStarted = () => { };
            const jobStarted = new Promise(done => (markStarted = done));
            let listener;
            (0,external_node_readline_namespaceObject.createInterface)({ input: child.stdout }).on('line', line => {
                process.stdout.write(line + '\n');
                if (JOB_STARTED.test(line))
                    markStarted();
                listener = listenerExitCode(line) ?? listener;
            });
            const closed = new Promise(done => child.once('close', () => done()));
            let stopping = false;
            // run.sh's own end, then the rest of its tree (a listener still cancelling its job, a job step's daemon)
            // gets the grace period, then its output is drained.
            const exited = new Promise(done => child.once('exit', async (code, signal) => {
                if (!stopping)
                    signalTree(pid, 'SIGTERM');
                await endTree(pid, options.graceMs);
                // A daemon that left the tree (a new session, orphaned) may still hold the output pipe: stop reading
                // after the grace period. When PID 1 exits, the container's PID namespace takes it with it.
                const timer = setTimeout(() => child.stdout.destroy(), options.graceMs);
                await closed;
                clearTimeout(timer);
                done({ code, signal });
            }));
            resolve({
                pid,
                exited,
                jobStarted,
                listenerCode: () => listener,
                hasWorker: () => runnerTree(pid, listProcesses()).some(p => p.comm === 'Runner.Worker'),
                async stop(signal) {
                    stopping = true;
                    signalTree(pid, signal);
                    const timer = setTimeout(() => signalTree(pid, 'SIGKILL'), options.graceMs);
                    const result = await exited;
                    clearTimeout(timer);
                    return result;
                }
            });
        });
    });
}
/** Waits until no process of the tree is left, SIGKILLing what is still there after `graceMs`. */
async function endTree(pid, graceMs) {
    const deadline = Date.now() + graceMs;
    while (runnerTree(pid, listProcesses()).length > 0) {
        if (Date.now() >= deadline)
            signalTree(pid, 'SIGKILL');
        await new Promise(resolve => setTimeout(resolve, 20));
    }
}

;// CONCATENATED MODULE: ./src/entrypoint/supervise.ts
/**
 * Runs the started runner to its end: passes a stop signal on to its whole process tree, enforces the idle timeout,
 * reports how it ended.
 */

async function supervise(runner, options) {
    const { log } = options;
    let jobStarted = false;
    let stoppedIdle = false;
    let stopSignal;
    const busy = () => jobStarted || runner.hasWorker();
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
    void runner.jobStarted.then(() => {
        jobStarted = true;
        clearTimeout(idleTimer);
        log.info('the runner took a job');
    });
    const exit = await runner.exited;
    clearTimeout(idleTimer);
    // Ended during an idle check that deregistered it: the listener noticed first. Still an idle stop.
    if (idleDecision && !jobStarted && !stopSignal && (await idleDecision) === 'stop')
        stoppedIdle = true;
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
    return { exit, jobStarted, stoppedIdle, stopSignal, listenerCode: runner.listenerCode() };
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
    requireExecutable(local.runSh, 'use the runner image (runner/Dockerfile)');
    requireExecutable(SETPRIV, 'the image needs util-linux (it starts the runner without any way to regain privileges)');
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
            ...buildSupervisorEnv(env),
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
    let runner;
    try {
        runner = await startRunner({
            runSh: local.runSh,
            jitConfig: jit.jitConfig,
            user,
            env: buildRunnerEnv(env, user),
            sudo: false,
            graceMs: local.stopGraceMs
        });
    }
    catch (error) {
        await deregisterFor('the runner did not start');
        throw new EntrypointError(`cannot start ${local.runSh} as ${user.name}: ${error.code ?? oneLine(error)}: check the runner image`);
    }
    log.info(`runner started as ${user.name} (pid ${runner.pid}), without any way to gain privileges`);
    const result = await supervise(runner, {
        idleTimeoutMs: local.idleTimeoutMs,
        log,
        // GitHub decides: a runner given a job since the last look cannot be deleted (422) and keeps running.
        onIdle: async () => ((await deregisterFor('idle timeout')) === 'busy' ? 'keep' : 'stop')
    });
    if (!result.jobStarted && !result.stoppedIdle)
        await deregisterFor('the runner ended without a job');
    const code = containerExitCode(result, external_node_os_namespaceObject.constants.signals);
    log.info(`runner exited with ${code}`);
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
    let runner;
    try {
        runner = await startRunner({
            runSh: local.runSh,
            jitConfig,
            user,
            env: buildRunnerEnv(env, user),
            sudo: true,
            graceMs: local.stopGraceMs
        });
    }
    catch (error) {
        throw new EntrypointError(`cannot start ${local.runSh} as ${user.name}: ${error.code ?? oneLine(error)}: runner ${runnerId} stays registered until GitHub removes it or verify --fix runs`);
    }
    log.info(`runner ${runnerId} started as ${user.name} (pid ${runner.pid}) by the credential-free supervisor`);
    const result = await supervise(runner, {
        idleTimeoutMs: local.idleTimeoutMs,
        log,
        onIdle: async () => 'stop'
    });
    const code = containerExitCode(result, external_node_os_namespaceObject.constants.signals);
    log.info(`runner exited with ${code}`);
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

