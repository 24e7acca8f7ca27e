import { describe, expect, it } from 'vitest'
import { dueDate } from '../../../electron/core/law/deadlines'
import { nominalEnd, periodEnd } from '../../../electron/core/law/periods'
import { shippedCalendar } from './calendar-fixture'

const cal = shippedCalendar()

describe('period arithmetic on the real calendar', () => {
  it('a 15-day appeal period ending inside the National Day holiday rolls to the first working day', () => {
    const r = dueDate('appeal-judgment', '2024-09-20', cal)
    expect(r.due).toBe('2024-10-08')
    expect(r.rolledFrom).toBe('2024-10-05')
    expect(r.basis).toContain('民事诉讼法第171条第1款')
    expect(r.calendarWarning).toBeUndefined()
  })

  it('a period ending on a make-up Saturday does not roll', () => {
    expect(dueDate('appeal-judgment', '2024-09-27', cal)).toMatchObject({ due: '2024-10-12', rolledFrom: null })
    expect(dueDate('appeal-ruling', '2025-09-18', cal)).toMatchObject({ due: '2025-09-28', rolledFrom: null })
  })

  it('a rolled period can land on a make-up Saturday', () => {
    // 2023-08-31 + 1 month = 2023-09-30 (month end), inside 中秋国庆 09-29..10-06; 10-07 is a make-up Saturday.
    expect(periodEnd('2023-08-31', 1, 'month', cal)).toEqual({ due: '2023-10-07', rolledFrom: '2023-09-30' })
  })

  it('year periods from 29 February end on 28 February', () => {
    expect(nominalEnd('2024-02-29', 1, 'year')).toBe('2025-02-28')
    expect(periodEnd('2024-02-29', 1, 'year', cal)).toEqual({ due: '2025-02-28', rolledFrom: null })
    // 2026-02-28 is a Saturday but a make-up working day for the Spring Festival.
    expect(dueDate('enforcement', '2024-02-29', cal)).toMatchObject({ due: '2026-02-28', rolledFrom: null })
    expect(dueDate('limitation', '2020-02-29', cal)).toMatchObject({ due: '2023-02-28', rolledFrom: null })
  })

  it('month periods end on the month-end day where there is no corresponding day', () => {
    expect(periodEnd('2024-01-31', 1, 'month', cal)).toEqual({ due: '2024-02-29', rolledFrom: null })
    expect(periodEnd('2025-01-31', 1, 'month', cal)).toEqual({ due: '2025-02-28', rolledFrom: null })
    expect(nominalEnd('2024-03-31', 1, 'month')).toBe('2024-04-30')
    expect(nominalEnd('2024-10-31', 4, 'month')).toBe('2025-02-28')
  })

  it('the start day is not counted', () => {
    expect(nominalEnd('2024-03-06', 10, 'day')).toBe('2024-03-16')
    expect(dueDate('appeal-ruling', '2024-03-06', cal)).toMatchObject({ due: '2024-03-18', rolledFrom: '2024-03-16' })
  })

  it('each court deadline kind', () => {
    expect(dueDate('sue-after-preservation', '2025-01-05', cal)).toMatchObject({ due: '2025-02-05', rolledFrom: '2025-02-04' })
    // 2020: 1 February became a rest day by the Spring Festival extension.
    expect(dueDate('payment-order-objection', '2020-01-17', cal)).toMatchObject({ due: '2020-02-03', rolledFrom: '2020-02-01' })
    expect(dueDate('enforcement', '2023-10-02', cal)).toMatchObject({ due: '2025-10-09', rolledFrom: '2025-10-02' })
    expect(dueDate('limitation', '2021-06-15', cal)).toMatchObject({ due: '2024-06-17', rolledFrom: '2024-06-15' })
    expect(dueDate('payment-order-objection', '2024-05-06', cal).basis).toContain('第227条')
    expect(dueDate('sue-after-preservation', '2024-05-06', cal).basis).toContain('第104条')
    expect(dueDate('enforcement', '2024-05-06', cal).basis).toContain('第250条')
  })

  it('a year not in the data gives the nominal day with a warning, or an error in strict mode', () => {
    const r = dueDate('appeal-judgment', '2026-12-25', cal)
    expect(r).toMatchObject({ due: '2027-01-09', rolledFrom: null })
    expect(r.calendarWarning?.code).toBe('HOLIDAY_YEAR_UNKNOWN')
    expect(r.calendarWarning?.message).toContain('2027')
    expect(() => dueDate('appeal-judgment', '2026-12-25', cal, { strict: true })).toThrowError(
      expect.objectContaining({ code: 'HOLIDAY_YEAR_UNKNOWN' }),
    )
  })

  it('late December of the newest year is flagged provisional', () => {
    const r = dueDate('appeal-ruling', '2026-12-15', cal)
    expect(r.due).toBe('2026-12-25')
    expect(r.calendarWarning?.code).toBe('HOLIDAY_DATA_PROVISIONAL')
  })

  it('bad input is refused with a code', () => {
    expect(() => dueDate('appeal-judgment', '2024-13-01', cal)).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }))
    expect(() => dueDate('appeal' as never, '2024-01-01', cal)).toThrowError(expect.objectContaining({ code: 'DEADLINE_KIND_UNKNOWN' }))
    expect(() => nominalEnd('2024-01-01', 0, 'day')).toThrowError(expect.objectContaining({ code: 'PERIOD_LENGTH_INVALID' }))
  })
})
