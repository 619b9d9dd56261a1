export const id = 139;
export const ids = [139,982];
export const modules = {

/***/ 23139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClients: () => (/* binding */ createClients)
/* harmony export */ });
/* harmony import */ var _azure_arm_appcontainers__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96684);
/* harmony import */ var _azure_arm_authorization__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(71043);
/* harmony import */ var _azure_arm_monitor__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92729);
/* harmony import */ var _azure_arm_msi__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54361);
/* harmony import */ var _azure_arm_network__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12163);
/* harmony import */ var _azure_arm_privatedns__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(19998);
/* harmony import */ var _azure_arm_resources__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56033);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(43714);
/* harmony import */ var _shared_token_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(52982);









function createClients(options) {
    const endpoint = (options.endpoint ?? _settings_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_ARM_ENDPOINT */ .x).replace(/\/+$/, '');
    const scope = options.scope ?? `${endpoint}/.default`;
    const pipeline = {
        endpoint,
        ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
    };
    // Two SDK generations: the modular clients take `credentials.scopes`, the older core-client ones `credentialScopes`.
    const modular = { ...pipeline, credentials: { scopes: [scope] } };
    const classic = { ...pipeline, credentialScopes: [scope] };
    const cred = (0,_shared_token_js__WEBPACK_IMPORTED_MODULE_7__.sharedTokenCredential)(options.credential);
    const network = lazy(sub => new _azure_arm_network__WEBPACK_IMPORTED_MODULE_3__/* .NetworkManagementClient */ .D76(cred, sub, modular));
    const apps = lazy(sub => new _azure_arm_appcontainers__WEBPACK_IMPORTED_MODULE_0__/* .ContainerAppsAPIClient */ .tV(cred, sub, modular));
    const dns = lazy(sub => new _azure_arm_privatedns__WEBPACK_IMPORTED_MODULE_4__/* .PrivateDnsManagementClient */ .F5(cred, sub, modular));
    const monitor = lazy(sub => new _azure_arm_monitor__WEBPACK_IMPORTED_MODULE_1__/* .MonitorClient */ .UK(cred, sub, modular));
    const resources = lazy(sub => new _azure_arm_resources__WEBPACK_IMPORTED_MODULE_5__/* .ResourceManagementClient */ .h0(cred, sub, modular));
    const identities = lazy(sub => new _azure_arm_msi__WEBPACK_IMPORTED_MODULE_2__/* .ManagedServiceIdentityClient */ .Gs(cred, sub, classic));
    const authorization = lazy(sub => new _azure_arm_authorization__WEBPACK_IMPORTED_MODULE_8__/* .AuthorizationManagementClient */ .IK(cred, sub, classic));
    return {
        network,
        apps,
        dns,
        identities,
        authorization,
        monitor,
        resources,
        lroOptions: options.updateIntervalInMs === undefined ? {} : { updateIntervalInMs: options.updateIntervalInMs },
        endpoint
    };
}
function lazy(make) {
    const cache = new Map();
    return subscriptionId => {
        const key = subscriptionId.toLowerCase();
        let client = cache.get(key);
        if (!client) {
            client = make(subscriptionId);
            cache.set(key, client);
        }
        return client;
    };
}


/***/ }),

/***/ 52982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sharedTokenCredential: () => (/* binding */ sharedTokenCredential)
/* harmony export */ });
/** Renew this long before expiry, like the SDK's own bearer policy. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/**
 * One token for every SDK client. Each ARM client has its own bearer policy and would sign in on its own: with
 * OIDC that is a GitHub token request plus an Entra exchange per client. Sharing the token (and the request in
 * flight) makes sign-in one exchange per run, so reads start after one sign-in instead of eight.
 */
function sharedTokenCredential(inner, now = Date.now) {
    const cache = new Map();
    return {
        async getToken(scopes, options) {
            const key = [scopes].flat().join(' ');
            const cached = cache.get(key);
            if (cached) {
                const token = await cached.catch(() => null);
                if (token && token.expiresOnTimestamp - REFRESH_MARGIN_MS > now())
                    return token;
            }
            const pending = inner.getToken(scopes, options);
            cache.set(key, pending);
            pending.catch(() => cache.delete(key));
            return pending;
        }
    };
}


/***/ })

};
