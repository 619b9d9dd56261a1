/** IPv4 CIDR arithmetic for Azure's address-space checks. */
export interface Range {
  start: number
  end: number
}

export function parseCidr(cidr: unknown): Range | undefined {
  if (typeof cidr !== 'string') return undefined
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr)
  if (match === null) return undefined
  const octets = match.slice(1, 5).map(Number)
  const bits = Number(match[5])
  if (octets.some(o => o > 255) || bits > 32) return undefined
  const address = octets.reduce((acc, o) => acc * 256 + o, 0)
  const size = 2 ** (32 - bits)
  const start = address - (address % size)
  return { start, end: start + size - 1 }
}

export const contains = (outer: Range, inner: Range): boolean => outer.start <= inner.start && inner.end <= outer.end
export const overlaps = (a: Range, b: Range): boolean => a.start <= b.end && b.start <= a.end

/** All ranges of a list of CIDRs, skipping malformed ones. */
export const ranges = (cidrs: unknown): Range[] =>
  (Array.isArray(cidrs) ? cidrs : []).map(parseCidr).filter((r): r is Range => r !== undefined)
