import { describe, expect, it } from 'vitest'
import { limitationStatus } from '../../../electron/core/law/limitation'
import { shippedCalendar } from './calendar-fixture'

const cal = shippedCalendar()

describe('limitation status (诉讼时效)', () => {
  it('runs 3 years from the last instalment due date and warns at 90/30/7 days', () => {
    const at = (today: string) => limitationStatus({ lastInstalmentDue: '2022-03-10', events: [], today }, cal)
    const r = at('2024-12-20')
    expect(r).toMatchObject({ start: '2022-03-10', state: 'running', expiry: '2025-03-10', rolledFrom: null, daysLeft: 80 })
    expect(r.runs).toEqual([{ from: '2022-03-10', cause: 'start', due: '2025-03-10', rolledFrom: null }])
    expect(r.warning).toMatchObject({ level: 90, daysLeft: 80 })
    expect(r.warning?.message).toContain('2025-03-10')
    expect(at('2024-12-09').warning).toBeNull() // 91 days left
    expect(at('2025-02-20').warning).toMatchObject({ level: 30, daysLeft: 18 })
    expect(at('2025-03-05').warning).toMatchObject({ level: 7, daysLeft: 5 })
    expect(at('2025-03-10')).toMatchObject({ state: 'running', daysLeft: 0, warning: { level: 7 } })
    const gone = at('2025-03-11')
    expect(gone).toMatchObject({ state: 'expired', daysLeft: -1, warning: null })
    expect(gone.afterExpiry?.map((o) => o.basis)).toContain('民法典第193条')
  })

  it('restarts on each delivered demand, partial payment, acknowledgement and plan, in date order', () => {
    const r = limitationStatus(
      {
        lastInstalmentDue: '2021-01-15',
        today: '2025-06-12',
        events: [
          { date: '2023-03-01', kind: 'partial_payment', ref: 'pay-2' },
          { date: '2022-05-08', kind: 'demand_delivered', proof: 'EMS1234567890CN', ref: 'letter-1' },
          { date: '2023-09-20', kind: 'acknowledgement', ref: 'ack-3' },
        ],
      },
      cal,
    )
    expect(r.runs.map((x) => [x.cause, x.ref ?? null, x.from, x.due, x.rolledFrom])).toEqual([
      ['start', null, '2021-01-15', '2024-01-15', null],
      ['demand_delivered', 'letter-1', '2022-05-08', '2025-05-08', null],
      ['partial_payment', 'pay-2', '2023-03-01', '2026-03-02', '2026-03-01'], // a Sunday rolls to Monday
      ['acknowledgement', 'ack-3', '2023-09-20', '2026-09-20', null], // a make-up Sunday does not roll
    ])
    expect(r).toMatchObject({ state: 'running', expiry: '2026-09-20', daysLeft: 465, warning: null, ignored: [] })
  })

  it('does not count a demand without delivery proof', () => {
    const r = limitationStatus(
      { lastInstalmentDue: '2020-06-30', today: '2023-05-01', events: [{ date: '2022-01-10', kind: 'demand_delivered', proof: ' ' }] },
      cal,
    )
    expect(r.runs).toHaveLength(1)
    expect(r.expiry).toBe('2023-06-30')
    expect(r.ignored[0].reason).toContain('送达凭证')
    expect(r.warning).toMatchObject({ level: 90, daysLeft: 60 })
  })

  it('an interruption on a rolled last day still counts (民法典第203条)', () => {
    // 2021-10-01 + 3 years = 2024-10-01, inside National Day: the period ends 2024-10-08.
    const r = limitationStatus(
      { lastInstalmentDue: '2021-10-01', today: '2024-10-20', events: [{ date: '2024-10-06', kind: 'acknowledgement' }] },
      cal,
    )
    expect(r.runs[0]).toMatchObject({ due: '2024-10-08', rolledFrom: '2024-10-01' })
    expect(r.runs[1]).toMatchObject({ cause: 'acknowledgement', from: '2024-10-06' })
    expect(r.state).toBe('running')
    expect(r.expiry).toBe('2027-10-06') // 2027 is not in the data: nominal day, with a warning
    expect(r.calendarWarning?.code).toBe('HOLIDAY_YEAR_UNKNOWN')
  })

  it('after expiry a demand does nothing, a signed acknowledgement waives the defence and revives', () => {
    const expired = limitationStatus(
      { lastInstalmentDue: '2020-06-30', today: '2024-01-01', events: [{ date: '2023-08-01', kind: 'demand_delivered', proof: 'EMS9' }] },
      cal,
    )
    expect(expired).toMatchObject({ state: 'expired', expiry: '2023-06-30', revivedByWaiver: false })
    expect(expired.ignored[0].reason).toContain('不再产生中断效力')
    expect(expired.afterExpiry).toHaveLength(4)

    const revived = limitationStatus(
      {
        lastInstalmentDue: '2020-06-30',
        today: '2024-01-01',
        events: [
          { date: '2023-08-01', kind: 'partial_payment' },
          { date: '2023-09-01', kind: 'acknowledgement', ref: 'signed-notice' },
        ],
      },
      cal,
    )
    expect(revived).toMatchObject({ state: 'running', expiry: '2026-09-01', revivedByWaiver: true, afterExpiry: null })
    expect(revived.runs[1]).toMatchObject({ cause: 'waiver', from: '2023-09-01', ref: 'signed-notice' })
    expect(revived.ignored.map((i) => i.event.kind)).toEqual(['partial_payment'])
  })

  it('a filing stops the clock until the proceedings end, then restarts from their end', () => {
    const pending = limitationStatus(
      {
        lastInstalmentDue: '2021-01-15',
        today: '2024-06-01',
        events: [
          { date: '2023-12-01', kind: 'filing' },
          { date: '2024-02-01', kind: 'partial_payment' },
        ],
      },
      cal,
    )
    expect(pending).toMatchObject({ state: 'suspended_by_proceedings', expiry: null, daysLeft: null, warning: null })
    expect(pending.ignored.map((i) => i.event.kind)).toEqual(['partial_payment'])

    const ended = limitationStatus(
      {
        lastInstalmentDue: '2019-12-31',
        today: '2024-06-01',
        events: [
          { date: '2021-03-01', kind: 'filing', proceedingsEnded: '2021-08-20' },
          { date: '2021-05-01', kind: 'partial_payment' },
        ],
      },
      cal,
    )
    expect(ended.runs.map((r) => [r.cause, r.from, r.due])).toEqual([
      ['start', '2019-12-31', '2023-01-03'], // 2022-12-31 opened the 2023 元旦 holiday
      ['proceedings_ended', '2021-08-20', '2024-08-20'],
    ])
    expect(ended).toMatchObject({ state: 'running', expiry: '2024-08-20', daysLeft: 80, warning: { level: 90 } })
    expect(ended.ignored).toHaveLength(1)
  })

  it('ignores events before the limitation started and refuses future or malformed events', () => {
    const r = limitationStatus({ lastInstalmentDue: '2022-03-10', today: '2023-01-01', events: [{ date: '2022-01-05', kind: 'acknowledgement' }] }, cal)
    expect(r.runs).toHaveLength(1)
    expect(r.ignored[0].reasonEn).toContain('Before limitation started')
    expect(() => limitationStatus({ lastInstalmentDue: '2022-03-10', today: '2023-01-01', events: [{ date: '2023-02-01', kind: 'plan' }] }, cal)).toThrowError(
      expect.objectContaining({ code: 'LIMITATION_EVENT_IN_FUTURE' }),
    )
    expect(() => limitationStatus({ lastInstalmentDue: '2022-02-30', today: '2023-01-01', events: [] }, cal)).toThrowError(
      expect.objectContaining({ code: 'DATE_INVALID', field: 'lastInstalmentDue' }),
    )
    expect(() =>
      limitationStatus({ lastInstalmentDue: '2022-03-10', today: '2023-01-01', events: [{ date: '2022-05-01', kind: 'plan', proceedingsEnded: '2022-06-01' }] }, cal),
    ).toThrowError(expect.objectContaining({ code: 'LIMITATION_EVENT_INVALID' }))
  })
})
