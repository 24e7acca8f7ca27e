/**
 * A bounded memo for a cell normaliser. Lenders' exports repeat the same few hundred spellings of dates,
 * rates, counts and repayment methods over 100,000 rows, and each normalisation runs several regexes (and
 * decimal arithmetic for rates); a lookup is far cheaper. Normalisers are pure and their results are never
 * mutated, so a shared result is safe. The cache is emptied when full, so memory stays bounded.
 */
export function memoize<T>(fn: (raw: string) => T, max = 4096): (raw: string) => T {
  const cache = new Map<string, T>()
  return (raw) => {
    let v = cache.get(raw)
    if (v === undefined) {
      v = fn(raw)
      if (cache.size >= max) cache.clear()
      cache.set(raw, v)
    }
    return v
  }
}
