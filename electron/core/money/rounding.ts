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
  const fast = fastRound(Number(numerator) / Number(denominator))
  if (fast >= 0) return fast
  const q = numerator / denominator
  return Number((numerator - q * denominator) * 2n >= denominator ? q + 1n : q)
}

/**
 * round_half_up(a × b / denominator) for non-negative safe integers a, b (e.g. fen-days × scaled rate), exactly.
 * `denominatorNumber` is the same denominator as a number (it must be a safe integer).
 */
export function roundProductToSafeInteger(a: number, b: number, denominator: bigint, denominatorNumber: number): number {
  const fast = fastRound((a * b) / denominatorNumber)
  if (fast >= 0) return fast
  const n = BigInt(a) * BigInt(b)
  const q = n / denominator
  return Number((n - q * denominator) * 2n >= denominator ? q + 1n : q)
}

/**
 * Why the float shortcut is exact: the quotient x was computed with at most three roundings, each with relative
 * error ≤ 2^-53, so |x − exact| < 4×10^-16 × x < 4×10^-7 while x < 10^9. Half-up rounding only changes at a
 * fraction of exactly .5, so when the fraction is more than 10^-6 away from .5, floor(x + .5) equals the exact
 * result. Otherwise (or for larger x) return -1 and let the caller take the bigint path.
 */
function fastRound(x: number): number {
  if (!(x >= 0 && x < 1e9)) return -1
  const fl = Math.floor(x)
  const frac = x - fl
  if (frac > 0.499999 && frac < 0.500001) return -1
  return frac >= 0.5 ? fl + 1 : fl
}

/** Floor division for non-negative bigints, named so the intent is visible at the call site. */
export function divFloor(numerator: bigint, denominator: bigint): bigint {
  return numerator / denominator
}
