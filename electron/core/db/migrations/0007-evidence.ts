import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Evidence (issue 5). 0001 already holds `evidence_items` (with `removed_at`); this adds why and by whom an
 * exhibit was removed (an exhibit is never erased: courts ask what was taken out and why), and a record of
 * every bundle built, with the hashes written into its manifest. Frozen once released, like 0001.
 */
const isSha = (col: string) => `(length(${col}) = 64 AND ${col} NOT GLOB '*[^0-9a-f]*')`

const DDL = [
  `CREATE TABLE evidence_removals (
    evidence_id TEXT PRIMARY KEY REFERENCES evidence_items(id) ON DELETE CASCADE,
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    removed_by TEXT NOT NULL,
    removed_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE evidence_bundles (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    zip_path TEXT NOT NULL, pdf_path TEXT NOT NULL,
    zip_sha256 TEXT NOT NULL CHECK ${isSha('zip_sha256')},
    pdf_sha256 TEXT NOT NULL CHECK ${isSha('pdf_sha256')},
    pages INTEGER NOT NULL CHECK (pages >= 1),
    exhibits INTEGER NOT NULL CHECK (exhibits >= 0),
    bates_prefix TEXT,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX evidence_bundles_case ON evidence_bundles(case_id, created_at)`,
]

export const evidence: Migration = {
  async up(db: Kysely<unknown>) {
    for (const stmt of DDL) await sql.raw(stmt).execute(db)
  },
}
