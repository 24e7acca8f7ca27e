-- index acknowledgements_case
CREATE INDEX acknowledgements_case ON acknowledgements(case_id, signed_on);

-- index audit_log_entity
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- index case_loans_loan
CREATE INDEX case_loans_loan ON case_loans(loan_id);

-- index case_search_case
CREATE INDEX case_search_case ON case_search_content(c0);

-- index cases_aging
CREATE INDEX cases_aging ON cases(overdue_since, stage, principal_outstanding_fen, lender_id, owner);

-- index cases_borrower
CREATE INDEX cases_borrower ON cases(borrower_id);

-- index cases_opened
CREATE INDEX cases_opened ON cases(opened_on, lender_id, owner, stage, principal_outstanding_fen);

-- index cases_overdue
CREATE INDEX cases_overdue ON cases(coalesce(overdue_since, '9999-12-31'));

-- index cases_owner_stage
CREATE INDEX cases_owner_stage ON cases(owner, stage);

-- index cases_principal
CREATE INDEX cases_principal ON cases(principal_outstanding_fen);

-- index cases_report
CREATE INDEX cases_report ON cases(lender_id, owner, stage, overdue_since, principal_outstanding_fen);

-- index cases_stage_overdue
CREATE INDEX cases_stage_overdue ON cases(stage, coalesce(overdue_since, '9999-12-31'));

-- index cases_stage_principal
CREATE INDEX cases_stage_principal ON cases(stage, principal_outstanding_fen);

-- index collection_actions_at
CREATE INDEX collection_actions_at ON collection_actions(at);

-- index collection_actions_case
CREATE INDEX collection_actions_case ON collection_actions(case_id, at);

-- index collection_actions_delivered
CREATE INDEX collection_actions_delivered ON collection_actions(delivered_on) WHERE delivered_on IS NOT NULL;

-- index contract_reviews_case
CREATE INDEX contract_reviews_case ON contract_reviews(case_id, created_at);

-- index contract_reviews_evidence
CREATE INDEX contract_reviews_evidence ON contract_reviews(evidence_id);

-- index contract_reviews_loan
CREATE INDEX contract_reviews_loan ON contract_reviews(loan_id);

-- index court_events_case
CREATE INDEX court_events_case ON court_events(case_id, date);

-- index deadlines_case
CREATE INDEX deadlines_case ON deadlines(case_id);

-- index deadlines_due
CREATE INDEX deadlines_due ON deadlines(status, due_date);

-- index disbursements_loan
CREATE INDEX disbursements_loan ON disbursements(loan_id);

-- index documents_case
CREATE INDEX documents_case ON documents(case_id, created_at);

-- index emergency_contacts_borrower
CREATE INDEX emergency_contacts_borrower ON emergency_contacts(borrower_id);

-- index evidence_bundles_case
CREATE INDEX evidence_bundles_case ON evidence_bundles(case_id, created_at);

-- index evidence_items_case
CREATE INDEX evidence_items_case ON evidence_items(case_id, no);

-- index import_loan_facts_run
CREATE INDEX import_loan_facts_run ON import_loan_facts(created_run_id);

-- index known_assets_case
CREATE INDEX known_assets_case ON known_assets(case_id);

-- index lenders_name
CREATE UNIQUE INDEX lenders_name ON lenders(name);

-- index loan_guarantors_loan
CREATE INDEX loan_guarantors_loan ON loan_guarantors(loan_id);

-- index loan_last_due_date
CREATE INDEX loan_last_due_date ON loan_last_due(due_date);

-- index loan_limitation_loan
CREATE INDEX loan_limitation_loan ON loan_limitation(loan_id);

-- index loans_borrower
CREATE INDEX loans_borrower ON loans(borrower_id);

-- index loans_maturity
CREATE INDEX loans_maturity ON loans(maturity_date);

-- index promises_case
CREATE INDEX promises_case ON promises(case_id);

-- index promises_due
CREATE INDEX promises_due ON promises(status, due_date);

-- index promises_due_date
CREATE INDEX promises_due_date ON promises(due_date);

-- index repayment_plans_case
CREATE INDEX repayment_plans_case ON repayment_plans(case_id);

-- index repayments_date
CREATE INDEX repayments_date ON repayments(date, loan_id, amount_fen);

-- index repayments_loan_date
CREATE INDEX repayments_loan_date ON repayments(loan_id, date);

-- index report_tally_groups_key
CREATE UNIQUE INDEX report_tally_groups_key ON report_tally_groups(lender_id, owner, stage);

-- index stage_history_at
CREATE INDEX stage_history_at ON stage_history(at);

-- index stage_history_case
CREATE INDEX stage_history_case ON stage_history(case_id, at);

-- index templates_type
CREATE INDEX templates_type ON templates(doc_type, builtin);

-- table acknowledgements
CREATE TABLE acknowledgements (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    signed_on TEXT NOT NULL CHECK (signed_on IS NULL OR date(signed_on) IS signed_on),
    amount_fen INTEGER CHECK (amount_fen IS NULL OR (typeof(amount_fen) = 'integer' AND amount_fen >= 0)),
    evidence_id TEXT REFERENCES evidence_items(id),
    note TEXT,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table audit_log
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL, actor TEXT NOT NULL,
    entity TEXT NOT NULL, entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    diff_json TEXT,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE
  );

-- table borrower_addresses
CREATE TABLE borrower_addresses (
    borrower_id TEXT NOT NULL REFERENCES borrowers(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('hukou', 'residence', 'work', 'mailing')),
    address TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
    PRIMARY KEY (borrower_id, seq)
  ) WITHOUT ROWID;

-- table borrower_phones
CREATE TABLE borrower_phones (
    borrower_id TEXT NOT NULL REFERENCES borrowers(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    phone TEXT NOT NULL CHECK (length(phone) BETWEEN 5 AND 20),
    kind TEXT NOT NULL DEFAULT 'mobile' CHECK (kind IS NULL OR kind IN ('mobile', 'home', 'work', 'other')),
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    PRIMARY KEY (borrower_id, seq)
  ) WITHOUT ROWID;

-- table borrowers
CREATE TABLE borrowers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    id_number TEXT UNIQUE CHECK (id_number IS NULL OR length(id_number) = 18),
    sex TEXT CHECK (sex IS NULL OR sex IN ('male', 'female')),
    birth_date TEXT CHECK (birth_date IS NULL OR date(birth_date) IS birth_date),
    employer TEXT, note TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table case_loans
CREATE TABLE case_loans (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, loan_id)
  ) WITHOUT ROWID;

-- table case_search
CREATE VIRTUAL TABLE case_search USING fts5(
    case_id UNINDEXED, case_no, borrower_name, id_number, phones, contract_nos,
    tokenize = 'trigram'
  );

-- table case_search_config
CREATE TABLE 'case_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table case_search_content
CREATE TABLE 'case_search_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4, c5);

-- table case_search_data
CREATE TABLE 'case_search_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table case_search_docsize
CREATE TABLE 'case_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table case_search_idx
CREATE TABLE 'case_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table cases
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    case_no TEXT NOT NULL UNIQUE CHECK (length(case_no) BETWEEN 1 AND 50),
    borrower_id TEXT NOT NULL REFERENCES borrowers(id),
    lender_id TEXT NOT NULL REFERENCES lenders(id),
    stage TEXT NOT NULL DEFAULT 'new' CHECK (stage IS NULL OR stage IN ('new', 'collection', 'negotiation', 'mediation', 'litigation', 'enforcement', 'closed')),
    owner TEXT,
    priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IS NULL OR priority IN ('high', 'normal', 'low')),
    opened_on TEXT NOT NULL CHECK (opened_on IS NULL OR date(opened_on) IS opened_on),
    closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    close_reason TEXT,
    overdue_since TEXT CHECK (overdue_since IS NULL OR date(overdue_since) IS overdue_since),
    principal_outstanding_fen INTEGER NOT NULL DEFAULT 0 CHECK (principal_outstanding_fen IS NULL OR (typeof(principal_outstanding_fen) = 'integer' AND principal_outstanding_fen >= 0)),
    repaid_fen INTEGER NOT NULL DEFAULT 0 CHECK (repaid_fen IS NULL OR (typeof(repaid_fen) = 'integer' AND repaid_fen >= 0)),
    court TEXT, court_case_no TEXT, procedure TEXT CHECK (procedure IS NULL OR procedure IN ('payment_order', 'small_claims', 'simplified', 'ordinary')),
    filing_date TEXT CHECK (filing_date IS NULL OR date(filing_date) IS filing_date),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table collection_actions
CREATE TABLE collection_actions (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    channel TEXT NOT NULL CHECK (channel IS NULL OR channel IN ('phone', 'sms', 'letter', 'lawyer_letter', 'visit', 'email', 'other')),
    target TEXT NOT NULL CHECK (target IS NULL OR target IN ('borrower', 'guarantor', 'emergency_contact')),
    target_name TEXT,
    at TEXT NOT NULL,
    duration_sec INTEGER CHECK (duration_sec IS NULL OR duration_sec >= 0),
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('answered', 'no_answer', 'invalid_number', 'promised', 'refused', 'negotiating', 'unreachable')),
    note TEXT, tracking_no TEXT, delivered_on TEXT CHECK (delivered_on IS NULL OR date(delivered_on) IS delivered_on),
    proof_evidence_id TEXT REFERENCES evidence_items(id),
    actor TEXT NOT NULL, override_reason TEXT,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table contract_reviews
CREATE TABLE contract_reviews (
    id TEXT PRIMARY KEY,
    case_id TEXT REFERENCES cases(id) ON DELETE CASCADE,
    loan_id TEXT REFERENCES loans(id) ON DELETE SET NULL,
    file_sha256 TEXT CHECK (file_sha256 IS NULL OR (length(file_sha256) = 64 AND file_sha256 NOT GLOB '*[^0-9a-f]*')),
    file_name TEXT CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 255),
    file_kind TEXT NOT NULL CHECK (file_kind IN ('docx', 'pdf', 'txt', 'pasted')),
    text TEXT NOT NULL CHECK (length(text) >= 1),
    regime TEXT NOT NULL CHECK (regime IN ('private', 'licensed')),
    options_json TEXT NOT NULL CHECK (json_valid(options_json)),
    terms_json TEXT NOT NULL CHECK (json_valid(terms_json)),
    corrections_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(corrections_json)),
    findings_json TEXT NOT NULL CHECK (json_valid(findings_json)),
    details_json TEXT NOT NULL CHECK (json_valid(details_json)),
    -- A decimal fraction as text, like the rates in 0001 (negative when the cash flows return less than paid out).
    all_in_cost TEXT CHECK (all_in_cost IS NULL OR ltrim(all_in_cost, '-') GLOB '[0-9]*.[0-9]*' OR ltrim(all_in_cost, '-') GLOB '[0-9]'),
    created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, evidence_id TEXT REFERENCES evidence_items(id) ON DELETE SET NULL,
    CHECK ((file_kind = 'pasted') = (file_sha256 IS NULL))
  ) WITHOUT ROWID;

-- table court_events
CREATE TABLE court_events (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('filing', 'preservation', 'payment_order', 'hearing', 'judgment', 'ruling', 'served', 'enforcement_filing', 'enforcement_result')),
    date TEXT NOT NULL CHECK (date IS NULL OR date(date) IS date),
    court TEXT, court_case_no TEXT,
    amount_fen INTEGER CHECK (amount_fen IS NULL OR (typeof(amount_fen) = 'integer' AND amount_fen >= 0)),
    note TEXT, created_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table deadlines
CREATE TABLE deadlines (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    loan_id TEXT REFERENCES loans(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    from_date TEXT NOT NULL CHECK (from_date IS NULL OR date(from_date) IS from_date),
    due_date TEXT NOT NULL CHECK (due_date IS NULL OR date(due_date) IS due_date),
    basis TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IS NULL OR status IN ('open', 'done', 'dismissed')),
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table disbursements
CREATE TABLE disbursements (
    id TEXT PRIMARY KEY,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    date TEXT NOT NULL CHECK (date IS NULL OR date(date) IS date),
    amount_fen INTEGER NOT NULL CHECK (amount_fen IS NULL OR (typeof(amount_fen) = 'integer' AND amount_fen >= 0)),
    channel TEXT, reference TEXT
  ) WITHOUT ROWID;

-- table documents
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    doc_type TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IS NULL OR format IN ('docx', 'pdf')),
    template_id TEXT NOT NULL, template_version INTEGER NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL, file_name TEXT NOT NULL,
    inputs_json TEXT NOT NULL,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL
  , missing_json TEXT NOT NULL DEFAULT '[]', as_of TEXT CHECK (as_of IS NULL OR date(as_of) IS as_of)) WITHOUT ROWID;

-- table emergency_contacts
CREATE TABLE emergency_contacts (
    id TEXT PRIMARY KEY,
    borrower_id TEXT NOT NULL REFERENCES borrowers(id) ON DELETE CASCADE,
    name TEXT NOT NULL, relation TEXT, phone TEXT
  ) WITHOUT ROWID;

-- table evidence_bundles
CREATE TABLE evidence_bundles (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    zip_path TEXT NOT NULL, pdf_path TEXT NOT NULL,
    zip_sha256 TEXT NOT NULL CHECK (length(zip_sha256) = 64 AND zip_sha256 NOT GLOB '*[^0-9a-f]*'),
    pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64 AND pdf_sha256 NOT GLOB '*[^0-9a-f]*'),
    pages INTEGER NOT NULL CHECK (pages >= 1),
    exhibits INTEGER NOT NULL CHECK (exhibits >= 0),
    bates_prefix TEXT,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table evidence_items
CREATE TABLE evidence_items (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    no INTEGER NOT NULL CHECK (no >= 1),
    parent_id TEXT REFERENCES evidence_items(id),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('contract', 'esign_certificate', 'disbursement', 'repayment_record', 'identity', 'collection_record', 'delivery_proof', 'other')),
    source TEXT, purpose TEXT,
    original INTEGER NOT NULL DEFAULT 0 CHECK (original IN (0, 1)),
    received_on TEXT CHECK (received_on IS NULL OR date(received_on) IS received_on),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    mime TEXT NOT NULL, pages INTEGER CHECK (pages IS NULL OR pages >= 0), file_name TEXT NOT NULL,
    added_by TEXT NOT NULL, added_at TEXT NOT NULL, removed_at TEXT
  ) WITHOUT ROWID;

-- table evidence_removals
CREATE TABLE evidence_removals (
    evidence_id TEXT PRIMARY KEY REFERENCES evidence_items(id) ON DELETE CASCADE,
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    removed_by TEXT NOT NULL,
    removed_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table import_loan_facts
CREATE TABLE import_loan_facts (
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
  ) WITHOUT ROWID;

-- table import_mappings
CREATE TABLE import_mappings (
    name TEXT PRIMARY KEY,
    mapping_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

-- table import_runs
CREATE TABLE import_runs (
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
  ) WITHOUT ROWID;

-- table known_assets
CREATE TABLE known_assets (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('salary', 'bank_account', 'real_estate', 'vehicle', 'other')),
    description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    value_fen INTEGER CHECK (value_fen IS NULL OR (typeof(value_fen) = 'integer' AND value_fen >= 0)),
    source TEXT CHECK (source IS NULL OR length(source) <= 200),
    found_on TEXT NOT NULL CHECK (found_on IS NULL OR date(found_on) IS found_on),
    created_by TEXT NOT NULL, created_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table lenders
CREATE TABLE lenders (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    credit_code TEXT UNIQUE CHECK (credit_code IS NULL OR length(credit_code) = 18),
    regime TEXT NOT NULL CHECK (regime IS NULL OR regime IN ('private', 'licensed')),
    address TEXT, legal_rep TEXT, phone TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table loan_guarantors
CREATE TABLE loan_guarantors (
    id TEXT PRIMARY KEY,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    name TEXT NOT NULL, id_number TEXT, phone TEXT, address TEXT
  ) WITHOUT ROWID;

-- table loan_last_due
CREATE TABLE loan_last_due (
    loan_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    due_date TEXT NOT NULL
  ) WITHOUT ROWID;

-- table loan_limitation
CREATE TABLE loan_limitation (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IS NULL OR state IN ('dated', 'suspended', 'no_start')),
    expiry TEXT CHECK (expiry IS NULL OR date(expiry) IS expiry),
    computed_on TEXT NOT NULL CHECK (computed_on IS NULL OR date(computed_on) IS computed_on),
    valid_until TEXT CHECK (valid_until IS NULL OR date(valid_until) IS valid_until),
    calendar_key TEXT NOT NULL,
    PRIMARY KEY (case_id, loan_id),
    CHECK ((state = 'dated') = (expiry IS NOT NULL))
  ) WITHOUT ROWID;

-- table loans
CREATE TABLE loans (
    id TEXT PRIMARY KEY,
    lender_id TEXT NOT NULL REFERENCES lenders(id),
    borrower_id TEXT NOT NULL REFERENCES borrowers(id),
    contract_no TEXT NOT NULL CHECK (length(contract_no) BETWEEN 1 AND 100),
    contract_date TEXT NOT NULL CHECK (contract_date IS NULL OR date(contract_date) IS contract_date),
    signing_method TEXT CHECK (signing_method IS NULL OR signing_method IN ('electronic', 'paper')),
    esign_provider TEXT,
    contract_amount_fen INTEGER NOT NULL CHECK (contract_amount_fen IS NULL OR (typeof(contract_amount_fen) = 'integer' AND contract_amount_fen >= 0)),
    disbursed_amount_fen INTEGER NOT NULL CHECK (disbursed_amount_fen IS NULL OR (typeof(disbursed_amount_fen) = 'integer' AND disbursed_amount_fen >= 0)),
    disbursement_date TEXT NOT NULL CHECK (disbursement_date IS NULL OR date(disbursement_date) IS disbursement_date),
    term_months INTEGER CHECK (term_months IS NULL OR term_months BETWEEN 0 AND 600),
    maturity_date TEXT CHECK (maturity_date IS NULL OR date(maturity_date) IS maturity_date),
    repayment_method TEXT NOT NULL CHECK (repayment_method IS NULL OR repayment_method IN ('bullet', 'equal_instalment', 'equal_principal', 'interest_first')),
    rate_term TEXT CHECK (rate_term IS NULL OR rate_term GLOB '[0-9]*.[0-9]*' OR rate_term GLOB '[0-9]'),
    fee_rate_term TEXT CHECK (fee_rate_term IS NULL OR fee_rate_term GLOB '[0-9]*.[0-9]*' OR fee_rate_term GLOB '[0-9]'),
    rate_overdue TEXT CHECK (rate_overdue IS NULL OR rate_overdue GLOB '[0-9]*.[0-9]*' OR rate_overdue GLOB '[0-9]'),
    penalty_rate TEXT CHECK (penalty_rate IS NULL OR penalty_rate GLOB '[0-9]*.[0-9]*' OR penalty_rate GLOB '[0-9]'),
    fee_rate_overdue TEXT CHECK (fee_rate_overdue IS NULL OR fee_rate_overdue GLOB '[0-9]*.[0-9]*' OR fee_rate_overdue GLOB '[0-9]'),
    penalty_flat_fen INTEGER CHECK (penalty_flat_fen IS NULL OR (typeof(penalty_flat_fen) = 'integer' AND penalty_flat_fen >= 0)),
    upfront_fee_fen INTEGER CHECK (upfront_fee_fen IS NULL OR (typeof(upfront_fee_fen) = 'integer' AND upfront_fee_fen >= 0)),
    day_basis INTEGER CHECK (day_basis IS NULL OR day_basis IN (360, 365)),
    jurisdiction_clause TEXT, arbitration_clause TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (lender_id, contract_no),
    CHECK (disbursement_date >= contract_date OR julianday(contract_date) - julianday(disbursement_date) <= 31)
  ) WITHOUT ROWID;

-- table payment_order_facts
CREATE TABLE payment_order_facts (
    case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    facts_json TEXT NOT NULL CHECK (json_valid(facts_json)),
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table plan_instalments
CREATE TABLE plan_instalments (
    plan_id TEXT NOT NULL REFERENCES repayment_plans(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    due_date TEXT NOT NULL CHECK (due_date IS NULL OR date(due_date) IS due_date),
    amount_fen INTEGER NOT NULL CHECK (amount_fen IS NULL OR (typeof(amount_fen) = 'integer' AND amount_fen >= 0)),
    paid_fen INTEGER NOT NULL DEFAULT 0 CHECK (paid_fen IS NULL OR (typeof(paid_fen) = 'integer' AND paid_fen >= 0)),
    PRIMARY KEY (plan_id, seq)
  ) WITHOUT ROWID;

-- table promises
CREATE TABLE promises (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    action_id TEXT REFERENCES collection_actions(id),
    amount_fen INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen > 0),
    due_date TEXT NOT NULL CHECK (due_date IS NULL OR date(due_date) IS due_date),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IS NULL OR status IN ('open', 'kept', 'partly_kept', 'broken')),
    kept_fen INTEGER NOT NULL DEFAULT 0 CHECK (kept_fen IS NULL OR (typeof(kept_fen) = 'integer' AND kept_fen >= 0)),
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table repayment_plans
CREATE TABLE repayment_plans (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    supportable_fen INTEGER NOT NULL CHECK (supportable_fen IS NULL OR (typeof(supportable_fen) = 'integer' AND supportable_fen >= 0)),
    reduction_fen INTEGER NOT NULL DEFAULT 0 CHECK (reduction_fen IS NULL OR (typeof(reduction_fen) = 'integer' AND reduction_fen >= 0)),
    total_fen INTEGER NOT NULL CHECK (total_fen IS NULL OR (typeof(total_fen) = 'integer' AND total_fen >= 0)),
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IS NULL OR status IN ('proposed', 'agreed', 'performing', 'broken', 'completed')),
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table repayments
CREATE TABLE repayments (
    id TEXT PRIMARY KEY,
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    date TEXT NOT NULL CHECK (date IS NULL OR date(date) IS date),
    amount_fen INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen > 0),
    -- the part the platform booked to principal, when its export says so (已还本金); NULL = not split
    principal_fen INTEGER CHECK ((principal_fen IS NULL OR (typeof(principal_fen) = 'integer' AND principal_fen >= 0)) AND (principal_fen IS NULL OR principal_fen <= amount_fen)),
    source TEXT, reference TEXT,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table report_tally_groups
CREATE TABLE report_tally_groups (lender_id TEXT NOT NULL, owner TEXT, stage TEXT NOT NULL, n INTEGER NOT NULL, principal_fen INTEGER NOT NULL);

-- table report_tally_opened
CREATE TABLE report_tally_opened (opened_on TEXT NOT NULL PRIMARY KEY, n INTEGER NOT NULL, principal_fen INTEGER NOT NULL) WITHOUT ROWID;

-- table report_tally_overdue
CREATE TABLE report_tally_overdue (stage TEXT NOT NULL, overdue_since TEXT NOT NULL, n INTEGER NOT NULL, principal_fen INTEGER NOT NULL, PRIMARY KEY (stage, overdue_since)) WITHOUT ROWID;

-- table schedule_items
CREATE TABLE schedule_items (
    loan_id TEXT NOT NULL REFERENCES loans(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    due_date TEXT NOT NULL CHECK (due_date IS NULL OR date(due_date) IS due_date),
    principal_fen INTEGER NOT NULL CHECK (principal_fen IS NULL OR (typeof(principal_fen) = 'integer' AND principal_fen >= 0)),
    interest_fen INTEGER NOT NULL DEFAULT 0 CHECK (interest_fen IS NULL OR (typeof(interest_fen) = 'integer' AND interest_fen >= 0)),
    fee_fen INTEGER NOT NULL DEFAULT 0 CHECK (fee_fen IS NULL OR (typeof(fee_fen) = 'integer' AND fee_fen >= 0)),
    PRIMARY KEY (loan_id, seq)
  ) WITHOUT ROWID;

-- table settings
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

-- table stage_history
CREATE TABLE stage_history (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    from_stage TEXT CHECK (from_stage IS NULL OR from_stage IN ('new', 'collection', 'negotiation', 'mediation', 'litigation', 'enforcement', 'closed')),
    to_stage TEXT NOT NULL CHECK (to_stage IS NULL OR to_stage IN ('new', 'collection', 'negotiation', 'mediation', 'litigation', 'enforcement', 'closed')),
    at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT
  ) WITHOUT ROWID;

-- table template_versions
CREATE TABLE template_versions (
    template_id TEXT NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    page_numbers INTEGER NOT NULL CHECK (page_numbers IN (0, 1)),
    created_by TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (template_id, version)
  ) WITHOUT ROWID;

-- table templates
CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    doc_type TEXT NOT NULL,
    name TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    body TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  , page_numbers INTEGER NOT NULL DEFAULT 1 CHECK (page_numbers IN (0, 1)), based_on TEXT) WITHOUT ROWID;

-- trigger acknowledgements_limitation_del
CREATE TRIGGER acknowledgements_limitation_del AFTER DELETE ON acknowledgements BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; END;

-- trigger acknowledgements_limitation_ins
CREATE TRIGGER acknowledgements_limitation_ins AFTER INSERT ON acknowledgements BEGIN DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger acknowledgements_limitation_upd
CREATE TRIGGER acknowledgements_limitation_upd AFTER UPDATE ON acknowledgements BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger case_loans_limitation_del
CREATE TRIGGER case_loans_limitation_del AFTER DELETE ON case_loans BEGIN DELETE FROM loan_limitation WHERE loan_id = OLD.loan_id; END;

-- trigger case_loans_limitation_ins
CREATE TRIGGER case_loans_limitation_ins AFTER INSERT ON case_loans BEGIN DELETE FROM loan_limitation WHERE loan_id = NEW.loan_id; END;

-- trigger case_loans_limitation_upd
CREATE TRIGGER case_loans_limitation_upd AFTER UPDATE ON case_loans BEGIN DELETE FROM loan_limitation WHERE loan_id = OLD.loan_id; DELETE FROM loan_limitation WHERE loan_id = NEW.loan_id; END;

-- trigger cases_limitation_del
CREATE TRIGGER cases_limitation_del AFTER DELETE ON cases BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.id; END;

-- trigger cases_limitation_upd
CREATE TRIGGER cases_limitation_upd AFTER UPDATE OF filing_date ON cases BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.id; DELETE FROM loan_limitation WHERE case_id = NEW.id; END;

-- trigger cases_tally_delete
CREATE TRIGGER cases_tally_delete AFTER DELETE ON cases BEGIN
    INSERT INTO report_tally_groups (lender_id, owner, stage, n, principal_fen) SELECT OLD.lender_id, OLD.owner, OLD.stage, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_groups WHERE lender_id IS OLD.lender_id AND owner IS OLD.owner AND stage IS OLD.stage);
    UPDATE report_tally_groups SET n = n + -1, principal_fen = principal_fen + -1 * OLD.principal_outstanding_fen WHERE lender_id IS OLD.lender_id AND owner IS OLD.owner AND stage IS OLD.stage;
    INSERT INTO report_tally_overdue (stage, overdue_since, n, principal_fen) SELECT OLD.stage, OLD.overdue_since, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_overdue WHERE stage IS OLD.stage AND overdue_since IS OLD.overdue_since) AND OLD.overdue_since IS NOT NULL;
    UPDATE report_tally_overdue SET n = n + -1, principal_fen = principal_fen + -1 * OLD.principal_outstanding_fen WHERE stage IS OLD.stage AND overdue_since IS OLD.overdue_since AND OLD.overdue_since IS NOT NULL;
    INSERT INTO report_tally_opened (opened_on, n, principal_fen) SELECT OLD.opened_on, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_opened WHERE opened_on IS OLD.opened_on);
    UPDATE report_tally_opened SET n = n + -1, principal_fen = principal_fen + -1 * OLD.principal_outstanding_fen WHERE opened_on IS OLD.opened_on;
  END;

-- trigger cases_tally_insert
CREATE TRIGGER cases_tally_insert AFTER INSERT ON cases BEGIN
    INSERT INTO report_tally_groups (lender_id, owner, stage, n, principal_fen) SELECT NEW.lender_id, NEW.owner, NEW.stage, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_groups WHERE lender_id IS NEW.lender_id AND owner IS NEW.owner AND stage IS NEW.stage);
    UPDATE report_tally_groups SET n = n + 1, principal_fen = principal_fen + 1 * NEW.principal_outstanding_fen WHERE lender_id IS NEW.lender_id AND owner IS NEW.owner AND stage IS NEW.stage;
    INSERT INTO report_tally_overdue (stage, overdue_since, n, principal_fen) SELECT NEW.stage, NEW.overdue_since, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_overdue WHERE stage IS NEW.stage AND overdue_since IS NEW.overdue_since) AND NEW.overdue_since IS NOT NULL;
    UPDATE report_tally_overdue SET n = n + 1, principal_fen = principal_fen + 1 * NEW.principal_outstanding_fen WHERE stage IS NEW.stage AND overdue_since IS NEW.overdue_since AND NEW.overdue_since IS NOT NULL;
    INSERT INTO report_tally_opened (opened_on, n, principal_fen) SELECT NEW.opened_on, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_opened WHERE opened_on IS NEW.opened_on);
    UPDATE report_tally_opened SET n = n + 1, principal_fen = principal_fen + 1 * NEW.principal_outstanding_fen WHERE opened_on IS NEW.opened_on;
  END;

-- trigger cases_tally_update
CREATE TRIGGER cases_tally_update AFTER UPDATE OF lender_id, owner, stage, overdue_since, opened_on, principal_outstanding_fen ON cases BEGIN
    INSERT INTO report_tally_groups (lender_id, owner, stage, n, principal_fen) SELECT OLD.lender_id, OLD.owner, OLD.stage, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_groups WHERE lender_id IS OLD.lender_id AND owner IS OLD.owner AND stage IS OLD.stage);
    UPDATE report_tally_groups SET n = n + -1, principal_fen = principal_fen + -1 * OLD.principal_outstanding_fen WHERE lender_id IS OLD.lender_id AND owner IS OLD.owner AND stage IS OLD.stage;
    INSERT INTO report_tally_overdue (stage, overdue_since, n, principal_fen) SELECT OLD.stage, OLD.overdue_since, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_overdue WHERE stage IS OLD.stage AND overdue_since IS OLD.overdue_since) AND OLD.overdue_since IS NOT NULL;
    UPDATE report_tally_overdue SET n = n + -1, principal_fen = principal_fen + -1 * OLD.principal_outstanding_fen WHERE stage IS OLD.stage AND overdue_since IS OLD.overdue_since AND OLD.overdue_since IS NOT NULL;
    INSERT INTO report_tally_opened (opened_on, n, principal_fen) SELECT OLD.opened_on, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_opened WHERE opened_on IS OLD.opened_on);
    UPDATE report_tally_opened SET n = n + -1, principal_fen = principal_fen + -1 * OLD.principal_outstanding_fen WHERE opened_on IS OLD.opened_on;
    INSERT INTO report_tally_groups (lender_id, owner, stage, n, principal_fen) SELECT NEW.lender_id, NEW.owner, NEW.stage, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_groups WHERE lender_id IS NEW.lender_id AND owner IS NEW.owner AND stage IS NEW.stage);
    UPDATE report_tally_groups SET n = n + 1, principal_fen = principal_fen + 1 * NEW.principal_outstanding_fen WHERE lender_id IS NEW.lender_id AND owner IS NEW.owner AND stage IS NEW.stage;
    INSERT INTO report_tally_overdue (stage, overdue_since, n, principal_fen) SELECT NEW.stage, NEW.overdue_since, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_overdue WHERE stage IS NEW.stage AND overdue_since IS NEW.overdue_since) AND NEW.overdue_since IS NOT NULL;
    UPDATE report_tally_overdue SET n = n + 1, principal_fen = principal_fen + 1 * NEW.principal_outstanding_fen WHERE stage IS NEW.stage AND overdue_since IS NEW.overdue_since AND NEW.overdue_since IS NOT NULL;
    INSERT INTO report_tally_opened (opened_on, n, principal_fen) SELECT NEW.opened_on, 0, 0
      WHERE NOT EXISTS (SELECT 1 FROM report_tally_opened WHERE opened_on IS NEW.opened_on);
    UPDATE report_tally_opened SET n = n + 1, principal_fen = principal_fen + 1 * NEW.principal_outstanding_fen WHERE opened_on IS NEW.opened_on;
  END;

-- trigger collection_actions_limitation_del
CREATE TRIGGER collection_actions_limitation_del AFTER DELETE ON collection_actions BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; END;

-- trigger collection_actions_limitation_ins
CREATE TRIGGER collection_actions_limitation_ins AFTER INSERT ON collection_actions BEGIN DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger collection_actions_limitation_upd
CREATE TRIGGER collection_actions_limitation_upd AFTER UPDATE ON collection_actions BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger court_events_limitation_del
CREATE TRIGGER court_events_limitation_del AFTER DELETE ON court_events BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; END;

-- trigger court_events_limitation_ins
CREATE TRIGGER court_events_limitation_ins AFTER INSERT ON court_events BEGIN DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger court_events_limitation_upd
CREATE TRIGGER court_events_limitation_upd AFTER UPDATE ON court_events BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger evidence_items_limitation_del
CREATE TRIGGER evidence_items_limitation_del AFTER DELETE ON evidence_items BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; END;

-- trigger evidence_items_limitation_ins
CREATE TRIGGER evidence_items_limitation_ins AFTER INSERT ON evidence_items BEGIN DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger evidence_items_limitation_upd
CREATE TRIGGER evidence_items_limitation_upd AFTER UPDATE OF removed_at ON evidence_items BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger loans_limitation_del
CREATE TRIGGER loans_limitation_del AFTER DELETE ON loans BEGIN DELETE FROM loan_limitation WHERE loan_id = OLD.id; END;

-- trigger loans_limitation_upd
CREATE TRIGGER loans_limitation_upd AFTER UPDATE OF maturity_date ON loans BEGIN DELETE FROM loan_limitation WHERE loan_id = OLD.id; DELETE FROM loan_limitation WHERE loan_id = NEW.id; END;

-- trigger repayment_plans_limitation_del
CREATE TRIGGER repayment_plans_limitation_del AFTER DELETE ON repayment_plans BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; END;

-- trigger repayment_plans_limitation_ins
CREATE TRIGGER repayment_plans_limitation_ins AFTER INSERT ON repayment_plans BEGIN DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger repayment_plans_limitation_upd
CREATE TRIGGER repayment_plans_limitation_upd AFTER UPDATE ON repayment_plans BEGIN DELETE FROM loan_limitation WHERE case_id = OLD.case_id; DELETE FROM loan_limitation WHERE case_id = NEW.case_id; END;

-- trigger repayments_limitation_del
CREATE TRIGGER repayments_limitation_del AFTER DELETE ON repayments BEGIN DELETE FROM loan_limitation WHERE loan_id = OLD.loan_id; END;

-- trigger repayments_limitation_ins
CREATE TRIGGER repayments_limitation_ins AFTER INSERT ON repayments BEGIN DELETE FROM loan_limitation WHERE loan_id = NEW.loan_id; END;

-- trigger repayments_limitation_upd
CREATE TRIGGER repayments_limitation_upd AFTER UPDATE ON repayments BEGIN DELETE FROM loan_limitation WHERE loan_id = OLD.loan_id; DELETE FROM loan_limitation WHERE loan_id = NEW.loan_id; END;

-- trigger schedule_items_last_due_delete
CREATE TRIGGER schedule_items_last_due_delete AFTER DELETE ON schedule_items BEGIN
    DELETE FROM loan_last_due WHERE loan_id = old.loan_id;
    INSERT INTO loan_last_due (loan_id, seq, due_date) SELECT loan_id, max(seq), due_date FROM schedule_items WHERE loan_id = old.loan_id GROUP BY loan_id;
  END;

-- trigger schedule_items_last_due_insert
CREATE TRIGGER schedule_items_last_due_insert AFTER INSERT ON schedule_items BEGIN
    INSERT INTO loan_last_due (loan_id, seq, due_date) VALUES (new.loan_id, new.seq, new.due_date)
      ON CONFLICT (loan_id) DO UPDATE SET seq = excluded.seq, due_date = excluded.due_date WHERE excluded.seq >= loan_last_due.seq;
  END;

-- trigger schedule_items_last_due_update
CREATE TRIGGER schedule_items_last_due_update AFTER UPDATE OF loan_id, seq, due_date ON schedule_items BEGIN
    DELETE FROM loan_last_due WHERE loan_id IN (old.loan_id, new.loan_id);
    INSERT INTO loan_last_due (loan_id, seq, due_date) SELECT loan_id, max(seq), due_date FROM schedule_items WHERE loan_id IN (old.loan_id, new.loan_id) GROUP BY loan_id;
  END;

-- trigger schedule_items_limitation_del
CREATE TRIGGER schedule_items_limitation_del AFTER DELETE ON schedule_items BEGIN DELETE FROM loan_limitation WHERE loan_id = OLD.loan_id; END;

-- trigger schedule_items_limitation_ins
CREATE TRIGGER schedule_items_limitation_ins AFTER INSERT ON schedule_items BEGIN DELETE FROM loan_limitation WHERE loan_id = NEW.loan_id; END;

-- trigger schedule_items_limitation_upd
CREATE TRIGGER schedule_items_limitation_upd AFTER UPDATE ON schedule_items BEGIN DELETE FROM loan_limitation WHERE loan_id = OLD.loan_id; DELETE FROM loan_limitation WHERE loan_id = NEW.loan_id; END;
