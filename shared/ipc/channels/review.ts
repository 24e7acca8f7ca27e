import { z } from 'zod'
import type { Loan } from '../../domain/loan'
import type { JobStarted } from '../../domain/jobs'
import {
  reviewApplyInput, reviewBatchInput, reviewCorrectInput, reviewPreviewInput, reviewRunInput,
  type ReviewOutcome, type ReviewSummary, type StoredReview,
} from '../../domain/review'
import { byId, channel } from '../channel'

const forCase = z.strictObject({ caseId: z.string().min(1).max(64) })

/** Contract review (issue 7): review a contract's text or file, store it, correct its terms, confirm them into a loan. */
export const reviewChannels = {
  'review.preview': channel<typeof reviewPreviewInput, ReviewOutcome>(reviewPreviewInput, 'Review pasted text or a DOCX/PDF/TXT file (base64, ≤ 20 MB) without storing anything: terms with spans, all-in annual cost with its cash flows, findings.'),
  'review.run': channel<typeof reviewRunInput, StoredReview>(reviewRunInput, 'Review and store: the file goes to the content store, the review (text, terms, findings) to the case (and loan) given; for a case, a PDF/DOCX contract becomes (or links) its 借款合同 exhibit; audited.'),
  'review.get': channel<typeof byId, StoredReview>(byId, 'One stored review, with what confirming it into a loan would write.'),
  'review.listForCase': channel<typeof forCase, ReviewSummary[]>(forCase, "A case's contract reviews, newest first, with their finding counts."),
  'review.correct': channel<typeof reviewCorrectInput, StoredReview>(reviewCorrectInput, "Replace a review's corrections of extracted terms (and optionally its regime / disbursed / contract date), review again and store; audited."),
  'review.applyToLoan': channel<typeof reviewApplyInput, { review: StoredReview; loan: Loan }>(reviewApplyInput, 'Write the reviewed terms (rates, amounts, fees, day basis, method, clauses) into the loan through the loans service, so the calculator and documents use them; refused while the contract states a term two ways.'),
  'review.batch': channel<typeof reviewBatchInput, JobStarted>(reviewBatchInput, 'Start a batch review job over uploaded files (import.upload ids): each file is reviewed and stored; follow with jobs.get (result: ReviewBatchResult, unreadable files as per-item errors), stop with jobs.cancel.'),
} as const
