import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchPromises, trackInstalments } from '../../../electron/core/collection/matching'
import { planInstalments, splitEvenly } from '../../../electron/core/collection/plan-split'
import { UserError } from '../../../electron/core/errors'

describe('promise matching', () => {
  const p = (id: string, amountFen: number, createdOn: string, dueDate: string) => ({ id, amountFen, createdOn, dueDate })
  it('kept, partly kept, broken and still open, each repayment used once, earliest due first', () => {
    const promises = [p('b', 50_000, '2026-11-01', '2026-11-20'), p('a', 30_000, '2026-11-01', '2026-11-10'), p('c', 10_000, '2026-11-01', '2026-11-05'), p('d', 10_000, '2026-11-25', '2026-12-01')]
    const pays = [{ date: '2026-11-10', amountFen: 30_000 }, { date: '2026-11-15', amountFen: 20_000 }, { date: '2026-10-30', amountFen: 99_000 }]
    expect(matchPromises(promises, pays, '2026-11-28')).toEqual([
      { id: 'b', keptFen: 20_000, status: 'partly_kept' },
      { id: 'a', keptFen: 30_000, status: 'kept' }, // the 11-10 payment goes to the promise due 11-10, not to b
      { id: 'c', keptFen: 0, status: 'broken' }, // the 10-30 payment predates the promise
      { id: 'd', keptFen: 0, status: 'open' },
    ])
  })
  it('a payment on the due date counts; the day after it is late', () => {
    expect(matchPromises([p('x', 100, '2026-11-01', '2026-11-05')], [{ date: '2026-11-05', amountFen: 100 }], '2026-11-06')[0].status).toBe('kept')
    expect(matchPromises([p('x', 100, '2026-11-01', '2026-11-05')], [{ date: '2026-11-06', amountFen: 100 }], '2026-11-06')[0].status).toBe('broken')
  })
})

describe('plan instalments', () => {
  it('whole-yuan instalments with the remainder last, summing exactly', () => {
    expect(splitEvenly(1_000_050, 3)).toEqual([333_300, 333_300, 333_450])
    expect(planInstalments(1_000_050, 3, '2027-01-31', 1).map((i) => i.dueDate)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31'])
  })
  it('property: any total and count split into positive amounts that add up exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 1e12 }), (count, extra) => {
      const total = count + extra
      const parts = splitEvenly(total, count)
      return parts.length === count && parts.every((x) => x > 0) && parts.reduce((s, x) => s + x, 0) === total
    }))
  })
  it('hand-written amounts must add up to the total', () => {
    expect(planInstalments(300, 2, '2027-01-01', 1, [100, 200]).map((i) => i.amountFen)).toEqual([100, 200])
    const err = (() => { try { planInstalments(300, 2, '2027-01-01', 1, [100, 199]) } catch (e) { return e } })() as UserError
    expect(err.code).toBe('PLAN_SUM_MISMATCH')
    expect(err.message).toContain('相差 0.01 元')
  })
  it('tracking: a waterfall from the plan start; an unpaid past instalment is missed', () => {
    const inst = [1, 2, 3].map((seq) => ({ seq, dueDate: `2026-1${seq - 1}-15`, amountFen: 1000 }))
    const t = trackInstalments(inst, [{ date: '2026-09-01', amountFen: 5000 }, { date: '2026-10-14', amountFen: 1500 }], '2026-10-01', '2026-11-20')
    expect(t.map((x) => [x.paidFen, x.state])).toEqual([[1000, 'paid'], [500, 'missed'], [0, 'due']])
  })
})
