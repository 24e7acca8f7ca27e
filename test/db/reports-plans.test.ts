import { beforeAll, expect, it } from 'vitest'
import { actionsSql, placedRecoveredSql, placedSql, promisesSql, recoveriesSql } from '../../electron/core/reports/flows'
import { candidateSql } from '../../electron/core/reports/limitation-risk'
import { caseScope } from '../../electron/core/reports/scope'
import { agingSql, bucketParams, groupsSql } from '../../electron/core/reports/stock'
import { makeCore } from '../helpers/core'

/**
 * The dashboard's aggregates must be served by the tallies of 0011-report-tallies or the indexes of
 * 0004-reports, not by walking every wide case row: EXPLAIN QUERY PLAN on a seeded, ANALYZE'd store names
 * the table or index each one uses.
 */
let core: Awaited<ReturnType<typeof makeCore>>
beforeAll(async () => {
  core = await makeCore()
  await core.services.seed(2000, 3)
  core.ctx.db.raw.exec('ANALYZE')
})

function plan(sql: string, params: Record<string, string>): string {
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)))
  const rows = core.ctx.db.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(used) as { detail: string }[]
  return rows.map((r) => r.detail).join('\n')
}
const P = { ...bucketParams('2026-11-28'), fromDate: '2025-12-01', toDate: '2026-11-30', since: '2026-11-22T16:00:00.000Z', lo: '2023-11-13', hi: '2024-02-27', loIso: '2023-11-12T16:00:00.000Z', hiIso: '2024-02-27T16:00:00.000Z', lenderId: 'L', owner: 'O', stage: 'collection' }

it('funnel/workload/lenders from the lender × owner × stage tally; aging unfiltered from the stage × overdue tally, by lender or owner five ranges of an index', () => {
  const g = plan(groupsSql(caseScope({})), P)
  expect(g).toMatch(/SCAN c\b/) // report_tally_groups: a few hundred rows, never the cases table
  expect(g).not.toMatch(/cases/)
  expect(plan(groupsSql(caseScope({ lenderId: 'L', owner: 'O', stage: 'collection' })), P)).toMatch(/SEARCH c USING INDEX report_tally_groups_key \(lender_id=\? AND owner=\? AND stage=\?\)/)
  const a = plan(agingSql(caseScope({})), P)
  expect(a).not.toMatch(/cases/)
  expect(plan(agingSql(caseScope({ stage: 'collection' })), P).match(/SEARCH c USING PRIMARY KEY \(stage=\? AND overdue_since[<>]\?/g)?.length).toBe(5)
  const l = plan(agingSql(caseScope({ lenderId: 'L' })), P)
  expect(l.match(/SEARCH c USING COVERING INDEX cases_(aging|report) \(/g)?.length).toBe(5) // one range per bucket
  expect(l).not.toMatch(/SCAN c/)
})

it('the tallies follow the cases through inserts, updates (stage, owner, principal, overdue) and deletes', () => {
  const raw = core.ctx.db.raw
  // Rows in one and not the other, either way (EXCEPT compares NULL owners as equal).
  const differ = (fresh: string, tally: string) => raw.prepare(`SELECT (SELECT count(*) FROM (${fresh} EXCEPT ${tally})) + (SELECT count(*) FROM (${tally} EXCEPT ${fresh}))`).pluck().get() as number
  const mismatches = () =>
    differ('SELECT lender_id, owner, stage, count(*), sum(principal_outstanding_fen) FROM cases GROUP BY 1, 2, 3', 'SELECT lender_id, owner, stage, n, principal_fen FROM report_tally_groups WHERE n > 0') +
    differ('SELECT stage, overdue_since, count(*), sum(principal_outstanding_fen) FROM cases WHERE overdue_since IS NOT NULL GROUP BY 1, 2', 'SELECT stage, overdue_since, n, principal_fen FROM report_tally_overdue WHERE n > 0') +
    differ('SELECT opened_on, count(*), sum(principal_outstanding_fen) FROM cases GROUP BY 1', 'SELECT opened_on, n, principal_fen FROM report_tally_opened WHERE n > 0')
  expect(raw.prepare('SELECT sum(n) FROM report_tally_groups').pluck().get()).toBe(2000)
  expect(mismatches()).toBe(0)
  const [a, b] = raw.prepare('SELECT id FROM cases ORDER BY id LIMIT 2').pluck().all() as string[]
  raw.exec('SAVEPOINT t')
  try {
    raw.prepare(`UPDATE cases SET stage = 'closed', owner = NULL, principal_outstanding_fen = principal_outstanding_fen + 12345, overdue_since = NULL WHERE id = ?`).run(a)
    raw.prepare(`UPDATE cases SET owner = '新律师', overdue_since = '2026-01-02', opened_on = '2026-01-03' WHERE id = ?`).run(b)
    expect(mismatches()).toBe(0)
    raw.prepare('DELETE FROM cases WHERE id = ?').run(a)
    expect(mismatches()).toBe(0)
    expect(raw.prepare('SELECT sum(n) FROM report_tally_groups').pluck().get()).toBe(1999)
  } finally {
    raw.exec('ROLLBACK TO t; RELEASE t')
  }
  expect(mismatches()).toBe(0)
})

it('recoveries start from the period range of repayments_date', () => {
  expect(plan(recoveriesSql(caseScope({})), P)).toMatch(/SEARCH r USING COVERING INDEX repayments_date \(date>\? AND date<\?\)/)
  expect(plan(placedRecoveredSql(caseScope({})), P)).toMatch(/SEARCH r USING (COVERING )?INDEX repayments_date \(date>\?\)/)
})

it('cases placed, promises due and actions this week are date ranges on their own indexes', () => {
  expect(plan(placedSql(caseScope({})), P)).toMatch(/SEARCH c USING PRIMARY KEY \(opened_on>\? AND opened_on<\?\)/) // report_tally_opened
  expect(plan(placedSql(caseScope({ lenderId: 'L' })), P)).toMatch(/SEARCH c USING (COVERING )?INDEX cases_(opened|report) \(/) // filtered: an index range, never a scan
  expect(plan(promisesSql(caseScope({})), P)).toMatch(/SEARCH p USING (COVERING )?INDEX promises_due_date \(due_date>\? AND due_date<\?\)/)
  expect(plan(actionsSql(caseScope({})), P)).toMatch(/SEARCH a USING (COVERING )?INDEX collection_actions_at \(at>\?\)/)
})

it('limitation candidates: index ranges about three years back (last instalments from loan_last_due), the small fact tables first, never a walk of the cases', () => {
  const p = plan(candidateSql(caseScope({})), P)
  expect(p).toMatch(/SEARCH d USING (COVERING )?INDEX loan_last_due_date \(due_date>\? AND due_date<\?\)/)
  expect(p).toMatch(/SEARCH l USING (COVERING )?INDEX loans_maturity \(maturity_date>\? AND maturity_date<\?\)/) // loans without a schedule
  expect(p).toMatch(/SEARCH r USING COVERING INDEX repayments_date \(date>\? AND date<\?\)/)
  expect(p).toMatch(/SEARCH a USING INDEX collection_actions_delivered \(delivered_on>\? AND delivered_on<\?\)/)
  expect(p).not.toMatch(/SCAN (d|r|a|c|cl|l)\b/)
  expect(p).toMatch(/SCAN k\b[^\n]*\nSEARCH c USING PRIMARY KEY/) // acknowledgements, then each one's case
  expect(p).not.toMatch(/schedule_items/) // the last instalment comes from the narrow loan_last_due, not the wide instalments table
})

it('loan_last_due follows schedule_items: the highest seq of each loan, through inserts, updates and deletes', () => {
  const raw = core.ctx.db.raw
  const mismatches = () => raw.prepare(`SELECT count(*) FROM (SELECT loan_id, max(seq) AS seq, due_date FROM schedule_items GROUP BY loan_id) s
      FULL JOIN loan_last_due d ON d.loan_id = s.loan_id WHERE d.loan_id IS NULL OR s.loan_id IS NULL OR d.seq <> s.seq OR d.due_date <> s.due_date`).pluck().get()
  expect(raw.prepare('SELECT count(*) FROM loan_last_due').pluck().get()).toBe(raw.prepare('SELECT count(DISTINCT loan_id) FROM schedule_items').pluck().get())
  expect(mismatches()).toBe(0)
  const { loan_id: loan, seq } = raw.prepare('SELECT loan_id, max(seq) AS seq FROM schedule_items GROUP BY loan_id LIMIT 1').get() as { loan_id: string; seq: number }
  const last = () => raw.prepare('SELECT seq, due_date FROM loan_last_due WHERE loan_id = ?').get(loan)
  raw.exec('SAVEPOINT t')
  try {
    raw.prepare('INSERT INTO schedule_items (loan_id, seq, due_date, principal_fen) VALUES (?, ?, ?, 100)').run(loan, seq + 1, '2031-01-15')
    expect(last()).toEqual({ seq: seq + 1, due_date: '2031-01-15' })
    raw.prepare('UPDATE schedule_items SET due_date = ? WHERE loan_id = ? AND seq = ?').run('2031-02-15', loan, seq + 1)
    expect(last()).toEqual({ seq: seq + 1, due_date: '2031-02-15' })
    raw.prepare('DELETE FROM schedule_items WHERE loan_id = ? AND seq = ?').run(loan, seq + 1)
    expect(last()).toMatchObject({ seq })
    raw.prepare('DELETE FROM schedule_items WHERE loan_id = ?').run(loan)
    expect(last()).toBeUndefined()
    expect(mismatches()).toBe(0)
  } finally {
    raw.exec('ROLLBACK TO t; RELEASE t')
  }
})
