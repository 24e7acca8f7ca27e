/**
 * The closed vocabularies of the domain, shared by the store's CHECK constraints, the contract's
 * zod schemas and the UI's labels. Codes are English; labels are what a Chinese lawyer reads.
 */
export const REGIMES = ['private', 'licensed'] as const
export type Regime = (typeof REGIMES)[number]

/** Case stages in their usual order (DOMAIN.md §5; transitions are ruled in electron/core/cases/stages.ts). */
export const STAGES = ['new', 'collection', 'negotiation', 'mediation', 'litigation', 'enforcement', 'closed'] as const
export type Stage = (typeof STAGES)[number]
export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  new: { zh: '新案', en: 'New' },
  collection: { zh: '催收', en: 'Collection' },
  negotiation: { zh: '协商', en: 'Negotiation' },
  mediation: { zh: '调解', en: 'Mediation' },
  litigation: { zh: '诉讼', en: 'Litigation' },
  enforcement: { zh: '执行', en: 'Enforcement' },
  closed: { zh: '结案', en: 'Closed' },
}

export const PRIORITIES = ['high', 'normal', 'low'] as const
export type Priority = (typeof PRIORITIES)[number]

export const REPAYMENT_METHODS = ['bullet', 'equal_instalment', 'equal_principal', 'interest_first'] as const
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number]
export const REPAYMENT_METHOD_LABELS: Record<RepaymentMethod, { zh: string; en: string }> = {
  bullet: { zh: '到期一次性还本付息', en: 'Bullet' },
  equal_instalment: { zh: '等额本息', en: 'Equal instalments' },
  equal_principal: { zh: '等额本金', en: 'Equal principal' },
  interest_first: { zh: '先息后本', en: 'Interest first' },
}

export const SIGNING_METHODS = ['electronic', 'paper'] as const

export const PHONE_KINDS = ['mobile', 'home', 'work', 'other'] as const
export const ADDRESS_KINDS = ['hukou', 'residence', 'work', 'mailing'] as const

export const CHANNELS = ['phone', 'sms', 'letter', 'lawyer_letter', 'visit', 'email', 'other'] as const
export const TARGETS = ['borrower', 'guarantor', 'emergency_contact'] as const
export const OUTCOMES = ['answered', 'no_answer', 'invalid_number', 'promised', 'refused', 'negotiating', 'unreachable'] as const

/** Days-past-due buckets used by list filters and the dashboard (M1 = 1–30 days …). */
export const DPD_BUCKETS = ['current', 'M1', 'M2', 'M3', 'M4-M6', 'M6+'] as const
export type DpdBucket = (typeof DPD_BUCKETS)[number]
export const DPD_BUCKET_RANGES: Record<DpdBucket, [number, number | null]> = {
  current: [0, 0],
  M1: [1, 30],
  M2: [31, 60],
  M3: [61, 90],
  'M4-M6': [91, 180],
  'M6+': [181, null],
}
