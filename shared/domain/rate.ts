/** "0.154" → "15.4%": moves the decimal point as text, so no float ever touches a rate. */
export function formatRatePercent(fraction: string | null | undefined): string {
  if (!fraction) return '—'
  const [int, dec = ''] = fraction.split('.')
  const whole = (int + dec.padEnd(2, '0').slice(0, 2)).replace(/^0+(?=\d)/, '')
  const frac = dec.slice(2).replace(/0+$/, '')
  return `${whole}${frac ? '.' + frac : ''}%`
}

/**
 * "15.4" or "15.4%" (a percent as people write it) → "0.154", the annual decimal fraction the calculator takes;
 * null when the text is not a plain non-negative percent. The decimal point moves as text, as above.
 */
export function percentToFraction(percent: string): string | null {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*%?\s*$/.exec(percent)
  if (!m) return null
  const [, int, dec = ''] = m
  const digits = int + dec
  const pointAt = int.length - 2
  const whole = pointAt > 0 ? digits.slice(0, pointAt).replace(/^0+(?=\d)/, '') : '0'
  const frac = (pointAt > 0 ? digits.slice(pointAt) : '0'.repeat(-pointAt) + digits).replace(/0+$/, '')
  return frac ? `${whole}.${frac}` : whole
}
