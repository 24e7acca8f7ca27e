import { z } from 'zod'
import { isIsoDate } from './date'

/**
 * The claim calculator's contract (issue 3): what goes in, what comes out, and the court-fee result.
 * Amounts are yuan strings with at most two decimals; rates are annual decimal fractions as strings ("0.24");
 * legal dates are `YYYY-MM-DD`. Every validation message is a stable code listed in CLAIM_INPUT_ERRORS, so the
 * engine, the CLI and the UI all show the same zh-CN / en text naming the field.
 */

/** Stable codes for field-level input errors, with the text shown after the field name. */
export const CLAIM_INPUT_ERRORS = {
  CLAIM_AMOUNT_NEGATIVE: { zh: '金额不能为负数', en: 'must not be negative' },
  CLAIM_AMOUNT_FORMAT: { zh: '应为以元为单位、最多两位小数的金额，如 "1234.56"', en: 'must be an amount in yuan with at most 2 decimals, e.g. "1234.56"' },
  CLAIM_AMOUNT_TOO_LARGE: { zh: '金额超过 10 亿元，超出计算范围', en: 'exceeds 1,000,000,000 yuan, outside the supported range' },
  CLAIM_RATE_NEGATIVE: { zh: '利率不能为负数', en: 'must not be negative' },
  CLAIM_RATE_PERCENT: {
    zh: '年利率应写成小数（如 24% 写作 "0.24"），不能写成百分数，且不能大于 1',
    en: 'annual rate must be a decimal fraction (24% is "0.24"), not a percent, and not above 1',
  },
  CLAIM_RATE_FORMAT: { zh: '年利率应为小数，如 "0.24"（最多 10 位小数）', en: 'annual rate must be a decimal such as "0.24" (at most 10 decimals)' },
  CLAIM_DATE_INVALID: { zh: '不是有效日期（格式 YYYY-MM-DD，且须为真实存在的日期）', en: 'is not a real calendar date in YYYY-MM-DD form' },
  CLAIM_DATE_OUT_OF_RANGE: { zh: '日期应在 1980-01-01 至 2100-12-31 之间', en: 'must lie between 1980-01-01 and 2100-12-31' },
} as const satisfies Record<string, { zh: string; en: string }>

export type ClaimInputErrorCode = keyof typeof CLAIM_INPUT_ERRORS

/** Largest amount the engine accepts, in yuan (keeps every fen × days product exact in a double). */
export const MAX_CLAIM_YUAN = 1_000_000_000

/** Why a yuan string is unacceptable, or null when it is a valid non-negative amount with ≤ 2 decimals. */
export function yuanProblem(s: string): ClaimInputErrorCode | null {
  if (/^\s*-/.test(s)) return 'CLAIM_AMOUNT_NEGATIVE'
  const m = /^(\d+)(?:\.\d{1,2})?$/.exec(s)
  if (!m) return 'CLAIM_AMOUNT_FORMAT'
  const whole = m[1].replace(/^0+(?=\d)/, '')
  if (whole.length > 10 || Number(whole) > MAX_CLAIM_YUAN) return 'CLAIM_AMOUNT_TOO_LARGE'
  return null
}

/**
 * Why an annual-rate string is unacceptable, or null. Anything above 1 (100 % a year) is taken for a percent
 * written by mistake ("24" for 24 %), which the calculator must refuse rather than read as 2400 %.
 */
export function rateProblem(s: string): ClaimInputErrorCode | null {
  if (/^\s*-/.test(s)) return 'CLAIM_RATE_NEGATIVE'
  if (/%\s*$/.test(s)) return 'CLAIM_RATE_PERCENT'
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s)
  if (!m) return 'CLAIM_RATE_FORMAT'
  const whole = Number(m[1])
  const fracNonZero = /[1-9]/.test(m[2] ?? '')
  if (whole > 1 || (whole === 1 && fracNonZero)) return 'CLAIM_RATE_PERCENT'
  if ((m[2] ?? '').length > 10) return 'CLAIM_RATE_FORMAT'
  return null
}

/** Why a date string is unacceptable, or null. */
export function dateProblem(s: string): ClaimInputErrorCode | null {
  if (!isIsoDate(s)) return 'CLAIM_DATE_INVALID'
  if (s < '1980-01-01' || s > '2100-12-31') return 'CLAIM_DATE_OUT_OF_RANGE'
  return null
}

const checked = (problem: (s: string) => ClaimInputErrorCode | null) =>
  z.string().superRefine((s, ctx) => {
    const code = problem(s)
    if (code) ctx.addIssue({ code: 'custom', message: code })
  })

/** A yuan amount: non-negative, at most two decimals, as a string. */
export const yuanSchema = checked(yuanProblem)
/** An annual rate as a decimal fraction string, 0 ≤ rate ≤ 1. */
export const annualRateSchema = checked(rateProblem)
/** A legal date `YYYY-MM-DD` that exists on the calendar. */
export const legalDateSchema = checked(dateProblem)

export const claimInputSchema = z.object({
  /** `private` 民间借贷 (4×LPR caps) or `licensed` 金融借款 (24 % total cost). */
  regime: z.enum(['private', 'licensed']),
  /** Contract formation date: fixes the LPR for the cap and decides the pre-/post-2020-08-20 regime. */
  contractDate: legalDateSchema,
  /** Filing date (起诉日); required for a private contract made before 2020-08-20 accruing past 2020-08-19. */
  filingDate: legalDateSchema.optional(),
  disbursementDate: legalDateSchema,
  /** Principal written on the contract. */
  contractAmount: yuanSchema,
  /** Amount actually delivered to the borrower: the recognised principal (砍头息 rule). */
  disbursedAmount: yuanSchema,
  rateTerm: annualRateSchema.optional(),
  feeRateTerm: annualRateSchema.optional(),
  rateOverdue: annualRateSchema.optional(),
  penaltyRate: annualRateSchema.optional(),
  feeRateOverdue: annualRateSchema.optional(),
  /** A one-off penalty (违约金) in yuan, due on the first overdue day. */
  penaltyFlat: yuanSchema.optional(),
  schedule: z.array(z.object({ dueDate: legalDateSchema, principal: yuanSchema })).min(1),
  payments: z.array(z.object({ date: legalDateSchema, amount: yuanSchema })).default([]),
  /** Costs of enforcing the claim (实现债权的有关费用), first in the 民法典第561条 order. */
  expenses: z.array(z.object({ date: legalDateSchema, amount: yuanSchema })).default([]),
  dayBasis: z.union([z.literal(365), z.literal(360)]).optional(),
  /** The calculation runs up to, not including, this date. */
  asOf: legalDateSchema,
})

/** The calculator input after validation (payments and expenses default to []). */
export type ClaimInput = z.output<typeof claimInputSchema>
/** The calculator input as a caller may write it. */
export type ClaimInputRaw = z.input<typeof claimInputSchema>

const yuanOut = z.string()

/** The seven reported figures; `total` is the sum of the six rounded components. */
export const claimComponentsSchema = z.object({
  principalOutstanding: yuanOut,
  termInterest: yuanOut,
  termFees: yuanOut,
  overdueInterest: yuanOut,
  penaltyAndOverdueFees: yuanOut,
  expenses: yuanOut,
  total: yuanOut,
})
export type ClaimComponents = z.infer<typeof claimComponentsSchema>

export const CLAIM_LINE_KINDS = ['termInterest', 'termFee', 'overdueInterest', 'penalty', 'overdueFee', 'penaltyFlat', 'expense'] as const
export type ClaimLineKind = (typeof CLAIM_LINE_KINDS)[number]

/** One period at a constant base and rate: the unit of explanation in documents and on screen. */
export const claimLineSchema = z.object({
  from: z.string(),
  /** Exclusive end (算头不算尾). */
  to: z.string(),
  days: z.number().int(),
  /** The balance the charge runs on, in yuan (for penaltyFlat / expense: the agreed / incurred amount). */
  base: yuanOut,
  /** The annual rate actually applied after the cap, as a decimal fraction; null for one-off amounts. */
  rate: z.string().nullable(),
  /** This line's amount, rounded half-up to the fen for display (components are rounded once from exact sums). */
  amount: yuanOut,
  kind: z.enum(CLAIM_LINE_KINDS),
  basis: z.string(),
  basisEn: z.string(),
})
export type ClaimLine = z.infer<typeof claimLineSchema>

/** How one payment was applied in the 民法典第561条 order. */
export const claimAllocationSchema = z.object({
  date: z.string(),
  amount: yuanOut,
  expenses: yuanOut,
  termInterest: yuanOut,
  termFees: yuanOut,
  overdueInterest: yuanOut,
  penaltyAndOverdueFees: yuanOut,
  principal: yuanOut,
})
export type ClaimAllocation = z.infer<typeof claimAllocationSchema>

export const claimWarningSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string() })
export type ClaimWarning = z.infer<typeof claimWarningSchema>

export const claimCapSchema = z.object({
  /** The cap in force on the last calculated day, as an annual decimal fraction ("0.154"). */
  annualRate: z.string(),
  basis: z.string(),
  basisEn: z.string(),
  /** The cap by period: one entry, or two for a pre-2020-08-20 private contract spanning the change. */
  periods: z.array(z.object({ from: z.string(), to: z.string().nullable(), annualRate: z.string(), basis: z.string(), basisEn: z.string() })),
})

export const claimResultSchema = claimComponentsSchema.extend({
  /** What the contract terms alone would give: contract amount and schedule as written, no caps. */
  uncapped: claimComponentsSchema,
  cap: claimCapSchema,
  lines: z.array(claimLineSchema),
  allocations: z.array(claimAllocationSchema),
  warnings: z.array(claimWarningSchema),
  /** The day basis actually used (365 default for private, 360 for licensed). */
  dayBasis: z.union([z.literal(365), z.literal(360)]),
})
export type ClaimResult = z.infer<typeof claimResultSchema>

/** 诉讼费用 for a money claim (诉讼费用交纳办法 第13条(一), 第14条(二)(三), 第15条, 第16条). */
export const courtFeeResultSchema = z.object({
  /** Full case acceptance fee, exact to the fen (half-up), yuan with 2 decimals. */
  fullFee: yuanOut,
  /** The full fee rounded half-up to whole yuan, digits only ("2300"). */
  fullFeeYuan: z.string(),
  /** Half of the unrounded fee: simplified / small-claims procedure, mediation, withdrawal. */
  halfFee: yuanOut,
  /** One third of the unrounded fee: 支付令 application. */
  paymentOrderFee: yuanOut,
  /** Property preservation application fee. */
  preservationFee: yuanOut,
})
export type CourtFeeResult = z.infer<typeof courtFeeResultSchema>

/** Input of `calc.courtFee`. */
export const courtFeeInputSchema = z.object({ claim: yuanSchema })
