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
