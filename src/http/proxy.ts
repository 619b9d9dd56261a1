/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, honoured the same way by every side of every door: the action, the CLI and
 * the runner's PID 1, GitHub (Octokit on the global `fetch`) and Azure (the SDK's own proxy policy) alike.
 *
 * Some hosts are never sent through a proxy, whatever NO_PROXY says: loopback, the instance metadata and managed
 * identity endpoints (their requests carry the identity's secret header, and a proxy could not reach them
 * anyway), and whatever the caller adds (a Key Vault reached through its private endpoint). They are added to
 * NO_PROXY in the process's environment, which the Azure SDK reads when it builds its first pipeline, and Node's
 * built-in proxy support is switched on with the same list for `fetch`.
 * https://nodejs.org/api/http.html#httpsetglobalproxyfromenvproxyenv
 */
import * as http from 'node:http'
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

/** Loopback and the Azure instance metadata service (managed identity on VMs; 169.254.169.254). */
export const NEVER_PROXIED = ['localhost', '127.0.0.1', '::1', '[::1]', '169.254.169.254']

type Env = Record<string, string | undefined>

/** The proxy in use (without credentials, for a log line), or undefined when none is set. */
export function useProxyFromEnv(env: Env = process.env, alsoDirect: string[] = []): string | undefined {
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy
  if (!proxy) return undefined
  const noProxy = noProxyList(env.NO_PROXY || env.no_proxy, alsoDirect)
  env.NO_PROXY = noProxy
  env.no_proxy = noProxy
  // Added in Node 24.14.0; an older Node leaves fetch direct (said in the returned text) while Azure still proxies.
  const setGlobal = (http as { setGlobalProxyFromEnv?: (env: Env) => unknown }).setGlobalProxyFromEnv
  setGlobal?.({
    HTTPS_PROXY: env.HTTPS_PROXY || env.https_proxy,
    HTTP_PROXY: env.HTTP_PROXY || env.http_proxy,
    NO_PROXY: noProxy
  })
  const shown = withoutCredentials(proxy)
  return setGlobal ? shown : `${shown} (Azure only: Node ${process.versions.node} cannot proxy fetch, 24.14 can)`
}

/** NO_PROXY's entries, then the hosts that are never proxied, once each. */
export function noProxyList(noProxy: string | undefined, alsoDirect: string[] = []): string {
  const entries = (noProxy ?? '')
    .split(',')
    .map(entry => entry.trim())
    .filter(entry => entry !== '')
  return [...new Set([...entries, ...NEVER_PROXIED, ...alsoDirect.map(hostOf)])].join(',')
}

/** The host of a URL, or the text itself when it is a host already. */
export function hostOf(urlOrHost: string): string {
  try {
    return new URL(urlOrHost).hostname
  } catch {
    return urlOrHost
  }
}

/**
 * A private address (RFC 1918, carrier-grade NAT, IPv6 unique local): where a private endpoint answers. A name
 * that resolves to one (a Key Vault linked through privatelink.vaultcore.azure.net) is reached directly.
 */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 6) return /^f[cd]/i.test(address)
  const [a, b] = address.split('.').map(Number)
  return (
    a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168) || (a === 100 && b! >= 64 && b! <= 127)
  )
}

function withoutCredentials(proxy: string): string {
  try {
    const url = new URL(proxy)
    url.username = ''
    url.password = ''
    return url.href
  } catch {
    return '(unparsable proxy URL)'
  }
}

/** `[host]` when `url`'s host resolves to a private address (see `isPrivateAddress`), else none. */
export async function directWhenPrivate(url: string): Promise<string[]> {
  const host = hostOf(url)
  try {
    const { address } = await lookup(host)
    return isPrivateAddress(address) ? [host] : []
  } catch {
    return [] // the request itself reports a name that does not resolve
  }
}
