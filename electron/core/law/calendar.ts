import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { addDays, fromDayNumber, isIsoDate, toDayNumber } from '../../../shared/domain/date'
import { UserError } from '../errors'

/**
 * The mainland-China working-day calendar: weekends, public holidays and make-up working days (调休上班),
 * from the State Council's yearly notices kept as data in resources/data/holidays-cn.json.
 *
 * Why it matters: a legal period whose last day is a rest day ends on the next working day
 * (民法典第203条, 民事诉讼法第85条), and a make-up Saturday is a working day. A wrong day here is a missed
 * appeal. So a year that is not in the data is never guessed: the calendar throws HOLIDAY_YEAR_UNKNOWN.
 */

const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD')

const noticeSchema = z.object({
  title: z.string().min(1),
  docNo: z.string().min(1).nullable(),
  docNoStatus: z.string().optional(),
  issued: isoDate,
  url: z.string().optional(),
  effect: z.string().optional(),
})

const yearSchema = z
  .object({
    year: z.number().int().min(1999).max(2100),
    status: z.enum(['V', 'V2', 'S', 'U']),
    notice: noticeSchema,
    amendments: z.array(noticeSchema).optional(),
    note: z.string().optional(),
    holidays: z.array(z.object({ name: z.string().min(1), from: isoDate, to: isoDate })).min(1),
    makeupWorkdays: z.array(z.object({ date: isoDate, for: z.string().min(1) })),
  })
  .superRefine((y, ctx) => {
    // A span may start in late December of the previous year (2023 元旦 began 2022-12-31).
    const earliest = `${y.year - 1}-12-20`
    const latest = `${y.year}-12-31`
    for (const h of y.holidays) {
      if (h.from > h.to) ctx.addIssue({ code: 'custom', message: `${h.name}: from ${h.from} after to ${h.to}` })
      if (h.from < earliest || h.to > latest) ctx.addIssue({ code: 'custom', message: `${h.name} ${h.from}..${h.to} outside ${y.year}` })
    }
    for (const m of y.makeupWorkdays) {
      // Every make-up working day in every notice so far is a weekend day; anything else is a typo.
      if (!isWeekend(m.date)) ctx.addIssue({ code: 'custom', message: `make-up working day ${m.date} is not a Saturday or Sunday` })
      if (y.holidays.some((h) => h.from <= m.date && m.date <= h.to))
        ctx.addIssue({ code: 'custom', message: `make-up working day ${m.date} lies inside a holiday span` })
    }
  })

export const holidayCalendarSchema = z.object({
  name: z.string().optional(),
  asOf: isoDate,
  years: z
    .array(yearSchema)
    .min(1)
    .refine((ys) => new Set(ys.map((y) => y.year)).size === ys.length, 'each year at most once'),
})

export type HolidayCalendarData = z.infer<typeof holidayCalendarSchema>
export type HolidayYear = HolidayCalendarData['years'][number]

/** What a calendar day is. `makeup_workday` is a weekend day the State Council turned into a working day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday'

export interface DayInfo {
  date: string
  kind: DayKind
  working: boolean
  /** Holiday name for `holiday`, the holiday it makes up for for `makeup_workday`. */
  name?: string
  /**
   * Set for the last days of December of the newest year in the data: next year's notice (not yet
   * published) may still move them (the 2019 notice made 2018-12-29 a working day).
   */
  provisional?: boolean
}

/** Days from this date on in December may still be changed by the following year's notice. */
const LATE_DECEMBER = '12-20'

/** Validate a calendar (shipped or user-updated). Throws a UserError naming what is wrong. */
export function parseHolidayCalendar(json: unknown): HolidayCalendarData {
  const r = holidayCalendarSchema.safeParse(json)
  if (!r.success) {
    const issue = r.error.issues[0]
    const where = issue.path.join('.')
    throw new UserError(
      'HOLIDAY_CALENDAR_INVALID',
      `节假日数据格式错误（${where}）：${issue.message}`,
      `Invalid holiday calendar (${where}): ${issue.message}`,
      { field: where },
    )
  }
  return r.data
}

/** Read and validate a holiday calendar JSON file (e.g. resources/data/holidays-cn.json). */
export function readHolidayCalendarFile(path: string): HolidayCalendarData {
  return parseHolidayCalendar(JSON.parse(readFileSync(path, 'utf8')))
}

/** The error for a date whose year the data does not cover. */
export function holidayYearUnknown(date: string): UserError {
  const year = date.slice(0, 4)
  return new UserError(
    'HOLIDAY_YEAR_UNKNOWN',
    `节假日数据未包含 ${year} 年（${date}），无法判断是否为工作日。请在国务院办公厅公布该年放假安排后更新节假日数据，系统不作推测。`,
    `The holiday calendar has no data for ${year} (${date}), so whether it is a working day is unknown. Update the calendar once the State Council publishes that year's arrangement; CaseDesk does not guess.`,
    { details: { date, year: Number(year) } },
  )
}

/** A calendar built once from the data; lookups are map reads. */
export interface WorkCalendar {
  readonly years: readonly number[]
  /** True when the date's year is in the data. */
  covers(date: string): boolean
  /** Kind of the day. Throws HOLIDAY_YEAR_UNKNOWN for a year not in the data. */
  dayInfo(date: string): DayInfo
  /** Throws HOLIDAY_YEAR_UNKNOWN for a year not in the data. */
  isWorkingDay(date: string): boolean
  /** The first working day strictly after `date`. Throws HOLIDAY_YEAR_UNKNOWN if it would need an unknown year. */
  nextWorkingDay(date: string): string
  /** `date` itself if it is a working day, otherwise the next working day. */
  workingDayOnOrAfter(date: string): string
  /** The source notice for a year, for citing. */
  noticeFor(year: number): HolidayYear | undefined
}

/** Build a lookup calendar from validated data. */
export function createWorkCalendar(data: HolidayCalendarData): WorkCalendar {
  const holidays = new Map<string, string>()
  const makeups = new Map<string, string>()
  const byYear = new Map<number, HolidayYear>()
  for (const y of data.years) {
    byYear.set(y.year, y)
    for (const h of y.holidays) {
      for (let d = toDayNumber(h.from); d <= toDayNumber(h.to); d++) holidays.set(fromDayNumber(d), h.name)
    }
    for (const m of y.makeupWorkdays) makeups.set(m.date, m.for)
  }
  const years = [...byYear.keys()].sort((a, b) => a - b)
  const covers = (date: string) => byYear.has(Number(date.slice(0, 4)))

  function dayInfo(date: string): DayInfo {
    if (!isIsoDate(date)) {
      throw new UserError('DATE_INVALID', `日期格式错误：${date}（应为 YYYY-MM-DD）`, `Invalid date: ${date} (expected YYYY-MM-DD)`, {
        details: { date },
      })
    }
    if (!covers(date)) throw holidayYearUnknown(date)
    const year = Number(date.slice(0, 4))
    const provisional = date.slice(5) >= LATE_DECEMBER && !byYear.has(year + 1) ? { provisional: true } : {}
    const holiday = holidays.get(date)
    if (holiday) return { date, kind: 'holiday', working: false, name: holiday, ...provisional }
    const makeup = makeups.get(date)
    if (makeup) return { date, kind: 'makeup_workday', working: true, name: makeup, ...provisional }
    if (isWeekend(date)) return { date, kind: 'weekend', working: false, ...provisional }
    return { date, kind: 'workday', working: true, ...provisional }
  }

  const isWorkingDay = (date: string) => dayInfo(date).working

  function workingDayOnOrAfter(date: string): string {
    let d = date
    // The longest run of rest days in any notice is 10 (2020 Spring Festival); 40 is a safe bound.
    for (let i = 0; i < 40; i++, d = addDays(d, 1)) if (isWorkingDay(d)) return d
    throw new Error(`no working day within 40 days after ${date}: holiday data is corrupt`)
  }

  return {
    years,
    covers,
    dayInfo,
    isWorkingDay,
    nextWorkingDay: (date) => workingDayOnOrAfter(addDays(date, 1)),
    workingDayOnOrAfter,
    noticeFor: (year) => byYear.get(year),
  }
}

/** Saturday or Sunday (1970-01-01, day 0, was a Thursday). */
export function isWeekend(date: string): boolean {
  const dow = (((toDayNumber(date) + 4) % 7) + 7) % 7 // 0 = Sunday
  return dow === 0 || dow === 6
}
