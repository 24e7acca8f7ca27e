/**
 * Exact division with one rounding, half-up (四舍五入), for non-negative and negative numerators alike
 * (half-up here means "half away from zero", the way a court rounds 0.005 yuan to 0.01).
 */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error('denominator must be positive')
  const negative = numerator < 0n
  const n = negative ? -numerator : numerator
  const q = n / denominator
  const rounded = (n - q * denominator) * 2n >= denominator ? q + 1n : q
  return negative ? -rounded : rounded
}

/**
 * Hot-path variant for a non-negative numerator whose rounded result is a safe integer (a fen amount):
 * returns a number, avoiding a second bigint allocation for the sign.
 */
export function roundToSafeInteger(numerator: bigint, denominator: bigint): number {
  const q = numerator / denominator
  return Number((numerator - q * denominator) * 2n >= denominator ? q + 1n : q)
}

/** Floor division for non-negative bigints, named so the intent is visible at the call site. */
export function divFloor(numerator: bigint, denominator: bigint): bigint {
  return numerator / denominator
}
