/** Small timing helpers shared by the benchmarks. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function summarize(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b)
  return { median: round(percentile(s, 50)), p95: round(percentile(s, 95)) }
}

export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits

export function time(fn: () => void): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}
