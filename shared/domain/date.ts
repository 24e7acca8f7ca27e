/**
 * Legal dates are plain calendar dates written `YYYY-MM-DD`: no time zone, no time of day.
 * Arithmetic goes through a day number (days since 1970-01-01, proleptic Gregorian), computed with
 * Date.UTC so the machine's time zone never shifts a date.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2023-02-29, 2024-13-01 …). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function daysInMonth(y: number, month1to12: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month1to12 - 1]
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. The caller makes sure the date is valid. */
export function toDayNumber(date: string): number {
  return Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000)
}

export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days)
}

/** Days from `from` to `to`, half-open [from, to): 算头不算尾. Negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from)
}

/**
 * The same day `months` later; where that month is shorter, its last day
 * (民法典第203条 style: 1月31日 + 1个月 = 2月28/29日).
 */
export function addMonths(date: string, months: number): string {
  const y = +date.slice(0, 4), m = +date.slice(5, 7) - 1 + months, d = +date.slice(8, 10)
  const year = y + Math.floor(m / 12)
  const month = ((m % 12) + 12) % 12 + 1
  const day = Math.min(d, daysInMonth(year, month))
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12)
}

/** Today's calendar date in China (UTC+8), which is the legal calendar the app works in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
