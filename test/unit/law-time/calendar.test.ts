import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createWorkCalendar, isWeekend, parseHolidayCalendar } from '../../../electron/core/law/calendar'
import { HOLIDAYS_PATH, shippedCalendar } from './calendar-fixture'

const cal = shippedCalendar()
const raw = () => JSON.parse(readFileSync(HOLIDAYS_PATH, 'utf8'))

describe('shipped holiday calendar 2020–2026', () => {
  it('covers 2020 through 2026 and cites a notice for each year', () => {
    expect(cal.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026])
    expect(cal.noticeFor(2024)?.notice.docNo).toBe('国办发明电〔2023〕7号')
    expect(cal.noticeFor(2026)?.notice.docNo).toBe('国办发明电〔2025〕7号')
    expect(cal.noticeFor(2026)?.notice.issued).toBe('2025-11-04')
  })

  it('has per year exactly the rest-span days and make-up days the notices give', () => {
    // Counts cross-checked against an independent table of the notices (days off as spans, weekend days worked).
    const expected: Record<number, [number, number]> = {
      2020: [30, 6], 2021: [31, 7], 2022: [31, 7], 2023: [27, 7], 2024: [28, 8], 2025: [28, 5], 2026: [33, 6],
    }
    const data = parseHolidayCalendar(raw())
    for (const y of data.years) {
      const off = y.holidays.reduce((n, h) => n + (Date.parse(h.to) - Date.parse(h.from)) / 86_400_000 + 1, 0)
      expect([off, y.makeupWorkdays.length], String(y.year)).toEqual(expected[y.year])
    }
  })

  it('classifies holidays, make-up working days, weekends and workdays', () => {
    expect(cal.dayInfo('2024-10-01')).toEqual({ date: '2024-10-01', kind: 'holiday', working: false, name: '国庆节' })
    expect(cal.dayInfo('2024-10-12')).toEqual({ date: '2024-10-12', kind: 'makeup_workday', working: true, name: '国庆节' })
    expect(cal.dayInfo('2024-03-16')).toEqual({ date: '2024-03-16', kind: 'weekend', working: false })
    expect(cal.dayInfo('2024-03-18')).toEqual({ date: '2024-03-18', kind: 'workday', working: true })
    // 2024 除夕 was only "encouraged" leave: a working Friday. 2025 除夕 (01-28) is a holiday.
    expect(cal.isWorkingDay('2024-02-09')).toBe(true)
    expect(cal.isWorkingDay('2025-01-28')).toBe(false)
    // 2023 元旦 began on 2022-12-31 (from the 2023 notice).
    expect(cal.dayInfo('2022-12-31').kind).toBe('holiday')
    // 2020: the extension notice made Saturday 1 February a rest day instead of a make-up working day.
    expect(cal.dayInfo('2020-02-01')).toMatchObject({ kind: 'holiday', working: false })
    expect(cal.isWorkingDay('2020-01-19')).toBe(true)
    expect(cal.isWorkingDay('2026-01-04')).toBe(true)
  })

  it('nextWorkingDay skips holidays and stops on a make-up working day', () => {
    expect(cal.nextWorkingDay('2024-09-30')).toBe('2024-10-08')
    expect(cal.nextWorkingDay('2023-09-28')).toBe('2023-10-07') // a make-up Saturday right after the holiday
    expect(cal.nextWorkingDay('2025-01-27')).toBe('2025-02-05')
    expect(cal.nextWorkingDay('2024-03-15')).toBe('2024-03-18')
    expect(cal.workingDayOnOrAfter('2024-03-18')).toBe('2024-03-18')
  })

  it('refuses to guess for a year that is not in the data', () => {
    expect(() => cal.isWorkingDay('2019-05-01')).toThrowError(expect.objectContaining({ code: 'HOLIDAY_YEAR_UNKNOWN' }))
    expect(() => cal.isWorkingDay('2027-03-03')).toThrowError(/2027/)
    expect(() => cal.nextWorkingDay('2026-12-31')).toThrowError(expect.objectContaining({ code: 'HOLIDAY_YEAR_UNKNOWN' }))
    expect(cal.covers('2027-01-01')).toBe(false)
  })

  it('marks late December of the newest year as provisional', () => {
    expect(cal.dayInfo('2026-12-28').provisional).toBe(true)
    expect(cal.dayInfo('2025-12-29').provisional).toBeUndefined()
  })

  it('rejects invalid dates and corrupt data', () => {
    expect(() => cal.dayInfo('2024-02-30')).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }))
    const bad = raw()
    bad.years[4].makeupWorkdays.push({ date: '2024-10-09', for: '国庆节' }) // a Wednesday
    expect(() => parseHolidayCalendar(bad)).toThrowError(expect.objectContaining({ code: 'HOLIDAY_CALENDAR_INVALID' }))
    const dup = raw()
    dup.years.push(dup.years[0])
    expect(() => createWorkCalendar(parseHolidayCalendar(dup))).toThrowError(/each year at most once/)
  })

  it('knows the weekday', () => {
    expect(isWeekend('2024-10-12')).toBe(true)
    expect(isWeekend('2024-10-11')).toBe(false)
    expect(isWeekend('1970-01-04')).toBe(true)
  })
})
