import { z } from 'zod'
import { REPAYMENT_METHODS, SIGNING_METHODS } from './enums'
import { annualRate, bi, fen, id, isoDate, optionalText, text } from './fields'

export const scheduleItemInput = z.strictObject({ dueDate: isoDate, principalFen: fen, interestFen: fen.default(0), feeFen: fen.default(0) })
export const repaymentInput = z.strictObject({
  date: isoDate,
  amountFen: fen.refine((n) => n > 0, bi('还款金额须大于 0', 'amount must be greater than 0')),
  principalFen: fen.optional(),
  source: optionalText(100),
  reference: optionalText(100),
})

export const loanInput = z.strictObject({
  lenderId: id,
  borrowerId: id,
  contractNo: text(100),
  contractDate: isoDate,
  signingMethod: z.enum(SIGNING_METHODS).optional(),
  esignProvider: optionalText(100),
  contractAmountFen: fen,
  disbursedAmountFen: fen,
  disbursementDate: isoDate,
  termMonths: z.number().int().min(0).max(600).optional(),
  maturityDate: isoDate.optional(),
  repaymentMethod: z.enum(REPAYMENT_METHODS),
  rateTerm: annualRate.optional(),
  feeRateTerm: annualRate.optional(),
  rateOverdue: annualRate.optional(),
  penaltyRate: annualRate.optional(),
  feeRateOverdue: annualRate.optional(),
  penaltyFlatFen: fen.optional(),
  upfrontFeeFen: fen.optional(),
  dayBasis: z.union([z.literal(360), z.literal(365)]).optional(),
  jurisdictionClause: optionalText(2000),
  arbitrationClause: optionalText(2000),
  schedule: z.array(scheduleItemInput).max(600).default([]),
  guarantors: z.array(z.strictObject({ name: text(100), idNumber: optionalText(18), phone: optionalText(30), address: optionalText(500) })).max(10).default([]),
})
export const loanUpdate = z.strictObject({
  id,
  patch: loanInput.omit({ lenderId: true, borrowerId: true, schedule: true, guarantors: true }).partial(),
})
export const addRepaymentInput = z.strictObject({ loanId: id, repayment: repaymentInput })

export interface ScheduleItem { seq: number; dueDate: string; principalFen: number; interestFen: number; feeFen: number }
export interface Repayment { id: string; date: string; amountFen: number; principalFen: number | null; source: string | null; reference: string | null }

export interface Loan {
  id: string
  lenderId: string
  lenderName: string
  borrowerId: string
  contractNo: string
  contractDate: string
  signingMethod: string | null
  esignProvider: string | null
  contractAmountFen: number
  disbursedAmountFen: number
  disbursementDate: string
  termMonths: number | null
  maturityDate: string | null
  repaymentMethod: (typeof REPAYMENT_METHODS)[number]
  rateTerm: string | null
  feeRateTerm: string | null
  rateOverdue: string | null
  penaltyRate: string | null
  feeRateOverdue: string | null
  penaltyFlatFen: number | null
  upfrontFeeFen: number | null
  dayBasis: number | null
  jurisdictionClause: string | null
  arbitrationClause: string | null
  schedule: ScheduleItem[]
  repayments: Repayment[]
  guarantors: { name: string; idNumber: string | null; phone: string | null; address: string | null }[]
  principalRepaidFen: number
  principalOutstandingFen: number
}
