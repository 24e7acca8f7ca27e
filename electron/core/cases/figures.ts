import type { Executor } from '../audit/log'
import { daysBetween } from '../../../shared/domain/date'

/**
 * The quick figures a case list sorts and filters by, kept on the case row: principal outstanding and the
 * date the oldest unpaid instalment fell due (days past due are counted from it at query time, so they
 * never go stale). Principal is the amount actually disbursed (砍头息 rule); the schedule is scaled to it.
 * A repayment whose principal part is not known counts wholly toward principal here — the claim calculator,
 * not this figure, decides what is legally owed.
 */
export interface LoanFigures {
  disbursedFen: number
  schedule: { dueDate: string; principalFen: number }[]
  principalRepaidFen: number
}

export function loanPrincipalOutstanding(f: LoanFigures): number {
  return Math.max(0, f.disbursedFen - f.principalRepaidFen)
}

/** The due date of the first instalment not covered by the principal repaid, or null when all is covered. */
export function loanOverdueSince(f: LoanFigures, today: string): string | null {
  const total = f.schedule.reduce((s, i) => s + i.principalFen, 0)
  if (total === 0) return null
  let cumulative = 0
  for (const item of f.schedule) {
    cumulative += item.principalFen
    // Scale the scheduled principal to the disbursed amount, in integers (no float for money).
    const dueScaled = Number((BigInt(cumulative) * BigInt(f.disbursedFen)) / BigInt(total))
    if (dueScaled > f.principalRepaidFen) return item.dueDate <= today ? item.dueDate : null
  }
  return null
}

export function daysPastDue(overdueSince: string | null, today: string): number {
  return overdueSince && overdueSince < today ? daysBetween(overdueSince, today) : 0
}

export async function loadLoanFigures(ex: Executor, loanId: string): Promise<LoanFigures> {
  const loan = await ex.selectFrom('loans').select(['disbursed_amount_fen']).where('id', '=', loanId).executeTakeFirstOrThrow()
  const schedule = await ex.selectFrom('schedule_items').select(['due_date', 'principal_fen']).where('loan_id', '=', loanId).orderBy('seq').execute()
  const repaid = await ex
    .selectFrom('repayments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb.fn.coalesce('principal_fen', 'amount_fen')), eb.lit(0)).as('p'))
    .where('loan_id', '=', loanId)
    .executeTakeFirstOrThrow()
  return {
    disbursedFen: loan.disbursed_amount_fen,
    schedule: schedule.map((s) => ({ dueDate: s.due_date, principalFen: s.principal_fen })),
    principalRepaidFen: Number(repaid.p),
  }
}

/** Recompute and store a case's figures from its loans. */
export async function recomputeCaseFigures(ex: Executor, caseId: string, today: string): Promise<void> {
  const links = await ex.selectFrom('case_loans').select('loan_id').where('case_id', '=', caseId).execute()
  let outstanding = 0
  let repaid = 0
  let overdueSince: string | null = null
  for (const { loan_id } of links) {
    const f = await loadLoanFigures(ex, loan_id)
    outstanding += loanPrincipalOutstanding(f)
    const all = await ex.selectFrom('repayments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('a')).where('loan_id', '=', loan_id).executeTakeFirstOrThrow()
    repaid += Number(all.a)
    const since = loanOverdueSince(f, today)
    if (since && (!overdueSince || since < overdueSince)) overdueSince = since
  }
  await ex.updateTable('cases').set({ principal_outstanding_fen: outstanding, repaid_fen: repaid, overdue_since: overdueSince }).where('id', '=', caseId).execute()
}
