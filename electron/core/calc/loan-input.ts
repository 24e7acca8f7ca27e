import type { ClaimInputRaw } from '../../../shared/domain/claim'
import type { Executor } from '../audit/log'
import { notFound, UserError } from '../errors'
import { fenToYuan } from '../money/fen'

/**
 * The calculator's input for a stored loan: the lender's regime, the contract terms, the schedule (or the
 * maturity date as one instalment for a bullet loan without one), the repayments, and the case's filing date.
 */
export async function claimInputForLoan(ex: Executor, loanId: string, asOf: string, filingDate?: string): Promise<ClaimInputRaw> {
  const loan = await ex
    .selectFrom('loans as l')
    .innerJoin('lenders as le', 'le.id', 'l.lender_id')
    .selectAll('l')
    .select('le.regime')
    .where('l.id', '=', loanId)
    .executeTakeFirst()
  if (!loan) throw notFound('借款合同', 'Loan', loanId)
  const schedule = await ex.selectFrom('schedule_items').select(['due_date', 'principal_fen']).where('loan_id', '=', loanId).orderBy('seq').execute()
  const repayments = await ex.selectFrom('repayments').select(['date', 'amount_fen']).where('loan_id', '=', loanId).where('date', '<', asOf).orderBy('date').execute()
  const filed = filingDate ?? (await ex.selectFrom('case_loans as cl').innerJoin('cases as c', 'c.id', 'cl.case_id').select('c.filing_date').where('cl.loan_id', '=', loanId).where('c.filing_date', 'is not', null).executeTakeFirst())?.filing_date ?? undefined
  const items = schedule.length
    ? schedule.map((s) => ({ dueDate: s.due_date, principal: fenToYuan(s.principal_fen) }))
    : loan.maturity_date
      ? [{ dueDate: loan.maturity_date, principal: fenToYuan(loan.contract_amount_fen) }]
      : []
  if (items.length === 0)
    throw new UserError('LOAN_NO_SCHEDULE', `借款合同 ${loan.contract_no} 没有还款计划或到期日，无法计算`, `Loan ${loan.contract_no} has no schedule or maturity date to calculate from`, { field: 'schedule' })
  const opt = <T>(v: T | null) => (v === null ? undefined : v)
  return {
    regime: loan.regime,
    contractDate: loan.contract_date,
    filingDate: filed,
    disbursementDate: loan.disbursement_date,
    contractAmount: fenToYuan(loan.contract_amount_fen),
    disbursedAmount: fenToYuan(loan.disbursed_amount_fen),
    rateTerm: opt(loan.rate_term),
    feeRateTerm: opt(loan.fee_rate_term),
    rateOverdue: opt(loan.rate_overdue),
    penaltyRate: opt(loan.penalty_rate),
    feeRateOverdue: opt(loan.fee_rate_overdue),
    penaltyFlat: loan.penalty_flat_fen === null ? undefined : fenToYuan(loan.penalty_flat_fen),
    schedule: items,
    payments: repayments.map((p) => ({ date: p.date, amount: fenToYuan(p.amount_fen) })),
    expenses: [],
    dayBasis: loan.day_basis === 360 || loan.day_basis === 365 ? loan.day_basis : undefined,
    asOf,
  }
}
