import { type Kysely, type Migration, sql } from 'kysely'

/**
 * The dashboard's stock figures kept as running tallies by triggers on `cases`, so the whole book's numbers
 * are read from a few hundred small rows instead of three passes over 100,000 index entries (bench/dashboard):
 * - `report_tally_groups`: cases and principal outstanding per lender, owner and stage (funnel, workload, lenders);
 * - `report_tally_overdue`: the same per stage and overdue_since (aging buckets are ranges of overdue_since);
 * - `report_tally_opened`: per opened_on (cases placed in a period).
 * Every insert, delete and update of a counted column adds the new row and takes away the old one, whatever
 * door wrote it. Rows that fall to zero stay (readers skip n = 0). `owner` may be NULL, so rows are matched
 * with IS and created before they are added to, not by an upsert (a NULL never conflicts).
 * electron/core/reports/stock.ts reads them; test/db/reports-plans.test.ts checks them against the cases.
 */
type Ref = 'NEW' | 'OLD'

/** Add (sign 1) or take away (sign -1) one case row `ref` to the tally row keyed by `keys`. */
function bump(table: string, keys: string[], ref: Ref, sign: 1 | -1, when = ''): string[] {
  const match = keys.map((k) => `${k} IS ${ref}.${k}`).join(' AND ')
  const guard = when ? ` AND ${when}` : ''
  return [
    `INSERT INTO ${table} (${keys.join(', ')}, n, principal_fen) SELECT ${keys.map((k) => `${ref}.${k}`).join(', ')}, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${match})${guard};`,
    `UPDATE ${table} SET n = n + ${sign}, principal_fen = principal_fen + ${sign} * ${ref}.principal_outstanding_fen WHERE ${match}${guard};`,
  ]
}

// Aging counts only cases with an overdue_since, so only those are tallied by it.
const TALLIES: [string, string[], (ref: Ref) => string][] = [
  ['report_tally_groups', ['lender_id', 'owner', 'stage'], () => ''],
  ['report_tally_overdue', ['stage', 'overdue_since'], (ref) => `${ref}.overdue_since IS NOT NULL`],
  ['report_tally_opened', ['opened_on'], () => ''],
]
const all = (ref: Ref, sign: 1 | -1) => TALLIES.flatMap(([t, keys, when]) => bump(t, keys, ref, sign, when(ref))).join('\n    ')

const DDL = [
  `CREATE TABLE report_tally_groups (lender_id TEXT NOT NULL, owner TEXT, stage TEXT NOT NULL, n INTEGER NOT NULL, principal_fen INTEGER NOT NULL)`,
  `CREATE UNIQUE INDEX report_tally_groups_key ON report_tally_groups(lender_id, owner, stage)`,
  `CREATE TABLE report_tally_overdue (stage TEXT NOT NULL, overdue_since TEXT NOT NULL, n INTEGER NOT NULL, principal_fen INTEGER NOT NULL, PRIMARY KEY (stage, overdue_since)) WITHOUT ROWID`,
  `CREATE TABLE report_tally_opened (opened_on TEXT NOT NULL PRIMARY KEY, n INTEGER NOT NULL, principal_fen INTEGER NOT NULL) WITHOUT ROWID`,
  `INSERT INTO report_tally_groups SELECT lender_id, owner, stage, count(*), sum(principal_outstanding_fen) FROM cases GROUP BY lender_id, owner, stage`,
  `INSERT INTO report_tally_overdue SELECT stage, overdue_since, count(*), sum(principal_outstanding_fen) FROM cases WHERE overdue_since IS NOT NULL GROUP BY stage, overdue_since`,
  `INSERT INTO report_tally_opened SELECT opened_on, count(*), sum(principal_outstanding_fen) FROM cases GROUP BY opened_on`,
  `CREATE TRIGGER cases_tally_insert AFTER INSERT ON cases BEGIN
    ${all('NEW', 1)}
  END`,
  `CREATE TRIGGER cases_tally_delete AFTER DELETE ON cases BEGIN
    ${all('OLD', -1)}
  END`,
  `CREATE TRIGGER cases_tally_update AFTER UPDATE OF lender_id, owner, stage, overdue_since, opened_on, principal_outstanding_fen ON cases BEGIN
    ${all('OLD', -1)}
    ${all('NEW', 1)}
  END`,
]

export const reportTallies: Migration = {
  async up(db: Kysely<unknown>) {
    for (const stmt of DDL) await sql.raw(stmt).execute(db)
  },
}
