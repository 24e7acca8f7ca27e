/** "0.154" → "15.4%": moves the decimal point as text, so no float ever touches a rate. */
export function formatRatePercent(fraction: string | null | undefined): string {
  if (!fraction) return '—'
  const [int, dec = ''] = fraction.split('.')
  const whole = (int + dec.padEnd(2, '0').slice(0, 2)).replace(/^0+(?=\d)/, '')
  const frac = dec.slice(2).replace(/0+$/, '')
  return `${whole}${frac ? '.' + frac : ''}%`
}
