/**
 * Money as integer fen (分). Yuan strings come in from users, files and the contract; everything inside the
 * engine is an integer count of fen (a JS number while it is a safe integer, a bigint where products grow).
 * Nothing here ever goes through a float.
 */

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/

/**
 * Parse a non-negative yuan string with at most two decimals ("1234.5", "0.01", "100") into integer fen.
 * Returns null when the text is not such an amount, so callers can report the field themselves.
 */
export function yuanToFenOrNull(yuan: string): number | null {
  const m = YUAN.exec(yuan)
  if (!m) return null
  const whole = m[1]
  // Safe-integer guard: more than 13 digits of yuan would leave the exact range of a double once in fen.
  if (whole.length > 13) return null
  const frac = (m[2] ?? '').padEnd(2, '0')
  return Number(whole) * 100 + Number(frac)
}

/** Parse a yuan string into fen; throws a plain Error (a bug) if it is malformed — validate user input first. */
export function yuanToFen(yuan: string): number {
  const fen = yuanToFenOrNull(yuan)
  if (fen === null) throw new Error(`not a yuan amount: ${JSON.stringify(yuan)}`)
  return fen
}

/** Integer fen (number or bigint, may be negative) to a yuan string with exactly two decimals: 123456 → "1234.56". */
export function fenToYuan(fen: number | bigint): string {
  const big = typeof fen === 'bigint' ? fen : BigInt(fen)
  const neg = big < 0n
  const abs = neg ? -big : big
  const whole = abs / 100n
  const cents = abs % 100n
  return `${neg ? '-' : ''}${whole}.${cents < 10n ? '0' : ''}${cents}`
}

/** Fast path for the hot loop: a non-negative safe-integer fen count to "1234.56". */
export function fenNumberToYuan(fen: number): string {
  const whole = Math.floor(fen / 100)
  const cents = fen - whole * 100
  return `${whole}.${cents < 10 ? '0' : ''}${cents}`
}
