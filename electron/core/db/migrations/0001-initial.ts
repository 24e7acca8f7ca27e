import { type Kysely, type Migration, sql } from 'kysely'

/**
 * The whole domain of DOMAIN.md in one first migration. Frozen once released: later changes are new,
 * additive migrations. Conventions enforced by CHECK constraints, so no door can store nonsense:
 * money in non-negative integer fen, legal dates as real `YYYY-MM-DD` dates (date(x) = x rejects 2024-02-30),
 * rates as decimal strings, closed vocabularies as IN lists.
 */
const isDate = (col: string) => `(${col} IS NULL OR date(${col}) IS ${col})`
const isFen = (col: string) => `(${col} IS NULL OR (typeof(${col}) = 'integer' AND ${col} >= 0))`
const isRate = (col: string) => `(${col} IS NULL OR ${col} GLOB '[0-9]*.[0-9]*' OR ${col} GLOB '[0-9]')`
const oneOf = (col: string, values: readonly string[]) => `(${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`

const STAGES = ['new', 'collection', 'negotiation', 'mediation', 'litigation', 'enforcement', 'closed']

// Tables keyed by a ULID are WITHOUT ROWID: the key is the table, no hidden rowid b-tree to keep in step.
const DDL = [
  `CREATE TABLE lenders (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    credit_code TEXT UNIQUE CHECK (credit_code IS NULL OR length(credit_code) = 18),
    regime TEXT NOT NULL CHECK ${oneOf('regime', ['private', 'licensed'])},
    address TEXT, legal_rep TEXT, phone TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE UNIQUE INDEX lenders_name ON lenders(name)`,

  `CREATE TABLE borrowers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    id_number TEXT UNIQUE CHECK (id_number IS NULL OR length(id_number) = 18),
    sex TEXT CHECK ${oneOf('sex', ['male', 'female'])},
    birth_date TEXT CHECK ${isDate('birth_date')},
    employer TEXT, note TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  // Child lists are keyed by their parent and position: no id of their own, one b-tree each (seeding speed).
  `CREATE TABLE borrower_phones (
    borrower_id TEXT NOT NULL REFERENCES borrowers(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    phone TEXT NOT NULL CHECK (length(phone) BETWEEN 5 AND 20),
    kind TEXT NOT NULL DEFAULT 'mobile' CHECK ${oneOf('kind', ['mobile', 'home', 'work', 'other'])},
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    PRIMARY KEY (borrower_id, seq)
  ) WITHOUT ROWID`,
  `CREATE TABLE borrower_addresses (
    borrower_id TEXT NOT NULL REFERENCES borrowers(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    kind TEXT NOT NULL CHECK ${oneOf('kind', ['hukou', 'residence', 'work', 'mailing'])},
    address TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
    PRIMARY KEY (borrower_id, seq)
  ) WITHOUT ROWID`,
  `CREATE TABLE emergency_contacts (
    id TEXT PRIMARY KEY,
    borrower_id TEXT NOT NULL REFERENCES borrowers(id) ON DELETE CASCADE,
    name TEXT NOT NULL, relation TEXT, phone TEXT
  ) WITHOUT ROWID`,
  `CREATE INDEX emergency_contacts_borrower ON emergency_contacts(borrower_id)`,

  `CREATE TABLE loans (
    id TEXT PRIMARY KEY,
    lender_id TEXT NOT NULL REFERENCES lenders(id),
    borrower_id TEXT NOT NULL REFERENCES borrowers(id),
    contract_no TEXT NOT NULL CHECK (length(contract_no) BETWEEN 1 AND 100),
    contract_date TEXT NOT NULL CHECK ${isDate('contract_date')},
    signing_method TEXT CHECK ${oneOf('signing_method', ['electronic', 'paper'])},
    esign_provider TEXT,
    contract_amount_fen INTEGER NOT NULL CHECK ${isFen('contract_amount_fen')},
    disbursed_amount_fen INTEGER NOT NULL CHECK ${isFen('disbursed_amount_fen')},
    disbursement_date TEXT NOT NULL CHECK ${isDate('disbursement_date')},
    term_months INTEGER CHECK (term_months IS NULL OR term_months BETWEEN 0 AND 600),
    maturity_date TEXT CHECK ${isDate('maturity_date')},
    repayment_method TEXT NOT NULL CHECK ${oneOf('repayment_method', ['bullet', 'equal_instalment', 'equal_principal', 'interest_first'])},
    rate_term TEXT CHECK ${isRate('rate_term')},
    fee_rate_term TEXT CHECK ${isRate('fee_rate_term')},
    rate_overdue TEXT CHECK ${isRate('rate_overdue')},
    penalty_rate TEXT CHECK ${isRate('penalty_rate')},
    fee_rate_overdue TEXT CHECK ${isRate('fee_rate_overdue')},
    penalty_flat_fen INTEGER CHECK ${isFen('penalty_flat_fen')},
    upfront_fee_fen INTEGER CHECK ${isFen('upfront_fee_fen')},
    day_basis INTEGER CHECK (day_basis IS NULL OR day_basis IN (360, 365)),
    jurisdiction_clause TEXT, arbitration_clause TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (lender_id, contract_no),
    CHECK (disbursement_date >= contract_date OR julianday(contract_date) - julianday(disbursement_date) <= 31)
  ) WITHOUT ROWID`,
  `CREATE INDEX loans_borrower ON loans(borrower_id)`,
  `CREATE TABLE loan_guarantors (
    id TEXT PRIMARY KEY,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    name TEXT NOT NULL, id_number TEXT, phone TEXT, address TEXT
  ) WITHOUT ROWID`,
  `CREATE INDEX loan_guarantors_loan ON loan_guarantors(loan_id)`,
  `CREATE TABLE disbursements (
    id TEXT PRIMARY KEY,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    date TEXT NOT NULL CHECK ${isDate('date')},
    amount_fen INTEGER NOT NULL CHECK ${isFen('amount_fen')},
    channel TEXT, reference TEXT
  ) WITHOUT ROWID`,
  `CREATE INDEX disbursements_loan ON disbursements(loan_id)`,
  `CREATE TABLE schedule_items (
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    due_date TEXT NOT NULL CHECK ${isDate('due_date')},
    principal_fen INTEGER NOT NULL CHECK ${isFen('principal_fen')},
    interest_fen INTEGER NOT NULL DEFAULT 0 CHECK ${isFen('interest_fen')},
    fee_fen INTEGER NOT NULL DEFAULT 0 CHECK ${isFen('fee_fen')},
    PRIMARY KEY (loan_id, seq)
  ) WITHOUT ROWID`,
  `CREATE TABLE repayments (
    id TEXT PRIMARY KEY,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    date TEXT NOT NULL CHECK ${isDate('date')},
    amount_fen INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen > 0),
    -- the part the platform booked to principal, when its export says so (已还本金); NULL = not split
    principal_fen INTEGER CHECK (${isFen('principal_fen')} AND (principal_fen IS NULL OR principal_fen <= amount_fen)),
    source TEXT, reference TEXT,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX repayments_loan_date ON repayments(loan_id, date)`,

  `CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    case_no TEXT NOT NULL UNIQUE CHECK (length(case_no) BETWEEN 1 AND 50),
    borrower_id TEXT NOT NULL REFERENCES borrowers(id),
    lender_id TEXT NOT NULL REFERENCES lenders(id),
    stage TEXT NOT NULL DEFAULT 'new' CHECK ${oneOf('stage', STAGES)},
    owner TEXT,
    priority TEXT NOT NULL DEFAULT 'normal' CHECK ${oneOf('priority', ['high', 'normal', 'low'])},
    opened_on TEXT NOT NULL CHECK ${isDate('opened_on')},
    closed_on TEXT CHECK ${isDate('closed_on')},
    close_reason TEXT,
    overdue_since TEXT CHECK ${isDate('overdue_since')},
    principal_outstanding_fen INTEGER NOT NULL DEFAULT 0 CHECK ${isFen('principal_outstanding_fen')},
    repaid_fen INTEGER NOT NULL DEFAULT 0 CHECK ${isFen('repaid_fen')},
    court TEXT, court_case_no TEXT, procedure TEXT CHECK ${oneOf('procedure', ['payment_order', 'small_claims', 'simplified', 'ordinary'])},
    filing_date TEXT CHECK ${isDate('filing_date')},
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  // List queries filter by stage (and owner) and sort by days past due or amount: one index per pattern.
  // "Not overdue" (NULL) sorts as the far future, so one ascending walk of the index is "most overdue first".
  `CREATE INDEX cases_stage_overdue ON cases(stage, coalesce(overdue_since, '9999-12-31'))`,
  `CREATE INDEX cases_stage_principal ON cases(stage, principal_outstanding_fen)`,
  `CREATE INDEX cases_overdue ON cases(coalesce(overdue_since, '9999-12-31'))`,
  `CREATE INDEX cases_principal ON cases(principal_outstanding_fen)`,
  `CREATE INDEX cases_owner_stage ON cases(owner, stage)`,
  `CREATE INDEX cases_borrower ON cases(borrower_id)`,
  `CREATE INDEX cases_lender ON cases(lender_id)`,
  `CREATE TABLE case_loans (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, loan_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX case_loans_loan ON case_loans(loan_id)`,
  `CREATE TABLE stage_history (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    from_stage TEXT CHECK ${oneOf('from_stage', STAGES)},
    to_stage TEXT NOT NULL CHECK ${oneOf('to_stage', STAGES)},
    at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT
  ) WITHOUT ROWID`,
  `CREATE INDEX stage_history_case ON stage_history(case_id, at)`,

  `CREATE TABLE collection_actions (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    channel TEXT NOT NULL CHECK ${oneOf('channel', ['phone', 'sms', 'letter', 'lawyer_letter', 'visit', 'email', 'other'])},
    target TEXT NOT NULL CHECK ${oneOf('target', ['borrower', 'guarantor', 'emergency_contact'])},
    target_name TEXT,
    at TEXT NOT NULL,
    duration_sec INTEGER CHECK (duration_sec IS NULL OR duration_sec >= 0),
    outcome TEXT CHECK ${oneOf('outcome', ['answered', 'no_answer', 'invalid_number', 'promised', 'refused', 'negotiating', 'unreachable'])},
    note TEXT, tracking_no TEXT, delivered_on TEXT CHECK ${isDate('delivered_on')},
    proof_evidence_id TEXT REFERENCES evidence_items(id),
    actor TEXT NOT NULL, override_reason TEXT,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX collection_actions_case ON collection_actions(case_id, at)`,
  `CREATE TABLE promises (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    action_id TEXT REFERENCES collection_actions(id),
    amount_fen INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen > 0),
    due_date TEXT NOT NULL CHECK ${isDate('due_date')},
    status TEXT NOT NULL DEFAULT 'open' CHECK ${oneOf('status', ['open', 'kept', 'partly_kept', 'broken'])},
    kept_fen INTEGER NOT NULL DEFAULT 0 CHECK ${isFen('kept_fen')},
    created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX promises_due ON promises(status, due_date)`,
  `CREATE INDEX promises_case ON promises(case_id)`,
  `CREATE TABLE repayment_plans (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    supportable_fen INTEGER NOT NULL CHECK ${isFen('supportable_fen')},
    reduction_fen INTEGER NOT NULL DEFAULT 0 CHECK ${isFen('reduction_fen')},
    total_fen INTEGER NOT NULL CHECK ${isFen('total_fen')},
    status TEXT NOT NULL DEFAULT 'proposed' CHECK ${oneOf('status', ['proposed', 'agreed', 'performing', 'broken', 'completed'])},
    created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX repayment_plans_case ON repayment_plans(case_id)`,
  `CREATE TABLE plan_instalments (
    plan_id TEXT NOT NULL REFERENCES repayment_plans(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    due_date TEXT NOT NULL CHECK ${isDate('due_date')},
    amount_fen INTEGER NOT NULL CHECK ${isFen('amount_fen')},
    paid_fen INTEGER NOT NULL DEFAULT 0 CHECK ${isFen('paid_fen')},
    PRIMARY KEY (plan_id, seq)
  ) WITHOUT ROWID`,
  `CREATE TABLE court_events (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK ${oneOf('kind', ['filing', 'preservation', 'payment_order', 'hearing', 'judgment', 'ruling', 'served', 'enforcement_filing', 'enforcement_result'])},
    date TEXT NOT NULL CHECK ${isDate('date')},
    court TEXT, court_case_no TEXT,
    amount_fen INTEGER CHECK ${isFen('amount_fen')},
    note TEXT, created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX court_events_case ON court_events(case_id, date)`,
  `CREATE TABLE deadlines (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    loan_id TEXT REFERENCES loans(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    from_date TEXT NOT NULL CHECK ${isDate('from_date')},
    due_date TEXT NOT NULL CHECK ${isDate('due_date')},
    basis TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK ${oneOf('status', ['open', 'done', 'dismissed'])},
    created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX deadlines_due ON deadlines(status, due_date)`,
  `CREATE INDEX deadlines_case ON deadlines(case_id)`,

  `CREATE TABLE evidence_items (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    no INTEGER NOT NULL CHECK (no >= 1),
    parent_id TEXT REFERENCES evidence_items(id),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK ${oneOf('kind', ['contract', 'esign_certificate', 'disbursement', 'repayment_record', 'identity', 'collection_record', 'delivery_proof', 'other'])},
    source TEXT, purpose TEXT,
    original INTEGER NOT NULL DEFAULT 0 CHECK (original IN (0, 1)),
    received_on TEXT CHECK ${isDate('received_on')},
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    mime TEXT NOT NULL, pages INTEGER CHECK (pages IS NULL OR pages >= 0), file_name TEXT NOT NULL,
    added_by TEXT NOT NULL, added_at TEXT NOT NULL, removed_at TEXT
  ) WITHOUT ROWID`,
  `CREATE INDEX evidence_items_case ON evidence_items(case_id, no)`,
  `CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    doc_type TEXT NOT NULL,
    name TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    body TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    doc_type TEXT NOT NULL,
    format TEXT NOT NULL CHECK ${oneOf('format', ['docx', 'pdf'])},
    template_id TEXT NOT NULL, template_version INTEGER NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL, file_name TEXT NOT NULL,
    inputs_json TEXT NOT NULL,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE INDEX documents_case ON documents(case_id, created_at)`,
  `CREATE TABLE import_mappings (
    name TEXT PRIMARY KEY,
    mapping_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,

  // Append-only and hash-chained: hash = SHA-256(prev_hash + canonical entry). Triggers refuse edits and deletes.
  `CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL, actor TEXT NOT NULL,
    entity TEXT NOT NULL, entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    diff_json TEXT,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE
  )`,
  `CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,

  // One search document per case; trigram so any 3+ character fragment of a Chinese name, ID number
  // or phone matches (TOOLCHAIN.md §2). Kept in step by the case services, not by triggers, because a
  // case's text spans several tables.
  `CREATE VIRTUAL TABLE case_search USING fts5(
    case_id UNINDEXED, case_no, borrower_name, id_number, phones, contract_nos,
    tokenize = 'trigram'
  )`,
]

export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    for (const stmt of DDL) await sql.raw(stmt).execute(db)
  },
}
