import { type Kysely, type Migration, sql } from 'kysely'

/**
 * What every imported row paid for and got nothing back (issue 6; measured in bench/import.bench.ts):
 * - `loans_limitation_ins`, `cases_limitation_ins` (0008) delete a new loan's / case's rows from loan_limitation.
 *   There are never any: a loan_limitation row references an existing loan and case (foreign keys, ON DELETE
 *   CASCADE), so a row just inserted has none. Yet a trigger makes each INSERT run a sub-program and keep a
 *   statement journal of every page it touches — loans and cases are the widest rows an import writes (cases
 *   carries 13 b-trees), and these two triggers were most of their insert time. Their UPDATE and DELETE siblings,
 *   and the INSERT triggers on case_loans / schedule_items / repayments (those can touch an existing loan), stay.
 * - `cases_lender` (0001) indexes lender_id alone; `cases_report` (0004) begins with lender_id, so it serves every
 *   lookup cases_lender served (the lender filter of the case list, the foreign-key check of a lender delete).
 * - case_search (FTS5) keeps case_id UNINDEXED, so deleting one case's search row scanned the whole table (tens of
 *   ms at 100,000 cases, once per edit of a name or phone). An index on case_id in its content table lets
 *   cases/search.ts find the row's rowid and delete by it. FTS5 maintains that table with plain INSERT/DELETE, so
 *   SQLite keeps the index; it goes with the table should case_search ever be dropped.
 */
const DDL = [
  'DROP TRIGGER loans_limitation_ins',
  'DROP TRIGGER cases_limitation_ins',
  'DROP INDEX cases_lender',
  'CREATE INDEX case_search_case ON case_search_content(c0)',
]

export const importWriteCosts: Migration = {
  async up(db: Kysely<unknown>) {
    for (const stmt of DDL) await sql.raw(stmt).execute(db)
  },
}
