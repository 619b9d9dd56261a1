/** A seeded PRNG (mulberry32) and generators of valid inputs, so property tests are random yet reproducible. */

export type Random = () => number

export function seeded(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

export function pickChar(random: Random, chars: string): string {
  return chars[Math.floor(random() * chars.length)]
}

export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const ALNUM = `${LETTERS}0123456789`

/** `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`, 2..20 characters; hyphens often, to stress prefix/suffix ambiguity. */
export function teamName(random: Random): string {
  const length = between(random, 2, 20)
  let name = pickChar(random, LETTERS)
  while (name.length < length) {
    const hyphenOk = !name.endsWith('-') && name.length < length - 1
    name += hyphenOk && random() < 0.25 ? '-' : pickChar(random, ALNUM)
  }
  return name
}

/** GitHub repository names: letters, digits, `-`, `_`, `.`, in any case. */
export function repoName(random: Random): string {
  const chars = `${ALNUM}ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.`
  let name = pickChar(random, ALNUM)
  for (let i = between(random, 0, 30); i > 0; i--) name += pickChar(random, chars)
  return name
}
