import { z } from 'zod'
import { CHANNELS, OUTCOMES, STAGES, TARGETS } from './enums'
import { bi, fen, id, isoDate, optionalText, text } from './fields'

/**
 * The contract's shapes for the daily work (issue 8): stage changes, the collection log, promises to pay,
 * deadlines and limitation, repayment plans, litigation records and the "今日" work queue.
 */

export const CLOSE_REASONS = ['full_recovery', 'settlement_performed', 'write_off', 'suit_withdrawn', 'enforcement_terminated'] as const

/** The data a stage may need (litigation: court + filing date; closed: a reason). The rules are in electron/core/cases/stages.ts. */
const stageData = {
  to: z.enum(STAGES),
  court: optionalText(100),
  filingDate: isoDate.optional(),
  caseNumber: optionalText(50),
  closeReason: z.enum(CLOSE_REASONS).optional(),
  /** Why the case moves; shown on the timeline. */
  reason: optionalText(500),
}
export const stageChangeInput = z.strictObject({ caseId: id, ...stageData })
export const bulkStageInput = z.strictObject({ caseIds: z.array(id).min(1).max(5000), ...stageData })
export const bulkAssignInput = z.strictObject({ caseIds: z.array(id).min(1).max(5000), owner: text(50) })

/** One case that a bulk call could not change, and why (the rest of the batch goes on). */
export interface BulkFailure {
  caseId: string
  code: string
  message: string
  messageEn: string
}
export interface BulkResult {
  changed: string[]
  failed: BulkFailure[]
}

export interface StageOption {
  stage: (typeof STAGES)[number]
  /** Fields the stage needs: court, filingDate, closeReason. */
  required: string[]
}
export interface StageOptions {
  current: (typeof STAGES)[number]
  next: StageOption[]
  history: { at: string; from: string | null; to: string; actor: string; reason: string | null }[]
}

const isoTime = z.string().trim().min(10, bi('时间须为 ISO 格式，如 2026-11-27T14:30:00+08:00', 'time must be ISO, e.g. 2026-11-27T14:30:00+08:00')).max(40)

export const actionInput = z.strictObject({
  caseId: id,
  channel: z.enum(CHANNELS),
  target: z.enum(TARGETS),
  targetName: optionalText(100),
  /** ISO date-time; without an offset it is China time. */
  at: isoTime,
  durationSec: z.number().int().min(0).max(86_400).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  note: optionalText(2000),
  /** The SMS / letter / e-mail text sent, checked for forbidden expressions. */
  text: optionalText(10_000),
  /** Letters: the EMS (or other) tracking number — the delivery proof that makes a demand interrupt limitation. */
  trackingNo: optionalText(50),
  deliveredOn: isoDate.optional(),
  /** Evidence item holding the receipt (回执), if filed as evidence. */
  proofEvidenceId: id.optional(),
  /** Save despite the conduct guard: the reason goes to the audit log. */
  overrideReason: optionalText(500),
})

export interface GuardViolationView {
  code: string
  message: string
  messageEn: string
  details: Record<string, unknown>
}

export interface CollectionAction {
  id: string
  caseId: string
  channel: (typeof CHANNELS)[number]
  target: (typeof TARGETS)[number]
  targetName: string | null
  at: string
  durationSec: number | null
  outcome: (typeof OUTCOMES)[number] | null
  note: string | null
  trackingNo: string | null
  deliveredOn: string | null
  /** The evidence item holding the delivery receipt (送达回执), if one was filed. */
  proofEvidenceId: string | null
  actor: string
  overrideReason: string | null
}

export const promiseInput = z.strictObject({
  caseId: id,
  amountFen: fen.refine((n) => n > 0, bi('承诺金额须大于 0', 'the promised amount must be above 0')),
  dueDate: isoDate,
  actionId: id.optional(),
})

export const PROMISE_STATUSES = ['open', 'kept', 'partly_kept', 'broken'] as const
export interface PromiseView {
  id: string
  caseId: string
  amountFen: number
  dueDate: string
  status: (typeof PROMISE_STATUSES)[number]
  keptFen: number
  createdOn: string
}

export const DEADLINE_KIND_CODES = ['appeal-judgment', 'appeal-ruling', 'payment-order-objection', 'sue-after-preservation', 'enforcement', 'limitation'] as const
export const deadlineInput = z.strictObject({ kind: z.enum(DEADLINE_KIND_CODES), from: isoDate })

export interface CalendarWarningView {
  code: string
  message: string
  messageEn: string
}
export interface DeadlineAnswer {
  due: string
  rolledFrom: string | null
  basis: string
  basisEn: string
  calendarWarning?: CalendarWarningView
}

export interface DeadlineRow {
  id: string
  caseId: string
  loanId: string | null
  /** A DEADLINE_KIND_CODES value, or 'hearing'. */
  kind: string
  from: string
  due: string
  basis: string | null
  status: 'open' | 'done' | 'dismissed'
  daysLeft: number
  /** 90, 30 or 7 when that many days or fewer are left (and not yet past); null otherwise. */
  warning: 90 | 30 | 7 | null
}

export interface LoanLimitation {
  loanId: string
  contractNo: string
  state: 'running' | 'suspended_by_proceedings' | 'expired'
  start: string
  expiry: string | null
  daysLeft: number | null
  warning: { level: 90 | 30 | 7; message: string; messageEn: string } | null
  runs: { from: string; cause: string; due: string; rolledFrom: string | null }[]
  ignored: { date: string; kind: string; reason: string; reasonEn: string }[]
  afterExpiry: { zh: string; en: string; basis: string }[] | null
  calendarWarning?: CalendarWarningView
}

export interface CaseDeadlines {
  deadlines: DeadlineRow[]
  limitation: LoanLimitation[]
}

export const deadlineStatusInput = z.strictObject({ id, status: z.enum(['open', 'done', 'dismissed']) })

export const planProposeInput = z.strictObject({
  caseId: id,
  /** The claim date for the supportable amount; today when absent. */
  asOf: isoDate.optional(),
  reductionFen: fen.default(0),
  count: z.number().int().min(1, bi('期数至少为 1', 'at least one instalment')).max(120, bi('期数不能超过 120', 'at most 120 instalments')),
  firstDate: isoDate,
  /** Months between instalments (1 = monthly). */
  intervalMonths: z.number().int().min(1).max(12).default(1),
  /** Hand-written amounts per instalment, which must add up to the agreed total exactly. */
  amountsFen: z.array(fen).min(1).max(120).optional(),
})

export const PLAN_STATUSES = ['proposed', 'agreed', 'performing', 'broken', 'completed'] as const
export interface PlanInstalmentView {
  seq: number
  dueDate: string
  amountFen: number
  paidFen: number
  state: 'paid' | 'partly_paid' | 'due' | 'missed'
}
export interface PlanView {
  id: string
  caseId: string
  supportableFen: number
  reductionFen: number
  totalFen: number
  status: (typeof PLAN_STATUSES)[number]
  createdOn: string
  instalments: PlanInstalmentView[]
  /** Set when an instalment was missed: what happened and the proposed next step. */
  alert: { message: string; messageEn: string; nextStep: string; nextStepEn: string } | null
}

export const reductionLimitInput = z.strictObject({
  lenderId: id,
  /** The largest share of interest, penalty and fees a lawyer may waive without further approval, in whole percent. */
  maxPercent: z.number().int().min(0).max(100),
})

export const agreementInput = z.strictObject({ id, format: z.enum(['pdf', 'docx']).default('pdf') })
export interface GeneratedFile {
  fileName: string
  mime: string
  base64: string
  /** Template fields the case lacks, printed as blanks. */
  missing: string[]
  /** The registered document (documents table): listed on the case, regenerable from its snapshot. */
  documentId: string
}

export const PROCEDURES = ['payment_order', 'small_claims', 'simplified', 'ordinary'] as const
export const litigationInput = z.strictObject({
  caseId: id,
  procedure: z.enum(PROCEDURES).optional(),
  court: optionalText(100),
  caseNumber: optionalText(50),
  filingDate: isoDate.optional(),
})

export const COURT_EVENT_KINDS = ['filing', 'preservation', 'payment_order', 'hearing', 'judgment', 'ruling', 'served', 'enforcement_filing', 'enforcement_result'] as const
export const courtEventInput = z.strictObject({
  caseId: id,
  kind: z.enum(COURT_EVENT_KINDS),
  date: isoDate,
  court: optionalText(100),
  caseNumber: optionalText(50),
  /** Awarded (judgment), preserved or recovered (enforcement) amount. */
  amountFen: fen.optional(),
  note: optionalText(1000),
})

export interface CourtEventView {
  id: string
  kind: (typeof COURT_EVENT_KINDS)[number]
  date: string
  court: string | null
  caseNumber: string | null
  amountFen: number | null
  note: string | null
}

export interface LitigationRecord {
  caseId: string
  procedure: (typeof PROCEDURES)[number] | null
  court: string | null
  caseNumber: string | null
  filingDate: string | null
  /** The supportable claim the fees are computed on (yuan), as of today. */
  claimYuan: string | null
  fees: { fullFee: string; halfFee: string; paymentOrderFee: string; preservationFee: string } | null
  /** The fee for the chosen procedure: half for small claims / simplified, a third for a payment order. */
  procedureFee: string | null
  hints: { zh: string; en: string }[]
  events: CourtEventView[]
}

export const scoreOverrideInput = z.strictObject({ caseId: id, score: z.number().int().min(0).max(100), reason: text(500) })

export const QUEUE_REASONS = ['promise_due', 'promise_broken', 'deadline', 'hearing', 'limitation', 'new_case', 'plan_broken'] as const
export interface QueueItem {
  caseId: string
  caseNo: string
  borrowerName: string
  stage: (typeof STAGES)[number]
  owner: string | null
  reasons: { kind: (typeof QUEUE_REASONS)[number]; text: string; textEn: string; date?: string }[]
  score: number
  computedScore: number
  override: { score: number; reason: string } | null
  factors: { key: string; label: string; points: number; reason: string }[]
}
