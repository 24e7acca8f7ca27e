/**
 * Convention 3 (民间借贷规定第26条, 民法典第670条): the principal is what was actually delivered. When the
 * schedule adds up to a different amount, every instalment is scaled pro rata to the target.
 */

/**
 * Scale integer-fen instalments so they add up to exactly `targetFen`.
 * Cumulative rounding (half-up on the running total) keeps every instalment within one fen of its exact pro-rata
 * share and the sum exact, with no "remainder dumped on the last instalment".
 * Precondition: the instalments are in due-date order and their sum is positive.
 */
export function scaleInstalments(principalsFen: readonly number[], targetFen: number): number[] {
  let sum = 0
  for (const p of principalsFen) sum += p
  if (sum === targetFen) return principalsFen.slice()
  if (sum * targetFen * 2 + sum <= Number.MAX_SAFE_INTEGER) return scaleExactInNumbers(principalsFen, sum, targetFen)
  const total = BigInt(sum)
  const target = BigInt(targetFen)
  const out: number[] = []
  let cumulative = 0n
  let previousScaled = 0n
  for (const p of principalsFen) {
    cumulative += BigInt(p)
    // round half-up of cumulative × target / total
    const scaled = (cumulative * target * 2n + total) / (total * 2n)
    out.push(Number(scaled - previousScaled))
    previousScaled = scaled
  }
  return out
}

/** The same cumulative rounding in plain numbers, used when every product stays below 2^53 (the usual case). */
function scaleExactInNumbers(principalsFen: readonly number[], sum: number, targetFen: number): number[] {
  const out: number[] = []
  let cumulative = 0
  let previousScaled = 0
  for (const p of principalsFen) {
    cumulative += p
    const n = cumulative * targetFen * 2 + sum
    const d = sum * 2
    let q = Math.floor(n / d)
    // n and d are exact integers; correct the float quotient so q is exactly floor(n / d).
    const r = n - q * d
    if (r < 0) q -= 1
    else if (r >= d) q += 1
    out.push(q - previousScaled)
    previousScaled = q
  }
  return out
}
