export const id = 982;
export const ids = [982];
export const modules = {

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
