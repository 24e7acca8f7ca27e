import { z } from 'zod'
import { bi, fen, id, isoDate, optionalText, text } from './fields'
import { uploadId } from './import'

/**
 * Facts gathered while collecting (issue 8): the borrower's known assets (for the recovery score and
 * enforcement), a signed debt acknowledgement (债务确认书, restarts limitation), a letter's delivery receipt
 * (送达回执) taken in as evidence and linked to its action, and the 支付令 conditions a lawyer has checked.
 */

export const ASSET_KINDS = ['salary', 'bank_account', 'real_estate', 'vehicle', 'other'] as const
export type AssetKindName = (typeof ASSET_KINDS)[number]
export const ASSET_LABELS: Record<AssetKindName, { zh: string; en: string }> = {
  salary: { zh: '工资收入', en: 'Salary' }, bank_account: { zh: '银行账户', en: 'Bank account' }, real_estate: { zh: '不动产', en: 'Real estate' },
  vehicle: { zh: '车辆', en: 'Vehicle' }, other: { zh: '其他财产', en: 'Other' },
}

export const assetInput = z.strictObject({
  caseId: id,
  kind: z.enum(ASSET_KINDS),
  description: text(500),
  valueFen: fen.optional(),
  /** Where the firm learned of it: 财产查控, 借款人陈述, 公开信息… */
  source: optionalText(200),
  foundOn: isoDate,
})
export interface KnownAssetView { id: string; caseId: string; kind: AssetKindName; description: string; valueFen: number | null; source: string | null; foundOn: string; createdAt: string }

export const acknowledgementInput = z.strictObject({
  caseId: id,
  signedOn: isoDate,
  /** The amount the borrower acknowledged, if the document states one. */
  amountFen: fen.optional(),
  /** The signed document filed as evidence. */
  evidenceId: id.optional(),
  note: optionalText(1000),
})
export interface AcknowledgementView { id: string; caseId: string; signedOn: string; amountFen: number | null; evidenceId: string | null; note: string | null; createdAt: string }

const base64 = z.string().min(1, bi('文件为空', 'the file is empty')).regex(/^[A-Za-z0-9+/]*={0,2}$/, bi('文件内容须为 base64 编码', 'file content must be base64'))
/** The receipt file: its bytes as base64 with its name, or a file staged by import.upload (the app sends large scans in chunks). */
export const receiptInput = z.strictObject({
  actionId: id,
  fileName: z.string().min(1).max(255, bi('文件名过长', 'file name too long')).optional(),
  dataBase64: base64.optional(),
  uploadId: uploadId.optional(),
  /** The delivery date on the receipt; required unless the action already has one. */
  deliveredOn: isoDate.optional(),
})

/** The 支付令 conditions (民事诉讼法第225条, 民诉解释第427–428条); absent = not yet checked. */
export const paymentOrderFactsInput = z.strictObject({
  caseId: id,
  dueAndAmountCertain: z.boolean().optional(),
  noOtherDebtDispute: z.boolean().optional(),
  noCounterObligation: z.boolean().optional(),
  debtorLocatable: z.boolean().optional(),
  canBeServed: z.boolean().optional(),
  claimsItemsNotAgreed: z.boolean().optional(),
})
export type PaymentOrderFactsView = Omit<z.output<typeof paymentOrderFactsInput>, 'caseId'>
export interface PaymentOrderAdvice {
  facts: PaymentOrderFactsView
  verdict: 'eligible' | 'not-eligible' | 'check'
  conditions: { code: string; met: boolean | null; zh: string; en: string; basis: string }[]
  note: string
  noteEn: string
}

/** The conduct rules as the guard applies them (see electron/core/collection/conduct-rules.ts for the full schema). */
export interface ConductRulesView {
  rules: {
    contactHours: { start: string; end: string; channels: string[] }
    frequency: { caps: Partial<Record<string, { perDay: number; perWeek: number }>> }
    forbiddenExpressions: { categories: { key: string; zh: string; en: string; terms: string[] }[] }
    [more: string]: unknown
  }
  /** True once the firm edited them (stored in settings); false = the shipped defaults. */
  edited: boolean
  updatedAt: string | null
}
/** The whole rules object to store (validated by the core, which names a wrong field), or null to go back to the defaults. */
export const conductRulesInput = z.strictObject({ rules: z.record(z.string(), z.unknown()).nullable() })

export interface ReductionLimitRow { lenderId: string; lenderName: string; maxPercent: number; isDefault: boolean }
