import { describe, expect, it } from '@jest/globals'
import { contains, formatCidr, overlaps, parseCidr, parseIpv4, sizeOf, type Cidr } from '../../src/config/cidr.js'
import { problemsOrNone, withLine } from './helpers.js'
import { seeded as prng } from '../core/random.js'

function addresses(cidr: Cidr): Set<number> {
  return new Set(Array.from({ length: sizeOf(cidr) }, (_, i) => cidr.base + i))
}

describe('CIDR', () => {
  it('round-trips formatting and parsing for random networks', () => {
    const random = prng(1)
    for (let i = 0; i < 500; i++) {
      const cidr = { base: 0, prefix: Math.floor(random() * 33) }
      cidr.base =
        (Math.floor(random() * 2 ** 32) & (cidr.prefix === 0 ? 0 : (0xffffffff << (32 - cidr.prefix)) >>> 0)) >>> 0
      expect(parseCidr(formatCidr(cidr))).toEqual({ ok: true, cidr })
    }
  })

  it('refuses host bits and names the network address', () => {
    expect(parseCidr('10.90.0.5/24')).toEqual({ ok: false, reason: 'host-bits', network: '10.90.0.0/24' })
    expect(parseCidr('10.90.1.0/23')).toEqual({ ok: false, reason: 'host-bits', network: '10.90.0.0/23' })
  })

  it.each([
    '10.90.0.0',
    '10.90.0/24',
    '10.90.0.0/33',
    '256.0.0.0/8',
    '10.090.0.0/16',
    ' 10.0.0.0/8',
    '10.0.0.0/-1',
    '10.0.0.0/08'
  ])('refuses %j', text => {
    expect(parseCidr(text)).toEqual({ ok: false, reason: 'syntax' })
  })

  it('parses IPv4 addresses at the edges', () => {
    expect([parseIpv4('0.0.0.0'), parseIpv4('255.255.255.255'), parseIpv4('1.2.3'), parseIpv4('1.2.3.04')]).toEqual([
      0,
      4294967295,
      undefined,
      undefined
    ])
  })

  it('contains and overlaps agree with a brute-force comparison of address sets', () => {
    const random = prng(42)
    let containing = 0
    let overlapping = 0
    for (let i = 0; i < 400; i++) {
      // Prefixes /22-/30 inside one /22 keep the sets small and make containment and overlap common.
      const pick = (): Cidr => {
        const prefix = 22 + Math.floor(random() * 9)
        const offset = Math.floor(random() * 1024)
        const mask = (0xffffffff << (32 - prefix)) >>> 0
        return { base: ((0x0a5a0000 + offset) & mask) >>> 0, prefix }
      }
      const a = pick()
      const b = pick()
      const setA = addresses(a)
      const setB = addresses(b)
      const bInA = [...setB].every(x => setA.has(x))
      const shared = [...setB].some(x => setA.has(x))
      expect([formatCidr(a), formatCidr(b), contains(a, b), overlaps(a, b)]).toEqual([
        formatCidr(a),
        formatCidr(b),
        bInA,
        shared
      ])
      if (bInA) containing++
      if (shared) overlapping++
    }
    // The generator must actually exercise both outcomes.
    expect(containing).toBeGreaterThan(40)
    expect(overlapping).toBeGreaterThan(containing)
    expect(overlapping).toBeLessThan(360)
  })

  it('accepts exactly the subnets of /27 or larger inside the address space', () => {
    const random = prng(7)
    for (let i = 0; i < 150; i++) {
      const prefix = 22 + Math.floor(random() * 9)
      const base = (0x0a5c0000 + Math.floor(random() * 1024) * 4) & ((0xffffffff << (32 - prefix)) >>> 0)
      const subnet = formatCidr({ base: base >>> 0, prefix })
      const text = withLine(7, '  addressSpace: 10.92.0.0/22').replace('subnet: 10.92.0.0/27', `subnet: ${subnet}`)
      const space = { base: 0x0a5c0000, prefix: 22 }
      const inside = contains(space, { base: base >>> 0, prefix })
      const problems = problemsOrNone(text)
      const expected = [
        ...(prefix > 27 ? [`team.yaml:8:11: network.subnet: ${subnet} is smaller than /27`] : []),
        ...(inside ? [] : [`team.yaml:8:11: network.subnet: ${subnet} is not inside the address space 10.92.0.0/22`])
      ]
      expect(problems).toEqual(expected)
    }
  })
})
