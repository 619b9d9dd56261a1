export const id = 98;
export const ids = [98];
export const modules = {

/***/ 18098:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OIDC_AUDIENCE: () => (/* binding */ OIDC_AUDIENCE),
/* harmony export */   createCredential: () => (/* binding */ createCredential)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88179);
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73016);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43714);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85670);
/** Azure sign-in: GitHub OIDC federation in a workflow, the Azure CLI (or the default chain) on a laptop. */




const OIDC_AUDIENCE = 'api://AzureADTokenExchange';
/** GitHub OIDC tokens live 5-10 minutes; reusing one for a minute keeps every Entra exchange well inside that. */
const ASSERTION_REUSE_MS = 60_000;
function createCredential(settings, options = {}) {
    return settings.signIn === 'oidc' ? oidcCredential(settings, options) : laptopCredential(settings, options);
}
function oidcCredential(settings, options) {
    const env = options.env ?? process.env;
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AzureError */ .M6('The workflow job needs `permissions: id-token: write` to sign in to Azure with OIDC: add `permissions: { id-token: write, contents: read }` to the job that runs runner-setup.');
    }
    if (!settings.tenantId || !settings.clientId) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AzureError */ .M6('OIDC sign-in needs the Azure tenant id and client id: set the `tenant-id` and `client-id` inputs (CLI: --tenant-id and --client-id, or AZURE_TENANT_ID and AZURE_CLIENT_ID) of the identity with a federated credential for this repository.');
    }
    const authorityHost = settings.authorityHost || _settings_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_AUTHORITY_HOST */ .j;
    const getIdToken = options.getIdToken ?? ((audience) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9(audience));
    // MSAL asks for the assertion twice per sign-in; one GitHub token serves both, but never one older than a minute.
    let recent;
    const getAssertion = () => {
        const now = Date.now();
        if (!recent || now - recent.at > ASSERTION_REUSE_MS) {
            const token = getIdToken(OIDC_AUDIENCE).catch((error) => {
                recent = undefined;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AzureError */ .M6(`Could not get a GitHub OIDC token (${firstLine(error)}): check that the job has \`permissions: id-token: write\`.`);
            });
            recent = { token, at: now };
        }
        return recent.token;
    };
    return new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .ClientAssertionCredential */ .XI(settings.tenantId, settings.clientId, getAssertion, {
        authorityHost,
        // Instance discovery would call login.microsoftonline.com, which a sovereign cloud or the emulator is not.
        disableInstanceDiscovery: !sameHost(authorityHost, _settings_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_AUTHORITY_HOST */ .j),
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
    });
}
function laptopCredential(settings, options) {
    const common = {
        ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
    };
    // `az login` first (fast, what platform engineers use); then env vars, workload or managed identity.
    return new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .ChainedTokenCredential */ .Rk(new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .AzureCliCredential */ .nG(common), new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .DefaultAzureCredential */ .gv({ ...common, authorityHost: settings.authorityHost || _settings_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_AUTHORITY_HOST */ .j }));
}
function sameHost(a, b) {
    return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}
function firstLine(error) {
    const text = error instanceof Error ? error.message : String(error);
    return text.split('\n')[0];
}


/***/ })

};
