export const id = 579;
export const ids = [579];
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

/***/ 46652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ listJobExecutions),
/* harmony export */   p: () => (/* binding */ isActiveExecution)
/* harmony export */ });
/* harmony import */ var _arm_id_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50899);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85670);
/** A job's executions, newest first, read through the Container Apps SDK (verify reports them; runners are named after them). */


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
            found.push({
                name: e.name ?? '',
                status: e.status ?? 'Unknown',
                ...(e.startTime ? { startTime: new Date(e.startTime).toISOString() } : {}),
                ...(e.endTime ? { endTime: new Date(e.endTime).toISOString() } : {})
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

/***/ 45579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AZURE_CHECK: () => (/* binding */ AZURE_CHECK),
  EXECUTIONS_CHECK: () => (/* binding */ EXECUTIONS_CHECK),
  azureCheck: () => (/* binding */ azureCheck),
  createVerify: () => (/* binding */ createVerify),
  executionsCheck: () => (/* binding */ executionsCheck)
});

// EXTERNAL MODULE: ./src/core/layout.ts
var layout = __webpack_require__(16585);
// EXTERNAL MODULE: ./src/azure/executions.ts
var azure_executions = __webpack_require__(46652);
// EXTERNAL MODULE: ./src/entrypoint/errors.ts
var errors = __webpack_require__(16083);
// EXTERNAL MODULE: ./src/github/api.ts
var github_api = __webpack_require__(28943);
;// CONCATENATED MODULE: ./src/github/api-budget.ts

/** An App installation's baseline hourly limit (GitHub grows it with the org's repositories and users). */
const BASELINE_HOURLY_LIMIT = 5000;
const WARN_SHARE = 0.5;
const BUDGET_CHECK = 'api budget';
/** Pure: the calls per poll and per hour, and the check they make. */
function budgetCheck(input) {
    const perPoll = 2 * input.repos + (input.activeRuns ?? 0);
    const perHour = Math.ceil((perPoll * 3600) / input.pollingIntervalSeconds);
    const share = perHour / input.hourlyLimit;
    const runs = input.activeRuns === undefined ? 'active runs unknown' : `${input.activeRuns} active runs`;
    const text = `${perPoll} calls per poll (2 × ${input.repos} repos + ${runs}) every ${input.pollingIntervalSeconds} s = ${perHour}/h, ${Math.round(share * 100)} % of ${input.hourlyLimit}/h (${input.limitSource})`;
    if (share > WARN_SHARE) {
        return {
            name: BUDGET_CHECK,
            status: 'warn',
            detail: `${text}: raise runners.pollingIntervalSeconds or split the team's repositories across Apps`,
            perHour,
            share
        };
    }
    return { name: BUDGET_CHECK, status: 'pass', detail: text, perHour, share };
}
/** Runs in progress or queued across the team's repositories; undefined when the token may not read them. */
async function countActiveRuns(api, config) {
    let total = 0;
    for (const repo of config.github.repos) {
        for (const status of ['in_progress', 'queued']) {
            const response = await api.call('GET', `/repos/${(0,github_api/* enc */.fk)(config.github.owner)}/${(0,github_api/* enc */.fk)(repo)}/actions/runs?status=${status}&per_page=1`);
            const count = response.body?.total_count;
            if (response.status !== 200 || typeof count !== 'number')
                return undefined;
            total += count;
        }
    }
    return total;
}
/** The token's core limit from GET /rate_limit, or the installation baseline when it cannot be read. */
async function hourlyLimit(api) {
    const response = await api.call('GET', '/rate_limit');
    const limit = response.body?.resources?.core?.limit;
    if (response.status === 200 && typeof limit === 'number' && limit > 0)
        return { limit, source: "the token's limit" };
    return { limit: BASELINE_HOURLY_LIMIT, source: 'installation baseline' };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/entrypoint/app-jwt.ts
/** The GitHub App JWT: RS256, issued 60 s in the past against clock drift, valid 9 minutes (GitHub allows 10). */


function createAppJwt(appId, privateKeyPem, nowSeconds) {
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)(privateKeyPem);
    }
    catch {
        throw new errors/* EntrypointError */.X("the GitHub App private key read from Key Vault is not a PEM private key: store the App's downloaded .pem file as the secret value");
    }
    if (key.asymmetricKeyType !== 'rsa') {
        throw new errors/* EntrypointError */.X(`the GitHub App private key read from Key Vault is ${key.asymmetricKeyType}, not RSA: store the App's downloaded .pem file as the secret value`);
    }
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({ iat: nowSeconds - 60, exp: nowSeconds + 9 * 60, iss: appId }));
    const signature = (0,external_node_crypto_.sign)('sha256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
    return `${header}.${payload}.${signature}`;
}
function base64url(text) {
    return Buffer.from(text).toString('base64url');
}

;// CONCATENATED MODULE: ./src/entrypoint/azure.ts
/** Managed identity token (Container Apps identity endpoint) and one Key Vault secret read. */


const KEY_VAULT_RESOURCE = 'https://vault.azure.net';
async function getManagedIdentityToken(http, identity, resource) {
    const url = new URL(identity.endpoint);
    url.searchParams.set('resource', resource);
    url.searchParams.set('api-version', '2019-08-01');
    url.searchParams.set('client_id', identity.clientId);
    const response = await http({ method: 'GET', url: url.href, headers: { 'x-identity-header': identity.header } });
    const token = response.body?.access_token;
    if (response.status !== 200 || typeof token !== 'string') {
        throw new EntrypointError(`managed identity token failed (HTTP ${response.status}${detail(response.body)}): check that the identity with client id ${identity.clientId} is assigned to the Container Apps job (re-run apply)`);
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
        throw new EntrypointError(`Key Vault refused to read ${where} (HTTP ${response.status}${detail(response.body)}): grant the job's identity "Key Vault Secrets User" on that secret (apply does this; a new grant takes a few minutes)`);
    }
    if (response.status === 404)
        throw new EntrypointError(`Key Vault has no secret ${where}: store the GitHub App private key there or fix github.app.privateKeySecretUri`);
    throw new EntrypointError(`reading ${where} from Key Vault failed (HTTP ${response.status}${detail(response.body)})`);
}

// EXTERNAL MODULE: ./src/entrypoint/http.ts
var http = __webpack_require__(91456);
;// CONCATENATED MODULE: ./src/entrypoint/github.ts


function call(gh, method, path, auth, body) {
    return gh.http({
        method,
        url: gh.apiUrl + path,
        headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${auth}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'runner-setup-entrypoint'
        },
        body
    });
}
function targetPath(target) {
    return target.scope === 'org' ? `/orgs/${enc(target.owner)}` : `/repos/${enc(target.owner)}/${enc(target.repo)}`;
}
function targetName(target) {
    return target.scope === 'org' ? `organization ${target.owner}` : `repository ${target.owner}/${target.repo}`;
}
/** Narrowed to registration only: job steps never see this token, and it could not do more if they did. */
function registrationScope(target) {
    return target.scope === 'org'
        ? { permissions: { organization_self_hosted_runners: 'write' } }
        : { permissions: { administration: 'write' }, repositories: [target.repo] };
}
async function mintInstallationToken(gh, appJwt, installationId, target) {
    const response = await call(gh, 'POST', `/app/installations/${enc(installationId)}/access_tokens`, appJwt, registrationScope(target));
    const body = response.body;
    if (response.status === 201 && typeof body?.token === 'string') {
        const expires = Date.parse(String(body.expires_at));
        return { token: body.token, expiresAtMs: Number.isFinite(expires) ? expires : Date.now() + 50 * 60_000 };
    }
    const hint = response.status === 401
        ? 'the App key in Key Vault does not belong to this App id, or the clock is off: store the current .pem of the App'
        : response.status === 404
            ? `no installation ${installationId} for this App: install the App on the ${targetName(target)} and fix github.app.installationId`
            : response.status === 422 || response.status === 403
                ? `the App installation lacks ${Object.keys(registrationScope(target).permissions)[0]} write${target.scope === 'repo' ? ` or access to ${target.owner}/${target.repo}` : ''}: grant it in the App's settings and accept the new permissions`
                : 'GitHub may be down; the job will be retried by the next execution';
    throw new errors/* EntrypointError */.X(`installation token failed (HTTP ${response.status}${(0,http/* detail */._0)(response.body)}): ${hint}`);
}
async function findRunnerGroupId(gh, token, org, name) {
    for (let page = 1; page <= 50; page++) {
        const response = await call(gh, 'GET', `/orgs/${enc(org)}/actions/runner-groups?per_page=100&page=${page}`, token);
        if (response.status !== 200)
            throw new errors/* EntrypointError */.X(`listing runner groups of ${org} failed (HTTP ${response.status}${(0,http/* detail */._0)(response.body)})`);
        const groups = response.body.runner_groups ?? [];
        const found = groups.find(g => g.name.toLowerCase() === name.toLowerCase());
        if (found)
            return found.id;
        if (groups.length < 100)
            break;
    }
    throw new errors/* EntrypointError */.X(`runner group "${name}" does not exist in ${org}: ask an organisation owner to create it (restricted to the team's repositories), then run verify`);
}
async function generateJitConfig(gh, token, target, request) {
    const response = await call(gh, 'POST', `${targetPath(target)}/actions/runners/generate-jitconfig`, token, {
        name: request.name,
        runner_group_id: request.runnerGroupId,
        labels: request.labels,
        work_folder: '_work'
    });
    const body = response.body;
    if (response.status === 201 && typeof body?.encoded_jit_config === 'string' && typeof body.runner?.id === 'number') {
        return { runnerId: body.runner.id, jitConfig: body.encoded_jit_config };
    }
    const hint = response.status === 404
        ? `runner group ${request.runnerGroupId} does not exist in the ${targetName(target)}: create it, or fix github.runnerGroup and re-run apply`
        : response.status === 403
            ? `runner group ${request.runnerGroupId} cannot take self-hosted runners from this App: check the group in the ${targetName(target)} settings and re-run apply`
            : response.status === 409
                ? `a runner named ${request.name} already exists: remove it (verify --fix) and let the next execution register`
                : 'check the runner group and labels of the job template (re-run apply)';
    throw new errors/* EntrypointError */.X(`JIT runner registration failed (HTTP ${response.status}${(0,http/* detail */._0)(response.body)}): ${hint}`);
}
/** undefined when the runner no longer exists (it took its job and GitHub removed it). */
async function getRunnerBusy(gh, token, target, runnerId) {
    const response = await call(gh, 'GET', `${targetPath(target)}/actions/runners/${runnerId}`, token);
    if (response.status === 404)
        return undefined;
    if (response.status !== 200)
        throw new EntrypointError(`reading runner ${runnerId} failed (HTTP ${response.status}${detail(response.body)})`);
    return response.body.busy === true;
}
/** true when deleted, false when it was already gone. */
async function deleteRunner(gh, token, target, runnerId) {
    const response = await call(gh, 'DELETE', `${targetPath(target)}/actions/runners/${runnerId}`, token);
    if (response.status === 204)
        return true;
    if (response.status === 404)
        return false;
    throw new errors/* EntrypointError */.X(`deleting runner ${runnerId} failed (HTTP ${response.status}${(0,http/* detail */._0)(response.body)}): verify --fix removes it later`);
}
function enc(part) {
    return encodeURIComponent(part);
}

;// CONCATENATED MODULE: ./src/github/jit-check.ts
/**
 * Can the GitHub App mint a JIT runner for this team? Reads the App key with the signed-in Azure identity (only
 * when Key Vault lets it), then does what a runner's entrypoint does, with a throwaway name, and deletes the runner.
 */







const JIT_CHECK = 'jit config';
const VERIFY_RUNNER_PREFIX = 'runner-setup-verify-';
/** Only this label: a throwaway runner must never match a team's queued job. */
const VERIFY_RUNNER_LABEL = 'runner-setup-verify';
const KEY_VAULT_SCOPE = `${KEY_VAULT_RESOURCE}/.default`;
async function checkJitConfig(config, deps) {
    const key = await readAppKey(config, deps);
    if ('check' in key)
        return key.check;
    const target = config.github.scope === 'org'
        ? { scope: 'org', owner: config.github.owner }
        : { scope: 'repo', owner: config.github.owner, repo: config.github.repos[0] };
    const gh = { apiUrl: config.github.apiUrl, http: deps.http };
    const name = `${VERIFY_RUNNER_PREFIX}${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    try {
        const jwt = createAppJwt(String(config.github.app.id), key.pem, Math.floor(deps.now() / 1000));
        const { token } = await mintInstallationToken(gh, jwt, String(config.github.app.installationId), target);
        const groupId = target.scope === 'org' ? await findRunnerGroupId(gh, token, target.owner, config.github.runnerGroup) : 1;
        const runner = await generateJitConfig(gh, token, target, {
            name,
            runnerGroupId: groupId,
            labels: [VERIFY_RUNNER_LABEL]
        });
        await deleteRunner(gh, token, target, runner.runnerId);
        const where = target.scope === 'org'
            ? `organization ${target.owner}, group "${config.github.runnerGroup}"`
            : `repository ${target.owner}/${target.repo}`;
        return {
            name: JIT_CHECK,
            status: 'pass',
            detail: `App ${config.github.app.id} minted a JIT config for ${where} (runner ${name}, deleted again)`
        };
    }
    catch (error) {
        return { name: JIT_CHECK, status: 'fail', detail: (0,errors/* oneLine */.T)(error) };
    }
}
async function readAppKey(config, deps) {
    const grant = `"Key Vault Secrets User" on ${(0,layout/* teamLayout */.YM)(config).keySecretScope}`;
    const warn = (why) => ({
        check: {
            name: JIT_CHECK,
            status: 'warn',
            detail: `skipped: ${why}; to test minting, grant the signed-in identity ${grant}`
        }
    });
    let token;
    try {
        const access = await deps.credential.getToken(KEY_VAULT_SCOPE);
        if (!access)
            return warn('no Key Vault token for the signed-in identity');
        token = access.token;
    }
    catch (error) {
        return warn(`no Key Vault token for the signed-in identity (${(0,errors/* oneLine */.T)(error)})`);
    }
    const url = new URL(keyVaultUrl(config.github.app.privateKeySecretUri, deps.keyVaultEndpoint));
    url.searchParams.set('api-version', '7.4');
    const response = await deps.http({ method: 'GET', url: url.href, headers: { authorization: `Bearer ${token}` } });
    const value = response.body?.value;
    if (response.status === 200 && typeof value === 'string' && value !== '')
        return { pem: value };
    if (response.status === 401 || response.status === 403)
        return warn(`Key Vault refused to give it the App key (HTTP ${response.status})`);
    const fix = response.status === 404 ? ": store the App's .pem there or fix github.app.privateKeySecretUri" : '';
    return {
        check: {
            name: JIT_CHECK,
            status: 'fail',
            detail: `reading the App key ${config.github.app.privateKeySecretUri} failed (HTTP ${response.status}${(0,http/* detail */._0)(response.body)})${fix}`
        }
    };
}
/** The secret's URL, or its emulated stand-in under `endpoint`. Pure. */
function keyVaultUrl(secretUri, endpoint) {
    if (!endpoint)
        return secretUri;
    const uri = new URL(secretUri);
    const vault = uri.hostname.split('.')[0];
    return `${endpoint.replace(/\/+$/, '')}/${vault}${uri.pathname}`;
}

;// CONCATENATED MODULE: ./src/github/runner-group.ts

const RUNNER_GROUP_CHECK = 'runner group';
async function checkRunnerGroup(api, config) {
    const { owner, runnerGroup, scope } = config.github;
    if (scope === 'repo')
        return {
            name: RUNNER_GROUP_CHECK,
            status: 'pass',
            detail: "repository scope: runners join each repository's Default group"
        };
    const groups = await api.list(`/orgs/${(0,github_api/* enc */.fk)(owner)}/actions/runner-groups`, 'runner_groups');
    const group = groups.find(g => g.name.toLowerCase() === runnerGroup.toLowerCase());
    if (!group) {
        return {
            name: RUNNER_GROUP_CHECK,
            status: 'fail',
            detail: `no runner group "${runnerGroup}" in ${owner}: create it (organization settings → Actions → Runner groups) for selected repositories ${config.github.repos.join(', ')}`
        };
    }
    const repos = group.visibility === 'selected'
        ? await api.list(`/orgs/${(0,github_api/* enc */.fk)(owner)}/actions/runner-groups/${group.id}/repositories`, 'repositories')
        : [];
    const problems = runnerGroupProblems(group, repos.map(r => r.name), config);
    const { runnerGroupId } = config.github;
    if (runnerGroupId !== undefined && runnerGroupId !== group.id) {
        problems.push(`its id is ${group.id}, but the config says github.runnerGroupId: ${runnerGroupId}: fix the config and re-run apply`);
    }
    if (problems.length === 0) {
        const tip = runnerGroupId === undefined ? ` (tip: github.runnerGroupId: ${group.id} saves every runner one GitHub call)` : '';
        return {
            name: RUNNER_GROUP_CHECK,
            status: 'pass',
            detail: `"${group.name}" is restricted to ${config.github.repos.join(', ')}${tip}`
        };
    }
    return { name: RUNNER_GROUP_CHECK, status: 'fail', detail: `"${group.name}" in ${owner}: ${problems.join('; ')}` };
}
/** Each way the group differs from the config, phrased as the fix. Pure. */
function runnerGroupProblems(group, selectedRepos, config) {
    const problems = [];
    if (group.visibility !== 'selected') {
        problems.push(`visibility is "${group.visibility}": set it to selected repositories (${config.github.repos.join(', ')})`);
    }
    else {
        const wanted = new Set(config.github.repos.map(r => r.toLowerCase()));
        const actual = new Set(selectedRepos.map(r => r.toLowerCase()));
        const missing = config.github.repos.filter(r => !actual.has(r.toLowerCase()));
        const extra = selectedRepos.filter(r => !wanted.has(r.toLowerCase()));
        if (missing.length > 0)
            problems.push(`add ${missing.join(', ')} to its repositories`);
        if (extra.length > 0)
            problems.push(`remove ${extra.join(', ')} from its repositories (not the team's)`);
    }
    if (group.allows_public_repositories && !config.github.allowPublicRepos) {
        problems.push('it allows public repositories: turn that off, or set github.allowPublicRepos: true in the config');
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/github/runners.ts


const RUNNERS_CHECK = 'runners';
async function listTeamRunners(api, config) {
    const { owner, scope, repos, labels } = config.github;
    const collections = scope === 'org'
        ? [`/orgs/${(0,github_api/* enc */.fk)(owner)}/actions/runners`]
        : repos.map(repo => `/repos/${(0,github_api/* enc */.fk)(owner)}/${(0,github_api/* enc */.fk)(repo)}/actions/runners`);
    const wanted = labels.map(l => l.toLowerCase());
    const found = [];
    for (const collection of collections) {
        const runners = await api.list(collection, 'runners');
        for (const r of runners) {
            const names = r.labels.map(l => l.name);
            const carried = new Set(names.map(l => l.toLowerCase()));
            if (wanted.every(l => carried.has(l)))
                found.push({ id: r.id, name: r.name, status: r.status, busy: r.busy, labels: names, collection });
        }
    }
    return found;
}
/** Why each runner is stale, or undefined when it is busy, starting, or waiting within its idle timeout. Pure. */
function staleReason(runner, execution, idleTimeoutMinutes, nowMs) {
    if (runner.busy)
        return undefined;
    const started = execution?.startTime ? Date.parse(execution.startTime) : NaN;
    const idleMinutes = Number.isFinite(started) ? (nowMs - started) / 60_000 : undefined;
    const active = execution !== undefined && (0,azure_executions/* isActiveExecution */.p)(execution.status);
    if (active && idleMinutes !== undefined && idleMinutes < idleTimeoutMinutes)
        return undefined;
    if (runner.status !== 'online')
        return 'offline';
    if (execution && !active)
        return `online but its execution ended (${execution.status})`;
    if (idleMinutes !== undefined && idleMinutes >= idleTimeoutMinutes)
        return `idle for ${Math.floor(idleMinutes)} min (idle timeout ${idleTimeoutMinutes} min)`;
    return undefined;
}
/** Lists the team's runners, flags stale ones and, with `fix`, deregisters them. */
async function checkRunners(api, config, executions, options) {
    const byName = new Map(executions.map(e => [e.name, e]));
    const runners = await listTeamRunners(api, config);
    const reports = [];
    const failures = [];
    for (const runner of runners) {
        const stale = staleReason(runner, byName.get(runner.name), config.runners.idleTimeoutMinutes, options.now());
        const report = {
            name: runner.name,
            status: runner.status,
            busy: runner.busy,
            ...(stale ? { stale } : {})
        };
        if (stale && options.fix) {
            const response = await api.call('DELETE', `${runner.collection}/${runner.id}`);
            if (response.status === 204 || response.status === 404)
                report.removed = true;
            else
                failures.push(`${runner.name} (HTTP ${response.status})`);
        }
        reports.push(report);
    }
    return { check: runnersCheck(reports, failures, options.fix, config.github.labels), runners: reports };
}
function runnersCheck(reports, failures, fix, labels) {
    const stale = reports.filter(r => r.stale);
    const counts = `${reports.length} registered with labels ${labels.join(',')} (${reports.filter(r => r.busy).length} busy)`;
    if (stale.length === 0)
        return { name: RUNNERS_CHECK, status: 'pass', detail: `${counts}, none stale` };
    const list = stale.map(r => `${r.name}: ${r.stale}`).join('; ');
    if (failures.length > 0)
        return {
            name: RUNNERS_CHECK,
            status: 'fail',
            detail: `${counts}; could not deregister ${failures.join(', ')}: the token needs self-hosted runner write access`
        };
    if (fix)
        return { name: RUNNERS_CHECK, status: 'pass', detail: `${counts}; deregistered ${stale.length} stale: ${list}` };
    return {
        name: RUNNERS_CHECK,
        status: 'warn',
        detail: `${counts}; ${stale.length} stale (${list}): run verify with --fix (action input fix: true) to deregister them`
    };
}

;// CONCATENATED MODULE: ./src/commands/keda-check.ts

const KEDA_CHECK = 'keda version';
const NEEDED = [2, 17];
/** Pure: the check for a version string (`2.18.1`), or a warning when Azure did not say. */
function kedaCheck(version) {
    const match = /^(\d+)\.(\d+)/.exec(version ?? '');
    if (!match)
        return { name: KEDA_CHECK, status: 'warn', detail: 'the environment does not report its KEDA version' };
    const [major, minor] = [Number(match[1]), Number(match[2])];
    const recent = major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1]);
    if (recent)
        return { name: KEDA_CHECK, status: 'pass', detail: `KEDA ${version}` };
    return {
        name: KEDA_CHECK,
        status: 'warn',
        detail: `KEDA ${version} is older than 2.17: the scale rule's noDefaultLabels and enableEtags are silently ignored, so jobs labelled only self-hosted may start this team's runners and every poll counts against the API budget; Azure upgrades KEDA itself, so this should pass later`
    };
}
async function readKedaVersion(clients, config) {
    const { names } = (0,layout/* teamLayout */.YM)(config);
    try {
        const env = await clients
            .apps(config.azure.subscriptionId)
            .managedEnvironments.get(config.azure.resourceGroup, names.managedEnvironment);
        return kedaCheck(env.kedaConfiguration?.version);
    }
    catch {
        return kedaCheck(undefined);
    }
}

;// CONCATENATED MODULE: ./src/commands/verify.ts









const AZURE_CHECK = 'azure resources';
const EXECUTIONS_CHECK = 'executions';
/** How many executions the result keeps, newest first. */
const RECENT = 20;
function createVerify(deps) {
    const now = deps.now ?? Date.now;
    return async (config, engine) => {
        const started = now();
        const drift = await engine.drift(config);
        const executions = (await Promise.all((0,layout/* teamLayout */.YM)(config).jobs.map(job => (0,azure_executions/* listJobExecutions */.P)(deps.clients, job.id)))).flat();
        executions.sort((a, b) => (b.startTime ?? '').localeCompare(a.startTime ?? ''));
        const checks = [
            azureCheck(drift.items, drift.plan.entries.length),
            executionsCheck(executions),
            await readKedaVersion(deps.clients, config)
        ];
        let runners = [];
        if (deps.githubToken) {
            const api = (0,github_api/* createGitHubApi */._j)(deps.http, config.github.apiUrl, deps.githubToken);
            checks.push(await guarded(RUNNER_GROUP_CHECK, config, () => checkRunnerGroup(api, config)));
            try {
                const outcome = await checkRunners(api, config, executions, { fix: deps.fix, now });
                checks.push(outcome.check);
                runners = outcome.runners;
            }
            catch (error) {
                checks.push(notChecked(RUNNERS_CHECK, config, error));
            }
            checks.push(await guarded(BUDGET_CHECK, config, () => budget(api, config)));
        }
        else {
            checks.push(skipped(RUNNER_GROUP_CHECK), skipped(RUNNERS_CHECK));
            checks.push(budgetCheck({
                repos: config.github.repos.length,
                pollingIntervalSeconds: config.runners.pollingIntervalSeconds,
                hourlyLimit: BASELINE_HOURLY_LIMIT,
                limitSource: 'installation baseline; no github-token'
            }));
        }
        checks.push(await checkJitConfig(config, {
            http: deps.http,
            credential: deps.credential,
            ...(deps.keyVaultEndpoint ? { keyVaultEndpoint: deps.keyVaultEndpoint } : {}),
            now
        }));
        const totalMs = now() - started;
        return {
            checks: checks.map(({ name, status, detail }) => ({ name, status, detail })),
            runners,
            executions: executions
                .slice(0, RECENT)
                .map(({ name, status, startTime }) => ({ name, status, ...(startTime ? { startTime } : {}) })),
            timings: { readMs: drift.timings.readMs, writeMs: 0, totalMs }
        };
    };
}
/** Pure: no drift means every resource exists, is Succeeded (a Failed one plans as an update) and matches. */
function azureCheck(items, total) {
    if (items.length === 0)
        return { name: AZURE_CHECK, status: 'pass', detail: `${total} resources exist, Succeeded and match the config` };
    const shown = items.slice(0, 5).map(describeDrift);
    const more = items.length > shown.length ? `, and ${items.length - shown.length} more` : '';
    return {
        name: AZURE_CHECK,
        status: 'fail',
        detail: `${items.length === 1 ? '1 resource differs' : `${items.length} resources differ`} from the config: ${shown.join('; ')}${more}: run apply (drift shows every field)`
    };
}
function describeDrift(item) {
    if (item.action === 'create')
        return `missing ${item.kind} ${item.name}`;
    if (item.action === 'delete')
        return `extra ${item.kind} ${item.name} (not in the config)`;
    return `${item.kind} ${item.name} (${item.changes.map(c => c.path).join(', ') || 'not Succeeded'})`;
}
/** Pure: the recent executions; failures among the last ten are a warning pointing at the runner logs. */
function executionsCheck(executions) {
    if (executions.length === 0)
        return {
            name: EXECUTIONS_CHECK,
            status: 'pass',
            detail: "no executions yet: one starts when a job with the team's labels is queued"
        };
    const counts = new Map();
    for (const e of executions)
        counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
    const summary = `${executions.length} executions (${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}), latest ${executions[0].name} ${executions[0].status}`;
    const failed = executions.slice(0, 10).filter(e => e.status.toLowerCase() === 'failed');
    if (failed.length === 0)
        return { name: EXECUTIONS_CHECK, status: 'pass', detail: summary };
    return {
        name: EXECUTIONS_CHECK,
        status: 'warn',
        detail: `${summary}; ${failed.length} of the last ${Math.min(10, executions.length)} failed (${failed.map(e => e.name).join(', ')}): read their logs with az containerapp job logs show or in Log Analytics`
    };
}
async function budget(api, config) {
    const [activeRuns, limit] = await Promise.all([countActiveRuns(api, config), hourlyLimit(api)]);
    const { name, status, detail } = budgetCheck({
        repos: config.github.repos.length,
        ...(activeRuns === undefined ? {} : { activeRuns }),
        pollingIntervalSeconds: config.runners.pollingIntervalSeconds,
        hourlyLimit: limit.limit,
        limitSource: limit.source
    });
    return { name, status, detail };
}
async function guarded(name, config, run) {
    try {
        return await run();
    }
    catch (error) {
        return notChecked(name, config, error);
    }
}
/** The token could not read what the check needs: a warning that says which access to give it. */
function notChecked(name, config, error) {
    const access = config.github.scope === 'org'
        ? 'organization self-hosted runners read (and write for --fix)'
        : 'repository administration read (and write for --fix)';
    const why = error instanceof github_api/* GitHubApiError */.OS ? error.message : (0,errors/* oneLine */.T)(error);
    return {
        name,
        status: 'warn',
        detail: `not checked: ${why}: give github-token ${access}, e.g. an App installation token`
    };
}
function skipped(name) {
    return {
        name,
        status: 'warn',
        detail: 'skipped: no github-token (action input github-token, CLI --github-token or GITHUB_TOKEN)'
    };
}


/***/ })

};
