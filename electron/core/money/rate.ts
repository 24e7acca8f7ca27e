/**
 * Annual rates as exact scaled integers. A rate string such as "0.154" (a decimal fraction of one year)
 * becomes 1_540_000_000 at RATE_SCALE = 10^10, so rates add, subtract and compare as plain integers and
 * interest is an exact bigint product (fen × scaled rate × days) over one common denominator.
 */
export const RATE_DECIMALS = 10
export const RATE_SCALE = 10 ** RATE_DECIMALS
export const RATE_SCALE_BIG = BigInt(RATE_SCALE)

const FRACTION = /^(\d+)(?:\.(\d+))?$/

/**
 * Parse an annual rate written as a decimal fraction ("0.24") into the scaled integer.
 * Returns null when the text is not a plain non-negative decimal with at most RATE_DECIMALS places.
 */
export function parseRateOrNull(rate: string): number | null {
  const m = FRACTION.exec(rate)
  if (!m) return null
  const frac = m[2] ?? ''
  if (frac.length > RATE_DECIMALS || m[1].length > 3) return null
  return Number(m[1]) * RATE_SCALE + Number(frac.padEnd(RATE_DECIMALS, '0'))
}

/** Parse a rate string; throws a plain Error (a bug) when malformed — validate user input first. */
export function parseRate(rate: string): number {
  const r = parseRateOrNull(rate)
  if (r === null) throw new Error(`not a rate: ${JSON.stringify(rate)}`)
  return r
}

/** A percent as the LPR table writes it ("3.85") to the scaled fraction (0.0385 → 385_000_000). */
export function percentToScaledRate(percent: string): number {
  const m = FRACTION.exec(percent)
  if (!m || (m[2] ?? '').length > RATE_DECIMALS - 2) throw new Error(`not a percent: ${JSON.stringify(percent)}`)
  return Number(m[1]) * (RATE_SCALE / 100) + Number((m[2] ?? '').padEnd(RATE_DECIMALS - 2, '0'))
}

const formatted = new Map<number, string>()

/** The scaled rate back to the shortest decimal-fraction string: 1_540_000_000 → "0.154", 0 → "0". Memoised. */
export function formatRate(scaled: number): string {
  const hit = formatted.get(scaled)
  if (hit !== undefined) return hit
  const whole = Math.floor(scaled / RATE_SCALE)
  const frac = String(scaled - whole * RATE_SCALE).padStart(RATE_DECIMALS, '0').replace(/0+$/, '')
  const text = frac ? `${whole}.${frac}` : String(whole)
  if (formatted.size > 10_000) formatted.clear() // a batch uses a few dozen distinct rates; never grow unbounded
  formatted.set(scaled, text)
  return text
}

/** The scaled rate as a percent string for prose: 1_540_000_000 → "15.4". */
export function formatRatePercent(scaled: number): string {
  return formatRate(scaled * 100)
}
