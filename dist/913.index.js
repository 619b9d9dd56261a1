export const id = 913;
export const ids = [913];
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

/***/ 14913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  collectReport: () => (/* binding */ collectReport)
});

// EXTERNAL MODULE: ./src/core/layout.ts
var layout = __webpack_require__(16585);
// EXTERNAL MODULE: ./src/azure/executions.ts
var azure_executions = __webpack_require__(46652);
// EXTERNAL MODULE: ./src/github/api.ts
var github_api = __webpack_require__(28943);
// EXTERNAL MODULE: ./src/github/api-budget.ts
var api_budget = __webpack_require__(31341);
;// CONCATENATED MODULE: ./src/report/github-jobs.ts

/** GitHub returns at most 1,000 runs for a filtered listing (10 pages of 100). */
const MAX_RUN_PAGES = 10;
async function teamJobs(api, config, sinceMs) {
    const { owner, repos, labels } = config.github;
    const since = new Date(sinceMs).toISOString().slice(0, 10);
    const perRepo = await Promise.all(repos.map(async (repo) => {
        const base = `/repos/${(0,github_api/* enc */.f)(owner)}/${(0,github_api/* enc */.f)(repo)}/actions/runs`;
        const runs = await listAll(api, `${base}?created=${(0,github_api/* enc */.f)(`>=${since}`)}`, 'workflow_runs', MAX_RUN_PAGES);
        const jobs = await Promise.all(runs.map(run => listAll(api, `${base}/${run.id}/jobs`, 'jobs')));
        return jobs.flat().map(job => record(repo, job));
    }));
    const team = new Set(labels.map(l => l.toLowerCase()));
    return perRepo
        .flat()
        .filter(j => j.labels.length > 0 && j.labels.every(l => team.has(l.toLowerCase())))
        .map(({ labels: _labels, ...job }) => job);
}
/** Every page of a listing: the small seam between this module and the GitHub client's pagination. */
function listAll(api, path, key, maxPages) {
    return api.list(path, key, maxPages);
}
function record(repo, job) {
    return {
        id: job.id,
        repo,
        name: job.name,
        status: job.status,
        conclusion: job.conclusion,
        labels: job.labels ?? [],
        createdAt: job.created_at,
        ...(job.started_at ? { startedAt: job.started_at } : {}),
        ...(job.completed_at ? { completedAt: job.completed_at } : {}),
        ...(job.runner_name ? { runnerName: job.runner_name } : {})
    };
}

// EXTERNAL MODULE: ./src/report/prices.ts
var prices = __webpack_require__(34882);
;// CONCATENATED MODULE: ./src/report/team-report.ts
/**
 * The figures of `report` for one team, from what GitHub and Azure recorded: the jobs on the team's runners (queue
 * wait = started_at − created_at), the job's executions (each one runner; which of them ran a job, which failed or
 * ended without one), and what the executions cost. Pure: the readers live in collect-report.ts.
 */


const DAY_MS = 86_400_000;
function teamReport(input) {
    const since = input.now - input.days * DAY_MS;
    const jobs = input.jobs.filter(j => Date.parse(j.createdAt) >= since);
    const executions = input.executions.filter(e => e.startTime !== undefined && Date.parse(e.startTime) >= since);
    const waits = jobs.flatMap(waitOf);
    const ranJob = new Set(jobs.map(j => j.runnerName).filter(n => n !== undefined));
    const withJob = executions.filter(e => ranJob.has(e.name));
    const without = executions.filter(e => !ranJob.has(e.name) && !isRunning(e));
    const usage = resourceSeconds(executions, input.size, input.now);
    const createdOf = new Map(jobs.filter(j => j.runnerName).map(j => [j.runnerName, Date.parse(j.createdAt)]));
    const waiting = withJob.filter(e => Date.parse(e.startTime) < createdOf.get(e.name)).length;
    const pooled = input.warmPool ? waiting + without.filter(e => !isFailed(e)).length : 0;
    const conclusions = {};
    for (const j of jobs) {
        const key = j.conclusion ?? j.status;
        conclusions[key] = (conclusions[key] ?? 0) + 1;
    }
    return {
        days: input.days,
        since: new Date(since).toISOString(),
        until: new Date(input.now).toISOString(),
        jobs: {
            total: jobs.length,
            ...waitFigures(waits),
            overThreshold: waits.filter(w => w > input.thresholdSeconds).length,
            thresholdSeconds: input.thresholdSeconds,
            conclusions
        },
        executions: {
            total: executions.length,
            perJob: jobs.length === 0 ? 0 : round(executions.length / jobs.length, 2),
            withJob: withJob.length,
            endedWithoutJob: without.filter(e => !isFailed(e)).length,
            failedBeforeJob: without.filter(isFailed).length,
            failed: executions.filter(isFailed).length,
            running: executions.filter(isRunning).length,
            pooled,
            queueDriven: executions.length - pooled,
            vcpuSeconds: round(usage.vcpuSeconds, 1),
            gibSeconds: round(usage.gibSeconds, 1)
        },
        cost: {
            amount: round((0,prices/* costOf */.ho)(usage, input.prices), 4),
            currency: input.prices.currency,
            vcpuSecond: input.prices.vcpuSecond,
            gibSecond: input.prices.gibSecond,
            source: input.prices.source
        },
        perDay: perDay(jobs, executions, since, input.now),
        github: input.github
    };
}
/** The nearest-rank quantile (no interpolation): a figure that some job really waited. */
function quantile(values, q) {
    if (values.length === 0)
        return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
/** vCPU-seconds and GiB-seconds: each execution's size times how long it ran (until now if it still runs). */
function resourceSeconds(executions, size, now) {
    let vcpuSeconds = 0;
    let gibSeconds = 0;
    for (const e of executions) {
        if (!e.startTime)
            continue;
        const end = e.endTime ? Date.parse(e.endTime) : now;
        const seconds = Math.max(0, end - Date.parse(e.startTime)) / 1000;
        vcpuSeconds += seconds * (e.cpu ?? size.cpu);
        gibSeconds += seconds * (e.memoryGi ?? size.memoryGi);
    }
    return { vcpuSeconds, gibSeconds };
}
function waitOf(job) {
    if (!job.startedAt)
        return [];
    return [Math.max(0, (Date.parse(job.startedAt) - Date.parse(job.createdAt)) / 1000)];
}
function waitFigures(waits) {
    return {
        started: waits.length,
        p50Seconds: round(quantile(waits, 0.5), 1),
        p95Seconds: round(quantile(waits, 0.95), 1)
    };
}
/** Every UTC day of the period (and any later day a record has, should a clock run ahead), zeros included. */
function perDay(jobs, executions, since, now) {
    const days = [];
    const last = Math.max(now, ...jobs.map(j => Date.parse(j.createdAt)), ...executions.map(e => Date.parse(e.startTime)));
    for (let t = Math.floor(since / DAY_MS) * DAY_MS; t <= last; t += DAY_MS) {
        const day = new Date(t).toISOString().slice(0, 10);
        const mine = jobs.filter(j => j.createdAt.slice(0, 10) === day);
        days.push({
            day,
            jobs: mine.length,
            ...waitFigures(mine.flatMap(waitOf)),
            executions: executions.filter(e => e.startTime.slice(0, 10) === day).length
        });
    }
    return days;
}
const isFailed = (e) => e.status.toLowerCase() === 'failed';
const isRunning = (e) => (0,azure_executions/* isActiveExecution */.p)(e.status);
function round(value, digits) {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}

;// CONCATENATED MODULE: ./src/report/collect-report.ts







async function collectReport(config, options, deps) {
    const now = (deps.now ?? Date.now)();
    let requests = 0;
    const counted = Object.assign((request) => {
        requests++;
        return deps.http(request);
    }, { backoff: deps.http.backoff, maxAttempts: deps.http.maxAttempts });
    const api = (0,github_api/* createGitHubApi */._)({ apiUrl: options.githubApiUrl ?? config.github.apiUrl, http: counted }, deps.githubToken);
    const [jobs, executions] = await Promise.all([
        teamJobs(api, config, now - options.days * 86_400_000),
        Promise.all((0,layout/* teamLayout */.YM)(config).jobs.map(job => (0,azure_executions/* listJobExecutions */.P)(deps.clients, job.id))).then(all => all.flat())
    ]);
    // The report reads GitHub with the workflow's token, whose own limit is not the App installation's that KEDA
    // spends: the share is against GitHub's documented minimum for an installation (verify reads the real one).
    const hourlyLimit = api_budget/* INSTALLATION_MINIMUM_HOURLY_LIMIT */.I2;
    const share = (0,api_budget/* callsPerHour */.BV)((0,api_budget/* callsPerPoll */.U7)(config.github.repos.length), config.runners.pollingIntervalSeconds) / hourlyLimit;
    return teamReport({
        days: options.days,
        now,
        jobs,
        executions,
        size: { cpu: config.runners.cpu, memoryGi: parseFloat(config.runners.memory) },
        prices: (0,prices/* priceTable */.qx)(config.runners.price, options.price),
        thresholdSeconds: options.thresholdSeconds,
        warmPool: config.runners.warmPool !== undefined,
        github: { requests, budgetShare: Math.round(share * 1000) / 1000, hourlyLimit }
    });
}


/***/ })

};
