import type { ReviewOutcome, ReviewSummary, StoredReview, TermCorrectionInput } from '../../../shared/domain/review'
import type { Finding } from '../../../shared/domain/review-terms'
import type { ContractReviewsTable } from '../db/schema'
import { proposeLoanPatch } from './loan-patch'

/**
 * contract_reviews rows ↔ the shapes the contract returns. The reviewer's outcome is split into columns a list
 * can read cheaply (all_in_cost, findings) and details_json (cap, cash flows, cost convention, regime source).
 */

type Details = Pick<ReviewOutcome, 'cap' | 'cashFlows' | 'costConvention' | 'regimeSource'>

export interface ReviewSource {
  text: string
  fileKind: StoredReview['fileKind']
  fileName: string | null
  sha256: string | null
}

/** Where a stored review's text came from, as `toRow` takes it. */
export function sourceOf(r: ContractReviewsTable): ReviewSource {
  return { text: r.text, fileKind: r.file_kind as ReviewSource['fileKind'], fileName: r.file_name, sha256: r.file_sha256 }
}

export function toRow(
  id: string, src: ReviewSource, links: { caseId: string | null; loanId: string | null; evidenceId: string | null },
  options: StoredReview['options'], corrections: TermCorrectionInput[], outcome: ReviewOutcome,
  stamp: { at: string; by: string; createdAt?: string },
): ContractReviewsTable {
  const details: Details = { cap: outcome.cap, cashFlows: outcome.cashFlows, costConvention: outcome.costConvention, regimeSource: outcome.regimeSource }
  return {
    id, case_id: links.caseId, loan_id: links.loanId, evidence_id: links.evidenceId, file_sha256: src.sha256, file_name: src.fileName, file_kind: src.fileKind, text: src.text,
    regime: outcome.regime, options_json: JSON.stringify(options), terms_json: JSON.stringify(outcome.terms), corrections_json: JSON.stringify(corrections),
    findings_json: JSON.stringify(outcome.findings), details_json: JSON.stringify(details), all_in_cost: outcome.allInAnnualCost,
    created_at: stamp.createdAt ?? stamp.at, created_by: stamp.by, updated_at: stamp.at,
  }
}

export function fromRow(r: ContractReviewsTable): StoredReview {
  const details = JSON.parse(r.details_json) as Details
  const options = JSON.parse(r.options_json) as StoredReview['options']
  const outcome: ReviewOutcome = {
    terms: JSON.parse(r.terms_json), regime: r.regime as ReviewOutcome['regime'], allInAnnualCost: r.all_in_cost,
    findings: JSON.parse(r.findings_json) as Finding[], ...details,
  }
  return {
    id: r.id, caseId: r.case_id, loanId: r.loan_id, evidenceId: r.evidence_id, fileName: r.file_name, fileKind: r.file_kind as StoredReview['fileKind'], sha256: r.file_sha256,
    text: r.text, corrections: JSON.parse(r.corrections_json), options, ...outcome,
    proposal: proposeLoanPatch(outcome.terms, outcome.findings, options.disbursed),
    createdAt: r.created_at, createdBy: r.created_by,
  }
}

export function toSummary(r: Pick<ContractReviewsTable, 'id' | 'loan_id' | 'file_name' | 'all_in_cost' | 'findings_json' | 'created_at'>): ReviewSummary {
  const findings = JSON.parse(r.findings_json) as Finding[]
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length
  return { id: r.id, loanId: r.loan_id, fileName: r.file_name, allInAnnualCost: r.all_in_cost, critical: n('critical'), warning: n('warning'), info: n('info'), createdAt: r.created_at }
}
