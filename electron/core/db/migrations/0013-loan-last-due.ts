import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Each loan's last instalment (seq and due date), kept by triggers on schedule_items. The dashboard's
 * limitation-risk candidates start from it (electron/core/reports/limitation-risk.ts): a range of this
 * small table's due_date index instead of every instalment due three years ago, each checked for a later
 * one in the wide schedule_items table — that walk was most of the dashboard's first call (bench/dashboard).
 * schedule_items_due (0004) served only that walk and goes, so an import writes no more index entries than before.
 * No foreign key to loans: a loan's instalments go with it (ON DELETE CASCADE) and the delete trigger then
 * removes its row here.
 */
const DDL = [
  `CREATE TABLE loan_last_due (
    loan_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    due_date TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX loan_last_due_date ON loan_last_due(due_date)`,
  `DROP INDEX schedule_items_due`,
  // A bare column next to max() takes its value from the row holding the max (SQLite documents this).
  `INSERT INTO loan_last_due (loan_id, seq, due_date) SELECT loan_id, max(seq), due_date FROM schedule_items GROUP BY loan_id`,
  `CREATE TRIGGER schedule_items_last_due_insert AFTER INSERT ON schedule_items BEGIN
    INSERT INTO loan_last_due (loan_id, seq, due_date) VALUES (new.loan_id, new.seq, new.due_date)
      ON CONFLICT (loan_id) DO UPDATE SET seq = excluded.seq, due_date = excluded.due_date WHERE excluded.seq >= loan_last_due.seq;
  END`,
  `CREATE TRIGGER schedule_items_last_due_delete AFTER DELETE ON schedule_items BEGIN
    DELETE FROM loan_last_due WHERE loan_id = old.loan_id;
    INSERT INTO loan_last_due (loan_id, seq, due_date) SELECT loan_id, max(seq), due_date FROM schedule_items WHERE loan_id = old.loan_id GROUP BY loan_id;
  END`,
  `CREATE TRIGGER schedule_items_last_due_update AFTER UPDATE OF loan_id, seq, due_date ON schedule_items BEGIN
    DELETE FROM loan_last_due WHERE loan_id IN (old.loan_id, new.loan_id);
    INSERT INTO loan_last_due (loan_id, seq, due_date) SELECT loan_id, max(seq), due_date FROM schedule_items WHERE loan_id IN (old.loan_id, new.loan_id) GROUP BY loan_id;
  END`,
]

export const loanLastDue: Migration = {
  async up(db: Kysely<unknown>) {
    for (const stmt of DDL) await sql.raw(stmt).execute(db)
  },
}
