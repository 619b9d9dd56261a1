export const id = 889;
export const ids = [889];
export const modules = {

/***/ 71889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOnboarding: () => (/* binding */ createOnboarding)
});

// EXTERNAL MODULE: ./src/core/actual.ts
var core_actual = __webpack_require__(32041);
// EXTERNAL MODULE: ./src/core/ownership.ts
var ownership = __webpack_require__(13314);
// EXTERNAL MODULE: ./src/core/plan.ts + 3 modules
var core_plan = __webpack_require__(56884);
// EXTERNAL MODULE: ./src/azure/arm-id.ts
var arm_id = __webpack_require__(50899);
// EXTERNAL MODULE: ./src/azure/clients.ts + 1 modules
var azure_clients = __webpack_require__(86647);
// EXTERNAL MODULE: ./src/azure/discover.ts + 1 modules
var discover = __webpack_require__(30869);
// EXTERNAL MODULE: ./src/azure/errors.ts + 1 modules
var errors = __webpack_require__(85670);
// EXTERNAL MODULE: ./src/azure/execute.ts + 1 modules
var azure_execute = __webpack_require__(377);
// EXTERNAL MODULE: ./src/azure/read.ts
var read = __webpack_require__(87279);
// EXTERNAL MODULE: ./src/azure/resources/index.ts + 9 modules
var resources = __webpack_require__(12666);
// EXTERNAL MODULE: ./src/azure/timing.ts
var azure_timing = __webpack_require__(96513);
// EXTERNAL MODULE: ./src/commands/onboard/constraints.ts
var constraints = __webpack_require__(45170);
// EXTERNAL MODULE: ./src/commands/onboard/identities.ts + 1 modules
var onboard_identities = __webpack_require__(42589);
// EXTERNAL MODULE: ./src/core/layout.ts
var core_layout = __webpack_require__(16585);
;// CONCATENATED MODULE: ./src/commands/onboard/next-steps.ts

function onboardNextSteps(config, target, layout, clientIds) {
    const { owner, repos, app } = config.github;
    const vaultName = config.github.app.keyVaultId.split('/').at(-1);
    const setup = layout.identities.find(i => i.spec.purpose === 'setup');
    const clientId = (setup && clientIds.get(setup.id.toLowerCase())) ?? '<the client id printed by onboard>';
    const [repoOwner, repoName] = target.repository.split('/');
    return [
        `GitHub App ${app.id}: it must be installed on ${owner} with installation ${app.installationId} covering ${repos.join(', ')} (organisation "Self-hosted runners: read and write"; repository "Administration: read and write", "Actions: read", "Metadata: read"). Creating an App and installing it is done in GitHub's settings, not through an API onboarding can call.`,
        `Store the App's private key once: az keyvault secret set --vault-name ${vaultName} --name ${(0,core_layout/* secretName */.Gf)(app.privateKeySecretUri)} --file <the-app-key.pem>`,
        `In ${target.repository}, create the environment "${target.environment}" and its variables: gh api -X PUT repos/${repoOwner}/${repoName}/environments/${target.environment} && gh variable set AZURE_CLIENT_ID --repo ${target.repository} --env ${target.environment} --body ${clientId} && gh variable set AZURE_TENANT_ID --repo ${target.repository} --env ${target.environment} --body <your tenant id>`
    ];
}
function offboardNextSteps(config, layout) {
    const group = layout.resourceGroupId.split('/').at(-1);
    return [
        `The resource group ${group} is kept (runner-setup never deletes a resource group): az group delete --subscription ${config.azure.subscriptionId} --name ${group}, once nothing else lives in it.`
    ];
}

// EXTERNAL MODULE: ./src/verify/app-access.ts + 2 modules
var app_access = __webpack_require__(96175);
// EXTERNAL MODULE: ./src/verify/runner-group.ts
var runner_group = __webpack_require__(65465);
// EXTERNAL MODULE: ./src/http/errors.ts
var http_errors = __webpack_require__(58549);
// EXTERNAL MODULE: ./src/github/installation.ts
var installation = __webpack_require__(22339);
// EXTERNAL MODULE: ./src/http/json-client.ts
var json_client = __webpack_require__(40070);
// EXTERNAL MODULE: ./src/github/rest.ts
var rest = __webpack_require__(66417);
;// CONCATENATED MODULE: ./src/github/runner-group-admin.ts
/** Writing an organisation's runner group (onboarding): create it, restrict it, set its repositories. */



/** Repository ids by lowercased name, of every repository the installation token reaches. */
async function installationRepositoryIds(gh, token) {
    const repos = await (0,rest/* paginate */.En)(gh, '/installation/repositories', token, 'repositories');
    return new Map(repos.map(r => [r.name.toLowerCase(), r.id]));
}
async function createRunnerGroup(gh, token, org, name, restriction) {
    const response = await (0,rest/* call */.T1)(gh, 'POST', `/orgs/${(0,rest/* enc */.fk)(org)}/actions/runner-groups`, token, {
        name,
        visibility: 'selected',
        selected_repository_ids: restriction.repositoryIds,
        allows_public_repositories: restriction.allowPublicRepos
    });
    expectStatus(response, 201, `creating runner group "${name}" in ${org}`);
    return response.body;
}
async function restrictRunnerGroup(gh, token, org, id, restriction) {
    const group = `/orgs/${(0,rest/* enc */.fk)(org)}/actions/runner-groups/${id}`;
    const patched = await (0,rest/* call */.T1)(gh, 'PATCH', group, token, { visibility: 'selected', allows_public_repositories: restriction.allowPublicRepos }, { idempotent: true });
    expectStatus(patched, 200, `restricting runner group ${id} in ${org}`);
    const set = await (0,rest/* call */.T1)(gh, 'PUT', `${group}/repositories`, token, { selected_repository_ids: restriction.repositoryIds }, { idempotent: true });
    expectStatus(set, 204, `setting the repositories of runner group ${id} in ${org}`);
}
function expectStatus(response, status, what) {
    if (response.status !== status)
        throw new http_errors/* CallError */.R(`${what} failed (HTTP ${response.status}${(0,json_client.detail)(response.body)})`, response.status);
}

// EXTERNAL MODULE: ./src/github/runners.ts
var runners = __webpack_require__(20356);
;// CONCATENATED MODULE: ./src/commands/onboard/runner-group.ts






async function ensureRunnerGroup(config, access, dryRun) {
    const { owner, runnerGroup, repos, allowPublicRepos } = config.github;
    if (config.github.scope === 'repo')
        return { action: 'noop', detail: "repository scope: runners join each repository's Default group" };
    if (!(0,app_access/* hasAccess */.zl)(access))
        return {
            action: 'skipped',
            detail: `runner group "${runnerGroup}" not checked: ${access.why}; once the App key is stored, run onboard again`
        };
    try {
        const target = { scope: 'org', owner };
        const { token } = await (0,installation/* mintInstallationToken */.i)(access.gh, access.jwt(), access.installationId, target, {
            permissions: { organization_self_hosted_runners: 'write' }
        });
        const ids = await installationRepositoryIds(access.gh, token);
        const unreachable = repos.filter(r => !ids.has(r.toLowerCase()));
        if (unreachable.length > 0)
            return {
                action: 'error',
                detail: `the App installation ${access.installationId} does not reach ${unreachable.join(', ')}: add them to the installation, then run onboard again`
            };
        const restriction = { repositoryIds: repos.map(r => ids.get(r.toLowerCase())), allowPublicRepos };
        const group = await (0,runners/* findRunnerGroup */.ZR)(access.gh, token, owner, runnerGroup);
        if (!group) {
            if (!dryRun)
                await createRunnerGroup(access.gh, token, owner, runnerGroup, restriction);
            return { action: 'create', detail: `runner group "${runnerGroup}" in ${owner} for ${repos.join(', ')}` };
        }
        const selected = group.visibility === 'selected' ? await (0,runners/* runnerGroupRepositories */.GH)(access.gh, token, owner, group.id) : [];
        const problems = (0,runner_group/* runnerGroupProblems */.qB)(group, selected, config);
        if (problems.length === 0)
            return { action: 'noop', detail: `runner group "${runnerGroup}" is restricted to ${repos.join(', ')}` };
        if (!dryRun)
            await restrictRunnerGroup(access.gh, token, owner, group.id, restriction);
        return { action: 'update', detail: `runner group "${runnerGroup}": ${problems.join('; ')}` };
    }
    catch (error) {
        return { action: 'error', detail: `runner group "${runnerGroup}": ${(0,http_errors/* oneLine */.T)(error)}` };
    }
}

;// CONCATENATED MODULE: ./src/commands/onboard/run.ts
















function createOnboarding(options) {
    const timing = { ...azure_timing/* defaultTiming */.Q, ...options.timing };
    const clients = (0,azure_clients.createClients)(options);
    const adapters = (0,resources/* createAdapters */.T)(clients, {
        sleep: timing.sleep,
        now: () => timing.clock.now(),
        pollMs: timing.executionPollMs,
        timeoutMs: timing.executionStopTimeoutMs
    });
    const endpoint = clients.endpoint;
    const readOptions = { adapters, endpoint };
    const execute = (plan) => (0,azure_execute/* executePlan */.v)(plan, { adapters, logger: options.logger, timing, endpoint });
    const observe = async (config, target) => {
        const desired = (0,onboard_identities/* onboardingResources */.HH)(config, target);
        const [actual] = await Promise.all([(0,read/* readEach */.e2)(desired, readOptions), requirePlatformGroup(target.platformGroupId)]);
        return { desired, actual, verdicts: (0,ownership/* judgeOwnership */.J8)(desired, actual, config.team) };
    };
    const requirePlatformGroup = async (id) => {
        const found = await adapters.resourceGroup.get(id).catch(error => {
            throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `read the platform resource group ${id}`, endpoint));
        });
        if (!found) {
            const name = id.split('/').at(-1);
            throw new errors/* AzureError */.M6(`The platform resource group ${id} does not exist: create it once (az group create --subscription ${(0,arm_id/* parseArmId */.fk)(id).subscriptionId} --name ${name} --location <region>); the teams' identities live there, never in a team's group.`);
        }
    };
    /** Other credentials already on each identity onboarding writes one to: Azure allows 20 per identity. */
    const checkCredentialLimits = async (plan) => {
        const creating = plan.entries.filter(e => e.kind === 'federatedCredential' && e.action === 'create');
        await Promise.all(creating.map(async (entry) => {
            const identityId = entry.id.slice(0, entry.id.toLowerCase().lastIndexOf('/federatedidentitycredentials/'));
            const existing = await countCredentials(clients, identityId, entry.id);
            const problem = (0,constraints/* credentialLimitProblem */.ij)(identityId, existing, 1);
            if (problem)
                throw new errors/* AzureError */.M6(problem);
        }));
    };
    return {
        async onboard(config, target, dryRun) {
            const { desired, actual, verdicts } = await observe(config, target);
            const plan = (0,core_plan/* planApply */._$)(desired, { actual, verdicts });
            await checkCredentialLimits(plan);
            const writes = dryRun ? [] : await execute(plan);
            const layout = (0,onboard_identities/* onboardLayout */.AK)(config, target);
            const identities = dryRun
                ? actual
                : await (0,read/* readEach */.e2)(desired.filter(r => r.kind === 'identity'), readOptions);
            const clientIds = new Map(layout.identities.map(i => {
                const clientId = (0,core_actual/* findActual */._q)(identities, i.id)?.body.clientId;
                return [i.id.toLowerCase(), typeof clientId === 'string' ? clientId : undefined];
            }));
            const access = await (0,app_access/* openAppAccess */.yH)(config, {
                gh: options.github(config.github.apiUrl),
                http: options.http,
                credential: options.credential,
                keyVaultEndpoint: options.keyVaultEndpoint,
                now: () => timing.clock.now()
            });
            const runnerGroup = await ensureRunnerGroup(config, access, dryRun);
            const nextSteps = onboardNextSteps(config, target, layout, clientIds);
            return { plan, counts: (0,core_plan/* countActions */.Bd)(plan), writes, nextSteps, runnerGroup, grants: grantLines(layout) };
        },
        async offboard(config, target, dryRun) {
            const layout = (0,onboard_identities/* onboardLayout */.AK)(config, target);
            const runners = await (0,discover/* listTagged */.zh)(clients, layout.resourceGroupId, config.team, endpoint);
            if (runners.length > 0)
                throw new errors/* AzureError */.M6(`Team ${config.team}'s runner resources still exist (${runners.map(r => r.id.split('/').at(-1)).join(', ')}): run destroy first; offboarding removes the identity that teardown signs in with.`);
            const { desired, actual, verdicts } = await observe(config, target);
            const plan = (0,core_plan/* planDestroy */.Ub)(desired, { actual, verdicts });
            const writes = dryRun ? [] : await execute(plan);
            return {
                plan,
                counts: (0,core_plan/* countActions */.Bd)(plan),
                writes,
                nextSteps: offboardNextSteps(config, layout),
                grants: grantLines(layout)
            };
        }
    };
}
async function countCredentials(clients, identityId, except) {
    const parsed = (0,arm_id/* parseArmId */.fk)(identityId);
    let count = 0;
    try {
        for await (const credential of clients
            .identities(parsed.subscriptionId)
            .federatedIdentityCredentials.list((0,arm_id/* requireResourceGroup */.vk)(parsed, identityId), parsed.names[0] ?? '')) {
            if (credential.id?.toLowerCase() !== except.toLowerCase())
                count++;
        }
    }
    catch (error) {
        if (error.statusCode === 404)
            return 0;
        throw new errors/* AzureError */.M6((0,errors/* describeAzureError */.pv)(error, `list the federated credentials of ${identityId}`));
    }
    return count;
}
function grantLines(layout) {
    return layout.identities.flatMap(identity => identity.grants.map(g => `${identity.id.split('/').at(-1)}: ${g.role}${g.condition ? ' (conditional)' : ''} on ${g.scope} (${g.id.split('/').at(-1)}): ${g.why}`));
}


/***/ }),

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


/***/ })

};
