import { addDays, addMonths, addYears, isIsoDate } from '../../../shared/domain/date'
import { UserError } from '../errors'
import { holidayYearUnknown, type WorkCalendar } from './calendar'

/**
 * Period arithmetic for legal periods (期间):
 * - 民法典第201条 / 民事诉讼法第85条第2款: the day the period starts from is not counted;
 * - 民法典第202条: a period in months or years ends on the corresponding day of the last month,
 *   or on that month's last day where it has none (2024-02-29 + 1 year = 2025-02-28);
 * - 民法典第203条 / 民事诉讼法第85条第3款: a last day that is a rest day or public holiday moves to the
 *   next working day; a make-up working day (调休上班) is a working day, so nothing moves past it.
 */

export type PeriodUnit = 'day' | 'month' | 'year'

/** Why a computed date may not be final: the holiday data does not (yet) settle it. */
export interface CalendarWarning {
  code: 'HOLIDAY_YEAR_UNKNOWN' | 'HOLIDAY_DATA_PROVISIONAL'
  message: string
  messageEn: string
}

export interface PeriodEnd {
  /** The last day of the period after any holiday roll. */
  due: string
  /** The nominal last day when it fell on a rest day and was moved; otherwise null. */
  rolledFrom: string | null
  /**
   * Present when the holiday data cannot settle the date. `due` is then the nominal last day,
   * which is the earliest the period can end (rolling only moves it later): acting by it is safe.
   */
  calendarWarning?: CalendarWarning
}

export interface PeriodOptions {
  /** Throw HOLIDAY_YEAR_UNKNOWN instead of returning a warning. */
  strict?: boolean
}

/** The nominal last day: `length` units after `from`, the start day not counted. */
export function nominalEnd(from: string, length: number, unit: PeriodUnit): string {
  assertDate(from, 'from')
  if (!Number.isInteger(length) || length < 1) {
    throw new UserError('PERIOD_LENGTH_INVALID', `期间长度必须是正整数：${length}`, `Period length must be a positive integer: ${length}`, {
      field: 'length',
    })
  }
  if (unit === 'day') return addDays(from, length)
  if (unit === 'month') return addMonths(from, length)
  return addYears(from, length)
}

/**
 * The last day of a period of `length` units counted from the event on `from`, rolled past rest days.
 * Example: a 15-day appeal period from a judgment served 2024-09-20 nominally ends 2024-10-05, inside the
 * National Day holiday, so it ends on 2024-10-08.
 */
export function periodEnd(from: string, length: number, unit: PeriodUnit, calendar: WorkCalendar, opts: PeriodOptions = {}): PeriodEnd {
  const nominal = nominalEnd(from, length, unit)
  return rollToWorkingDay(nominal, calendar, opts)
}

/** `date` if it is a working day, else the next working day, with the roll recorded. */
export function rollToWorkingDay(date: string, calendar: WorkCalendar, opts: PeriodOptions = {}): PeriodEnd {
  // Checked up front because building an error (with its stack) costs far more than the lookup.
  if (!calendar.covers(date) && !opts.strict) {
    return { due: date, rolledFrom: null, calendarWarning: unknownYearWarning(date, Number(date.slice(0, 4))) }
  }
  let due: string
  try {
    due = calendar.workingDayOnOrAfter(date)
  } catch (e) {
    if (!(e instanceof UserError) || e.code !== 'HOLIDAY_YEAR_UNKNOWN' || opts.strict) throw e
    const year = (e.details as { year?: number } | undefined)?.year ?? Number(date.slice(0, 4))
    return { due: date, rolledFrom: null, calendarWarning: unknownYearWarning(date, year) }
  }
  const result: PeriodEnd = { due, rolledFrom: due === date ? null : date }
  // Any day we looked at that next year's notice could still change makes the answer provisional.
  for (let d = date; d <= due; d = addDays(d, 1)) {
    if (calendar.dayInfo(d).provisional) {
      if (opts.strict) throw holidayYearUnknown(`${Number(d.slice(0, 4)) + 1}-01-01`)
      result.calendarWarning = provisionalWarning(d)
      break
    }
  }
  return result
}

function unknownYearWarning(nominal: string, year: number): CalendarWarning {
  return {
    code: 'HOLIDAY_YEAR_UNKNOWN',
    message: `节假日数据未包含 ${year} 年：所示日期 ${nominal} 为未按节假日顺延的名义届满日（期间只会因节假日顺延而更晚，按此日办理不会逾期）。请更新节假日数据后重新计算。`,
    messageEn: `The holiday calendar has no data for ${year}: ${nominal} is the nominal last day, not adjusted for holidays (a holiday can only move it later, so acting by it is safe). Update the calendar and recompute.`,
  }
}

function provisionalWarning(date: string): CalendarWarning {
  const next = Number(date.slice(0, 4)) + 1
  return {
    code: 'HOLIDAY_DATA_PROVISIONAL',
    message: `${date} 在年末，${next} 年放假安排尚未收录，可能调整该日是否上班；公布后请重新计算。`,
    messageEn: `${date} is at the end of the year and the ${next} arrangement is not in the data yet; it may change whether that day is worked. Recompute once it is published.`,
  }
}

function assertDate(date: string, field: string): void {
  if (!isIsoDate(date)) {
    throw new UserError('DATE_INVALID', `日期格式错误：${date}（应为 YYYY-MM-DD）`, `Invalid date: ${date} (expected YYYY-MM-DD)`, { field })
  }
}
