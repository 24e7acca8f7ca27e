import { sql } from 'kysely'
import type { z } from 'zod'
import type { CaseList, caseListFilter } from '../../../shared/domain/case'
import { addDays } from '../../../shared/domain/date'
import { DPD_BUCKET_RANGES } from '../../../shared/domain/enums'
import type { Executor } from '../audit/log'
import { maskPhone } from '../borrowers/mask'
import { maskIdNumber } from '../law/id-number'
import { daysPastDue } from './figures'
import { searchCondition } from './search'

type Filter = z.output<typeof caseListFilter>

/**
 * Days past due are never stored: a bucket [lo, hi] days becomes a range on overdue_since, which the
 * (stage, coalesce(overdue_since, '9999-12-31')) index serves — the expression must match the index's.
 */
const overdueKey = sql<string>`coalesce(c.overdue_since, '9999-12-31')`

function filtered(ex: Executor, f: Filter, today: string) {
  let q = ex.selectFrom('cases as c')
  if (f.stage) q = q.where('c.stage', '=', f.stage)
  if (f.owner) q = q.where('c.owner', '=', f.owner)
  if (f.minAmountFen !== undefined) q = q.where('c.principal_outstanding_fen', '>=', f.minAmountFen)
  if (f.maxAmountFen !== undefined) q = q.where('c.principal_outstanding_fen', '<=', f.maxAmountFen)
  if (f.dpdBucket) {
    const [lo, hi] = DPD_BUCKET_RANGES[f.dpdBucket]
    if (lo === 0) q = q.where(overdueKey, '>=', today)
    else {
      q = q.where(overdueKey, '<=', addDays(today, -lo))
      if (hi !== null) q = q.where(overdueKey, '>=', addDays(today, -hi))
    }
  }
  if (f.search) q = q.where(searchCondition(f.search))
  return q
}

/** The page query and the count query of a list request (exported so tests can EXPLAIN them). */
export function caseListQueries(ex: Executor, f: Filter, today: string) {
  const base = filtered(ex, f, today)
  const count = base.select((eb) => eb.fn.countAll<number>().as('total'))
  let q = base
    .innerJoin('borrowers as b', 'b.id', 'c.borrower_id')
    .innerJoin('lenders as l', 'l.id', 'c.lender_id')
    .select([
      'c.id', 'c.case_no', 'c.stage', 'c.owner', 'c.priority', 'c.overdue_since', 'c.principal_outstanding_fen',
      'b.name as borrower_name', 'b.id_number', 'l.name as lender_name',
      // The primary phone is stored first (seq 1), so the primary key answers this without a sort.
      sql<string | null>`(SELECT phone FROM borrower_phones p WHERE p.borrower_id = b.id ORDER BY p.seq LIMIT 1)`.as('phone'),
    ])
  // Ties break on id in the same direction, so the walk of the index (which ends in the primary key) gives the order.
  switch (f.sort) {
    case 'dpd_desc': q = q.orderBy(overdueKey, 'asc').orderBy('c.id', 'asc'); break
    case 'dpd_asc': q = q.orderBy(overdueKey, 'desc').orderBy('c.id', 'desc'); break
    case 'amount_desc': q = q.orderBy('c.principal_outstanding_fen', 'desc').orderBy('c.id', 'desc'); break
    case 'amount_asc': q = q.orderBy('c.principal_outstanding_fen', 'asc').orderBy('c.id', 'asc'); break
    case 'case_no': q = q.orderBy('c.case_no'); break
  }
  return { count, page: q.limit(f.limit).offset(f.offset) }
}

export async function listCases(ex: Executor, f: Filter, today: string): Promise<CaseList> {
  const { count, page } = caseListQueries(ex, f, today)
  const { total } = await count.executeTakeFirstOrThrow()
  const rows = await page.execute()
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id, caseNo: r.case_no, borrowerName: r.borrower_name,
      idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
      phoneMasked: r.phone ? maskPhone(r.phone) : null,
      lenderName: r.lender_name, stage: r.stage as CaseList['rows'][number]['stage'], owner: r.owner,
      priority: r.priority as CaseList['rows'][number]['priority'],
      daysPastDue: daysPastDue(r.overdue_since, today), principalOutstandingFen: r.principal_outstanding_fen,
    })),
  }
}
