import type BetterSqlite3 from 'better-sqlite3'
import type { ClaimInputRaw } from '../../../shared/domain/claim'
import { fenToYuan } from '../money/fen'

/**
 * Calculator inputs for many stored loans at once: one ordered scan per table instead of three queries per
 * loan, for recalculating a whole book as of one date (the portfolio's supportable total, the benchmark).
 * Same mapping as claimInputForLoan (loan-input.ts) — the test in test/db/claim-inputs.test.ts holds them equal.
 */
export function loadClaimInputs(raw: BetterSqlite3.Database, asOf: string): { loanId: string; input: ClaimInputRaw }[] {
  const loans = raw
    .prepare(`SELECT l.id, le.regime, l.contract_date, l.disbursement_date, l.contract_amount_fen, l.disbursed_amount_fen, l.maturity_date,
        l.rate_term, l.fee_rate_term, l.rate_overdue, l.penalty_rate, l.fee_rate_overdue, l.penalty_flat_fen, l.day_basis,
        (SELECT c.filing_date FROM case_loans cl JOIN cases c ON c.id = cl.case_id WHERE cl.loan_id = l.id AND c.filing_date IS NOT NULL LIMIT 1) AS filing_date
      FROM loans l JOIN lenders le ON le.id = l.lender_id ORDER BY l.id`)
    .all() as Record<string, any>[]
  const byLoan = <T>(sql: string, ...params: unknown[]) => {
    const map = new Map<string, T[]>()
    for (const row of raw.prepare(sql).iterate(...params) as Iterable<T & { loan_id: string }>) {
      const list = map.get(row.loan_id)
      if (list) list.push(row)
      else map.set(row.loan_id, [row])
    }
    return map
  }
  const schedules = byLoan<{ due_date: string; principal_fen: number }>(`SELECT loan_id, due_date, principal_fen FROM schedule_items ORDER BY loan_id, seq`)
  const payments = byLoan<{ date: string; amount_fen: number }>(`SELECT loan_id, date, amount_fen FROM repayments WHERE date < ? ORDER BY loan_id, date`, asOf)
  const opt = <T>(v: T | null) => (v === null ? undefined : v)
  return loans.map((l) => {
    const schedule = schedules.get(l.id)?.map((s) => ({ dueDate: s.due_date, principal: fenToYuan(s.principal_fen) })) ??
      (l.maturity_date ? [{ dueDate: l.maturity_date, principal: fenToYuan(l.contract_amount_fen) }] : [])
    return {
      loanId: l.id,
      input: {
        regime: l.regime, contractDate: l.contract_date, filingDate: opt(l.filing_date), disbursementDate: l.disbursement_date,
        contractAmount: fenToYuan(l.contract_amount_fen), disbursedAmount: fenToYuan(l.disbursed_amount_fen),
        rateTerm: opt(l.rate_term), feeRateTerm: opt(l.fee_rate_term), rateOverdue: opt(l.rate_overdue), penaltyRate: opt(l.penalty_rate),
        feeRateOverdue: opt(l.fee_rate_overdue), penaltyFlat: l.penalty_flat_fen === null ? undefined : fenToYuan(l.penalty_flat_fen),
        schedule, payments: (payments.get(l.id) ?? []).map((p) => ({ date: p.date, amount: fenToYuan(p.amount_fen) })), expenses: [],
        dayBasis: l.day_basis === 360 || l.day_basis === 365 ? l.day_basis : undefined, asOf,
      },
    }
  })
}
