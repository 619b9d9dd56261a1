export const id = 3;
export const ids = [3];
export const modules = {

/***/ 91456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _0: () => (/* binding */ detail),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* unused harmony exports defaultSleep, retryDelayMs, createHttpClient, apiMessage */
/**
 * JSON over HTTPS with bounded retries: 5xx, network errors, 429 and GitHub's secondary rate limits
 * (403 with retry-after or an exhausted x-ratelimit-remaining). Delays are injectable for tests.
 */

const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long to wait before retrying this answer, or undefined when it must not be retried. */
function retryDelayMs(status, header, attempt, policy, nowMs) {
    const retryAfter = Number(header('retry-after'));
    const exhausted = header('x-ratelimit-remaining') === '0';
    const reset = Number(header('x-ratelimit-reset'));
    const rateLimited = status === 429 || (status === 403 && (header('retry-after') !== null || exhausted));
    if (status < 500 && !rateLimited)
        return undefined;
    let delay = policy.baseDelayMs * 2 ** (attempt - 1);
    if (header('retry-after') !== null && Number.isFinite(retryAfter))
        delay = retryAfter * 1000;
    else if (exhausted && Number.isFinite(reset))
        delay = reset * 1000 - nowMs;
    return Math.min(Math.max(delay, 0), policy.maxDelayMs);
}
function createHttpClient(policy, now = Date.now) {
    return async (request) => {
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await fetch(request.url, {
                    method: request.method,
                    headers: { accept: 'application/json', ...request.headers, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
                    body: request.body === undefined ? undefined : JSON.stringify(request.body)
                });
            }
            catch (error) {
                if (attempt >= policy.maxAttempts)
                    throw new EntrypointError(`cannot reach ${hostOf(request.url)}: ${causeOf(error)}`);
                await policy.sleep(Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs));
                continue;
            }
            const text = await response.text();
            const delay = retryDelayMs(response.status, (name) => response.headers.get(name), attempt, policy, now());
            if (delay !== undefined && attempt < policy.maxAttempts) {
                await policy.sleep(delay);
                continue;
            }
            return { status: response.status, headers: response.headers, body: parseJson(text) };
        }
    };
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
        return [b.error.code, b.error.message].filter((x) => typeof x === 'string').join(': ');
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


/***/ }),

/***/ 78003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createHttp: () => (/* binding */ createHttp)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _entrypoint_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91456);
/**
 * JSON over HTTPS with node:https, so an in-process caller can trust a test CA (`ca`) while a bundle run relies on
 * NODE_EXTRA_CA_CERTS. Same shape as the entrypoint's client, so its GitHub calls can be reused here.
 */



function createHttp(options = {}) {
    return (req) => new Promise((resolve, reject) => {
        const url = new URL(req.url);
        const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
        const headers = {
            accept: 'application/json',
            'user-agent': 'runner-setup',
            ...req.headers,
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) })
        };
        const send = url.protocol === 'http:' ? node_http__WEBPACK_IMPORTED_MODULE_0__.request : node_https__WEBPACK_IMPORTED_MODULE_1__.request;
        const call = send(url, { method: req.method, headers, ...(options.ca ? { ca: options.ca } : {}), timeout: options.timeoutMs ?? 30_000 }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => {
                const answer = new Headers();
                for (const [name, value] of Object.entries(res.headers))
                    if (value !== undefined)
                        answer.set(name, Array.isArray(value) ? value.join(', ') : value);
                resolve({ status: res.statusCode ?? 0, headers: answer, body: (0,_entrypoint_http_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(Buffer.concat(chunks).toString()) });
            });
            res.on('error', reject);
        });
        call.on('timeout', () => call.destroy(new Error(`no answer from ${url.host} within ${options.timeoutMs ?? 30_000} ms`)));
        call.on('error', (error) => reject(new Error(`cannot reach ${url.host}: ${error.code ?? error.message}`)));
        call.end(payload);
    });
}


/***/ })

};
