/**
 * Display helpers for integer fen. Integer division and remainder only — never a float on the way.
 */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** 1234567 → "12,345.67" (thousands separators for screens and letters). */
export function formatFen(fen: number): string {
  const [int, dec] = fenToYuan(fen).split('.')
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`
}
