import { z } from 'zod'
import { caseListFilter } from './case'
import { STAGES, type DpdBucket, type Stage } from './enums'
import { bi, id } from './fields'

/** A calendar month written `YYYY-MM`. */
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bi('月份须写成 YYYY-MM', 'month must be written YYYY-MM'))

/**
 * What the dashboard and the aggregate exports look at: one lender, one owner (承办人), one stage, and the
 * period (whole months, `from` to `to` inclusive) for the flows — recoveries, cases placed, promises.
 * Without a period: the twelve months ending with the current one.
 */
export const reportFilter = z
  .strictObject({
    lenderId: id.optional(),
    owner: z.string().trim().min(1).max(50).optional(),
    stage: z.enum(STAGES).optional(),
    from: yearMonth.optional(),
    to: yearMonth.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: bi('起始月份不能晚于结束月份', 'the period must not end before it starts'), path: ['to'] })
export type ReportFilter = z.input<typeof reportFilter>

/** The aging buckets of the dashboard, the keys the CLI prints (without "current": not overdue). */
export const AGING_BUCKETS = ['M1', 'M2', 'M3', 'M4-M6', 'M6+'] as const satisfies readonly DpdBucket[]
export type AgingBucket = (typeof AGING_BUCKETS)[number]

export interface CountAmount {
  count: number
  principalFen: number
}

export interface MonthFigures {
  /** `YYYY-MM` */
  month: string
  /** Repayments dated in the month on cases already placed with us (repayment date ≥ case opened). */
  recoveredFen: number
  repayments: number
  /** Cases opened (placed) in the month, and their principal outstanding when placed (today's plus the principal repaid since). */
  placedCases: number
  placedFen: number
}

export interface LawyerWorkload {
  /** The case owner (承办人); null collects cases nobody owns. */
  owner: string | null
  openCases: number
  principalOutstandingFen: number
  /** Collection actions logged on the lawyer's cases since Monday of this week (China time). */
  actionsThisWeek: number
  /** Recovered on the lawyer's cases within the period. */
  recoveredFen: number
}

export interface LenderFigures {
  lenderId: string
  lenderName: string
  openCases: number
  principalOutstandingFen: number
  recoveredFen: number
}

export interface LimitationRisk {
  caseId: string
  lenderId: string
  caseNo: string
  borrowerName: string
  lenderName: string
  owner: string | null
  stage: Stage
  contractNo: string
  lastInstalmentDue: string
  /** Last day a suit is in time (民法典第188、189、195条, rolled past holidays where the calendar knows the year). */
  expiry: string
  daysLeft: number
  /** True when the holiday calendar does not cover the expiry year: the date is the nominal one (the earliest it can be). */
  provisional: boolean
}

export interface PromiseFigures {
  /** Promises falling due in the period and already due by today. */
  due: number
  kept: number
  partlyKept: number
  broken: number
  /** Still marked open though their date has passed. */
  open: number
  /** kept / (kept + partly kept + broken), one decimal as text ("66.7"); null when nothing was settled. */
  keptRatePct: string | null
  promisedFen: number
  keptFen: number
}

export interface Dashboard {
  asOf: string
  filter: { lenderId?: string; owner?: string; stage?: Stage }
  period: { from: string; to: string }
  totals: { openCases: number; principalOutstandingFen: number; closedCases: number; recoveredFen: number; placedCases: number }
  /** Open cases not overdue. */
  current: CountAmount
  aging: Record<AgingBucket, CountAmount>
  /** Every stage in its order, with count and principal outstanding. */
  funnel: ({ stage: Stage } & CountAmount)[]
  months: MonthFigures[]
  promises: PromiseFigures
  lawyers: LawyerWorkload[]
  lenders: LenderFigures[]
  limitation: { within30: number; within90: number; rows: LimitationRisk[]; method: string }
}

/** The case list filters (without paging) plus the export format and masking. */
export const caseExportInput = z.strictObject({
  filter: caseListFilter.omit({ offset: true, limit: true }).extend({ lenderId: id.optional() }).default({ sort: 'dpd_desc' }),
  format: z.enum(['xlsx', 'csv']),
  /** ID numbers and phones stay masked unless the user asks otherwise; an unmasked export is written to the audit log. */
  unmasked: z.boolean().default(false),
})
export type CaseExportInput = z.input<typeof caseExportInput>

export const AGGREGATES = ['aging', 'funnel', 'months', 'lawyers', 'lenders', 'limitation'] as const
export const aggregateExportInput = z.strictObject({
  aggregate: z.enum(AGGREGATES),
  filter: reportFilter.default({}),
  format: z.enum(['xlsx', 'csv']),
})

/** A produced file, handed over as base64 (the renderer saves it; the CLI writes it where --out says). */
export interface ExportedFile {
  fileName: string
  mime: string
  base64: string
  rows: number
}

export const clientReportInput = z.strictObject({
  lenderId: id,
  month: yearMonth,
  format: z.enum(['pdf', 'docx']),
})
