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
 * (stage, overdue_since) index serves.
 */
function filtered(ex: Executor, f: Filter, today: string) {
  let q = ex.selectFrom('cases as c')
  if (f.stage) q = q.where('c.stage', '=', f.stage)
  if (f.owner) q = q.where('c.owner', '=', f.owner)
  if (f.minAmountFen !== undefined) q = q.where('c.principal_outstanding_fen', '>=', f.minAmountFen)
  if (f.maxAmountFen !== undefined) q = q.where('c.principal_outstanding_fen', '<=', f.maxAmountFen)
  if (f.dpdBucket) {
    const [lo, hi] = DPD_BUCKET_RANGES[f.dpdBucket]
    if (lo === 0) q = q.where((eb) => eb.or([eb('c.overdue_since', 'is', null), eb('c.overdue_since', '>=', today)]))
    else {
      q = q.where('c.overdue_since', '<=', addDays(today, -lo))
      if (hi !== null) q = q.where('c.overdue_since', '>=', addDays(today, -hi))
    }
  }
  if (f.search) q = q.where(searchCondition(f.search))
  return q
}

export async function listCases(ex: Executor, f: Filter, today: string): Promise<CaseList> {
  const base = filtered(ex, f, today)
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  let q = base
    .innerJoin('borrowers as b', 'b.id', 'c.borrower_id')
    .innerJoin('lenders as l', 'l.id', 'c.lender_id')
    .select([
      'c.id', 'c.case_no', 'c.stage', 'c.owner', 'c.priority', 'c.overdue_since', 'c.principal_outstanding_fen',
      'b.name as borrower_name', 'b.id_number', 'l.name as lender_name',
      sql<string | null>`(SELECT phone FROM borrower_phones p WHERE p.borrower_id = b.id ORDER BY p.is_primary DESC LIMIT 1)`.as('phone'),
    ])
  switch (f.sort) {
    case 'dpd_desc': q = q.orderBy(sql`c.overdue_since IS NULL`).orderBy('c.overdue_since', 'asc'); break
    case 'dpd_asc': q = q.orderBy(sql`c.overdue_since IS NULL`, 'desc').orderBy('c.overdue_since', 'desc'); break
    case 'amount_desc': q = q.orderBy('c.principal_outstanding_fen', 'desc'); break
    case 'amount_asc': q = q.orderBy('c.principal_outstanding_fen', 'asc'); break
    case 'case_no': q = q.orderBy('c.case_no'); break
  }
  const rows = await q.orderBy('c.id').limit(f.limit).offset(f.offset).execute()
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
