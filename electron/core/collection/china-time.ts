import { isIsoDate } from '../../../shared/domain/date'
import { UserError } from '../errors'

/**
 * Contact times are judged on the China wall clock (UTC+8, no daylight saving). An ISO time with `Z` or an
 * offset is converted; one without an offset is taken as China time as written.
 */

export interface ChinaTime {
  /** UTC milliseconds. */
  epochMs: number
  /** China calendar date, YYYY-MM-DD. */
  date: string
  /** Minutes after China midnight, 0..1439. */
  minutes: number
  /** HH:MM on the China clock. */
  hhmm: string
}

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/
const CHINA_OFFSET_MS = 8 * 3_600_000

/** Parse an ISO date-time into China wall-clock parts. Throws ACTION_TIME_INVALID. */
export function toChinaTime(iso: string, field = 'at'): ChinaTime {
  const m = ISO_TIME.exec(iso.trim())
  const bad = () =>
    new UserError('ACTION_TIME_INVALID', `时间格式错误：${iso}（应为 ISO 时间，如 2025-03-05T14:30:00+08:00）`, `Invalid time: ${iso} (use ISO, e.g. 2025-03-05T14:30:00+08:00)`, { field })
  if (!m || !isIsoDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) throw bad()
  const [, date, hh, mm, ss = '00', frac = '', zone] = m
  const asUtc = Date.parse(`${date}T${hh}:${mm}:${ss}${frac}Z`)
  const epochMs = zone ? Date.parse(`${date}T${hh}:${mm}:${ss}${frac}${normaliseZone(zone)}`) : asUtc - CHINA_OFFSET_MS
  if (Number.isNaN(epochMs)) throw bad()
  const local = new Date(epochMs + CHINA_OFFSET_MS).toISOString()
  const minutes = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16))
  return { epochMs, date: local.slice(0, 10), minutes, hhmm: local.slice(11, 16) }
}

/** "21:00" → 1260. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

function normaliseZone(zone: string): string {
  return zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
}
