import { describe, expect, it } from 'vitest'
import { toStoredRow } from '../../../electron/core/import/store-row'
import type { NormalizedRow } from '../../../electron/core/import/types'

/** What one validated import row stores: the derived schedule summary, repayment, figures and the store's own date rules. */
const TODAY = '2026-11-28'
const row = (loan: Partial<NormalizedRow['loan']> = {}): NormalizedRow => ({
  borrower: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000', otherPhones: [], address: null },
  lender: { name: '某小贷', creditCode: null },
  loan: {
    contractNo: 'HT-1', contractDate: '2025-01-10', contractAmountFen: 1_000_000, disbursedAmountFen: 900_000, disbursementDate: '2025-01-10', dueDate: '2026-01-10',
    instalments: 12, rateAnnual: '0.18', rateOriginal: '18%', overdueRateAnnual: null, overdueRateOriginal: null, penaltyRateAnnual: null, penaltyRateOriginal: null,
    feesFen: null, principalRepaidFen: 300_000, interestRepaidFen: 50_000, daysPastDue: 30, repaymentMethod: 'equal_instalment', repaymentMethodOriginal: '等额本息', ...loan,
  },
})
const store = (r: NormalizedRow) => toStoredRow(r, 2, TODAY, 360, (f) => f)

describe('toStoredRow', () => {
  it('days past due set the schedule summary and the overdue date; repayments to date are dated that day', () => {
    const s = store(row())
    if (!s.ok) throw new Error('rejected')
    expect(s.value.schedule).toEqual({ dueDate: '2026-10-29', principalFen: 900_000 })
    expect(s.value.repayment).toEqual({ date: '2026-10-29', amountFen: 350_000, principalFen: 300_000 })
    expect(s.value.figures).toEqual({ overdueSince: '2026-10-29', principalOutstandingFen: 600_000, repaidFen: 350_000 })
    expect(s.value.loan).toMatchObject({ disbursed_amount_fen: 900_000, rate_term: '0.18', repayment_method: 'equal_instalment', maturity_date: '2026-01-10', day_basis: 360 })
    expect(s.value.facts).toMatchObject({ rate_original: '18%', repayment_method_original: '等额本息', days_past_due_reported: 30 })
  })

  it('without days past due the due date is the overdue date; not yet due means not overdue', () => {
    const past = store(row({ daysPastDue: null }))
    expect(past.ok && past.value.figures.overdueSince).toBe('2026-01-10')
    const future = store(row({ daysPastDue: 0, dueDate: '2027-01-10' }))
    expect(future.ok && future.value.figures.overdueSince).toBe(null)
    expect(future.ok && future.value.repayment?.date).toBe('2025-01-10') // never after what is known: the disbursement day
  })

  it('falls back for missing amounts, dates and method, and refuses what the store would refuse', () => {
    const s = store(row({ disbursedAmountFen: null, disbursementDate: null, repaymentMethod: 'other', instalments: 1 }))
    expect(s.ok && s.value.loan).toMatchObject({ disbursed_amount_fen: 1_000_000, disbursement_date: '2025-01-10', repayment_method: 'bullet' })
    expect(store(row({ contractDate: null, disbursementDate: null }))).toMatchObject({ ok: false, errors: [{ code: 'IMPORT_DATE_REQUIRED', column: 'disbursementDate' }] })
    expect(store(row({ contractDate: '2025-03-01', disbursementDate: '2025-01-10' }))).toMatchObject({ ok: false, errors: [{ code: 'IMPORT_DATE_ORDER' }] })
  })

  it('the digest changes with any stored value and only then', () => {
    const a = store(row())
    const b = store(row())
    const c = store(row({ rateAnnual: '0.2' }))
    if (!a.ok || !b.ok || !c.ok) throw new Error('rejected')
    expect(a.value.digest).toBe(b.value.digest)
    expect(c.value.digest).not.toBe(a.value.digest)
  })
})
