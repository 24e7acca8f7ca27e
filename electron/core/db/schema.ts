import type { Generated } from 'kysely'

/**
 * Kysely's view of the tables created by the migrations (the migrations are the truth; this mirrors them).
 * Column names are the SQL ones (snake_case); services map rows to the contract's camelCase shapes.
 */
export interface LendersTable {
  id: string; name: string; credit_code: string | null; regime: 'private' | 'licensed'
  address: string | null; legal_rep: string | null; phone: string | null
  created_at: string; updated_at: string
}
export interface BorrowersTable {
  id: string; name: string; id_number: string | null; sex: 'male' | 'female' | null; birth_date: string | null
  employer: string | null; note: string | null; created_at: string; updated_at: string
}
export interface BorrowerPhonesTable { borrower_id: string; seq: number; phone: string; kind: string; is_primary: number }
export interface BorrowerAddressesTable { borrower_id: string; seq: number; kind: string; address: string }
export interface EmergencyContactsTable { id: string; borrower_id: string; name: string; relation: string | null; phone: string | null }
export interface LoansTable {
  id: string; lender_id: string; borrower_id: string; contract_no: string; contract_date: string
  signing_method: string | null; esign_provider: string | null
  contract_amount_fen: number; disbursed_amount_fen: number; disbursement_date: string
  term_months: number | null; maturity_date: string | null; repayment_method: string
  rate_term: string | null; fee_rate_term: string | null; rate_overdue: string | null; penalty_rate: string | null
  fee_rate_overdue: string | null; penalty_flat_fen: number | null; upfront_fee_fen: number | null; day_basis: number | null
  jurisdiction_clause: string | null; arbitration_clause: string | null
  created_at: string; updated_at: string
}
export interface LoanGuarantorsTable { id: string; loan_id: string; name: string; id_number: string | null; phone: string | null; address: string | null }
export interface DisbursementsTable { id: string; loan_id: string; date: string; amount_fen: number; channel: string | null; reference: string | null }
export interface ScheduleItemsTable { loan_id: string; seq: number; due_date: string; principal_fen: number; interest_fen: number; fee_fen: number }
export interface RepaymentsTable { id: string; loan_id: string; date: string; amount_fen: number; principal_fen: number | null; source: string | null; reference: string | null; created_at: string }
export interface CasesTable {
  id: string; case_no: string; borrower_id: string; lender_id: string; stage: string; owner: string | null
  priority: string; opened_on: string; closed_on: string | null; close_reason: string | null
  overdue_since: string | null; principal_outstanding_fen: number; repaid_fen: number
  court: string | null; court_case_no: string | null; procedure: string | null; filing_date: string | null
  created_at: string; updated_at: string
}
export interface CaseLoansTable { case_id: string; loan_id: string }
export interface StageHistoryTable { id: string; case_id: string; from_stage: string | null; to_stage: string; at: string; actor: string; reason: string | null }
export interface CollectionActionsTable {
  id: string; case_id: string; channel: string; target: string; target_name: string | null; at: string
  duration_sec: number | null; outcome: string | null; note: string | null; tracking_no: string | null
  delivered_on: string | null; proof_evidence_id: string | null; actor: string; override_reason: string | null; created_at: string
}
export interface PromisesTable { id: string; case_id: string; action_id: string | null; amount_fen: number; due_date: string; status: string; kept_fen: number; created_at: string }
export interface RepaymentPlansTable { id: string; case_id: string; supportable_fen: number; reduction_fen: number; total_fen: number; status: string; created_at: string }
export interface PlanInstalmentsTable { plan_id: string; seq: number; due_date: string; amount_fen: number; paid_fen: number }
export interface CourtEventsTable { id: string; case_id: string; kind: string; date: string; court: string | null; court_case_no: string | null; amount_fen: number | null; note: string | null; created_at: string }
export interface DeadlinesTable { id: string; case_id: string; loan_id: string | null; kind: string; from_date: string; due_date: string; basis: string | null; status: string; created_at: string }
export interface EvidenceItemsTable {
  id: string; case_id: string; no: number; parent_id: string | null; name: string; kind: string; source: string | null; purpose: string | null
  original: number; received_on: string | null; sha256: string; size: number; mime: string; pages: number | null; file_name: string
  added_by: string; added_at: string; removed_at: string | null
}
export interface TemplatesTable { id: string; doc_type: string; name: string; version: number; body: string; builtin: number; created_at: string; updated_at: string; page_numbers: number; based_on: string | null }
/** Every saved version of a template (migration 0005), for byte-identical regeneration. */
export interface TemplateVersionsTable { template_id: string; version: number; name: string; body: string; page_numbers: number; created_by: string; created_at: string }
export interface DocumentsTable {
  id: string; case_id: string; doc_type: string; format: string; template_id: string; template_version: number
  sha256: string; size: number; file_name: string; inputs_json: string; created_by: string; created_at: string
  missing_json: string; as_of: string | null
}
export interface ImportMappingsTable { name: string; mapping_json: string; updated_at: string }
export interface SettingsTable { key: string; value_json: string; updated_at: string }
export interface AuditLogTable {
  seq: Generated<number>; at: string; actor: string; entity: string; entity_id: string; action: string
  diff_json: string | null; prev_hash: string; hash: string
}
export interface CaseSearchTable { case_id: string; case_no: string; borrower_name: string; id_number: string; phones: string; contract_nos: string }

/** Contract reviews (migration 0002): JSON columns hold the reviewer's shapes (shared/domain/review-terms.ts). */
export interface ContractReviewsTable {
  id: string; case_id: string | null; loan_id: string | null
  file_sha256: string | null; file_name: string | null; file_kind: string; text: string; regime: string
  options_json: string; terms_json: string; corrections_json: string; findings_json: string; details_json: string
  all_in_cost: string | null; created_at: string; created_by: string; updated_at: string
  /** The exhibit holding the contract file (0009); null for pasted text, a TXT file or a review outside a case. */
  evidence_id: string | null
}

/** Evidence (migration 0007): why an exhibit was removed, and every bundle built. */
export interface EvidenceRemovalsTable { evidence_id: string; reason: string; removed_by: string; removed_at: string }
export interface EvidenceBundlesTable {
  id: string; case_id: string; zip_path: string; pdf_path: string; zip_sha256: string; pdf_sha256: string
  pages: number; exhibits: number; bates_prefix: string | null; created_by: string; created_at: string
}

/** Bulk import (0006-import): one row per run, and per imported loan what the file said beyond the loan row. */
export interface ImportRunsTable {
  id: string; file_name: string; dry_run: number; status: string; lender_name: string | null; mapping_json: string
  rows_read: number; imported: number; updated: number; unchanged: number; rejected: number; actor: string; started_at: string; ended_at: string | null
}
export interface ImportLoanFactsTable {
  loan_id: string; created_run_id: string; updated_run_id: string | null; source_row: number; row_digest: string
  rate_original: string | null; overdue_rate_original: string | null; penalty_rate_original: string | null; repayment_method_original: string | null
  due_date: string | null; instalments: number | null; fees_fen: number | null; principal_repaid_fen: number | null; interest_repaid_fen: number | null
  days_past_due_reported: number | null
}
/** Collection facts (migration 0008). */
export interface KnownAssetsTable { id: string; case_id: string; kind: string; description: string; value_fen: number | null; source: string | null; found_on: string; created_by: string; created_at: string }
export interface AcknowledgementsTable { id: string; case_id: string; signed_on: string; amount_fen: number | null; evidence_id: string | null; note: string | null; created_by: string; created_at: string }
export interface PaymentOrderFactsTable { case_id: string; facts_json: string; updated_by: string; updated_at: string }
/** A loan's limitation as last computed; dropped by triggers when an input changes (migration 0008). */
export interface LoanLimitationTable { case_id: string; loan_id: string; state: 'dated' | 'suspended' | 'no_start'; expiry: string | null; computed_on: string; valid_until: string | null; calendar_key: string }
export interface Database {
  lenders: LendersTable
  borrowers: BorrowersTable
  borrower_phones: BorrowerPhonesTable
  borrower_addresses: BorrowerAddressesTable
  emergency_contacts: EmergencyContactsTable
  loans: LoansTable
  loan_guarantors: LoanGuarantorsTable
  disbursements: DisbursementsTable
  schedule_items: ScheduleItemsTable
  repayments: RepaymentsTable
  cases: CasesTable
  case_loans: CaseLoansTable
  stage_history: StageHistoryTable
  collection_actions: CollectionActionsTable
  promises: PromisesTable
  repayment_plans: RepaymentPlansTable
  plan_instalments: PlanInstalmentsTable
  court_events: CourtEventsTable
  deadlines: DeadlinesTable
  evidence_items: EvidenceItemsTable
  evidence_removals: EvidenceRemovalsTable
  evidence_bundles: EvidenceBundlesTable
  templates: TemplatesTable
  documents: DocumentsTable
  template_versions: TemplateVersionsTable
  import_mappings: ImportMappingsTable
  import_runs: ImportRunsTable
  import_loan_facts: ImportLoanFactsTable
  settings: SettingsTable
  audit_log: AuditLogTable
  case_search: CaseSearchTable
  contract_reviews: ContractReviewsTable
  known_assets: KnownAssetsTable
  acknowledgements: AcknowledgementsTable
  payment_order_facts: PaymentOrderFactsTable
  loan_limitation: LoanLimitationTable
}
