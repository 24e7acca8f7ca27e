import { addDays, toDayNumber } from '../../../shared/domain/date'
import { loanOverdueSince, loanPrincipalOutstanding } from '../cases/figures'
import { FIELD_SPECS } from './fields'
import { fingerprint } from './fingerprint'
import type { NormalizedRow, RowError } from './types'

/**
 * What one normalised import row stores: the loan's columns, its one-line schedule summary and its
 * repayments-to-date, the facts the loan row has no column for, and the case figures. Pure, so the
 * writer and the tests share one answer to "what does this row mean in the store".
 *
 * A row is a summary, not a ledger, so two things are derived, and both are chosen never to overstate
 * what is owed:
 * - the schedule is one item — the whole disbursed principal due on the day the file says the loan went
 *   overdue (today − 逾期天数), else on its due date (到期日). That is the accelerated position the claim
 *   rests on, and it keeps cases/figures.ts (which derives days past due from the schedule) giving the same
 *   answer when a repayment is later added in the app;
 * - the repayments to date (已还本金 + 已还利息) are one repayment dated on that same day (the borrower
 *   paid until the loan fell overdue), or on the disbursement date when there is no such day, so interest is
 *   never charged on principal that had already been repaid.
 */
export interface StoredLoanFields {
  contract_date: string
  contract_amount_fen: number
  disbursed_amount_fen: number
  disbursement_date: string
  maturity_date: string | null
  repayment_method: 'bullet' | 'equal_instalment' | 'equal_principal' | 'interest_first'
  rate_term: string | null
  rate_overdue: string | null
  penalty_rate: string | null
  day_basis: 360 | 365
}

export interface StoredFacts {
  rate_original: string | null
  overdue_rate_original: string | null
  penalty_rate_original: string | null
  repayment_method_original: string | null
  due_date: string | null
  instalments: number | null
  fees_fen: number | null
  principal_repaid_fen: number | null
  interest_repaid_fen: number | null
  days_past_due_reported: number | null
}

export interface StoredRow {
  loan: StoredLoanFields
  facts: StoredFacts
  schedule: { dueDate: string; principalFen: number } | null
  repayment: { date: string; amountFen: number; principalFen: number | null } | null
  figures: { overdueSince: string | null; principalOutstandingFen: number; repaidFen: number }
  /** Changes whenever anything the row stores changes; equal digests mean "unchanged". */
  digest: string
}

/** Source tag of the repayment a row's 已还本金/已还利息 become; re-imports replace only that one. */
export const SUMMARY_REPAYMENT_SOURCE = 'import-summary'

const methodFallback = (instalments: number | null): StoredLoanFields['repayment_method'] => (instalments !== null && instalments > 1 ? 'equal_instalment' : 'bullet')

/**
 * Turn a validated row into what is stored, or the row errors the store's own rules would raise (a loan
 * needs a contract or disbursement date; the disbursement may precede the contract by at most 31 days).
 */
export function toStoredRow(row: NormalizedRow, rowNumber: number, today: string, dayBasis: 360 | 365, columnOf: (field: keyof typeof FIELD_SPECS) => string): { ok: true; value: StoredRow } | { ok: false; errors: RowError[] } {
  const l = row.loan
  const contractDate = l.contractDate ?? l.disbursementDate
  const disbursementDate = l.disbursementDate ?? l.contractDate
  if (contractDate === null || disbursementDate === null) {
    return { ok: false, errors: [{ row: rowNumber, column: columnOf('disbursementDate'), code: 'IMPORT_DATE_REQUIRED', message: '合同签订日期和放款日期至少要有一个', messageEn: 'A contract date or a disbursement date is needed' }] }
  }
  if (toDayNumber(contractDate) - toDayNumber(disbursementDate) > 31) {
    return { ok: false, errors: [{ row: rowNumber, column: columnOf('disbursementDate'), code: 'IMPORT_DATE_ORDER', message: '放款日期比合同签订日期早了 31 天以上', messageEn: 'The disbursement date is more than 31 days before the contract date' }] }
  }
  const disbursed = l.disbursedAmountFen ?? l.contractAmountFen
  const principalRepaid = l.principalRepaidFen ?? 0
  const repaidTotal = principalRepaid + (l.interestRepaidFen ?? 0)

  let dueOn: string | null = null
  if (l.daysPastDue !== null && l.daysPastDue > 0) dueOn = addDays(today, -l.daysPastDue)
  else if (l.dueDate !== null) dueOn = l.dueDate
  // An instalment can only fall due after the money was paid out (loans/rules.ts checkSchedule).
  const schedule = dueOn !== null && dueOn > disbursementDate && disbursed > 0 ? { dueDate: dueOn, principalFen: disbursed } : null
  const repaymentDate = schedule && schedule.dueDate <= today ? schedule.dueDate : disbursementDate
  const repayment = repaidTotal > 0 ? { date: repaymentDate, amountFen: repaidTotal, principalFen: l.principalRepaidFen } : null

  const figures = { disbursedFen: disbursed, schedule: schedule ? [schedule] : [], principalRepaidFen: principalRepaid }
  const loan: StoredLoanFields = {
    contract_date: contractDate, contract_amount_fen: l.contractAmountFen, disbursed_amount_fen: disbursed, disbursement_date: disbursementDate,
    maturity_date: l.dueDate, repayment_method: l.repaymentMethod && l.repaymentMethod !== 'other' ? l.repaymentMethod : methodFallback(l.instalments),
    rate_term: l.rateAnnual, rate_overdue: l.overdueRateAnnual, penalty_rate: l.penaltyRateAnnual, day_basis: dayBasis,
  }
  const facts: StoredFacts = {
    rate_original: l.rateOriginal, overdue_rate_original: l.overdueRateOriginal, penalty_rate_original: l.penaltyRateOriginal,
    repayment_method_original: l.repaymentMethodOriginal, due_date: l.dueDate, instalments: l.instalments, fees_fen: l.feesFen,
    principal_repaid_fen: l.principalRepaidFen, interest_repaid_fen: l.interestRepaidFen, days_past_due_reported: l.daysPastDue,
  }
  const value: StoredRow = {
    loan, facts, schedule, repayment,
    figures: { overdueSince: loanOverdueSince(figures, today), principalOutstandingFen: loanPrincipalOutstanding(figures), repaidFen: repaidTotal },
    digest: '',
  }
  // The digest covers the whole normalised row (borrower included) and the day basis: any change in the file is an update.
  value.digest = fingerprint(JSON.stringify(row) + dayBasis)
  return { ok: true, value }
}
