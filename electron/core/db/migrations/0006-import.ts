import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Bulk import bookkeeping (issue 6). `import_runs` records each run (so the wizard can show a report and the
 * new cases after the fact, and a crashed run is visible as one left 'running'); `import_loan_facts` keeps,
 * per imported loan, what the file said that the loan row has no column for — the original rate and
 * repayment-method text (kept for review), the reported days past due and repaid amounts — and a digest of
 * the normalised row, so re-importing an unchanged row is recognised without comparing every field.
 */
const DDL = [
  `CREATE TABLE import_runs (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    dry_run INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
    lender_name TEXT,
    mapping_json TEXT NOT NULL,
    rows_read INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    actor TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT
  ) WITHOUT ROWID`,
  `CREATE TABLE import_loan_facts (
    loan_id TEXT PRIMARY KEY REFERENCES loans(id) ON DELETE CASCADE,
    created_run_id TEXT NOT NULL,
    updated_run_id TEXT,
    source_row INTEGER NOT NULL,
    row_digest TEXT NOT NULL,
    rate_original TEXT, overdue_rate_original TEXT, penalty_rate_original TEXT, repayment_method_original TEXT,
    due_date TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
    instalments INTEGER,
    fees_fen INTEGER CHECK (fees_fen IS NULL OR (typeof(fees_fen) = 'integer' AND fees_fen >= 0)),
    principal_repaid_fen INTEGER, interest_repaid_fen INTEGER,
    days_past_due_reported INTEGER
  ) WITHOUT ROWID`,
  // "The new cases of run X" (the wizard's report links).
  `CREATE INDEX import_loan_facts_run ON import_loan_facts(created_run_id)`,
]

export const importTables: Migration = {
  async up(db: Kysely<unknown>) {
    for (const stmt of DDL) await sql.raw(stmt).execute(db)
  },
}
