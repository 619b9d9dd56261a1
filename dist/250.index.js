export const id = 250;
export const ids = [250];
export const modules = {

/***/ 22339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ mintInstallationToken)
/* harmony export */ });
/* unused harmony export registrationScope */
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58549);
/* harmony import */ var _http_json_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40070);
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66417);
/** Installation tokens: the App JWT traded for a token narrowed to what the caller needs. */



/** Narrowed to registration only: job steps never see this token, and it could not do more if they did. */
function registrationScope(target) {
    return target.scope === 'org'
        ? { permissions: { organization_self_hosted_runners: 'write' } }
        : { permissions: { administration: 'write' }, repositories: [target.repo] };
}
async function mintInstallationToken(gh, appJwt, installationId, target, scope = registrationScope(target)) {
    // A second token is harmless, so a lost answer may be retried.
    const response = await (0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .call */ .T1)(gh, 'POST', `/app/installations/${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .enc */ .fk)(installationId)}/access_tokens`, appJwt, scope, {
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
            ? `no installation ${installationId} for this App: install the App on the ${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .targetName */ .je)(target)} and fix github.app.installationId`
            : response.status === 422 || response.status === 403
                ? `the App installation lacks ${wanted}${scope.repositories ? ` or access to ${target.owner}/${scope.repositories.join(', ')}` : ''}: grant it in the App's settings and accept the new permissions`
                : 'GitHub may be down; the job will be retried by the next execution';
    throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CallError */ .R(`installation token failed (HTTP ${response.status}${(0,_http_json_client_js__WEBPACK_IMPORTED_MODULE_1__.detail)(response.body)}): ${hint}`, response.status);
}


/***/ }),

/***/ 20356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FX: () => (/* binding */ generateJitConfig),
/* harmony export */   GH: () => (/* binding */ runnerGroupRepositories),
/* harmony export */   I7: () => (/* binding */ listRunners),
/* harmony export */   KN: () => (/* binding */ findRunnerGroupId),
/* harmony export */   Mz: () => (/* binding */ deleteRunner),
/* harmony export */   ZR: () => (/* binding */ findRunnerGroup)
/* harmony export */ });
/* unused harmony export findRunnerByName */
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58549);
/* harmony import */ var _http_json_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40070);
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66417);
/** Runner groups, JIT registration and runners, at org or repo scope, against github.com or GHES. */



/** The org's runner group of this name (GitHub compares names without case), or undefined. */
async function findRunnerGroup(gh, token, org, name) {
    const groups = await (0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .paginate */ .En)(gh, `/orgs/${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .enc */ .fk)(org)}/actions/runner-groups`, token, 'runner_groups');
    return groups.find(g => g.name.toLowerCase() === name.toLowerCase());
}
async function findRunnerGroupId(gh, token, org, name) {
    let group;
    try {
        group = await findRunnerGroup(gh, token, org, name);
    }
    catch (error) {
        throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CallError */ .R(`listing runner groups of ${org} failed: ${error.message}`);
    }
    if (group)
        return group.id;
    throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CallError */ .R(`runner group "${name}" does not exist in ${org}: ask an organisation owner to create it (restricted to the team's repositories), then run verify`);
}
/** Repository names a `selected` runner group admits. */
async function runnerGroupRepositories(gh, token, org, id) {
    const repos = await (0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .paginate */ .En)(gh, `/orgs/${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .enc */ .fk)(org)}/actions/runner-groups/${id}/repositories`, token, 'repositories');
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
    const post = () => (0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .call */ .T1)(gh, 'POST', `${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .targetPath */ .Bd)(target)}/actions/runners/generate-jitconfig`, token, {
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
        ? `runner group ${request.runnerGroupId} does not exist in the ${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .targetName */ .je)(target)}: create it, or fix github.runnerGroup and re-run apply`
        : response.status === 403
            ? `runner group ${request.runnerGroupId} cannot take self-hosted runners from this App: check the group in the ${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .targetName */ .je)(target)} settings and re-run apply`
            : response.status === 409
                ? `a runner named ${request.name} already exists: remove it (verify --fix) and let the next execution register`
                : response.status >= 500
                    ? 'GitHub may be down; the job will be retried by the next execution'
                    : 'check the runner group and labels of the job template (re-run apply)';
    return new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CallError */ .R(`JIT runner registration failed (HTTP ${response.status}${(0,_http_json_client_js__WEBPACK_IMPORTED_MODULE_1__.detail)(response.body)}): ${hint}`, response.status);
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
    const query = name === undefined ? '' : `?name=${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .enc */ .fk)(name)}`;
    return (0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .paginate */ .En)(gh, `${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .targetPath */ .Bd)(target)}/actions/runners${query}`, token, 'runners');
}
async function deleteRunner(gh, token, target, runnerId) {
    // Not retried: a DELETE whose answer was lost reads as `gone` when repeated, hiding whether it was busy.
    const response = await (0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .call */ .T1)(gh, 'DELETE', `${(0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .targetPath */ .Bd)(target)}/actions/runners/${runnerId}`, token, undefined, {
        retries: 0
    });
    if (response.status === 204)
        return 'deleted';
    if (response.status === 404)
        return 'gone';
    if (response.status === 422)
        return 'busy';
    throw new _http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CallError */ .R(`deleting runner ${runnerId} failed (HTTP ${response.status}${(0,_http_json_client_js__WEBPACK_IMPORTED_MODULE_1__.detail)(response.body)}): verify --fix removes it later`, response.status);
}


/***/ }),

/***/ 75617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ teamTargets)
/* harmony export */ });
/** Where the team's runners register: its organisation, or each of its repositories (repo scope). */
function teamTargets(config) {
    const { owner, scope, repos } = config.github;
    return scope === 'org' ? [{ scope: 'org', owner }] : repos.map(repo => ({ scope: 'repo', owner, repo }));
}


/***/ }),

/***/ 96175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zl: () => (/* binding */ hasAccess),
  yH: () => (/* binding */ openAppAccess)
});

// UNUSED EXPORTS: keyVaultUrl

// EXTERNAL MODULE: ./src/core/layout.ts
var layout = __webpack_require__(16585);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(58549);
;// CONCATENATED MODULE: ./src/github/app-jwt.ts
/** The GitHub App JWT: RS256, issued 60 s in the past against clock drift, valid 9 minutes (GitHub allows 10). */


function createAppJwt(appId, privateKeyPem, nowSeconds) {
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)(privateKeyPem);
    }
    catch {
        throw new errors/* CallError */.R("the GitHub App private key read from Key Vault is not a PEM private key: store the App's downloaded .pem file as the secret value");
    }
    if (key.asymmetricKeyType !== 'rsa') {
        throw new errors/* CallError */.R(`the GitHub App private key read from Key Vault is ${key.asymmetricKeyType}, not RSA: store the App's downloaded .pem file as the secret value`);
    }
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({ iat: nowSeconds - 60, exp: nowSeconds + 9 * 60, iss: appId }));
    const signature = (0,external_node_crypto_.sign)('sha256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
    return `${header}.${payload}.${signature}`;
}
function base64url(text) {
    return Buffer.from(text).toString('base64url');
}

// EXTERNAL MODULE: ./src/http/json-client.ts
var json_client = __webpack_require__(40070);
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
        throw new errors/* CallError */.R(`Key Vault refused to read ${where} (HTTP ${response.status}${(0,json_client.detail)(response.body)}): grant the job's identity "Key Vault Secrets User" on that secret (apply does this; a new grant takes a few minutes)`, response.status);
    }
    if (response.status === 404)
        throw new errors/* CallError */.R(`Key Vault has no secret ${where}: store the GitHub App private key there or fix github.app.privateKeySecretUri`, 404);
    throw new errors/* CallError */.R(`reading ${where} from Key Vault failed (HTTP ${response.status}${(0,json_client.detail)(response.body)})`, response.status);
}

// EXTERNAL MODULE: ./src/github/targets.ts
var targets = __webpack_require__(75617);
;// CONCATENATED MODULE: ./src/verify/app-access.ts





async function openAppAccess(config, deps) {
    const grant = `grant the signed-in identity "Key Vault Secrets User" on ${(0,layout/* teamLayout */.YM)(config).keySecretScope}`;
    let token;
    try {
        const access = await deps.credential.getToken(`${KEY_VAULT_RESOURCE}/.default`);
        if (!access)
            return { status: 'warn', why: `no Key Vault token for the signed-in identity; ${grant}` };
        token = access.token;
    }
    catch (error) {
        return { status: 'warn', why: `no Key Vault token for the signed-in identity (${(0,errors/* oneLine */.T)(error)}); ${grant}` };
    }
    let pem;
    try {
        pem = await readKeyVaultSecret(deps.http, keyVaultUrl(config.github.app.privateKeySecretUri, deps.keyVaultEndpoint), token);
    }
    catch (error) {
        const status = error instanceof errors/* CallError */.R ? error.status : undefined;
        if (status === 401 || status === 403)
            return { status: 'warn', why: `Key Vault refused to give it the App key (HTTP ${status}); ${grant}` };
        return { status: 'fail', why: (0,errors/* oneLine */.T)(error) };
    }
    const appId = String(config.github.app.id);
    return {
        gh: deps.gh,
        // One target is enough to act as the App: at repo scope, the first repository's.
        target: (0,targets/* teamTargets */.i)(config)[0],
        installationId: String(config.github.app.installationId),
        jwt: () => createAppJwt(appId, pem, Math.floor(deps.now() / 1000))
    };
}
function hasAccess(access) {
    return 'jwt' in access;
}
/** The secret's URL, or its emulated stand-in under `endpoint`. */
function keyVaultUrl(secretUri, endpoint) {
    if (!endpoint)
        return secretUri;
    const uri = new URL(secretUri);
    const vault = uri.hostname.split('.')[0];
    return `${endpoint.replace(/\/+$/, '')}/${vault}${uri.pathname}`;
}


/***/ }),

/***/ 65465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AT: () => (/* binding */ RUNNER_GROUP_CHECK),
/* harmony export */   Uf: () => (/* binding */ checkRunnerGroup),
/* harmony export */   qB: () => (/* binding */ runnerGroupProblems)
/* harmony export */ });
/* harmony import */ var _github_runners_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20356);

const RUNNER_GROUP_CHECK = 'runner group';
async function checkRunnerGroup(api, config) {
    const { owner, runnerGroup, scope } = config.github;
    if (scope === 'repo')
        return {
            name: RUNNER_GROUP_CHECK,
            status: 'pass',
            detail: "repository scope: runners join each repository's Default group"
        };
    const group = await (0,_github_runners_js__WEBPACK_IMPORTED_MODULE_0__/* .findRunnerGroup */ .ZR)(api.gh, api.token, owner, runnerGroup);
    if (!group) {
        return {
            name: RUNNER_GROUP_CHECK,
            status: 'fail',
            detail: `no runner group "${runnerGroup}" in ${owner}: create it (organization settings → Actions → Runner groups) for selected repositories ${config.github.repos.join(', ')}`
        };
    }
    const repos = group.visibility === 'selected' ? await (0,_github_runners_js__WEBPACK_IMPORTED_MODULE_0__/* .runnerGroupRepositories */ .GH)(api.gh, api.token, owner, group.id) : [];
    const problems = runnerGroupProblems(group, repos, config);
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
/** Each way the group differs from the config, phrased as the fix. */
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


/***/ }),

/***/ 45250:
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

// EXTERNAL MODULE: ./src/core/pools.ts
var core_pools = __webpack_require__(16268);
// EXTERNAL MODULE: ./src/core/layout.ts
var layout = __webpack_require__(16585);
// EXTERNAL MODULE: ./src/azure/executions.ts
var azure_executions = __webpack_require__(46652);
// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(58549);
// EXTERNAL MODULE: ./src/github/installation.ts
var installation = __webpack_require__(22339);
// EXTERNAL MODULE: ./src/github/rest.ts
var rest = __webpack_require__(66417);
;// CONCATENATED MODULE: ./src/github/revoke-token.ts
/** Ending an installation token before it expires: `DELETE /installation/token`, authenticated with the token itself. */

/**
 * Revokes the token (docs.github.com REST "Revoke an installation access token": 204). Best effort: a token that
 * could not be revoked still expires within the hour, so a failure is returned, not thrown.
 */
async function revokeInstallationToken(gh, token) {
    try {
        return (await (0,rest/* call */.T1)(gh, 'DELETE', '/installation/token', token)).status;
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}

// EXTERNAL MODULE: ./src/http/json-client.ts
var json_client = __webpack_require__(40070);
;// CONCATENATED MODULE: ./src/github/reach.ts
/**
 * What an App installation reaches (verify's blast radius and API budget; the runner never needs it): its
 * permissions and repository selection, the repositories a token of it can see, and its hourly limit.
 */



/** GET /app/installations/{id} with the App JWT. */
async function getInstallation(gh, appJwt, installationId) {
    const response = await (0,rest/* call */.T1)(gh, 'GET', `/app/installations/${(0,rest/* enc */.fk)(installationId)}`, appJwt);
    const body = response.body;
    if (response.status !== 200 || !body)
        throw new errors/* CallError */.R(`reading installation ${installationId} failed (HTTP ${response.status}${(0,json_client.detail)(response.body)})`, response.status);
    return {
        account: String(body.account?.login ?? ''),
        repositorySelection: body.repository_selection === 'selected' ? 'selected' : 'all',
        permissions: body.permissions ?? {}
    };
}
/** Names (`owner/name`) of every repository an installation token reaches: GET /installation/repositories. */
async function listInstallationRepositories(gh, token) {
    const repos = await (0,rest/* paginate */.En)(gh, '/installation/repositories', token, 'repositories');
    return repos.map(r => r.full_name);
}
/**
 * The core hourly limit of the token's owner and what the current hour has used of it; for an installation token,
 * the installation's, which every team's KEDA polling on that installation spends.
 */
async function coreRateLimit(gh, token) {
    const response = await (0,rest/* call */.T1)(gh, 'GET', '/rate_limit', token);
    const core = response.body?.resources
        ?.core;
    if (response.status !== 200 || typeof core?.limit !== 'number' || core.limit <= 0)
        return undefined;
    return { limit: core.limit, used: typeof core.used === 'number' ? core.used : 0 };
}

// EXTERNAL MODULE: ./src/github/api.ts
var github_api = __webpack_require__(28943);
// EXTERNAL MODULE: ./src/verify/api-budget.ts
var api_budget = __webpack_require__(81599);
// EXTERNAL MODULE: ./src/core/polling-budget.ts
var polling_budget = __webpack_require__(18428);
// EXTERNAL MODULE: ./src/verify/app-access.ts + 2 modules
var app_access = __webpack_require__(96175);
;// CONCATENATED MODULE: ./src/verify/blast-radius.ts




const BLAST_RADIUS_CHECK = 'blast radius';
const ORG_RUNNERS = 'organization_self_hosted_runners';
async function readInstallation(app) {
    const view = await getInstallation(app.gh, app.jwt(), app.installationId);
    // Only read permissions the installation has: metadata for its repositories, actions for the runs KEDA counts.
    const permissions = Object.fromEntries(['metadata', 'actions'].filter(p => view.permissions[p]).map(p => [p, 'read']));
    const { token } = await (0,installation/* mintInstallationToken */.i)(app.gh, app.jwt(), app.installationId, app.target, { permissions });
    return { view, reader: (0,github_api/* createGitHubApi */._)(app.gh, token) };
}
async function checkBlastRadius(config, reading) {
    try {
        const repos = await listInstallationRepositories(reading.reader.gh, reading.reader.token);
        return blastRadiusCheck(config, reading.view, repos);
    }
    catch (error) {
        return { name: BLAST_RADIUS_CHECK, status: 'warn', detail: `not checked: ${(0,errors/* oneLine */.T)(error)}` };
    }
}
/** `pass` when the App reaches only the team's repositories and no organisation-wide runner permission. */
function blastRadiusCheck(config, installation, repos) {
    const { owner, repos: teamRepos } = config.github;
    const own = new Set(teamRepos.map(r => `${owner}/${r}`.toLowerCase()));
    const beyond = repos.filter(r => !own.has(r.toLowerCase()));
    const orgRunners = installation.permissions[ORG_RUNNERS];
    const reach = `App ${config.github.app.id} installation ${config.github.app.installationId} reaches ${repos.length} repositor${repos.length === 1 ? 'y' : 'ies'}${installation.repositorySelection === 'all' ? ` (all of ${installation.account || owner}, present and future)` : ''}`;
    const problems = [];
    if (beyond.length > 0) {
        const shown = beyond.slice(0, 5).join(', ');
        problems.push(`${beyond.length} beyond the team's (${shown}${beyond.length > 5 ? `, and ${beyond.length - 5} more` : ''})`);
    }
    if (orgRunners)
        problems.push(`it holds ${ORG_RUNNERS} ${orgRunners}, so it can register runners in any runner group of ${installation.account || owner}`);
    if (problems.length === 0)
        return {
            name: BLAST_RADIUS_CHECK,
            status: 'pass',
            detail: `${reach}, all the team's; no organisation-wide runner permission`
        };
    return {
        name: BLAST_RADIUS_CHECK,
        status: 'warn',
        detail: `${reach}: ${problems.join('; ')}. A compromised runner of this team, or anyone who can run its setup workflow, reaches that far: for containment install a team-own App on the team's repositories only, with repository-scope runners`
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/github/runners.ts
var github_runners = __webpack_require__(20356);
;// CONCATENATED MODULE: ./src/verify/jit-check.ts
/** Can the GitHub App mint a JIT runner for this team? What a runner's entrypoint does, with a throwaway name. */




const JIT_CHECK = 'jit config';
const VERIFY_RUNNER_PREFIX = 'runner-setup-verify-';
/** Only this label: a throwaway runner must never match a team's queued job. */
const VERIFY_RUNNER_LABEL = 'runner-setup-verify';
async function checkJitConfig(config, app) {
    const { gh, target } = app;
    const name = `${VERIFY_RUNNER_PREFIX}${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    try {
        const { token } = await (0,installation/* mintInstallationToken */.i)(gh, app.jwt(), app.installationId, target);
        const groupId = target.scope === 'org'
            ? (config.github.runnerGroupId ?? (await (0,github_runners/* findRunnerGroupId */.KN)(gh, token, target.owner, config.github.runnerGroup)))
            : 1;
        const runner = await (0,github_runners/* generateJitConfig */.FX)(gh, token, target, {
            name,
            runnerGroupId: groupId,
            labels: [VERIFY_RUNNER_LABEL]
        });
        // Never busy: it has no listener and a label no job asks for.
        await (0,github_runners/* deleteRunner */.Mz)(gh, token, target, runner.runnerId);
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

// EXTERNAL MODULE: ./src/verify/runner-group.ts
var runner_group = __webpack_require__(65465);
// EXTERNAL MODULE: ./src/github/targets.ts
var targets = __webpack_require__(75617);
;// CONCATENATED MODULE: ./src/verify/team-runners.ts





const RUNNERS_CHECK = 'runners';
async function listTeamRunners(api, config) {
    // A runner of any of the team's pools: it carries all of that pool's labels.
    const pools = (0,core_pools/* runnerPools */.OJ)(config).map(pool => pool.labels.map(l => l.toLowerCase()));
    const found = [];
    for (const target of (0,targets/* teamTargets */.i)(config)) {
        for (const r of await (0,github_runners/* listRunners */.I7)(api.gh, api.token, target)) {
            const names = r.labels.map(l => l.name);
            const carried = new Set(names.map(l => l.toLowerCase()));
            if (pools.some(wanted => wanted.every(l => carried.has(l))))
                found.push({ id: r.id, name: r.name, status: r.status, busy: r.busy, labels: names, target });
        }
    }
    return found;
}
/** Why each runner is stale, or undefined when it is busy, starting, or waiting within its idle timeout. */
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
    const kept = [];
    for (const runner of runners) {
        const stale = staleReason(runner, byName.get(runner.name), config.runners.idleTimeoutMinutes, options.now());
        const report = {
            name: runner.name,
            status: runner.status,
            busy: runner.busy,
            ...(stale ? { stale } : {})
        };
        if (stale && options.fix) {
            try {
                const outcome = await (0,github_runners/* deleteRunner */.Mz)(api.gh, api.token, runner.target, runner.id);
                // 422: it took a job since it was listed, so it is no longer stale and stays.
                if (outcome === 'busy') {
                    report.busy = true;
                    delete report.stale;
                    kept.push(runner.name);
                }
                else
                    report.removed = true;
            }
            catch (error) {
                failures.push(`${runner.name} (${error instanceof errors/* CallError */.R && error.status ? `HTTP ${error.status}` : (0,errors/* oneLine */.T)(error)})`);
            }
        }
        reports.push(report);
    }
    const check = runnersCheck(reports, failures, options.fix, config.github.labels);
    if (kept.length > 0)
        check.detail += `; kept ${kept.join(', ')}: took a job since it was listed`;
    return { check, runners: reports };
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

;// CONCATENATED MODULE: ./src/verify/keda-check.ts

const KEDA_CHECK = 'keda version';
const NEEDED = [2, 16];
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
        detail: `KEDA ${version} is older than 2.16: the scale rule's noDefaultLabels is silently ignored, so jobs labelled only self-hosted may start this team's runners; Azure upgrades KEDA itself, so this should pass later`
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

;// CONCATENATED MODULE: ./src/verify/verify.ts
















const AZURE_CHECK = 'azure resources';
const EXECUTIONS_CHECK = 'executions';
/** How many executions the result keeps, newest first. */
const RECENT = 20;
function createVerify(deps) {
    const now = deps.now ?? Date.now;
    return async (config, engine) => {
        const started = now();
        const gh = deps.github(deps.githubApiUrl ?? config.github.apiUrl);
        const [drift, executions, app, keda] = await Promise.all([
            engine.drift(config),
            Promise.all((0,layout/* teamLayout */.YM)(config).jobs.map(job => (0,azure_executions/* listJobExecutions */.P)(deps.clients, job.id))).then(all => all.flat().sort((a, b) => (b.startTime ?? '').localeCompare(a.startTime ?? ''))),
            (0,app_access/* openAppAccess */.yH)(config, {
                gh,
                http: deps.http,
                credential: deps.credential,
                keyVaultEndpoint: deps.keyVaultEndpoint,
                now
            }),
            readKedaVersion(deps.clients, config)
        ]);
        const minted = deps.githubToken ? undefined : await runnersReadToken(config, app, deps);
        const token = deps.githubToken ?? (typeof minted === 'string' ? undefined : minted?.token);
        const api = token ? (0,github_api/* createGitHubApi */._)(gh, token) : undefined;
        const whyNoToken = typeof minted === 'string' ? minted : (0,app_access/* hasAccess */.zl)(app) ? 'no App token' : app.why;
        const [tokenSide, appSide] = await Promise.all([
            api
                ? tokenChecks(api, config, executions, { fix: deps.fix, now })
                : {
                    checks: [skipped(runner_group/* RUNNER_GROUP_CHECK */.AT, config, whyNoToken), skipped(RUNNERS_CHECK, config, whyNoToken)],
                    runners: []
                },
            appChecks(config, app, api)
        ]).finally(() => (minted && typeof minted !== 'string' ? revokeInstallationToken(gh, minted.token) : undefined));
        const checks = [
            azureCheck(drift.items, drift.plan.entries.length),
            executionsCheck(executions),
            keda,
            ...tokenSide.checks,
            ...appSide
        ];
        const totalMs = now() - started;
        return {
            checks: checks.map(({ name, status, detail }) => ({ name, status, detail })),
            runners: tokenSide.runners,
            executions: executions.slice(0, RECENT),
            timings: { readMs: drift.timings.readMs, writeMs: 0, totalMs }
        };
    };
}
/** What the github-token shows: the runner group and the registered runners (with --fix, stale ones removed). */
async function tokenChecks(api, config, executions, options) {
    const group = guarded(runner_group/* RUNNER_GROUP_CHECK */.AT, config, () => (0,runner_group/* checkRunnerGroup */.Uf)(api, config));
    try {
        const outcome = await checkRunners(api, config, executions, options);
        return { checks: [await group, outcome.check], runners: outcome.runners };
    }
    catch (error) {
        return { checks: [await group, notChecked(RUNNERS_CHECK, config, error)], runners: [] };
    }
}
/** What acting as the App shows: the API budget, the blast radius and a throwaway JIT registration. */
async function appChecks(config, app, api) {
    const jit = (0,app_access/* hasAccess */.zl)(app)
        ? checkJitConfig(config, app)
        : Promise.resolve({
            name: JIT_CHECK,
            status: app.status === 'warn' ? 'unchecked' : app.status,
            detail: app.status === 'warn' ? `not checked: ${app.why}` : app.why
        });
    let reading;
    try {
        reading = (0,app_access/* hasAccess */.zl)(app) ? await readInstallation(app) : `not checked: ${app.why}`;
    }
    catch (error) {
        reading = `not checked: ${(0,errors/* oneLine */.T)(error)}`;
    }
    const read = typeof reading === 'string' ? undefined : reading;
    const blast = read
        ? checkBlastRadius(config, read)
        : Promise.resolve({ name: BLAST_RADIUS_CHECK, status: 'unchecked', detail: String(reading) });
    return Promise.all([budget(config, read, api), blast, jit]);
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
/**
 * The team's KEDA cost against its App installation's limit, read with an installation token (the limit every team
 * on the installation shares), or GitHub's documented minimum when verify cannot act as the App.
 */
async function budget(config, reading, api) {
    try {
        const counter = reading?.reader ?? api;
        const [activeRuns, limit] = await Promise.all([
            counter ? (0,api_budget/* countActiveRuns */.QZ)(counter, config) : undefined,
            reading ? coreRateLimit(reading.reader.gh, reading.reader.token) : undefined
        ]);
        const { name, status, detail } = (0,api_budget/* budgetCheck */.qy)({
            repos: config.github.repos.length,
            activeRuns,
            pollingIntervalSeconds: config.runners.pollingIntervalSeconds,
            ...(config.runners.pools ? { poolIntervalsSeconds: (0,core_pools/* runnerPools */.OJ)(config).map(p => p.pollingIntervalSeconds) } : {}),
            hourlyLimit: limit?.limit ?? polling_budget/* INSTALLATION_MINIMUM_HOURLY_LIMIT */.I2,
            usedThisHour: limit?.used,
            limitSource: limit
                ? `installation ${config.github.app.installationId}'s limit`
                : "GitHub's minimum for an App installation; verify could not read the installation's own"
        });
        return { name, status, detail };
    }
    catch (error) {
        return notChecked(api_budget/* BUDGET_CHECK */.JJ, config, error);
    }
}
async function guarded(name, config, run) {
    try {
        return await run();
    }
    catch (error) {
        return notChecked(name, config, error);
    }
}
/** What reading the team's runners takes: the permission, at the config's scope. */
function runnersAccess(config) {
    return config.github.scope === 'org'
        ? 'organization self-hosted runners read (and write for --fix)'
        : 'repository administration read (and write for --fix)';
}
/** The token could not read what the check needs: not checked, with the access to give it. */
function notChecked(name, config, error) {
    return {
        name,
        status: 'unchecked',
        detail: `not checked: ${(0,errors/* oneLine */.T)(error)}: give github-token ${runnersAccess(config)}, e.g. an App installation token`
    };
}
/** No token to read runners with, and none could be minted as the App (`why`). */
function skipped(name, config, why) {
    return {
        name,
        status: 'unchecked',
        detail: `not checked: no token that may read runners (${why}): pass a github-token with ${runnersAccess(config)} (action input github-token, CLI --github-token or GITHUB_TOKEN; a workflow's GITHUB_TOKEN sees no self-hosted runners), or let verify's identity read the App key so it acts as the App`
    };
}
/**
 * Acting as the App (verify's identity read its key), an installation token for the runner checks, narrowed to
 * reading runners: organization self-hosted runners read, or administration read on the team's repositories. Masked;
 * the caller revokes it when verify ends. A string says why none was minted.
 */
async function runnersReadToken(config, app, deps) {
    if (!(0,app_access/* hasAccess */.zl)(app))
        return undefined;
    const scope = app.target.scope === 'org'
        ? { permissions: { organization_self_hosted_runners: 'read' } }
        : { permissions: { administration: 'read' }, repositories: config.github.repos };
    try {
        const minted = await (0,installation/* mintInstallationToken */.i)(app.gh, app.jwt(), app.installationId, app.target, scope);
        deps.mask?.(minted.token);
        return minted;
    }
    catch (error) {
        return (0,errors/* oneLine */.T)(error);
    }
}


/***/ })

};
