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


;// CONCATENATED MODULE: ./src/entrypoint/config.ts
/**
 * Reads the entrypoint's settings from its environment (the job template's RUNNER_ENV contract plus the
 * Container Apps built-ins). Pure: no I/O, so every rule is unit-testable.
 */


/** Knobs with production defaults; tests point them at temporary files and shorten the delays. */
const ENTRYPOINT_ENV = {
    runSh: 'RUNNER_SETUP_RUN_SH',
    runnerUser: 'RUNNER_SETUP_RUNNER_USER',
    passwdFile: 'RUNNER_SETUP_PASSWD_FILE',
    groupFile: 'RUNNER_SETUP_GROUP_FILE',
    sudoersDir: 'RUNNER_SETUP_SUDOERS_DIR',
    retryBaseMs: 'RUNNER_SETUP_RETRY_BASE_MS',
    retryMaxMs: 'RUNNER_SETUP_RETRY_MAX_MS',
    stopGraceMs: 'RUNNER_SETUP_STOP_GRACE_MS',
    /** Hands the JIT config from the minting process to the credential-free supervisor (sudo mode). */
    jitConfig: 'RUNNER_SETUP_JIT_CONFIG',
    runnerId: 'RUNNER_SETUP_RUNNER_ID'
};
function readRunnerSettings(env) {
    return {
        runSh: env[ENTRYPOINT_ENV.runSh] || '/home/runner/run.sh',
        runnerUser: env[ENTRYPOINT_ENV.runnerUser] || 'runner',
        passwdFile: env[ENTRYPOINT_ENV.passwdFile] || '/etc/passwd',
        groupFile: env[ENTRYPOINT_ENV.groupFile] || '/etc/group',
        sudoersDir: env[ENTRYPOINT_ENV.sudoersDir] || '/etc/sudoers.d',
        // Fractions allowed: tests use sub-second idle timeouts.
        idleTimeoutMs: number(env, RUNNER_ENV.idleTimeoutSeconds, 600) * 1000,
        stopGraceMs: number(env, ENTRYPOINT_ENV.stopGraceMs, 10_000),
        sudo: (env[RUNNER_ENV.sudo] ?? '').toLowerCase() === 'true'
    };
}
function readRegistrationSettings(env, hostname) {
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
        retryBaseMs: number(env, ENTRYPOINT_ENV.retryBaseMs, 1000),
        retryMaxMs: number(env, ENTRYPOINT_ENV.retryMaxMs, 30_000)
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
/** undefined when the runner no longer exists (it took its job and GitHub removed it). */
async function getRunnerBusy(gh, token, target, runnerId) {
    const response = await call(gh, 'GET', `${targetPath(target)}/actions/runners/${runnerId}`, token);
    if (response.status === 404)
        return undefined;
    if (response.status !== 200)
        throw new CallError(`reading runner ${runnerId} failed (HTTP ${response.status}${detail(response.body)})`, response.status);
    return response.body.busy === true;
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

;// CONCATENATED MODULE: ./src/entrypoint/register.ts
/**
 * Container start to JIT config: managed identity → App key from Key Vault (memory only) → App JWT →
 * narrowed installation token → (runner group id) → generate-jitconfig. Four HTTP calls, five at org scope
 * when only the group name is known.
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
    // The key lives only in this function's scope and is dropped when it returns.
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
/** The installation token, minted again when it is about to expire (an idle timeout can outlast it). */
function tokenSource(first, mint, now = Date.now) {
    let current = first;
    return async () => {
        if (current.expiresAtMs - now() < 5 * 60_000)
            current = await mint();
        return current.token;
    };
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
    return { ...env, HOME: user.home, USER: user.name, LOGNAME: user.name, SHELL: user.shell };
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
;// CONCATENATED MODULE: ./src/entrypoint/runner-process.ts
/** Starts `run.sh --jitconfig` as the runner user and watches its output for the start of a job. */



/** The runner prints this line when it takes a job (Runner.Listener, "Running job: <name>"). */
const JOB_STARTED = /Running job:/;
function startRunner(options) {
    const child = (0,external_node_child_process_namespaceObject.spawn)(options.runSh, ['--jitconfig', options.jitConfig], {
        cwd: (0,external_node_path_namespaceObject.dirname)(options.runSh),
        env: options.env,
        uid: options.user.uid,
        gid: options.user.gid,
        detached: true, // its own process group, so stop() can reach the listener and worker it starts
        stdio: ['ignore', 'pipe', 'inherit']
    });
    return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('spawn', () => {
            child.off('error', reject);
            // 'close', not 'exit': every output line (a "Running job" just before the end) is read first.
            const exited = new Promise(done => child.once('close', (code, signal) => done({ code, signal })));
            let markStarted = () => { };
            const jobStarted = new Promise(done => (markStarted = done));
            (0,external_node_readline_namespaceObject.createInterface)({ input: child.stdout }).on('line', line => {
                process.stdout.write(line + '\n');
                if (JOB_STARTED.test(line))
                    markStarted();
            });
            const pid = child.pid;
            const send = (signal, group = false) => {
                try {
                    process.kill(group ? -pid : pid, signal);
                }
                catch {
                    // already gone
                }
            };
            resolve({
                pid,
                exited,
                jobStarted,
                signal: signal => send(signal),
                async stop(graceMs) {
                    send('SIGTERM');
                    const timer = setTimeout(() => send('SIGKILL', true), graceMs);
                    const result = await exited;
                    clearTimeout(timer);
                    return result;
                }
            });
        });
    });
}
/** The shell convention: the code, or 128 + the signal number. */
function exitCodeOf(exit, signalNumbers) {
    if (exit.code !== null)
        return exit.code;
    return 128 + (exit.signal ? (signalNumbers[exit.signal] ?? 0) : 0);
}

;// CONCATENATED MODULE: ./src/entrypoint/supervise.ts
/** Runs the started runner to its end: forwards signals, enforces the idle timeout, reports how it ended. */

async function supervise(runner, options) {
    const { log } = options;
    let jobStarted = false;
    let stoppedIdle = false;
    const idleTimer = setTimeout(async () => {
        if (jobStarted)
            return;
        let decision = 'stop';
        try {
            decision = await options.onIdle();
        }
        catch (error) {
            log.info(`idle check failed (${oneLine(error)}); stopping the runner anyway`);
        }
        if (decision === 'keep' || jobStarted) {
            log.info('a job was assigned at the idle timeout; keeping the runner');
            return;
        }
        stoppedIdle = true;
        log.info(`no job within ${options.idleTimeoutMs / 1000} s; stopping the runner`);
        await runner.stop(options.stopGraceMs);
    }, options.idleTimeoutMs);
    const forward = (signal) => {
        log.info(`received ${signal}, forwarding it to the runner`);
        clearTimeout(idleTimer);
        runner.signal(signal);
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
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
    return { exit, jobStarted, stoppedIdle };
}

;// CONCATENATED MODULE: ./src/entrypoint/system-user.ts
/**
 * The unprivileged runner user: looked up in /etc/passwd, and stripped of sudo before the runner starts.
 * The official runner image grants sudo through membership of the `sudo` group (`%sudo ... NOPASSWD`), others
 * through /etc/sudoers.d; both are removed. The runner needs no supplementary group in Container Apps.
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
/** Why this process cannot start the runner as `user`, if it cannot: switching users needs root. */
function cannotSwitchTo(user, currentUid) {
    if (currentUid === 0 || currentUid === user.uid)
        return undefined;
    return `the entrypoint runs as uid ${currentUid} and cannot start the runner as ${user.name}: PID 1 must start as root (USER root in runner/Dockerfile)`;
}
/** /etc/group text with `name` removed from every member list. */
function withoutGroupMember(groupText, name) {
    return groupText
        .split('\n')
        .map(line => {
        const fields = line.split(':');
        if (fields.length < 4)
            return line;
        const members = fields[3].split(',').filter(m => m !== '' && m !== name);
        return [...fields.slice(0, 3), members.join(',')].join(':');
    })
        .join('\n');
}
/** A sudoers line that names the user (not a comment). Group grants are cut through /etc/group instead. */
function sudoersNamesUser(text, name) {
    const word = new RegExp(`(^|[\\s,=!(])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,=)])`);
    return text.split('\n').some(line => !line.trimStart().startsWith('#') && word.test(line));
}
/** Returns what it changed, for the log. */
function removeSudoRights(user, files) {
    const changed = [];
    let entries = [];
    try {
        entries = (0,external_node_fs_namespaceObject.readdirSync)(files.sudoersDir);
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw error;
    }
    for (const entry of entries) {
        const path = (0,external_node_path_namespaceObject.join)(files.sudoersDir, entry);
        if (sudoersNamesUser((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'), user)) {
            (0,external_node_fs_namespaceObject.rmSync)(path);
            changed.push(`removed ${path}`);
        }
    }
    const groups = (0,external_node_fs_namespaceObject.readFileSync)(files.groupFile, 'utf8');
    const stripped = withoutGroupMember(groups, user);
    if (stripped !== groups) {
        (0,external_node_fs_namespaceObject.writeFileSync)(files.groupFile, stripped);
        changed.push(`removed ${user} from its supplementary groups in ${files.groupFile}`);
    }
    return changed;
}

;// CONCATENATED MODULE: ./src/entrypoint/bootstrap.ts
/**
 * PID 1 as the container starts (as root): mint a JIT config, then either supervise the runner while keeping
 * the registration token source (default mode: PID 1's memory and environment are out of the runner user's
 * reach), or, in sudo mode, replace itself with the credential-free supervisor.
 */











const SUPERVISE_FLAG = '--supervise';
async function runBootstrap(log, env = process.env) {
    const local = readRunnerSettings(env);
    const settings = readRegistrationSettings(env, (0,external_node_os_namespaceObject.hostname)());
    // Local checks first, so a broken image fails before it burns a registration.
    const user = lookupUser(local.passwdFile, local.runnerUser);
    const switchProblem = cannotSwitchTo(user, process.getuid());
    if (switchProblem)
        throw new EntrypointError(switchProblem);
    requireFile(local.runSh);
    if (local.sudo)
        log.info('sudo mode: the runner user keeps sudo, so no credential will remain in this container');
    else
        for (const change of removeSudoRights(user.name, local))
            log.info(change);
    const http = createHttpClient({
        maxAttempts: 4,
        baseDelayMs: settings.retryBaseMs,
        maxDelayMs: settings.retryMaxMs,
        sleep: defaultSleep
    });
    const gh = { apiUrl: settings.apiUrl, http };
    const first = await mintRegistrationToken(settings, http, gh, log);
    const token = tokenSource(first, () => mintRegistrationToken(settings, http, gh, log));
    const jit = await registerJitRunner(settings, gh, first.token, log);
    const deregister = async (why) => {
        try {
            const deleted = await deleteRunner(gh, await token(), settings.target, jit.runnerId);
            log.info(`${deleted ? 'deregistered' : 'already gone:'} runner ${jit.runnerId} (${why})`);
        }
        catch (error) {
            log.error(oneLine(error));
        }
    };
    if (local.sudo) {
        log.info('handing over to the credential-free supervisor');
        const supervisorEnv = {
            ...buildSupervisorEnv(env),
            [ENTRYPOINT_ENV.jitConfig]: jit.jitConfig,
            [ENTRYPOINT_ENV.runnerId]: String(jit.runnerId)
        };
        try {
            process.execve(process.execPath, [process.execPath, process.argv[1], SUPERVISE_FLAG], supervisorEnv);
        }
        catch (error) {
            await deregister('the supervisor did not start');
            throw new EntrypointError(`cannot start the supervisor: ${oneLine(error)}: the image needs Node 24 for PID 1 (see runner/Dockerfile)`);
        }
    }
    let runner;
    try {
        runner = await startRunner({ runSh: local.runSh, jitConfig: jit.jitConfig, user, env: buildRunnerEnv(env, user) });
    }
    catch (error) {
        await deregister('the runner did not start');
        throw new EntrypointError(`cannot start ${local.runSh} as ${user.name}: ${error.code ?? oneLine(error)}: check the runner image`);
    }
    log.info(`runner started as ${user.name} (pid ${runner.pid})`);
    const result = await supervise(runner, {
        idleTimeoutMs: local.idleTimeoutMs,
        stopGraceMs: local.stopGraceMs,
        log,
        async onIdle() {
            // The output may lag the assignment: ask GitHub before stopping a runner that may have just taken a job.
            if (await getRunnerBusy(gh, await token(), settings.target, jit.runnerId))
                return 'keep';
            await deregister('idle timeout');
            return 'stop';
        }
    });
    if (!result.jobStarted && !result.stoppedIdle)
        await deregister('the runner ended without a job');
    // Stopping an idle runner is routine (the scaler over-provisioned), not a failed execution.
    const code = result.stoppedIdle ? 0 : exitCodeOf(result.exit, external_node_os_namespaceObject.constants.signals);
    log.info(`runner exited with ${code}`);
    return code;
}
function requireFile(path) {
    let isFile = false;
    try {
        isFile = (0,external_node_fs_namespaceObject.statSync)(path).isFile();
    }
    catch {
        // reported below
    }
    if (!isFile)
        throw new EntrypointError(`${path} not found: use the runner image (runner/Dockerfile) or set ${ENTRYPOINT_ENV.runSh}`);
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
 * It starts the runner with the JIT config it was handed and stops an idle runner without deregistering it
 * (GitHub removes unused JIT runners; `verify --fix` removes the rest).
 */







async function runSupervisor(log, env = process.env) {
    const jitConfig = env[ENTRYPOINT_ENV.jitConfig];
    const runnerId = env[ENTRYPOINT_ENV.runnerId];
    delete process.env[ENTRYPOINT_ENV.jitConfig];
    if (!jitConfig)
        throw new EntrypointError(`${ENTRYPOINT_ENV.jitConfig} is not set: the supervisor is started by the entrypoint, not directly`);
    const local = readRunnerSettings(env);
    const user = lookupUser(local.passwdFile, local.runnerUser);
    let runner;
    try {
        runner = await startRunner({ runSh: local.runSh, jitConfig, user, env: buildRunnerEnv(env, user) });
    }
    catch (error) {
        throw new EntrypointError(`cannot start ${local.runSh} as ${user.name}: ${error.code ?? oneLine(error)}: runner ${runnerId} stays registered until GitHub removes it or verify --fix runs`);
    }
    log.info(`runner ${runnerId} started as ${user.name} (pid ${runner.pid}) by the credential-free supervisor`);
    const result = await supervise(runner, {
        idleTimeoutMs: local.idleTimeoutMs,
        stopGraceMs: local.stopGraceMs,
        log,
        onIdle: async () => 'stop'
    });
    // Stopping an idle runner is routine (the scaler over-provisioned), not a failed execution.
    const code = result.stoppedIdle ? 0 : exitCodeOf(result.exit, external_node_os_namespaceObject.constants.signals);
    log.info(`runner exited with ${code}`);
    return code;
}

;// CONCATENATED MODULE: ./src/entrypoint/index.ts
/** PID 1 of a runner container. Every failure ends as one log line and a non-zero exit, never a stack trace. */




const log = createLog();
const run = process.argv.includes(SUPERVISE_FLAG) ? runSupervisor : runBootstrap;
run(log).then(code => process.exit(code), (error) => {
    log.error(oneLine(error));
    process.exit(1);
});

