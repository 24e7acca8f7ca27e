import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, fromDayNumber, toDayNumber } from '../../../shared/domain/date'
import { nominalEnd, periodEnd } from '../../../electron/core/law/periods'
import { shippedCalendar } from './calendar-fixture'

const cal = shippedCalendar()
// Start dates whose 30-day and 1-year periods stay inside the covered years 2020–2026 (and before late December 2026).
const startDate = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2025-11-30') }).map(fromDayNumber)

describe('period end invariants on the shipped calendar', () => {
  it('the end is the first working day on or after the nominal last day', () => {
    fc.assert(
      fc.property(startDate, fc.constantFrom(10, 15, 30), (from, days) => {
        const nominal = nominalEnd(from, days, 'day')
        const r = periodEnd(from, days, 'day', cal)
        expect(r.calendarWarning).toBeUndefined()
        expect(cal.isWorkingDay(r.due)).toBe(true)
        expect(r.due >= nominal).toBe(true)
        expect(r.rolledFrom).toBe(r.due === nominal ? null : nominal)
        for (let d = nominal; d < r.due; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('a one-year period ends on the same month and day, or on 28 February for 29 February', () => {
    fc.assert(
      fc.property(startDate, (from) => {
        const nominal = nominalEnd(from, 1, 'year')
        expect(nominal.slice(0, 4)).toBe(String(Number(from.slice(0, 4)) + 1))
        expect(nominal.slice(5)).toBe(from.slice(5) === '02-29' ? '02-28' : from.slice(5))
      }),
      { numRuns: 1000 },
    )
  })
})
