import type { z } from 'zod'
import type { Loan, loanInput, repaymentInput } from '../../../shared/domain/loan'
import { appendAudit, diffRecords, type Executor } from '../audit/log'
import { recomputeCaseFigures, loadLoanFigures, loanPrincipalOutstanding } from '../cases/figures'
import { refreshCaseSearch } from '../cases/search'
import type { CoreContext } from '../context'
import type { LoansTable } from '../db/schema'
import { notFound, UserError } from '../errors'
import { checkLoanFields, checkSchedule } from './rules'

type LoanFields = z.output<typeof loanInput>
type RepaymentFields = z.output<typeof repaymentInput>

export async function loadLoan(ex: Executor, id: string): Promise<Loan> {
  const r = await ex.selectFrom('loans').innerJoin('lenders', 'lenders.id', 'loans.lender_id').selectAll('loans').select('lenders.name as lender_name').where('loans.id', '=', id).executeTakeFirst()
  if (!r) throw notFound('借款合同', 'Loan', id)
  const schedule = await ex.selectFrom('schedule_items').selectAll().where('loan_id', '=', id).orderBy('seq').execute()
  const repayments = await ex.selectFrom('repayments').selectAll().where('loan_id', '=', id).orderBy('date').orderBy('id').execute()
  const guarantors = await ex.selectFrom('loan_guarantors').selectAll().where('loan_id', '=', id).execute()
  const figures = await loadLoanFigures(ex, id)
  return {
    id: r.id, lenderId: r.lender_id, lenderName: r.lender_name, borrowerId: r.borrower_id, contractNo: r.contract_no, contractDate: r.contract_date,
    signingMethod: r.signing_method, esignProvider: r.esign_provider, contractAmountFen: r.contract_amount_fen, disbursedAmountFen: r.disbursed_amount_fen,
    disbursementDate: r.disbursement_date, termMonths: r.term_months, maturityDate: r.maturity_date, repaymentMethod: r.repayment_method as Loan['repaymentMethod'],
    rateTerm: r.rate_term, feeRateTerm: r.fee_rate_term, rateOverdue: r.rate_overdue, penaltyRate: r.penalty_rate, feeRateOverdue: r.fee_rate_overdue,
    penaltyFlatFen: r.penalty_flat_fen, upfrontFeeFen: r.upfront_fee_fen, dayBasis: r.day_basis, jurisdictionClause: r.jurisdiction_clause, arbitrationClause: r.arbitration_clause,
    schedule: schedule.map((s) => ({ seq: s.seq, dueDate: s.due_date, principalFen: s.principal_fen, interestFen: s.interest_fen, feeFen: s.fee_fen })),
    repayments: repayments.map((p) => ({ id: p.id, date: p.date, amountFen: p.amount_fen, principalFen: p.principal_fen, source: p.source, reference: p.reference })),
    guarantors: guarantors.map((g) => ({ name: g.name, idNumber: g.id_number, phone: g.phone, address: g.address })),
    principalRepaidFen: figures.principalRepaidFen,
    principalOutstandingFen: loanPrincipalOutstanding(figures),
  }
}

function toRow(id: string, f: Omit<LoanFields, 'schedule' | 'guarantors'>, now: string, createdAt = now): LoansTable {
  return {
    id, lender_id: f.lenderId, borrower_id: f.borrowerId, contract_no: f.contractNo, contract_date: f.contractDate,
    signing_method: f.signingMethod ?? null, esign_provider: f.esignProvider ?? null, contract_amount_fen: f.contractAmountFen,
    disbursed_amount_fen: f.disbursedAmountFen, disbursement_date: f.disbursementDate, term_months: f.termMonths ?? null,
    maturity_date: f.maturityDate ?? null, repayment_method: f.repaymentMethod, rate_term: f.rateTerm ?? null, fee_rate_term: f.feeRateTerm ?? null,
    rate_overdue: f.rateOverdue ?? null, penalty_rate: f.penaltyRate ?? null, fee_rate_overdue: f.feeRateOverdue ?? null,
    penalty_flat_fen: f.penaltyFlatFen ?? null, upfront_fee_fen: f.upfrontFeeFen ?? null, day_basis: f.dayBasis ?? null,
    jurisdiction_clause: f.jurisdictionClause ?? null, arbitration_clause: f.arbitrationClause ?? null, created_at: createdAt, updated_at: now,
  }
}

/** Every case that includes the loan gets its figures and search text refreshed. */
async function refreshCasesOfLoan(ex: Executor, loanId: string, today: string): Promise<void> {
  const cases = await ex.selectFrom('case_loans').select('case_id').where('loan_id', '=', loanId).execute()
  for (const c of cases) {
    await recomputeCaseFigures(ex, c.case_id, today)
    await refreshCaseSearch(ex, c.case_id)
  }
}

export function loanService(ctx: CoreContext) {
  const { kysely } = ctx.db
  const audit = (ex: Executor, entityId: string, action: string, diff: unknown) =>
    appendAudit(ex, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'loan', entityId, action, diff })

  return {
    async create(input: LoanFields): Promise<Loan> {
      checkLoanFields(input)
      checkSchedule(input.schedule, input.disbursementDate)
      const now = ctx.nowIso()
      const row = toRow(ctx.newId(), input, now)
      return kysely.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('lenders').select('id').where('id', '=', input.lenderId).executeTakeFirst())) throw notFound('出借人', 'Lender', input.lenderId)
        if (!(await trx.selectFrom('borrowers').select('id').where('id', '=', input.borrowerId).executeTakeFirst())) throw notFound('借款人', 'Borrower', input.borrowerId)
        const dup = await trx.selectFrom('loans').select('id').where('lender_id', '=', input.lenderId).where('contract_no', '=', input.contractNo).executeTakeFirst()
        if (dup) throw new UserError('DUPLICATE_CONTRACT', `该出借人已有合同编号为 ${input.contractNo} 的借款`, `This lender already has a loan with contract number ${input.contractNo}`, { field: 'contractNo', details: { id: dup.id } })
        await trx.insertInto('loans').values(row).execute()
        for (const [i, s] of input.schedule.entries())
          await trx.insertInto('schedule_items').values({ loan_id: row.id, seq: i + 1, due_date: s.dueDate, principal_fen: s.principalFen, interest_fen: s.interestFen, fee_fen: s.feeFen }).execute()
        for (const g of input.guarantors)
          await trx.insertInto('loan_guarantors').values({ id: ctx.newId(), loan_id: row.id, name: g.name, id_number: g.idNumber ?? null, phone: g.phone ?? null, address: g.address ?? null }).execute()
        await trx.insertInto('disbursements').values({ id: ctx.newId(), loan_id: row.id, date: row.disbursement_date, amount_fen: row.disbursed_amount_fen, channel: null, reference: null }).execute()
        await audit(trx, row.id, 'create', { ...diffRecords(null, row), schedule: input.schedule.length })
        return loadLoan(trx, row.id)
      })
    },

    async update(id: string, patch: Partial<Omit<LoanFields, 'lenderId' | 'borrowerId' | 'schedule' | 'guarantors'>>): Promise<Loan> {
      return kysely.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('loans').selectAll().where('id', '=', id).executeTakeFirst()
        if (!before) throw notFound('借款合同', 'Loan', id)
        const current = await loadLoan(trx, id)
        const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as LoanFields
        checkLoanFields(merged)
        const after = toRow(id, merged, ctx.nowIso(), before.created_at)
        await trx.updateTable('loans').set(after).where('id', '=', id).execute()
        await audit(trx, id, 'update', diffRecords(before, after))
        await refreshCasesOfLoan(trx, id, ctx.today())
        return loadLoan(trx, id)
      })
    },

    async get(id: string): Promise<Loan> {
      return loadLoan(kysely, id)
    },

    async listForCase(caseId: string): Promise<Loan[]> {
      const links = await kysely.selectFrom('case_loans').select('loan_id').where('case_id', '=', caseId).execute()
      if (links.length === 0 && !(await kysely.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
      return Promise.all(links.map((l) => loadLoan(kysely, l.loan_id)))
    },

    async addRepayment(loanId: string, p: RepaymentFields): Promise<Loan> {
      return kysely.transaction().execute(async (trx) => {
        const loan = await trx.selectFrom('loans').select(['id', 'disbursement_date']).where('id', '=', loanId).executeTakeFirst()
        if (!loan) throw notFound('借款合同', 'Loan', loanId)
        if (p.date > ctx.today()) throw new UserError('DATE_IN_FUTURE', '还款日期不能晚于今天', 'The repayment date cannot be in the future', { field: 'date' })
        if (p.date < loan.disbursement_date) throw new UserError('REPAYMENT_BEFORE_DISBURSEMENT', '还款日期不能早于放款日期', 'The repayment date cannot be before the disbursement date', { field: 'date' })
        if (p.principalFen !== undefined && p.principalFen > p.amountFen) throw new UserError('PRINCIPAL_EXCEEDS_AMOUNT', '其中本金不能大于还款金额', 'The principal part cannot exceed the amount repaid', { field: 'principalFen' })
        const row = { id: ctx.newId(), loan_id: loanId, date: p.date, amount_fen: p.amountFen, principal_fen: p.principalFen ?? null, source: p.source ?? null, reference: p.reference ?? null, created_at: ctx.nowIso() }
        await trx.insertInto('repayments').values(row).execute()
        await audit(trx, loanId, 'repayment', { repaymentId: row.id, date: row.date, amountFen: row.amount_fen, principalFen: row.principal_fen })
        await refreshCasesOfLoan(trx, loanId, ctx.today())
        return loadLoan(trx, loanId)
      })
    },
  }
}
