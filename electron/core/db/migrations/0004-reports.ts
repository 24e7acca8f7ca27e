import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Indexes for the portfolio dashboard and client reports (electron/core/reports/), each named for the query
 * it serves; asserted with EXPLAIN QUERY PLAN in test/db/reports-plans.test.ts and timed in bench/dashboard.
 */
const DDL = [
  // The funnel / workload / per-lender pass: every column it reads, in its GROUP BY order, so no sort and no wide rows.
  `CREATE INDEX cases_report ON cases(lender_id, owner, stage, overdue_since, principal_outstanding_fen)`,
  // The aging buckets: six ranges of overdue_since, counting open cases and their principal.
  `CREATE INDEX cases_aging ON cases(overdue_since, stage, principal_outstanding_fen, lender_id, owner)`,
  // Cases placed in a period (by the day they were opened), with the principal they carry.
  `CREATE INDEX cases_opened ON cases(opened_on, lender_id, owner, stage, principal_outstanding_fen)`,
  // Recoveries in a period, and repayments about three years back (limitation candidates).
  `CREATE INDEX repayments_date ON repayments(date, loan_id, amount_fen)`,
  // Last instalments about three years back (limitation candidates).
  `CREATE INDEX schedule_items_due ON schedule_items(due_date)`,
  // Promises falling due in a period, whatever their status.
  `CREATE INDEX promises_due_date ON promises(due_date)`,
  // Actions logged this week; delivered demands about three years back.
  `CREATE INDEX collection_actions_at ON collection_actions(at)`,
  `CREATE INDEX collection_actions_delivered ON collection_actions(delivered_on) WHERE delivered_on IS NOT NULL`,
  // Stage moves of a month (client report).
  `CREATE INDEX stage_history_at ON stage_history(at)`,
]

export const reports: Migration = {
  async up(db: Kysely<unknown>) {
    for (const stmt of DDL) await sql.raw(stmt).execute(db)
  },
}
