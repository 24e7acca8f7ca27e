import { sql } from 'kysely'
import type { Executor } from '../audit/log'

/**
 * The case search index (FTS5, trigram): one row per case holding the borrower's name, ID number, phones,
 * the contract numbers and the case number. Rebuilt for a case whenever any of those change. The old row is
 * found by rowid through the index case_search_case on the FTS table's content (migration 0010): case_id
 * itself is UNINDEXED, and `WHERE case_id = ?` scanned every case's row.
 */
/**
 * Many search rows in one statement: bind a JSON array of [case_id, case_no, borrower_name, id_number, phones,
 * contract_nos]. Bulk writers (the import, the seeder) keep their rows and write them with this at the end of a
 * transaction, after every other write of it. FTS5 holds the terms of new rows in memory until the transaction
 * ends — unless a later statement of the transaction opens a statement journal (any INSERT that fires a trigger:
 * schedule_items, repayments, case_loans, cases), which makes it flush them as a new segment first. Written row
 * by row between such inserts, that was one tiny segment per row, merged and re-merged: the largest single cost
 * of a bulk row (perf: sqlite3VtabSavepoint → fts5SavepointMethod → sqlite3Fts5FlushToDisk).
 */
export const INSERT_SEARCH_ROWS_SQL = `INSERT INTO case_search (case_id, case_no, borrower_name, id_number, phones, contract_nos)
  SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5 FROM json_each(?)`

export async function refreshCaseSearch(ex: Executor, caseId: string): Promise<void> {
  await sql`DELETE FROM case_search WHERE rowid IN (SELECT id FROM case_search_content WHERE c0 = ${caseId})`.execute(ex)
  await sql`
    INSERT INTO case_search (case_id, case_no, borrower_name, id_number, phones, contract_nos)
    SELECT c.id, c.case_no, b.name, coalesce(b.id_number, ''),
      coalesce((SELECT group_concat(phone, ' ') FROM borrower_phones WHERE borrower_id = b.id), ''),
      coalesce((SELECT group_concat(l.contract_no, ' ') FROM case_loans cl JOIN loans l ON l.id = cl.loan_id WHERE cl.case_id = c.id), '')
    FROM cases c JOIN borrowers b ON b.id = c.borrower_id WHERE c.id = ${caseId}`.execute(ex)
}

export async function refreshCaseSearchForBorrower(ex: Executor, borrowerId: string): Promise<void> {
  const cases = await ex.selectFrom('cases').select('id').where('borrower_id', '=', borrowerId).execute()
  for (const c of cases) await refreshCaseSearch(ex, c.id)
}

/**
 * The SQL condition "case id matches q". Three characters or more use the trigram index through MATCH;
 * one or two characters can only be part of a name (two digits identify nothing), so they scan the
 * borrowers' names with LIKE — a plain table scan is far cheaper than scanning the FTS table.
 */
export function searchCondition(q: string) {
  if ([...q].length >= 3) {
    const phrase = `"${q.replace(/"/g, '""')}"`
    return sql<boolean>`c.id IN (SELECT case_id FROM case_search WHERE case_search MATCH ${phrase})`
  }
  const like = `%${q.replace(/[%_\\]/g, (m) => '\\' + m)}%`
  return sql<boolean>`c.borrower_id IN (SELECT id FROM borrowers WHERE name LIKE ${like} ESCAPE '\\')`
}
