export const id = 1;
export const ids = [1];
export const modules = {

/***/ 61001:
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
// EXTERNAL MODULE: ./src/core/pools.ts
var core_pools = __webpack_require__(16268);
// EXTERNAL MODULE: ./src/usage/pool-report.ts
var pool_report = __webpack_require__(69476);
// EXTERNAL MODULE: ./src/core/polling-budget.ts
var polling_budget = __webpack_require__(18428);
;// CONCATENATED MODULE: ./src/usage/github-jobs.ts
/**
 * The team's workflow jobs over a period, read from GitHub at a bounded cost: per repository one date-filtered
 * listing of runs (`created=>=DATE`, 100 per page), then one listing of jobs per run. Only jobs whose every label is
 * one of the team's labels are kept: those are the jobs KEDA counts for the team's runners (noDefaultLabels).
 * Each call goes through `listAll`, the one place that pages.
 */


/** GitHub returns at most 1,000 runs for a filtered listing (10 pages of 100). */
const MAX_RUN_PAGES = 10;
async function teamJobs(api, config, sinceMs) {
    const { owner, repos } = config.github;
    const since = new Date(sinceMs).toISOString().slice(0, 10);
    const perRepo = await Promise.all(repos.map(async (repo) => {
        const base = `/repos/${(0,github_api/* enc */.f)(owner)}/${(0,github_api/* enc */.f)(repo)}/actions/runs`;
        const runs = await listAll(api, `${base}?created=${(0,github_api/* enc */.f)(`>=${since}`)}`, 'workflow_runs', MAX_RUN_PAGES);
        const jobs = await Promise.all(runs.map(run => listAll(api, `${base}/${run.id}/jobs`, 'jobs')));
        return jobs.flat().map(job => record(repo, job));
    }));
    // A job is the team's when every label it asks for is one of a pool's labels: what that pool's KEDA rule counts.
    const pools = (0,core_pools/* runnerPools */.OJ)(config).map(pool => new Set(pool.labels.map(l => l.toLowerCase())));
    return perRepo
        .flat()
        .filter(j => j.labels.length > 0 && pools.some(pool => j.labels.every(l => pool.has(l.toLowerCase()))))
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

// EXTERNAL MODULE: ./src/core/prices.ts
var prices = __webpack_require__(27141);
// EXTERNAL MODULE: ./src/usage/team-report.ts
var team_report = __webpack_require__(62709);
;// CONCATENATED MODULE: ./src/usage/collect-report.ts









async function collectReport(config, options, deps) {
    const now = (deps.now ?? Date.now)();
    let requests = 0;
    const gh = deps.github(options.githubApiUrl ?? config.github.apiUrl);
    const request = gh.octokit.request;
    const counted = ((...args) => {
        requests++;
        return request(...args);
    });
    const api = (0,github_api/* createGitHubApi */._)({ ...gh, octokit: { request: counted } }, deps.githubToken);
    const [jobs, executions] = await Promise.all([
        teamJobs(api, config, now - options.days * 86_400_000),
        Promise.all((0,layout/* teamLayout */.YM)(config).jobs.map(job => (0,azure_executions/* listJobExecutions */.P)(deps.clients, job.id))).then(all => all.flat())
    ]);
    // The report reads GitHub with the workflow's token, whose own limit is not the App installation's that KEDA
    // spends: the share is against GitHub's documented minimum for an installation (verify reads the real one).
    const hourlyLimit = polling_budget/* INSTALLATION_MINIMUM_HOURLY_LIMIT */.I2;
    // Every pool's rule polls GitHub on its own interval: the share is their sum.
    const share = (0,core_pools/* runnerPools */.OJ)(config).reduce((sum, pool) => sum + (0,polling_budget/* callsPerHour */.BV)((0,polling_budget/* callsPerPoll */.U7)(config.github.repos.length), pool.pollingIntervalSeconds), 0) / hourlyLimit;
    const input = {
        days: options.days,
        now,
        jobs,
        executions,
        size: { cpu: config.runners.cpu, memoryGi: parseFloat(config.runners.memory) },
        prices: (0,prices/* priceTable */.qx)(config.runners.price, options.price),
        thresholdSeconds: options.thresholdSeconds,
        warmPool: (0,core_pools/* runnerPools */.OJ)(config).some(pool => pool.warmPool !== undefined),
        github: { requests, budgetShare: Math.round(share * 1000) / 1000, hourlyLimit }
    };
    const pools = (0,pool_report/* poolReportRows */.W)(config, input);
    return { ...(0,team_report/* teamReport */.Ye)(input), ...(pools.length > 0 ? { pools } : {}) };
}


/***/ })

};
