import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Collection facts (issue 8) and the stored limitation state of each loan.
 * - `known_assets`: what the firm knows the borrower owns (for the recovery score and enforcement).
 * - `acknowledgements`: a debt acknowledgement (债务确认书) the borrower signed, which restarts limitation.
 * - `payment_order_facts`: the 支付令 conditions a lawyer has checked, per case.
 * - `loan_limitation`: each loan's limitation as last computed (expiry, or suspended by proceedings), so the work
 *   queue reads it instead of recomputing every open case. Triggers delete a loan's row whenever one of its
 *   inputs changes (repayments, schedule, maturity, case links, actions, plans, court events, the filing date,
 *   acknowledgements, a removed receipt) — whatever door wrote it — and the next reader recomputes it.
 * Frozen once released, like 0001.
 */
const isDate = (col: string) => `(${col} IS NULL OR date(${col}) IS ${col})`
const isFen = (col: string) => `(${col} IS NULL OR (typeof(${col}) = 'integer' AND ${col} >= 0))`
const oneOf = (col: string, values: readonly string[]) => `(${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`

/** AFTER INSERT / UPDATE / DELETE triggers on `table` that drop the stored limitation rows its row touches. */
function invalidate(table: string, key: 'case_id' | 'loan_id', column: string = key, updateOf = ''): string[] {
  const drop = (ref: 'NEW' | 'OLD') => `DELETE FROM loan_limitation WHERE ${key} = ${ref}.${column};`
  const name = `${table}_limitation`
  return [
    `CREATE TRIGGER ${name}_ins AFTER INSERT ON ${table} BEGIN ${drop('NEW')} END`,
    `CREATE TRIGGER ${name}_upd AFTER UPDATE ${updateOf ? `OF ${updateOf} ` : ''}ON ${table} BEGIN ${drop('OLD')} ${drop('NEW')} END`,
    `CREATE TRIGGER ${name}_del AFTER DELETE ON ${table} BEGIN ${drop('OLD')} END`,
  ]
}

const DDL = [
  `CREATE TABLE known_assets (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK ${oneOf('kind', ['salary', 'bank_account', 'real_estate', 'vehicle', 'other'])},
    description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    value_fen INTEGER CHECK ${isFen('value_fen')},
    source TEXT CHECK (source IS NULL OR length(source) <= 200),
    found_on TEXT NOT NULL CHECK ${isDate('found_on')},
    created_by TEXT NOT NULL, created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX known_assets_case ON known_assets(case_id)`,
  `CREATE TABLE acknowledgements (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    signed_on TEXT NOT NULL CHECK ${isDate('signed_on')},
    amount_fen INTEGER CHECK ${isFen('amount_fen')},
    evidence_id TEXT REFERENCES evidence_items(id),
    note TEXT,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX acknowledgements_case ON acknowledgements(case_id, signed_on)`,
  `CREATE TABLE payment_order_facts (
    case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    facts_json TEXT NOT NULL CHECK (json_valid(facts_json)),
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE loan_limitation (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK ${oneOf('state', ['dated', 'suspended', 'no_start'])},
    expiry TEXT CHECK ${isDate('expiry')},
    computed_on TEXT NOT NULL CHECK ${isDate('computed_on')},
    valid_until TEXT CHECK ${isDate('valid_until')},
    calendar_key TEXT NOT NULL,
    PRIMARY KEY (case_id, loan_id),
    CHECK ((state = 'dated') = (expiry IS NOT NULL))
  ) WITHOUT ROWID`,
  `CREATE INDEX loan_limitation_loan ON loan_limitation(loan_id)`,
  ...invalidate('repayments', 'loan_id'),
  ...invalidate('schedule_items', 'loan_id'),
  ...invalidate('case_loans', 'loan_id'),
  ...invalidate('loans', 'loan_id', 'id', 'maturity_date'),
  ...invalidate('collection_actions', 'case_id'),
  ...invalidate('repayment_plans', 'case_id'),
  ...invalidate('court_events', 'case_id'),
  ...invalidate('acknowledgements', 'case_id'),
  ...invalidate('cases', 'case_id', 'id', 'filing_date'),
  ...invalidate('evidence_items', 'case_id', 'case_id', 'removed_at'),
]

export const collectionFacts: Migration = {
  async up(db: Kysely<unknown>) {
    for (const stmt of DDL) await sql.raw(stmt).execute(db)
  },
}
