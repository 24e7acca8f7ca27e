import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Contract reviews (issue 7): the reviewed text with its file (content store, by SHA-256), the options and the
 * user's corrections it was reviewed with, and what came out (terms, findings, all-in cost, cap and cash flows).
 * A review may belong to a case and one of its loans; deleting the case deletes its reviews, deleting a loan
 * only unlinks them. Frozen once released, like 0001.
 */
const isJson = (col: string) => `(json_valid(${col}))`

const DDL = [
  `CREATE TABLE contract_reviews (
    id TEXT PRIMARY KEY,
    case_id TEXT REFERENCES cases(id) ON DELETE CASCADE,
    loan_id TEXT REFERENCES loans(id) ON DELETE SET NULL,
    file_sha256 TEXT CHECK (file_sha256 IS NULL OR (length(file_sha256) = 64 AND file_sha256 NOT GLOB '*[^0-9a-f]*')),
    file_name TEXT CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 255),
    file_kind TEXT NOT NULL CHECK (file_kind IN ('docx', 'pdf', 'txt', 'pasted')),
    text TEXT NOT NULL CHECK (length(text) >= 1),
    regime TEXT NOT NULL CHECK (regime IN ('private', 'licensed')),
    options_json TEXT NOT NULL CHECK ${isJson('options_json')},
    terms_json TEXT NOT NULL CHECK ${isJson('terms_json')},
    corrections_json TEXT NOT NULL DEFAULT '[]' CHECK ${isJson('corrections_json')},
    findings_json TEXT NOT NULL CHECK ${isJson('findings_json')},
    details_json TEXT NOT NULL CHECK ${isJson('details_json')},
    -- A decimal fraction as text, like the rates in 0001 (negative when the cash flows return less than paid out).
    all_in_cost TEXT CHECK (all_in_cost IS NULL OR ltrim(all_in_cost, '-') GLOB '[0-9]*.[0-9]*' OR ltrim(all_in_cost, '-') GLOB '[0-9]'),
    created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL,
    CHECK ((file_kind = 'pasted') = (file_sha256 IS NULL))
  ) WITHOUT ROWID`,
  `CREATE INDEX contract_reviews_case ON contract_reviews(case_id, created_at)`,
  `CREATE INDEX contract_reviews_loan ON contract_reviews(loan_id)`,
]

export const contractReviews: Migration = {
  async up(db: Kysely<unknown>) {
    for (const stmt of DDL) await sql.raw(stmt).execute(db)
  },
}
