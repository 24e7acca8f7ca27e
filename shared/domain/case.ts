import { z } from 'zod'
import { DPD_BUCKETS, PRIORITIES, STAGES } from './enums'
import { fen, id, optionalText, text } from './fields'

export const caseInput = z.strictObject({
  caseNo: text(50).optional(),
  borrowerId: id,
  lenderId: id,
  loanIds: z.array(id).min(1).max(50),
  owner: optionalText(50),
  priority: z.enum(PRIORITIES).default('normal'),
})
export const caseUpdate = z.strictObject({
  id,
  patch: z.strictObject({ owner: optionalText(50), priority: z.enum(PRIORITIES).optional() }),
})

export const CASE_SORTS = ['dpd_desc', 'dpd_asc', 'amount_desc', 'amount_asc', 'case_no'] as const

export const caseListFilter = z.strictObject({
  search: z.string().trim().max(50).optional(),
  stage: z.enum(STAGES).optional(),
  owner: z.string().trim().max(50).optional(),
  dpdBucket: z.enum(DPD_BUCKETS).optional(),
  minAmountFen: fen.optional(),
  maxAmountFen: fen.optional(),
  sort: z.enum(CASE_SORTS).default('dpd_desc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
})
export type CaseListFilter = z.input<typeof caseListFilter>

export interface CaseListRow {
  id: string
  caseNo: string
  borrowerName: string
  idNumberMasked: string | null
  phoneMasked: string | null
  lenderName: string
  stage: (typeof STAGES)[number]
  owner: string | null
  priority: (typeof PRIORITIES)[number]
  daysPastDue: number
  principalOutstandingFen: number
}

export interface CaseList {
  total: number
  rows: CaseListRow[]
}

export interface TimelineEntry {
  at: string
  kind: 'opened' | 'stage' | 'repayment' | 'action' | 'document' | 'court' | 'audit' | 'fact'
  title: string
  detail?: string
}

export interface CaseDetail {
  id: string
  caseNo: string
  stage: (typeof STAGES)[number]
  owner: string | null
  priority: (typeof PRIORITIES)[number]
  openedOn: string
  daysPastDue: number
  overdueSince: string | null
  principalOutstandingFen: number
  repaidFen: number
  court: string | null
  borrowerId: string
  lenderId: string
  timeline: TimelineEntry[]
}
