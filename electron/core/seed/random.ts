/** mulberry32: a tiny, fast, seedable PRNG — the same seed always gives the same data. */
export function createRandom(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  function pick(xs: readonly unknown[] | string): unknown {
    return xs[Math.floor(next() * xs.length)]
  }
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: pick as { (xs: string): string; <T>(xs: readonly T[]): T },
    chance: (p: number) => next() < p,
    bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)),
  }
}
export type Random = ReturnType<typeof createRandom>
