import { z } from 'zod'
import { REGIMES } from './enums'
import { bi, fen, id, isoDate, text } from './fields'
import { uploadId } from './import'
import type { Regime, ReviewResult, TermKey, TermValueOf } from './review-terms'

/**
 * The contract-review channels' inputs and outputs (issue 7). A review is stored with its contract file (in the
 * content store), the text that was reviewed, the user's corrections and the findings they led to.
 */

/** Largest contract file accepted through the contract: 20 MB (a 300-page PDF with a text layer is well below). */
export const MAX_REVIEW_FILE_BYTES = 20 * 1024 * 1024
/** Base64 of MAX_REVIEW_FILE_BYTES (4 characters per 3 bytes). */
const MAX_BASE64 = Math.ceil(MAX_REVIEW_FILE_BYTES / 3) * 4
/** Pasted text: the same ceiling the engine enforces (MAX_REVIEW_CHARS). */
const MAX_TEXT = 2_000_000

export const CONTRACT_FILE_KINDS = ['docx', 'pdf', 'txt'] as const

/** An annual rate as the reviewer writes it: a decimal fraction string, which may exceed 1 (日千分之五 = 1.8). */
const rateFraction = z.string().regex(/^\d{1,3}(\.\d{1,12})?$/, bi('利率须写成小数，如 0.24 表示 24%', 'rate must be a fraction such as 0.24 for 24%'))
const lprPart = z.strictObject({
  tenor: z.enum(['1y', '5y']), times: z.string().regex(/^\d{1,2}(\.\d{1,6})?$/, bi('LPR倍数须为数字，如 4', 'the LPR multiple must be a number such as 4')),
  quote: z.strictObject({ percent: z.string().regex(/^\d{1,2}\.\d{1,4}$/), effective: isoDate }).optional(),
})
const rateValue = z.strictObject({ annual: rateFraction.nullable(), per: z.enum(['year', 'month', 'day', 'uplift', 'lpr']), written: rateFraction, lpr: lprPart.optional() })
const yes = z.literal(true)
const count = z.number().int().min(0).max(600)
const FEE_NAMES = ['服务费', '手续费', '管理费', '咨询费', '会员费', '担保费', '审核费', '平台费', '保证金'] as const

/** What a user may write for each term; the same shapes the reviewer extracts (shared/domain/review-terms.ts). */
const TERM_VALUES = {
  contractNumber: text(100),
  lender: z.strictObject({ name: text(200), creditCode: z.string().length(18).optional(), idNumber: z.string().length(18).optional() }),
  borrower: z.strictObject({ name: text(100), idNumber: z.string().length(18).optional() }),
  contractDate: isoDate,
  contractAmountFen: fen,
  disbursedAmountFen: fen,
  startDate: isoDate,
  dueDate: isoDate,
  termMonths: count,
  instalments: count,
  repaymentMethod: z.enum(['equal-instalment', 'equal-principal', 'interest-first', 'bullet']),
  interestRate: rateValue,
  overdueRate: rateValue,
  penalty: z.strictObject({ rate: rateValue.optional(), amountFen: fen.optional(), fractionOfPrincipal: rateFraction.optional() }),
  fees: z.strictObject({
    name: z.enum(FEE_NAMES), amountFen: fen.optional(), fractionOfPrincipal: rateFraction.optional(),
    per: z.enum(['once', 'month', 'year', 'day']), deductedAtDisbursement: z.boolean(), overdue: z.boolean(),
  }),
  interestDeducted: yes,
  compoundInterest: yes,
  acceleration: yes,
  jurisdiction: z.strictObject({ court: text(200) }),
  arbitration: z.strictObject({ commission: text(200) }),
  electronicSignature: yes,
  unfairTerms: z.strictObject({ kind: z.enum(['waiver-of-defences', 'unilateral-change', 'liability-exclusion', 'final-interpretation']) }),
  dayBasis: z.union([z.literal(360), z.literal(365)]),
} satisfies Record<TermKey, z.ZodType>

type TermSchemas = typeof TERM_VALUES
const correctionOf = <K extends TermKey>(term: K) =>
  z.strictObject({ term: z.literal(term), index: z.number().int().min(0).max(999).optional(), value: (TERM_VALUES[term] as TermSchemas[K]).nullable() })

/**
 * One correction of an extracted term: with `index`, that entry is replaced (value) or removed (null); without,
 * the term becomes the one corrected value (null = the contract has no such term).
 */
export const termCorrection = z.discriminatedUnion(
  'term',
  (Object.keys(TERM_VALUES) as TermKey[]).map((k) => correctionOf(k)) as unknown as [ReturnType<typeof correctionOf<'contractNumber'>>, ...ReturnType<typeof correctionOf<TermKey>>[]],
  { error: bi('更正的条款名称或取值不正确', 'unknown term or bad value in the correction') },
) as unknown as z.ZodType<TermCorrectionInput>

/** The engine's TermCorrection (electron/core/review/corrections.ts), as the contract carries it. */
export type TermCorrectionInput = { [K in TermKey]: { term: K; index?: number; value: TermValueOf<K> | null } }[TermKey]

const reviewOptions = {
  regime: z.enum(REGIMES).optional(),
  /** Amount actually paid out, in yuan, when the contract does not say or says wrongly. */
  disbursed: z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, bi('实际放款金额须为元，如 9000 或 9000.00', 'disbursed must be yuan, e.g. 9000 or 9000.00')).optional(),
  contractDate: isoDate.optional(),
}

/** The contract to review: pasted text, or a file's bytes in base64 with its name (the kind follows the extension). */
export const reviewSource = z.union([
  z.strictObject({ text: z.string().min(1, bi('合同文本不能为空', 'the contract text must not be empty')).max(MAX_TEXT, bi('合同文本过长', 'the contract text is too long')) }),
  z.strictObject({
    fileName: text(255).refine((n) => /\.(docx|pdf|txt)$/i.test(n), bi('只能审查 DOCX、PDF 或 TXT 文件', 'only DOCX, PDF or TXT files can be reviewed')),
    dataBase64: z.string().max(MAX_BASE64, bi('文件超过 20 MB 上限', 'the file is larger than the 20 MB limit')).regex(/^[A-Za-z0-9+/]*={0,2}$/, bi('文件内容不是有效的 base64', 'the file content is not valid base64')),
  }),
])

/** `review.preview`: review without storing anything (the CLI's `casedesk review FILE`). */
export const reviewPreviewInput = z.strictObject({ source: reviewSource, ...reviewOptions })
/** `review.run`: review and store the review (and the file), optionally for a case and one of its loans. */
export const reviewRunInput = z.strictObject({ source: reviewSource, caseId: id.optional(), loanId: id.optional(), ...reviewOptions })
/** `review.correct`: replace the review's corrections (and its options) and review again. */
export const reviewCorrectInput = z.strictObject({ id, corrections: z.array(termCorrection).max(200), ...reviewOptions })
/**
 * `review.batch`: review many contract files as a job; each file was first uploaded in chunks through
 * `import.upload` (the renderer cannot hand the core a path). Every file that reads is stored as a review.
 */
export const reviewBatchInput = z.strictObject({
  uploadIds: z.array(uploadId).min(1, bi('请至少选择一个合同文件', 'choose at least one contract file')).max(5000, bi('一次最多审查 5,000 份合同', 'at most 5,000 contracts in one batch')),
  ...reviewOptions,
})

/** One reviewed file of a batch (in the job's result): the stored review and its counts. */
export interface ReviewBatchItem {
  name: string
  reviewId: string
  critical: number
  warning: number
  info: number
  allInAnnualCost: string | null
}

/** The result of a `review.batch` job: the files reviewed, in the order given; failures are the job's errors. */
export interface ReviewBatchResult {
  items: ReviewBatchItem[]
  failed: number
}

/** `review.applyToLoan`: write the reviewed terms into a loan (the review's own, or the one named). */
export const reviewApplyInput = z.strictObject({ id, loanId: id.optional() })

/** The reviewer's answer: terms, regime and cap, the all-in cost with its cash flows, and the findings. */
export type ReviewOutcome = ReviewResult

/** Loan fields the reviewed terms would set (the loans service's field names), or why a field cannot be set. */
export interface LoanPatchProposal {
  patch: Record<string, string | number>
  /** Terms the contract states twice with different values: the user must correct them first. */
  conflicts: { term: TermKey; values: unknown[] }[]
  /** Values the loan cannot hold (e.g. a rate above 100 % a year): left out, with the reason. */
  skipped: { field: string; value: string | number; reason: string; reasonEn: string }[]
}

/** A stored review. */
export interface StoredReview extends ReviewOutcome {
  id: string
  caseId: string | null
  loanId: string | null
  /** The case exhibit (借款合同) holding the contract: the PDF/DOCX itself, or a PDF transcription of a TXT file or pasted text; null outside a case. */
  evidenceId: string | null
  fileName: string | null
  fileKind: (typeof CONTRACT_FILE_KINDS)[number] | 'pasted'
  sha256: string | null
  text: string
  corrections: TermCorrectionInput[]
  options: { disbursed?: string; contractDate?: string; regime?: Regime }
  /** What "confirm into the loan" would write. */
  proposal: LoanPatchProposal
  createdAt: string
  createdBy: string
}

/** One row of a case's review list. */
export interface ReviewSummary {
  id: string
  loanId: string | null
  fileName: string | null
  allInAnnualCost: string | null
  critical: number
  warning: number
  info: number
  createdAt: string
}
