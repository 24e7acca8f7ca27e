import { beforeAll, expect, it } from 'vitest'
import { caseListFilter } from '../../shared/domain/case'
import { caseListQueries } from '../../electron/core/cases/list'
import { lastCaseNoQuery } from '../../electron/core/cases/service'
import { makeCore } from '../helpers/core'

/**
 * The list queries must be served by indexes, not by scanning 100,000 cases. EXPLAIN QUERY PLAN on a seeded
 * store (ANALYZE'd, as a long-lived store is after `db check`) names the index each one uses.
 */
let core: Awaited<ReturnType<typeof makeCore>>
beforeAll(async () => {
  core = await makeCore()
  await core.services.seed(2000, 3)
  core.ctx.db.raw.exec('ANALYZE')
})

function plan(filter: object, which: 'page' | 'count'): string {
  const q = caseListQueries(core.ctx.db.kysely, caseListFilter.parse(filter), '2026-11-28')[which].compile()
  const rows = core.ctx.db.raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]
  return rows.map((r) => r.detail).join('\n')
}

it('stage filter sorted by days past due walks the (stage, overdue_since) index', () => {
  const p = plan({ stage: 'collection', sort: 'dpd_desc' }, 'page')
  expect(p).toMatch(/SEARCH c USING INDEX cases_stage_overdue \(stage=\?\)/)
  expect(p).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
})

it('a days-past-due bucket within a stage is an index range', () => {
  expect(plan({ stage: 'litigation', dpdBucket: 'M3' }, 'count')).toMatch(/USING (COVERING )?INDEX cases_stage_overdue \(stage=\? AND <expr>>\? AND <expr><\?\)/)
})

it('unfiltered lists sorted by days past due or amount read an index instead of sorting', () => {
  const d = plan({ sort: 'dpd_desc' }, 'page')
  expect(d).toMatch(/SCAN c USING INDEX cases_overdue/)
  expect(d).not.toMatch(/USE TEMP B-TREE/)
  const p = plan({ sort: 'amount_desc' }, 'page')
  expect(p).toMatch(/SCAN c USING INDEX cases_principal/)
  expect(p).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
})

it('owner filter uses the owner index', () => {
  expect(plan({ owner: '张律师', stage: 'collection' }, 'count')).toMatch(/INDEX cases_owner_stage \(owner=\? AND stage=\?\)/)
})

it('search of 3+ characters goes through the trigram FTS index; 1–2 characters scan names only', () => {
  expect(plan({ search: '1234' }, 'page')).toMatch(/SCAN case_search VIRTUAL TABLE INDEX 0:M/)
  const short = plan({ search: '小梅' }, 'page')
  expect(short).toMatch(/SCAN borrowers/)
  expect(short).not.toMatch(/case_search/)
})

it('borrower and lender lookups of the page use primary keys', () => {
  const p = plan({ stage: 'new' }, 'page')
  expect(p).toMatch(/SEARCH b USING INDEX sqlite_autoindex_borrowers_1 \(id=\?\)|SEARCH b USING PRIMARY KEY \(id=\?\)/)
  expect(p).toMatch(/SEARCH l USING (INDEX sqlite_autoindex_lenders_1|PRIMARY KEY) \(id=\?\)/)
})

it('the next case number is read from the end of the case_no index, and is the year\'s highest', async () => {
  const q = lastCaseNoQuery(core.ctx.db.kysely, '2026-11-28').compile()
  const p = (core.ctx.db.raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join('\n')
  expect(p).toMatch(/SEARCH cases USING COVERING INDEX \w+ \(case_no>\? AND case_no<\?\)/)
  const highest = core.ctx.db.raw.prepare("SELECT max(case_no) AS n FROM cases WHERE substr(case_no, 1, 8) = 'AJ-2026-'").get() as { n: string }
  expect((await lastCaseNoQuery(core.ctx.db.kysely, '2026-11-28').executeTakeFirstOrThrow()).case_no).toBe(highest.n)
})

it("a lender's cases are a range of cases_report (lender_id leads it; the lone cases_lender index went in 0010)", () => {
  const eqp = (q: string) => (core.ctx.db.raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all('x') as { detail: string }[]).map((r) => r.detail).join('\n')
  expect(eqp('SELECT count(*) FROM cases WHERE lender_id = ?')).toMatch(/SEARCH cases USING COVERING INDEX cases_report \(lender_id=\?\)/)
  // The foreign-key check when a lender is deleted looks its cases up the same way.
  expect(eqp('DELETE FROM lenders WHERE id = ?')).toMatch(/SEARCH cases USING INDEX cases_report \(lender_id=\?\)/)
})

it("a case's search row is deleted by rowid through case_search_case, not by scanning the FTS table", async () => {
  const raw = core.ctx.db.raw
  const sqlOf = (await import('../../electron/core/cases/search')).refreshCaseSearch.toString()
  expect(sqlOf).toMatch(/DELETE FROM case_search WHERE rowid IN \(SELECT id FROM case_search_content WHERE c0 = /)
  const p = (raw.prepare('EXPLAIN QUERY PLAN DELETE FROM case_search WHERE rowid IN (SELECT id FROM case_search_content WHERE c0 = ?)').all('x') as { detail: string }[]).map((r) => r.detail).join('\n')
  expect(p).toMatch(/SEARCH case_search_content USING COVERING INDEX case_search_case \(c0=\?\)/)
  // And it deletes exactly that case's row.
  const caseId = raw.prepare('SELECT id FROM cases LIMIT 1').pluck().get() as string
  const before = raw.prepare('SELECT count(*) FROM case_search').pluck().get() as number
  await core.ctx.db.kysely.transaction().execute(async (tx) => {
    const { refreshCaseSearch } = await import('../../electron/core/cases/search')
    await refreshCaseSearch(tx, caseId)
  })
  expect(raw.prepare('SELECT count(*) FROM case_search').pluck().get()).toBe(before)
  expect(raw.prepare('SELECT count(*) FROM case_search WHERE case_id = ?').pluck().get(caseId)).toBe(1)
})
