/** IPv4 addresses and CIDR ranges as plain numbers: parse, contain, overlap. Pure; no network types from Node. */

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  base: number
  prefix: number
}

export type CidrParse =
  { ok: true; cidr: Cidr } | { ok: false; reason: 'syntax' } | { ok: false; reason: 'host-bits'; network: string }

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`)

export function parseIpv4(text: string): number | undefined {
  const m = IPV4.exec(text)
  if (!m) return undefined
  return ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map(shift => (address >>> shift) & 255).join('.')
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIpv4(cidr.base)}/${cidr.prefix}`
}

/** Parses `a.b.c.d/n`; host bits must be zero, so `10.90.0.5/24` is refused with its network address. */
export function parseCidr(text: string): CidrParse {
  const m = /^([0-9.]+)\/(3[0-2]|[12]?\d)$/.exec(text)
  const address = m ? parseIpv4(m[1]) : undefined
  if (!m || address === undefined) return { ok: false, reason: 'syntax' }
  const prefix = Number(m[2])
  const base = (address & maskOf(prefix)) >>> 0
  if (base !== address) return { ok: false, reason: 'host-bits', network: formatCidr({ base, prefix }) }
  return { ok: true, cidr: { base, prefix } }
}

/** Number of addresses in the range. */
export function sizeOf(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix)
}

/** True when every address of `inner` is in `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && (inner.base & maskOf(outer.prefix)) >>> 0 === outer.base
}

/** Two aligned ranges overlap exactly when one contains the other. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a)
}
