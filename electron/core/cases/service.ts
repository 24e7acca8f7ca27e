import type { z } from 'zod'
import type { CaseDetail, caseInput, caseListFilter, CaseList } from '../../../shared/domain/case'
import type { Stage, Priority } from '../../../shared/domain/enums'
import { appendAudit, diffRecords, type Executor } from '../audit/log'
import type { CoreContext } from '../context'
import type { CasesTable } from '../db/schema'
import { notFound, UserError } from '../errors'
import { daysPastDue, recomputeCaseFigures } from './figures'
import { listCases } from './list'
import { refreshCaseSearch } from './search'
import { caseTimeline } from './timeline'

type CaseFields = z.output<typeof caseInput>

export async function loadCaseDetail(ex: Executor, id: string, today: string): Promise<CaseDetail> {
  const c = await ex.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst()
  if (!c) throw notFound('案件', 'Case', id)
  return {
    id: c.id, caseNo: c.case_no, stage: c.stage as Stage, owner: c.owner, priority: c.priority as Priority, openedOn: c.opened_on,
    daysPastDue: daysPastDue(c.overdue_since, today), overdueSince: c.overdue_since, principalOutstandingFen: c.principal_outstanding_fen,
    repaidFen: c.repaid_fen, court: c.court, borrowerId: c.borrower_id, lenderId: c.lender_id, timeline: await caseTimeline(ex, id),
  }
}

/**
 * The highest case number opened in `today`'s year. A range on case_no's unique index ('.' sorts right after
 * '-'): LIKE is case-insensitive in SQLite, cannot use the index, and scanned every case for each case opened.
 */
export function lastCaseNoQuery(ex: Executor, today: string) {
  const year = today.slice(0, 4)
  return ex.selectFrom('cases').select('case_no').where('case_no', '>=', `AJ-${year}-`).where('case_no', '<', `AJ-${year}.`).orderBy('case_no', 'desc').limit(1)
}

/** The next free case number of the form AJ-2026-000123 (year of opening, running number). */
async function nextCaseNo(ex: Executor, today: string): Promise<string> {
  const prefix = `AJ-${today.slice(0, 4)}-`
  const last = await lastCaseNoQuery(ex, today).executeTakeFirst()
  const n = last ? Number(last.case_no.slice(prefix.length)) + 1 : 1
  return prefix + String(n).padStart(6, '0')
}

export function caseService(ctx: CoreContext) {
  const { kysely } = ctx.db
  const audit = (ex: Executor, entityId: string, action: string, diff: unknown) =>
    appendAudit(ex, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'case', entityId, action, diff })

  return {
    async create(input: CaseFields): Promise<CaseDetail> {
      return kysely.transaction().execute(async (trx) => {
        const loans = await trx.selectFrom('loans').select(['id', 'borrower_id', 'lender_id']).where('id', 'in', input.loanIds).execute()
        for (const id of input.loanIds) if (!loans.some((l) => l.id === id)) throw notFound('借款合同', 'Loan', id)
        if (loans.some((l) => l.borrower_id !== input.borrowerId || l.lender_id !== input.lenderId))
          throw new UserError('LOAN_PARTY_MISMATCH', '案件中的借款须属于同一借款人和出借人', 'All loans of a case must belong to its borrower and lender', { field: 'loanIds' })
        const caseNo = input.caseNo ?? (await nextCaseNo(trx, ctx.today()))
        if (await trx.selectFrom('cases').select('id').where('case_no', '=', caseNo).executeTakeFirst())
          throw new UserError('DUPLICATE_CASE_NO', `案件编号已存在：${caseNo}`, `Case number already exists: ${caseNo}`, { field: 'caseNo' })
        const now = ctx.nowIso()
        const row: CasesTable = {
          id: ctx.newId(), case_no: caseNo, borrower_id: input.borrowerId, lender_id: input.lenderId, stage: 'new', owner: input.owner ?? null,
          priority: input.priority, opened_on: ctx.today(), closed_on: null, close_reason: null, overdue_since: null, principal_outstanding_fen: 0,
          repaid_fen: 0, court: null, court_case_no: null, procedure: null, filing_date: null, created_at: now, updated_at: now,
        }
        await trx.insertInto('cases').values(row).execute()
        for (const loanId of input.loanIds) await trx.insertInto('case_loans').values({ case_id: row.id, loan_id: loanId }).execute()
        await trx.insertInto('stage_history').values({ id: ctx.newId(), case_id: row.id, from_stage: null, to_stage: 'new', at: now, actor: ctx.platform.actor, reason: null }).execute()
        await recomputeCaseFigures(trx, row.id, ctx.today())
        await refreshCaseSearch(trx, row.id)
        await audit(trx, row.id, 'create', { ...diffRecords(null, row), loanIds: input.loanIds })
        return loadCaseDetail(trx, row.id, ctx.today())
      })
    },

    async update(id: string, patch: { owner?: string; priority?: Priority }): Promise<CaseDetail> {
      return kysely.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst()
        if (!before) throw notFound('案件', 'Case', id)
        const after = { ...before, ...(patch.owner !== undefined && { owner: patch.owner }), ...(patch.priority && { priority: patch.priority }), updated_at: ctx.nowIso() }
        await trx.updateTable('cases').set(after).where('id', '=', id).execute()
        await audit(trx, id, 'update', diffRecords(before, after))
        return loadCaseDetail(trx, id, ctx.today())
      })
    },

    async get(id: string): Promise<CaseDetail> {
      return loadCaseDetail(kysely, id, ctx.today())
    },

    async list(filter: z.output<typeof caseListFilter>): Promise<CaseList> {
      return listCases(kysely, filter, ctx.today())
    },
  }
}
